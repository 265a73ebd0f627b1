"""Fire answered is fire: "returned fire" is an attack by who returned it (short texts written here)."""

from __future__ import annotations

import pytest

from truce.extract.pipeline import extract

PUBLISHED = "2024-03-05"


@pytest.mark.parametrize("text, actor", [
    ("Armenian troops returned fire on Tuesday.", "ARM"),
    ("Indian soldiers returned the fire, the army said.", "IND"),
])
def test_returned_fire_is_an_attack_by_who_returned_it(text: str, actor: str) -> None:
    attacks = [e for e in extract(text, published=PUBLISHED) if e.type == "ASSAULT"]
    assert attacks, text
    assert any(e.actor is not None and e.actor.country == actor and e.mode == "firearms" for e in attacks), attacks

