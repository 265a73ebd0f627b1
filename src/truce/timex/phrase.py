"""One phrase in, one DateRef out: the public face of the rules in rules.py."""

from __future__ import annotations

from datetime import date, datetime

from truce.model import DateRef
from truce.timex.calendar import Prefer
from truce.timex.rules import clean, resolve


def publication_day(published: date | datetime | str | None) -> date | None:
    """The calendar day of publication (a datetime's own date, in its own zone); None if unusable."""
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    if isinstance(published, str):
        try:
            return datetime.fromisoformat(published.strip()).date()
        except ValueError:
            return None
    return None


def normalise(phrase: str, published: date | datetime | None, prefer: Prefer = "past") -> DateRef | None:
    """Read one date phrase ("Sept. 19", "last week", "since the 1990s") against publication.

    Returns a DateRef with start/end bounding the named period and its precision; `background` is
    set for context periods ("since the 1990s", "for decades"). A phrase that needs an anchor it
    lacks (no publication date, no year) has precision "unknown" and no bounds. `prefer="future"`
    reads year-less phrases forward from publication (for sentences about what will happen).
    Returns None for empty input or a phrase that names no date; never raises.
    """
    if not isinstance(phrase, str) or prefer not in ("past", "future"):
        return None
    text = phrase.strip()
    if not text:
        return None
    resolution = resolve(clean(text), publication_day(published), prefer)
    if resolution is None:
        return None
    (start, end, precision), background = resolution
    return DateRef(text=text, start=start, end=end, precision=precision, background=background)
