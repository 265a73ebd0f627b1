"""Defence-ministry formulas and weapon names of front-line reports. Sentences written here."""
from __future__ import annotations

from datetime import date

import pytest

from truce.extract.pipeline import extract

PUBLISHED = date(2021, 3, 15)


@pytest.mark.parametrize("text, actor_country", [
    ("On 14 March, units of the armed forces of Armenia subjected the positions of the Azerbaijani Army in the "
     "Tovuz district to fire from large-caliber weapons.", "ARM"),
    ("Azerbaijani units subjected Armenian positions near Sotk to mortar fire overnight.", "AZE"),
    ("Enemy troops subjected the village of Krasnohorivka to artillery shelling on Sunday.", None),
])
def test_subjecting_to_fire_is_the_subjects_attack(text: str, actor_country: str | None) -> None:
    attacks = [e for e in extract(text, published=PUBLISHED) if e.type == "ASSAULT"]
    assert len(attacks) == 1, [e.to_dict() for e in extract(text, published=PUBLISHED)]
    assert attacks[0].actor is not None, attacks[0].to_dict()
    if actor_country:
        assert attacks[0].actor.country == actor_country


@pytest.mark.parametrize("text", [
    "The detainees were subjected to torture, the report said.",
    "The bill was subjected to a review by the committee.",
    "All imports are subjected to strict checks at the border.",
])
def test_other_subjecting_is_no_fire(text: str) -> None:
    events = extract(text, published=PUBLISHED)
    assert not [e for e in events if e.type == "ASSAULT" and e.mode in {"firearms", "heavy-weapons"}], \
        [e.to_dict() for e in events]


@pytest.mark.parametrize("text, weapon", [
    ("A patrol vehicle hit an improvised explosive device near Kidal on Sunday.", "ied"),
    ("Gunmen opened fire on the checkpoint with large-calibre weapons near Tovuz.", "small-arms"),
])
def test_weapon_names_of_front_line_reports(text: str, weapon: str) -> None:
    attacks = [e for e in extract(text, published=PUBLISHED) if e.type == "ASSAULT"]
    assert attacks, [e.to_dict() for e in extract(text, published=PUBLISHED)]
    assert weapon in attacks[0].weapons, attacks[0].to_dict()
