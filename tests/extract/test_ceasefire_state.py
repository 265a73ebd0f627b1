"""A ceasefire that holds, frays or collapses is an agreement already made, not a new one; fire
that was heard or reported happened. Sentences written here, in the wording of wire stories and
monitoring updates."""
from __future__ import annotations

from datetime import date

import pytest

from truce.extract.pipeline import extract

PUBLISHED = date(2023, 3, 2)


@pytest.mark.parametrize("text", [
    "The truce appeared to be holding on Sunday.",
    "The ceasefire has been holding since Tuesday despite isolated violations.",
    "A fragile cease-fire in the north largely held overnight.",
    "The armistice collapsed within hours.",
    "The week-old truce seemed to fray on Friday.",
])
def test_an_agreement_in_force_is_no_new_agreement(text: str) -> None:
    events = extract(text, published=PUBLISHED)
    assert not [e for e in events if e.type == "AGREE"], [e.to_dict() for e in events]


@pytest.mark.parametrize("text", [
    "The two sides agreed a ceasefire on Sunday.",
    "A ceasefire was announced in Khartoum on Tuesday.",
    "The truce took effect at midnight.",
])
def test_an_agreement_made_is_still_one(text: str) -> None:
    events = extract(text, published=PUBLISHED)
    assert [e for e in events if e.type == "AGREE"], [e.to_dict() for e in events]


def test_the_collapse_keeps_the_attack_that_ended_it() -> None:
    events = extract("The ceasefire collapsed on Thursday when government forces resumed shelling of rebel-held "
                     "areas.", published=PUBLISHED)
    assert [e.type for e in events] == ["ASSAULT"], [e.to_dict() for e in events]


@pytest.mark.parametrize("text, place", [
    ("The ceasefire largely held overnight, with only sporadic small-arms fire reported near Bakhmut.", "Bakhmut"),
    ("Calm returned to the city, though machine-gun fire was heard near Kidal after dark.", "Kidal"),
    ("Automatic fire was reported on the outskirts of Mosul on Monday.", "Mosul"),
])
def test_fire_heard_or_reported_happened(text: str, place: str) -> None:
    events = [e for e in extract(text, published=PUBLISHED) if e.type == "ASSAULT"]
    assert len(events) == 1, [e.to_dict() for e in extract(text, published=PUBLISHED)]
    assert events[0].mode == "firearms"
    assert events[0].location is not None and events[0].location.name == place


@pytest.mark.parametrize("text", [
    "A fire was reported at a warehouse in the port.",
    "Firefighters said the fire was seen from miles away.",
])
def test_a_blaze_is_no_fire_of_weapons(text: str) -> None:
    events = extract(text, published=PUBLISHED)
    assert not [e for e in events if e.type == "ASSAULT"], [e.to_dict() for e in events]
