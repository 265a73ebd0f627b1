"""Calendar arithmetic for anchoring phrases to a publication date.

Pure functions over `datetime.date`; nothing here reads the clock. Weeks run Monday to Sunday
(ISO 8601), which is also how most newswires mean "last week".
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

Prefer = Literal["past", "future"]
Period = tuple[date, date]

# Thirds of a month and of a year for "early", "mid" and "late" qualifiers.
MONTH_THIRDS: dict[str, tuple[int, int | None]] = {"early": (1, 10), "mid": (11, 20), "late": (21, None)}
YEAR_THIRDS: dict[str, tuple[int, int]] = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
DECADE_THIRDS: dict[str, tuple[int, int]] = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def month_period(year: int, month: int, part: str | None = None) -> Period:
    """A whole month, or its early (1-10), mid (11-20) or late (21-end) third."""
    if part is None:
        return date(year, month, 1), month_end(year, month)
    first, last = MONTH_THIRDS[part]
    return date(year, month, first), (date(year, month, last) if last else month_end(year, month))


def year_period(year: int, part: str | None = None) -> Period:
    """A whole year, or its early (Jan-Apr), mid (May-Aug) or late (Sep-Dec) third."""
    if part is None:
        return date(year, 1, 1), date(year, 12, 31)
    first, last = YEAR_THIRDS[part]
    return date(year, first, 1), month_end(year, last)


def decade_period(first_year: int, part: str | None = None) -> Period:
    """A decade such as 1990-1999, or its early, mid or late years."""
    if part is None:
        return date(first_year, 1, 1), date(first_year + 9, 12, 31)
    first, last = DECADE_THIRDS[part]
    return date(first_year + first, 1, 1), date(first_year + last, 12, 31)


def week_period(day: date) -> Period:
    """The Monday-to-Sunday week containing `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, the day clamped to the target month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def safe_date(year: int, month: int, day: int) -> date | None:
    """A date, or None when the triple is not a real calendar day (Feb 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_day(month: int, day: int, published: date, prefer: Prefer) -> date | None:
    """The year-less day nearest publication: on or before it ("past") or on or after it ("future")."""
    step = -1 if prefer == "past" else 1
    year = published.year
    # Eight years reach a leap year from any start, so "Feb. 29" resolves too.
    for _ in range(9):
        candidate = safe_date(year, month, day)
        if candidate is not None and (candidate <= published if step < 0 else candidate >= published):
            return candidate
        year += step
    return None


def infer_month_year(month: int, published: date, prefer: Prefer, part: str | None = None) -> int:
    """The year of a year-less month: the latest one starting on or before publication ("past"),
    or the first one ending on or after it ("future")."""
    start, end = month_period(published.year, month, part)
    if prefer == "past":
        return published.year if start <= published else published.year - 1
    return published.year if end >= published else published.year + 1


def weekday_on_or_before(weekday: int, day: date) -> date:
    """The latest date with that weekday on or before `day`."""
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def weekday_on_or_after(weekday: int, day: date) -> date:
    """The earliest date with that weekday on or after `day`."""
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def day_of_month_on_or_before(day_number: int, published: date) -> date | None:
    """ "On the 19th": the latest 19th on or before publication (this month or an earlier one)."""
    anchor = published
    for _ in range(12):
        candidate = safe_date(anchor.year, anchor.month, day_number)
        if candidate is not None and candidate <= published:
            return candidate
        anchor = add_months(anchor.replace(day=1), -1)
    return None


def day_of_month_on_or_after(day_number: int, published: date) -> date | None:
    """ "On the 19th" in a future sentence: the first 19th on or after publication."""
    anchor = published.replace(day=1)
    for _ in range(12):
        candidate = safe_date(anchor.year, anchor.month, day_number)
        if candidate is not None and candidate >= published:
            return candidate
        anchor = add_months(anchor, 1)
    return None


def clip(period: Period, published: date | None, prefer: Prefer) -> Period | None:
    """Cut a period that straddles publication so it never runs past it (past) or before it (future).

    Returns None when nothing of the period is left on the preferred side.
    """
    start, end = period
    if published is None:
        return period
    if prefer == "past":
        if start > published:
            return None
        return start, min(end, published)
    if end < published:
        return None
    return max(start, published), end
