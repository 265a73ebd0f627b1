"""Places that are not the event's: where the speaker was, where the victims were treated (short
texts written here)."""

from __future__ import annotations

import pytest

from truce.extract.pipeline import extract

PUBLISHED = "2024-03-05"


def _attacks(text: str) -> list[dict]:
    found = [e.to_dict() for e in extract(text, published=PUBLISHED)]
    return [e for e in found if e["type"] == "ASSAULT"]


def _place(ev: dict) -> str:
    return (ev.get("location") or {}).get("text") or ""


@pytest.mark.parametrize("text, elsewhere", [
    # where the speaker spoke
    ("The foreign minister said while in Norway that militants had bombed a market.", "Norway"),
    ("The governor told journalists in Kyiv that Russian drones struck a power plant.", "Kyiv"),
    ("The envoy said in Vienna on Monday that Houthi forces fired missiles at two ships.", "Vienna"),
    # where the victims were treated
    ("A girl died in hospital in Dnipro after a Russian missile strike on Pavlohrad.", "Dnipro"),
    ("Six wounded fighters were taken to a hospital in Aden after clashes in Lahij.", "Aden"),
    ("Two women died at a clinic in Bunia after militiamen attacked Djugu.", "Bunia"),
])
def test_a_place_that_is_not_the_events_is_not_its_scene(text: str, elsewhere: str) -> None:
    attacks = _attacks(text)
    assert attacks, text
    assert all(_place(e) != elsewhere for e in attacks), text


@pytest.mark.parametrize("text", [
    "The foreign minister said while in Norway that militants had bombed a market.",
    "The governor told journalists in Kyiv that Russian drones struck a power plant.",
    "The envoy said in Vienna on Monday that Houthi forces fired missiles at two ships.",
])
def test_what_a_speaker_says_happened_is_claimed(text: str) -> None:
    attacks = _attacks(text)
    assert attacks and all(e["status"] == "claimed" for e in attacks), text


def test_where_the_speaker_spoke_leaves_the_reported_place() -> None:
    attacks = _attacks("The governor told journalists in Kyiv that Russian drones struck a power plant in Sumy.")
    assert attacks and all(_place(e) == "Sumy" for e in attacks)


def test_a_hospital_that_was_hit_is_the_scene() -> None:
    attacks = _attacks("Russian missiles struck the hospital in Kupiansk.")
    assert attacks and any(_place(e) == "Kupiansk" for e in attacks)
