"""Final rules, round 5: an aircraft that bombs makes an air strike."""
from __future__ import annotations

import pytest

from truce.extract.pipeline import extract


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
