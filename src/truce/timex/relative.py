"""Phrases anchored on the publication day: "yesterday", "last week", "on Monday", "two days ago".

Every rule here needs the publication date; without it the phrase is recognised but resolves to
precision "unknown" (start and end None). Choices, so that callers can rely on them:

- "overnight" and "last night" are the night before publication and resolve to the day before
  publication, precision "day": most of that night belongs to the evening of that day, and wire
  copy published in the morning uses it so.
- Weeks run Monday to Sunday. "last week" is the whole previous week, "this week" / "earlier this
  week" run from this week's Monday to publication (precision "day": the bounds are exact days).
- "this month" / "this year" run from their first day to publication, precision month / year.
- "the past three days" is publication minus three days to publication, inclusive: whatever the
  hour of publication, the 72 hours fall inside it. Precision is the unit named (days and weeks:
  "day", months: "month", years: "year").
- "two days ago" is one day; "two months ago" the month two months back, precision "month".
- "on Monday" is the latest Monday on or before publication ("future": on or after it); "last
  Monday" the latest before the day before publication (a week back when that day is Monday);
  "next Monday" the first strictly after.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from truce.model import DatePrecision
from truce.timex.calendar import (
    Period,
    Prefer,
    add_months,
    clip,
    month_period,
    week_period,
    weekday_on_or_after,
    weekday_on_or_before,
    year_period,
)
from truce.timex.lexicon import NUMBER_RE, WEEKDAY_RE, WEEKDAYS, number_value

Found = tuple[date | None, date | None, DatePrecision]
UNKNOWN: Found = (None, None, "unknown")

# Offsets in days from publication for phrases that name a single day.
DAY_OFFSETS: dict[str, int] = {
    "today": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0,
    "earlier today": 0, "later today": 0, "early today": 0, "late today": 0, "now": 0,
    "yesterday": -1, "last night": -1, "overnight": -1, "late last night": -1,
    "early last night": -1, "last evening": -1, "the day before yesterday": -2,
    "tomorrow": 1, "tomorrow night": 1, "the day after tomorrow": 2,
}  # fmt: skip

# Counted from some other event of the story, not from publication: recognised, never anchored.
_NARRATIVE = re.compile(
    r"(?:the )?(?:following|previous|preceding|same) (?:day|night|morning|evening|week|month|year)|"
    r"the next (?:day|night|morning|evening)|"
    rf"the day (?:before|after)|(?:{NUMBER_RE}) (?:day|week|month|year)s? (?:earlier|later|before|after)"
)
_AGO = re.compile(rf"({NUMBER_RE}) (day|week|month|year|hour|minute)s? ago")
_HOURS_AGO = re.compile(rf"(?:(?:{NUMBER_RE}|a few|several|some) )?(?:hours|minutes) ago|an hour ago")
_ROLLING_PAST = re.compile(
    rf"(?:the )?(?:past|last|previous|preceding)(?: ({NUMBER_RE}))?(?: few)? (day|week|month|year)s?"
)
_ROLLING_NEXT = re.compile(rf"(?:the )?(?:next|coming|following)(?: ({NUMBER_RE}))?(?: few)? (day|week|month|year)s?")
_RECENT = re.compile(r"recent (day|week|month|year)s")
_RECENT_SPAN = {"day": 7, "week": 28, "month": 91, "year": 1096}  # how far back "recent days" reaches
_CALENDAR = re.compile(
    r"(this|last|next|the|the previous|the following|the coming|earlier this|later this|early this|"
    r"late this|earlier last|late last|early last|early next|late next)? ?(week|weekend|month|year)"
)
_WEEKDAY = re.compile(rf"(?:(last|next|this|past|coming|previous) )?({WEEKDAY_RE})")
_UNIT_PRECISION: dict[str, DatePrecision] = {"day": "day", "week": "day", "month": "month", "year": "year"}


def resolve_relative(text: str, published: date | None, prefer: Prefer) -> Found | None:
    """Resolve a cleaned phrase anchored on publication; None when the phrase is not of this kind."""
    for rule in _RULES:
        found = rule(text, published, prefer)
        if found is not None:
            return found
    return None


def _day_offset(text: str, published: date | None, prefer: Prefer) -> Found | None:
    offset = DAY_OFFSETS.get(text)
    if offset is None and _HOURS_AGO.fullmatch(text):
        offset = 0
    if offset is None:
        return None
    if published is None:
        return UNKNOWN
    day = published + timedelta(days=offset)
    return day, day, "day"


def _narrative(text: str, published: date | None, prefer: Prefer) -> Found | None:
    return UNKNOWN if _NARRATIVE.fullmatch(text) else None


def _ago(text: str, published: date | None, prefer: Prefer) -> Found | None:
    m = _AGO.fullmatch(text)
    if m is None:
        return None
    count, unit = number_value(m.group(1)), m.group(2)
    if count is None:
        return None
    if published is None:
        return UNKNOWN
    if unit in ("hour", "minute"):
        return published, published, "day"
    if unit in ("day", "week"):
        day = published - timedelta(days=count * (7 if unit == "week" else 1))
        return day, day, "day"
    if unit == "month":
        start, end = month_period(*_year_month(add_months(published, -count)))
        return start, end, "month"
    start, end = year_period(published.year - count)
    return start, end, "year"


def _year_month(day: date) -> tuple[int, int]:
    return day.year, day.month


def _rolling(text: str, published: date | None, prefer: Prefer) -> Found | None:
    past = _ROLLING_PAST.fullmatch(text)
    future = None if past else _ROLLING_NEXT.fullmatch(text)
    m = past or future
    if m is None:
        return None
    if m.group(1) is None and not text.startswith(("the ", "past ")) and not text.endswith("s"):
        return None  # "last week", "next month": calendar periods, not rolling windows
    count = number_value(m.group(1)) if m.group(1) else (3 if "few" in text or text.endswith("s") else 1)
    unit = m.group(2)
    if count is None:
        return None
    if published is None:
        return UNKNOWN
    other = _shift(published, unit, -count if past else count)
    start, end = (other, published) if past else (published, other)
    return start, end, _UNIT_PRECISION[unit]


def _shift(day: date, unit: str, count: int) -> date:
    if unit in ("day", "week"):
        return day + timedelta(days=count * (7 if unit == "week" else 1))
    return add_months(day, count * (12 if unit == "year" else 1))


def _recent(text: str, published: date | None, prefer: Prefer) -> Found | None:
    m = _RECENT.fullmatch(text)
    if m is None:
        return None
    if published is None:
        return UNKNOWN
    unit = m.group(1)
    return published - timedelta(days=_RECENT_SPAN[unit]), published, _UNIT_PRECISION[unit]


def _calendar(text: str, published: date | None, prefer: Prefer) -> Found | None:
    m = _CALENDAR.fullmatch(text)
    if m is None:
        return None
    which, unit = (m.group(1) or "the"), m.group(2)
    if which == "the" and unit != "weekend":
        return None  # "the week", "the year": not anchored
    if published is None:
        return UNKNOWN
    period = _calendar_period(which, unit, published, prefer)
    if period is None:
        return None
    return period[0], period[1], _UNIT_PRECISION.get(unit, "day")


def _calendar_period(which: str, unit: str, published: date, prefer: Prefer) -> Period | None:
    step = {"last": -1, "the previous": -1, "earlier last": -1, "early last": -1, "late last": -1,
            "next": 1, "the following": 1, "the coming": 1, "early next": 1, "late next": 1}.get(which, 0)
    if unit == "weekend":
        return _weekend(which, step, published, prefer)
    period = _unit_period(unit, published, step)
    if which.startswith(("early", "earlier")) and step == 0:
        return clip((period[0], published), published, "past")
    if which.startswith(("later", "late")) and step == 0:
        return clip((published, period[1]), published, "future")
    if step == 0:
        return clip(period, published, prefer)
    return period


def _unit_period(unit: str, published: date, step: int) -> Period:
    if unit == "week":
        return week_period(published + timedelta(days=7 * step))
    if unit == "month":
        return month_period(*_year_month(add_months(published.replace(day=1), step)))
    return year_period(published.year + step)


def _weekend(which: str, step: int, published: date, prefer: Prefer) -> Period | None:
    if step < 0:
        sunday = weekday_on_or_before(6, published - timedelta(days=1))
        return sunday - timedelta(days=1), sunday
    if step > 0 or prefer == "future":
        saturday = weekday_on_or_after(5, published + timedelta(days=1 if step > 0 else 0))
        return saturday, saturday + timedelta(days=1)
    # "over the weekend" in past-tense copy: the latest weekend reaching publication, cut there.
    saturday = weekday_on_or_before(5, published)
    return clip((saturday, saturday + timedelta(days=1)), published, "past")


def _weekday(text: str, published: date | None, prefer: Prefer) -> Found | None:
    m = _WEEKDAY.fullmatch(text)
    if m is None:
        return None
    if published is None:
        return UNKNOWN
    which, weekday = m.group(1), WEEKDAYS[m.group(2)]
    if which in ("last", "previous"):
        # "last Friday" written on a Saturday is the Friday of the week before: the day before
        # publication is "yesterday" or plain "on Friday" in news copy, "last" reaches further back
        day = weekday_on_or_before(weekday, published - timedelta(days=2))
    elif which == "past":  # "this past Friday": the latest one, however close
        day = weekday_on_or_before(weekday, published - timedelta(days=1))
    elif which in ("next", "coming"):
        day = weekday_on_or_after(weekday, published + timedelta(days=1))
    elif prefer == "future":
        day = weekday_on_or_after(weekday, published)
    else:
        day = weekday_on_or_before(weekday, published)
    return day, day, "day"


_RULES: tuple[Callable[[str, date | None, Prefer], Found | None], ...] = (
    _day_offset, _narrative, _ago, _rolling, _recent, _calendar, _weekday,
)
