"""What a mission verified happened: "verified the killing of", like "documented" or "confirmed",
tells an act the mission stands behind (UN missions' phrasing), and the verifier is no actor."""

from __future__ import annotations

from datetime import date

import pytest

from truce.extract.pipeline import extract

PUBLISHED = date(2023, 6, 9)


@pytest.mark.parametrize(("text", "dead"), [
    ("The Mission verified the killing of four community leaders in Cauca department last week.", 4),
    ("UNMISS verified the deaths of 12 civilians in attacks on villages near Yei on Tuesday.", 12),
])
def test_a_verified_killing_is_an_attack_with_its_toll(text: str, dead: int) -> None:
    events = [e for e in extract(text, published=PUBLISHED) if e.type == "ASSAULT"]
    assert events, "the verified act gives no event"
    assert any(e.fatalities == dead for e in events)
    assert all(e.actor is None or e.actor.name.lower() not in ("mission", "unmiss") for e in events)

