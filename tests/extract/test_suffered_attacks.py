"""Who came under an attack was hit, never the attacker: "came under fire", "is under attack",
"took fire" (short texts written here)."""

from __future__ import annotations

import pytest

from truce.extract.pipeline import extract

PUBLISHED = "2024-03-05"


def _attack(text: str) -> dict:
    found = [e.to_dict() for e in extract(text, published=PUBLISHED) if e.type == "ASSAULT"]
    assert len(found) == 1, found
    return found[0]


def _name(ref: dict | None) -> str:
    return (ref or {}).get("name") or ""


@pytest.mark.parametrize("text, hit, attacker", [
    ("A UN convoy came under attack near Goma on Sunday.", "UN", ""),
    ("Government positions near Hama came under heavy shelling from rebel fighters.", "Government", "rebel"),
    ("An Indian army post came under fire from across the Line of Control.", "Indian", ""),
    ("The town hall came under Russian artillery fire overnight.", "town hall", "Russian"),
    ("Kharkiv is under attack by Russian drones.", "Kharkiv", "Russian"),
])
def test_who_came_under_attack_was_hit(text: str, hit: str, attacker: str) -> None:
    event = _attack(text)
    assert hit.lower() in _name(event.get("recipient")).lower(), event
    assert hit.lower() not in _name(event.get("actor")).lower(), event
    assert attacker.lower() in _name(event.get("actor")).lower(), event


def test_the_speakers_positions_under_fire_are_the_speakers_side() -> None:
    event = _attack('"Our positions came under fire near the dam," the Russian commander said.')
    assert (event.get("recipient") or {}).get("country") == "RUS", event
    assert (event.get("actor") or {}).get("country") != "RUS", event


@pytest.mark.parametrize("text", [
    "The mayor said Kharkiv was under attack by Russian drones.",
    "Kharkiv was under heavy shelling on Monday, the governor said.",
])
def test_a_place_said_to_be_under_attack_was_hit(text: str) -> None:
    event = _attack(text)
    assert "Kharkiv" in _name(event.get("recipient")), event
    assert (event.get("actor") or {}).get("name") not in {"mayor", "governor"}, event
