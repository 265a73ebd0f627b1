"""Seasons, and period phrases that point back to a year named earlier in the paragraph.

"autumn 2020" and "the summer of 2014" name a season of a year outright. "that autumn", "that
year", "the following spring", "the same month", "at the time" name no year of their own: they
take it from the last dated phrase before them in the same paragraph ("The balance shifted in
2020. In a 44-day war that autumn, ..." is autumn 2020). Without such an anchor they are left out:
reading them against publication would date a background event to this year.

Seasons are northern-hemisphere meteorological ones (spring March-May, summer June-August, autumn
September-November, winter December to February of the next year), precision "month". "fall"
counts only with a year or a pointing word ("the fall of Kabul" is no date).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from truce.model import DatePrecision, DateRef
from truce.timex.calendar import month_end

_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON = r"(spring|summer|autumn|fall|winter)"

# "autumn 2020", "the summer of 2014", "in early spring 2019"
SEASON_OF_YEAR = re.compile(rf"(?i:\b(?:the )?{_SEASON}(?: of)? (\d{{4}})\b)")
# "that autumn", "the following spring", "the same year", "at the time"
POINTING = re.compile(
    r"(?i:\b(that|the same|the following|the next|the previous|the preceding) "
    rf"(?:{_SEASON[1:-1]}|year|month)\b(?!-)|\b(?:at the|at that) time\b)"
)
_STEP = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1, "the preceding": -1}
# "the following day", "the next morning", "the day before", "two days later", "a week earlier":
# a day counted from the last day the paragraph named (a relative chain). "two days after the
# ceasefire" counts from an event, not from the last date, and "that day" may point anywhere: neither.
_COUNT = r"one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}"
DAY_CHAIN = re.compile(
    r"(?i:\b(?:(?P<which>the following|the next|the previous|the preceding|the same) "
    r"(?:day|morning|afternoon|evening|night)|the day (?P<side>after|before)|"
    rf"(?P<n>{_COUNT}) (?P<unit>day|week)s? (?P<dir>later|earlier|afterwards))\b)"
)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}


def season_period(season: str, year: int) -> tuple[date, date]:
    """First and last day of `season` in `year` (winter runs into the next year)."""
    first = _SEASON_MONTHS[season.lower()]
    last_month = first + 2
    if last_month > 12:
        return date(year, first, 1), month_end(year + 1, last_month - 12)
    return date(year, first, 1), month_end(year, last_month)


def season_of_year(text: str) -> DateRef | None:
    """"autumn 2020" -> 2020-09-01..2020-11-30; None for any other phrase."""
    m = SEASON_OF_YEAR.fullmatch(text.strip())
    if m is None:
        return None
    start, end = season_period(m.group(1), int(m.group(2)))
    return DateRef(text=text.strip(), start=start, end=end, precision="month")


def pointing_dates(text: str, found: list[DateRef]) -> list[DateRef]:
    """Phrases of `text` that point back to an earlier date of `found` (spans into `text`), each
    read against the last such date ending before it; phrases with no anchor are left out."""
    out: list[DateRef] = []
    for m in POINTING.finditer(text):
        if any(d.span and d.span[0] < m.end() and m.start() < d.span[1] and d.precision != "unknown"
               for d in found):
            continue  # already read as part of a longer phrase ("the following year" is unknown alone)
        anchors = [d for d in (*found, *out) if d.span and d.span[1] <= m.start() and d.start is not None
                   and d.end is not None and not d.background and d.precision != "unknown"]
        if not anchors:
            continue
        anchor = max(anchors, key=lambda d: d.span[1] if d.span else 0)
        ref = _from_anchor(m, anchor)
        if ref is not None:
            out.append(ref)
    out.extend(_day_chain(text, found, out))
    return sorted(out, key=lambda d: d.span or (0, 0))


def _day_chain(text: str, found: list[DateRef], pointing: list[DateRef]) -> list[DateRef]:
    """Day phrases counted from the last single day named before them ("On 3 May ... The following
    day" is 4 May); each one anchors the next ("... two days later"). No day before: left out."""
    out: list[DateRef] = []
    for m in DAY_CHAIN.finditer(text):
        if any(d.span and d.span[0] < m.end() and m.start() < d.span[1] and d.precision != "unknown"
               for d in (*found, *pointing)):
            continue
        anchors = [d for d in (*found, *out) if d.span and d.span[1] <= m.start() and d.start is not None
                   and d.start == d.end and d.precision == "day" and not d.background]
        if not anchors:
            continue
        start = max(anchors, key=lambda d: d.span[1] if d.span else 0).start
        if start is None:  # (filtered above; kept for the type checker)
            continue
        day = start + timedelta(days=_chain_step(m))
        out.append(DateRef(text=m.group(0), start=day, end=day, precision="day", span=(m.start(), m.end())))
    return out


def _chain_step(m: re.Match[str]) -> int:
    if m.group("which"):
        return _STEP[m.group("which").lower()]
    if m.group("side"):
        return 1 if m.group("side").lower() == "after" else -1
    n = m.group("n").lower()
    count = int(n) if n.isdigit() else _COUNTS[n]
    days = count * (7 if m.group("unit").lower() == "week" else 1)
    return -days if m.group("dir").lower() in {"earlier", "before"} else days


def _from_anchor(m: re.Match[str], anchor: DateRef) -> DateRef | None:
    if anchor.start is None or anchor.end is None:
        return None  # an undated anchor dates nothing (pointing_dates passes only dated ones)
    span = (m.start(), m.end())
    phrase = m.group(0)
    if m.group(1) is None:  # "at the time": the anchor's own period
        return replace(anchor, text=phrase, span=span)
    step = _STEP[m.group(1).lower()]
    unit = phrase.lower().rsplit(" ", 1)[-1]
    precision: DatePrecision
    if unit == "year":
        year = anchor.start.year + step
        start, end, precision = date(year, 1, 1), date(year, 12, 31), "year"
    elif unit == "month":
        if anchor.precision == "year":
            return None  # "that month" after a bare year names no month
        month0 = anchor.start.year * 12 + anchor.start.month - 1 + step
        start = date(month0 // 12, month0 % 12 + 1, 1)
        end, precision = month_end(start.year, start.month), "month"
    else:
        year = anchor.start.year + step
        if step == 0 and unit == "winter" and anchor.start.month <= 2:
            year -= 1  # "January 2021 ... that winter": the winter of 2020-21
        start, end = season_period(unit, year)
        precision = "month"
    return DateRef(text=phrase, start=start, end=end, precision=precision, span=span)
