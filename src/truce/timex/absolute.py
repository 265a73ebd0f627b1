"""Phrases that name calendar positions: "Sept. 19", "19 September 2023", "in March", "the 1990s",
"from 19 to 21 September", "mid-September".

A phrase is read into calendar parts (year, month, day), any of which may be missing; missing years
are inferred from the publication date: the latest occurrence on or before it ("past", the default
for news copy), or the first on or after it ("future"). A period that straddles publication is cut
at publication in "past" mode ("in September" read on 21 September runs 1-21 September). A date the
text spells out in full, year included, is kept as written even when it lies after publication:
the text says so, and deciding whether the sentence is about the future is the caller's concern.
"""

from __future__ import annotations

import re
from datetime import date

from truce.model import DatePrecision
from truce.timex.calendar import (
    Period,
    Prefer,
    clip,
    day_of_month_on_or_after,
    day_of_month_on_or_before,
    decade_period,
    infer_day,
    infer_month_year,
    month_period,
    safe_date,
    year_period,
)
from truce.timex.lexicon import DAY_RE, DECADE_WORDS, MONTH_RE, MONTHS, WEEKDAY_RE, day_value

Found = tuple[date | None, date | None, DatePrecision]
Parts = tuple[int | None, int | None, int | None]  # year, month, day
UNKNOWN: Found = (None, None, "unknown")

_YEAR = r"(\d{4})"
_MONTH_DAY = re.compile(rf"(?:{WEEKDAY_RE} )?(?:the )?({MONTH_RE}) (?:the )?({DAY_RE})(?: {_YEAR})?")
_DAY_MONTH = re.compile(rf"(?:{WEEKDAY_RE} )?(?:the )?({DAY_RE}) (?:of )?({MONTH_RE})(?: {_YEAR})?")
_MONTH_YEAR = re.compile(rf"({MONTH_RE})(?: of)?(?: {_YEAR})?")
_DAY_YEAR = re.compile(rf"({DAY_RE}) {_YEAR}")  # the end of "September 19 to 21, 2023"
_DAY_ONLY = re.compile(rf"({WEEKDAY_RE} )?(?:the )?({DAY_RE})")
_MONTH_OF_YEAR = re.compile(rf"({MONTH_RE}) (?:of )?(last|this|next) year")
_YEAR_ONLY = re.compile(rf"(?:the year )?{_YEAR}")
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_NUMERIC_DMY = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_YEAR_SHORT_RANGE = re.compile(r"(\d{4})-(\d{2})")
_DECADE = re.compile(r"(?:the )?(?:(early|mid|late)[- ]?)?(?:(\d{3}0)|'?(\d0))'?s")
_DECADE_WORD = re.compile(r"(?:the )?(?:(early|mid|late)[- ]?)?(" + "|".join(DECADE_WORDS) + ")")
_CENTURY = re.compile(r"(?:the )?(\d{1,2})(?:st|nd|rd|th) century")
_RANGE_OPENER = re.compile(r"^(?:from|between) ")
_RANGE_JOINER = re.compile(r"\s*-\s*|\s+(?:to|and|through|thru|until|till|into)\s+")


def resolve_absolute(text: str, published: date | None, prefer: Prefer, part: str | None) -> Found | None:
    """Resolve a cleaned calendar phrase; None when the phrase is not of this kind."""
    found = _numeric(text, published, prefer) or _decade(text, part) or _century(text)
    if found is not None:
        return found
    if m := _MONTH_OF_YEAR.fullmatch(text):
        if published is None:
            return UNKNOWN
        year = published.year + {"last": -1, "this": 0, "next": 1}[m.group(2)]
        return _cut(month_period(year, MONTHS[m.group(1)]), published, prefer, "month")
    parts = read_parts(text, single=True)
    if parts is not None:
        return resolve_parts(parts, published, prefer, part)
    return _range(_RANGE_OPENER.sub("", text), published, prefer)


def _range(text: str, published: date | None, prefer: Prefer) -> Found | None:
    # Try every joiner: "between Sept. 19 and 20" splits once, but "19-21" could sit anywhere.
    for joiner in _RANGE_JOINER.finditer(text):
        left = read_parts(text[: joiner.start()], single=False)
        right = read_parts(text[joiner.end():], single=False)
        if left is not None and right is not None:
            return resolve_range(left, right, published, prefer)
    return None


def read_parts(text: str, *, single: bool) -> Parts | None:
    """Calendar parts of one side of a phrase; a bare day number only counts inside a range
    ("19 to 21 September") or with an ordinal ("the 19th")."""
    if m := _MONTH_DAY.fullmatch(text):
        return _year(m.group(3)), MONTHS[m.group(1)], day_value(m.group(2))
    if m := _DAY_MONTH.fullmatch(text):
        return _year(m.group(3)), MONTHS[m.group(2)], day_value(m.group(1))
    if m := _MONTH_YEAR.fullmatch(text):
        return _year(m.group(2)), MONTHS[m.group(1)], None
    if m := _YEAR_ONLY.fullmatch(text):
        return _year(m.group(1)), None, None
    if not single and (m := _DAY_YEAR.fullmatch(text)):
        day = day_value(m.group(1))
        return (_year(m.group(2)), None, day) if day else None
    if m := _DAY_ONLY.fullmatch(text):
        if single and m.group(2).isdigit() and not m.group(1):
            return None  # a bare "19" is a number; "the 19th" and "Friday 22" are days
        day = day_value(m.group(2))
        return (None, None, day) if day else None
    return None


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def resolve_parts(parts: Parts, published: date | None, prefer: Prefer, part: str | None = None) -> Found | None:
    """One calendar position to a period, inferring a missing year from publication."""
    year, month, day = parts
    if month is not None and day is not None:
        if year is not None:
            exact = safe_date(year, month, day)
            return (exact, exact, "day") if exact else None
        if published is None:
            return UNKNOWN if safe_date(2000, month, day) else None  # 2000: a leap year, so Feb 29 passes
        inferred = infer_day(month, day, published, prefer)
        return (inferred, inferred, "day") if inferred else None
    if day is not None and year is None and month is None:
        if published is None:
            return UNKNOWN
        on = day_of_month_on_or_before if prefer == "past" else day_of_month_on_or_after
        found = on(day, published)
        return (found, found, "day") if found else None
    if month is not None:
        if year is None:
            if published is None:
                return UNKNOWN
            year = infer_month_year(month, published, prefer, part)
        return _cut(month_period(year, month, part), published, prefer, "month")
    if year is not None:
        return _cut(year_period(year, part), published, prefer, "year")
    return None


def _cut(period: Period, published: date | None, prefer: Prefer, precision: DatePrecision) -> Found | None:
    """Cut a period straddling publication; a period wholly on the other side is kept as written."""
    start, end = period
    if published is not None and start <= published <= end:
        cut = clip(period, published, prefer)
        if cut is not None:
            start, end = cut
    return start, end, precision


def resolve_range(left: Parts, right: Parts, published: date | None, prefer: Prefer) -> Found | None:
    """Two calendar positions joined by "to", "and", "-": the period from the first to the second."""
    (y1, m1, d1), (y2, m2, d2) = left, right
    if (d1 is None) != (d2 is None):
        return None  # "September 19 to October": not a shape newswires use
    m1, m2 = m1 or m2, m2 or m1
    if d1 is not None and m1 is None:
        if published is None:
            return UNKNOWN
        found = resolve_parts((None, None, d1), published, prefer)
        if found is None or found[0] is None:
            return None
        y1 = y2 = found[0].year
        m1 = m2 = found[0].month
    if m1 is None or m2 is None:
        return _year_range(y1, y2, d1, d2, published, prefer)
    key1, key2 = (m1, d1 or 1), (m2, d2 or 1)
    if y1 is None and y2 is not None:
        y1 = y2 if key1 <= key2 else y2 - 1
    if y2 is None and y1 is not None:
        y2 = y1 if key2 >= key1 else y1 + 1
    if y1 is None or y2 is None:
        if published is None:
            return UNKNOWN
        y1, y2 = _infer_range_years(key1, key2, published, prefer)
    precision: DatePrecision = "day" if d1 is not None else "month"
    start = safe_date(y1, m1, d1) if d1 else date(y1, m1, 1)
    end = safe_date(y2, m2, d2) if d2 else month_period(y2, m2)[1]
    if start is None or end is None or start > end:
        return None
    return _cut((start, end), published, prefer, precision)


def _infer_range_years(key1: tuple[int, int], key2: tuple[int, int], published: date,
                       prefer: Prefer) -> tuple[int, int]:
    # Past: anchor the start on or before publication; future: anchor the end on or after it.
    wraps = key2 < key1  # "Dec. 30 to Jan. 2"
    if prefer == "past":
        y1 = published.year if key1 <= (published.month, published.day) else published.year - 1
        return y1, y1 + 1 if wraps else y1
    y2 = published.year if key2 >= (published.month, published.day) else published.year + 1
    return (y2 - 1 if wraps else y2), y2


def _year_range(y1: int | None, y2: int | None, d1: int | None, d2: int | None,
                published: date | None, prefer: Prefer) -> Found | None:
    if y1 is None or y2 is None or d1 is not None or d2 is not None or y1 > y2:
        return None
    return _cut((date(y1, 1, 1), date(y2, 12, 31)), published, prefer, "year")


def _numeric(text: str, published: date | None, prefer: Prefer) -> Found | None:
    if m := _ISO.fullmatch(text):
        day = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return (day, day, "day") if day else None
    if m := _NUMERIC_DMY.fullmatch(text):
        first, second = int(m.group(1)), int(m.group(2))
        if first <= 12 and second <= 12 and first != second and "." not in text:
            # 03/04/2023: the order is unknowable from the phrase; span both readings, month precision.
            readings = sorted((date(int(m.group(3)), second, first), date(int(m.group(3)), first, second)))
            return readings[0], readings[1], "month"
        if second > 12:  # only month-day order is possible (US style)
            first, second = second, first
        day = safe_date(int(m.group(3)), second, first)
        return (day, day, "day") if day else None
    if m := _YEAR_SHORT_RANGE.fullmatch(text):
        year, tail = int(m.group(1)), int(m.group(2))
        if tail > year % 100:  # "2019-20": two years; "2023-09": a month
            return _cut((date(year, 1, 1), date(year - year % 100 + tail, 12, 31)), published, prefer, "year")
        if 1 <= tail <= 12:
            return resolve_parts((year, tail, None), published, prefer)
    return None


def _decade(text: str, part: str | None) -> Found | None:
    m = _DECADE.fullmatch(text)
    if m is not None:
        first = int(m.group(2)) if m.group(2) else _two_digit_decade(int(m.group(3)))
        start, end = decade_period(first, m.group(1) or part)
        return start, end, "year"
    m = _DECADE_WORD.fullmatch(text)
    if m is not None:
        start, end = decade_period(1900 + DECADE_WORDS[m.group(2)], m.group(1) or part)
        return start, end, "year"
    return None


def _two_digit_decade(tens: int) -> int:
    # "the '90s" is 1990s; "the 00s"/"the 10s" are this century. Fixed, never read from the clock.
    return 2000 + tens if tens <= 20 else 1900 + tens


def _century(text: str) -> Found | None:
    m = _CENTURY.fullmatch(text)
    if m is None:
        return None
    number = int(m.group(1))
    if not 1 <= number <= 30:
        return None
    return date((number - 1) * 100 + 1, 1, 1), date(number * 100, 12, 31), "year"
