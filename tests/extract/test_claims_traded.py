"""Reciprocal accusations with no accusing verb of their own: "X and Y traded accusations of shelling"."""

from __future__ import annotations

from datetime import date

import pytest

from truce.extract.pipeline import extract


@pytest.mark.parametrize(("text", "sides"), [
    ("Armenia and Azerbaijan traded accusations of shelling border villages.", {"ARM", "AZE"}),
    ("India and Pakistan exchanged accusations of firing across the Line of Control.", {"IND", "PAK"}),
])
def test_traded_accusations_give_one_claimed_act_per_side(text: str, sides: set[str]) -> None:
    attacks = [e for e in extract(text, published=date(2021, 5, 1)) if e.type == "ASSAULT"]
    assert len(attacks) == 2, [e.to_dict() for e in attacks]
    pairs = {(e.source.country if e.source else None, e.actor.country if e.actor else None) for e in attacks}
    a, b = sorted(sides)
    assert pairs == {(a, b), (b, a)}
    assert all(e.status == "claimed" for e in attacks)


def test_trading_goods_is_no_accusation() -> None:
    events = extract("Armenia and Azerbaijan traded grain across the border.", published=date(2021, 5, 1))
    assert not [e for e in events if e.type in {"ACCUSE", "ASSAULT"}]
