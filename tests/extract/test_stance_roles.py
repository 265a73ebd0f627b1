"""Who did what to whom, read from the verb's own meaning (short texts written here)."""

from __future__ import annotations

from truce.extract.pipeline import extract

PUBLISHED = "2024-03-05"


def _events(text: str) -> list[dict]:
    return [e.to_dict() for e in extract(text, published=PUBLISHED)]


def _text(arg: dict | None) -> str:
    return (arg or {}).get("text") or ""


def _at(ev: dict, role: str) -> str:
    span = ev["evidence"]["spans"].get(role)
    start = ev["evidence"]["start"]
    return ev["evidence"]["sentence"][span[0] - start:span[1] - start] if span else ""


def test_who_dies_is_the_victim_never_the_attacker() -> None:
    cases = {"Four policemen die in roadside bombing": "Four policemen",
             "Three shepherds died in the shelling of Kupiansk on Sunday.": "Three shepherds",
             "Two rebels perished in an air raid near Kidal.": "Two rebels"}
    for text, dead in cases.items():
        dying = _events(text)
        assert dying, text
        assert all(_text(e.get("actor")) != dead for e in dying), text
        assert any(_text(e.get("recipient")) == dead for e in dying), text


def test_dying_under_a_named_attack_keeps_its_attacker() -> None:
    events = _events("Six conscripts died during an Iranian drone attack near the border post.")
    assert events
    assert all("conscripts" not in _text(e.get("actor")) for e in events)
