"""The reporting period a monitoring report states for itself.

Daily monitoring reports say which stretch of time they cover ("The reporting period runs from the
evening of 28 March to the evening of 29 March", "between the evenings of 28 and 29 March"). An
attack the report tells without a date of its own happened within that period, so the period is
its date (coarse, but true).

A party's or a mission's statement heads its text with who issues it and the day ("Ministry of
Defence of Armenia, 17 May 2023", "Inter Services Public Relations, Rawalpindi, 24 May 2018"): a
daily statement tells the acts of the day before it up to that day, so an act it tells without a
date of its own lies in those two days. A periodic report (the Secretary-General's, a quarterly
one) covers months, and its header dates nothing.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Token

from truce.model import DateRef

_MONTHS = {name: n for n, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
# "runs from the evening of 28 March to the evening of 29 March"
_RUNS = re.compile(r"reporting period\s+(?:runs|ran|is|was|covers|covered)?\s*from\s+(?:the\s+\w+\s+of\s+)?"
                   r"(\d{1,2})\s+" + _MONTH + r"?\s*(?:to|until|till)\s+(?:the\s+\w+\s+of\s+)?(\d{1,2})\s+"
                   + _MONTH, re.IGNORECASE)
# "between the evenings of 28 and 29 March"
_BETWEEN = re.compile(r"between\s+the\s+(?:evenings|mornings|nights)\s+of\s+(\d{1,2})\s+" + _MONTH
                      + r"?\s*and\s+(\d{1,2})\s+" + _MONTH, re.IGNORECASE)
# "based on information received as of 19:30, 14 March 2021": a daily report covers the day up to then
_AS_OF = re.compile(r"information\s+received\s+as\s+of\s+\d{1,2}[:.]\d{2}(?:\s*(?:hrs|h|local\s+time))?,?"
                    r"\s+(\d{1,2})\s+" + _MONTH, re.IGNORECASE)


def _day(day: str, month: str, published: date) -> date | None:
    month_no = _MONTHS[month.lower()]
    # a period never lies after publication: a later month is last year's
    year = published.year - 1 if month_no > published.month else published.year
    try:
        return date(year, month_no, int(day))
    except ValueError:
        return None


def reporting_period(text: str, published: date | None) -> DateRef | None:
    """The period `text` says it reports on, as a day-precision date range; None if it says none."""
    if published is None:
        return None
    for pattern in (_RUNS, _BETWEEN):
        m = pattern.search(text)
        if m is None:
            continue
        first_day, first_month, last_day, last_month = m.groups()
        start = _day(first_day, first_month or last_month, published)
        end = _day(last_day, last_month, published)
        if start is None or end is None or start > end or end > published or (end - start).days > 7:
            continue
        return DateRef(text=m.group(0), start=start, end=end, precision="day")
    return _as_of(text, published) or _headed(text, published)


def _as_of(text: str, published: date) -> DateRef | None:
    """A daily report's 'as of' time: the day before it (from its evening) to that day."""
    m = _AS_OF.search(text)
    end = _day(m.group(1), m.group(2), published) if m is not None else None
    if m is None or end is None or end > published:
        return None
    return DateRef(text=m.group(0), start=end - timedelta(days=1), end=end, precision="day")


# "Russian Defence Ministry briefing, 14 June 2023", "... operational update as of 06:00, 3 March
# 2023": a header line that ends on its day (a wire dateline runs on into its lead: "BAKU, 3 May -")
_HEADER_DAY = re.compile(r"(?:,|:|\bof|\bas\s+of\s+\d{1,2}[:.]\d{2},?)\s+(\d{1,2})\s+" + _MONTH
                         + r"\s+\d{4}\.?\s*$", re.IGNORECASE)
_PERIODIC = re.compile(r"secretary-general|quarterly|monthly|annual|periodic|weekly", re.IGNORECASE)
_HEADER_WORDS = 24


def header_line(line: str) -> bool:
    """A line that ends on its day the way a statement's header does ("Ministry of Defence of
    Armenia, 17 May 2023", "Date of report: 14 April 2019")."""
    line = line.strip()
    return _HEADER_DAY.search(line) is not None and len(line.split()) <= _HEADER_WORDS


def _headed(text: str, published: date) -> DateRef | None:
    """A statement's header day: the day before it to that day (the module docstring says why)."""
    first = text.lstrip().split("\n", 1)[0].strip()
    m = _HEADER_DAY.search(first)
    if m is None or len(first.split()) > _HEADER_WORDS or _PERIODIC.search(first):
        return None
    end = _day(m.group(1), m.group(2), published)
    if end is None or end > published or (published - end).days > 2:
        return None
    return DateRef(text=first[m.start():].strip(" ,:"), start=end - timedelta(days=1), end=end, precision="day")


# "in the previous reporting period", "during the previous 24 hours", "on the preceding day": what
# the monitors tell of the period before this report's (the previous report told it already)
_PRIOR_WORDS = frozenset({"previous", "preceding", "prior"})
_PRIOR_UNITS = frozenset({"period", "hours", "day", "days", "report", "week"})
# a prior period named inside a comparison ("compared with 17 in the previous 24 hours") dates the
# number compared with, not the sentence's own observation
_COMPARING = frozenset({"compared", "compare", "than", "against", "versus", "from"})


def prior_period_phrase(verb: Token) -> Token | None:
    """The head noun of a phrase naming the previous reporting period that dates `verb`'s own
    clause ("In the previous reporting period, it recorded 64 ceasefire violations"); None when
    there is none, or it sits in a comparison. "Since the previous report" starts this report's
    period, so it is not one."""
    for tok in verb.subtree:
        if tok.lower_ not in _PRIOR_WORDS or tok.head.lower_ not in _PRIOR_UNITS:
            continue
        noun = tok.head
        prep = noun.head
        if prep.lower_ == "since" or (noun.lower_ == "report" and prep.lower_ != "in"):
            continue
        # the phrase must date the verb's clause, not a number it is compared with
        node = noun
        compared = False
        while node.i != verb.i and node.head.i != node.i:
            node = node.head
            if node.lower_ in _COMPARING:
                compared = True
                break
        if not compared and node.i == verb.i:
            return noun
    return None


def prior_period(current: DateRef | None) -> DateRef | None:
    """The period before `current` (of the same length, at least one day); None when unknown."""
    if current is None or current.start is None or current.end is None:
        return None
    length = max(timedelta(days=1), current.end - current.start)
    return DateRef(text="the previous reporting period", start=current.start - length, end=current.end - length,
                   precision=current.precision)


# "between 09:10 and 10:40", "at 14:05": clock times of the day; "during the day", "in the
# morning": daylight. A daily report's period runs from one evening to the next, so daylight lies
# on its last day, and a clock time before the report's hour too (after it, on the first evening).
_CLOCK = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)\b")
_DAYLIGHT = re.compile(r"\b(?:during\s+the\s+day|in\s+the\s+(?:morning|afternoon)|at\s+(?:noon|midday)|"
                       r"during\s+daylight(?:\s+hours)?|(?:this|that|the\s+same)\s+(?:morning|afternoon))\b",
                       re.IGNORECASE)
_EVENING_CUTOFF = 18 * 60  # a period "between the evenings of": the evening starts about then


def _cutoff(period: DateRef) -> int:
    """The report's hour (minutes past midnight) its period turns at: the 'as of' time, else evening."""
    m = _CLOCK.search(period.text)
    return int(m.group(1)) * 60 + int(m.group(2)) if m is not None else _EVENING_CUTOFF


def day_within(period: DateRef | None, sentence: str) -> DateRef | None:
    """The one day of an evening-to-evening period (two days long) a sentence's clock times or
    daylight words put it on; None when the sentence does not say, or says both."""
    if period is None or period.start is None or period.end is None or (period.end - period.start).days != 1:
        return None
    clocks = [int(h) * 60 + int(m) for h, m in _CLOCK.findall(sentence)]
    cutoff = _cutoff(period)
    if clocks:
        before = {c < cutoff for c in clocks}
        if len(before) != 1:
            return None
        day = period.end if before.pop() else period.start
    elif _DAYLIGHT.search(sentence):
        day = period.end
    else:
        return None
    return DateRef(text=period.text, start=day, end=day, precision="day")
