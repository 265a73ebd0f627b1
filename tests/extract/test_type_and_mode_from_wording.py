"""The event's type and mode from its wording: an aircraft that bombs makes an air strike, fire
with named heavy weapons is heavy-weapons fire, and a clinic receiving the wounded is no visit
(sentences written for these tests)."""
from __future__ import annotations

import pytest

from truce.extract.pipeline import extract
from truce.model import Event


def _events(text: str, published: str) -> list[Event]:
    return extract(text, published, use_classifier=False)


@pytest.mark.parametrize("text", [
    "A government warplane bombed a market in the village of Tarin on Monday, residents said.",
])
def test_aircraft_bombing_is_aerial(text: str) -> None:
    events = [e for e in extract(text, published="2022-05-03") if e.type == "ASSAULT"]
    assert any(e.mode == "aerial" for e in events), [(e.type, e.mode) for e in events]


def test_ground_bombing_stays_explosives() -> None:
    text = "Militants bombed a police station in the town of Tarin on Monday, officials said."
    events = [e for e in extract(text, published="2022-05-03") if e.type == "ASSAULT"]
    assert events and all(e.mode != "aerial" for e in events)


def test_fire_with_named_heavy_weapons_is_heavy_weapons() -> None:
    text = "Officials said the rebels opened fire with mortars on an army camp near Kidal on Monday."
    events = _events(text, "2022-05-10")
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks, events
    assert attacks[0].mode == "heavy-weapons"


def test_receiving_the_wounded_is_no_visit() -> None:
    events = _events("The clinic in Kismayo had received 48 injured people since Sunday, aid workers said.",
                     "2025-03-12")
    assert not [e for e in events if e.type == "CONSULT"]
    assert [e for e in events if e.type == "ASSAULT" and e.injured == 48]


def test_receiving_a_minister_is_still_a_visit() -> None:
    text = "The Kenyan president received the Somali foreign minister in Nairobi on Monday."
    assert [e for e in _events(text, "2025-03-12") if e.type == "CONSULT"]
