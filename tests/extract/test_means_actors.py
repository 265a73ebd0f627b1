"""An attack's weapon or day is never its doer. Sentences written here."""
from __future__ import annotations

from datetime import date

import pytest

from truce.extract.means import names_means
from truce.extract.pipeline import extract

PUBLISHED = date(2022, 10, 11)


@pytest.mark.parametrize("text", [
    "Missiles hit the centre of Kyiv on Monday morning.",
    "An IED killed two soldiers near Mopti.",
    "A woman was injured by shrapnel in Horlivka.",
    "Two cruise missiles struck an energy facility near Lviv.",
    "UN chief condemned the attack on a displacement camp near Goma on Friday, which killed 15 civilians.",
])
def test_a_means_or_a_day_is_no_attacker(text: str) -> None:
    attacks = [e for e in extract(text, published=PUBLISHED) if e.type == "ASSAULT"]
    assert attacks, f"no attack read from: {text}"
    for e in attacks:
        assert e.actor is None, e.to_dict()
        assert e.evidence is None or "actor" not in e.evidence.spans


@pytest.mark.parametrize("text, country", [
    ("Russian drones struck an energy facility near Lviv.", "RUS"),
    ("Houthi missiles hit a tanker in the Red Sea.", "YEM"),
    ("Gunmen attacked a checkpoint near Mopti.", None),
])
def test_a_doer_stays(text: str, country: str | None) -> None:
    attacks = [e for e in extract(text, published=PUBLISHED) if e.type == "ASSAULT"]
    assert attacks and attacks[0].actor is not None, [e.to_dict() for e in attacks]
    assert attacks[0].actor.country == country


@pytest.mark.parametrize("phrase, means", [
    ("missiles", True), ("an improvised explosive device", True), ("Friday", True), ("shrapnel", True),
    ("gunmen", False), ("the rebels", False), ("fire brigades", False), ("drone operators", False),
])
def test_names_means(phrase: str, means: bool) -> None:
    assert names_means(phrase) is means
