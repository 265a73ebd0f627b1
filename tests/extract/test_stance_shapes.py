"""Stance shapes (sentences written here): what is not today's event, who claims, who is blamed."""
from __future__ import annotations

from datetime import date

from truce.extract.pipeline import extract

_DAY = date(2022, 5, 12)


def _attacks(text: str) -> list:
    return [e for e in extract(text, published=_DAY) if e.type == "ASSAULT"]


def test_fighting_since_a_year_is_background() -> None:
    """A stretch running from a year named to now is the conflict's background, not today's act."""
    assert _attacks("Separatist fighters have battled government troops in the east since 2014.") == []
    assert _attacks("Since 2016, the insurgency has killed thousands of villagers.") == []
    assert _attacks("The two armies have clashed repeatedly since the 2020 war.") == []


def test_since_a_recent_day_stays_news() -> None:
    """'since Tuesday', 'since the truce' bound a few days: the act is news."""
    assert _attacks("Rebels have shelled the town twice since Tuesday.")
    assert _attacks("Government troops have attacked the village three times since the truce began.")
