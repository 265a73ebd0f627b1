"""One date phrase to a period: cleaning, qualifiers, background markers, then the rule sets.

Order matters and is fixed (rules version `truce.timex.v1`): phrases anchored on publication
(relative.py), then calendar phrases (absolute.py), then dateparser as a slow fallback for shapes
the rules do not know. Our rules come first because they are exact and fast, and because
dateparser misreads common newswire shapes ("Sept. 19", "the 1990s").

Background: "since", "for" or "throughout" before a year-precision period ("since the 1990s",
"since 2020", "throughout 2022"), and vague spans ("for decades", "for years"), mark context, not
the date of an event: `background=True`, and the bounds stay those of the period the text names
(1990-01-01..1999-12-31), or none for "for decades". "since" before a day or month ("since
Monday") is an ongoing window instead: from that day to publication, not background.
Narrative-relative phrases ("the following day", "two days later") count from another event of
the story, so they are recognised but left at precision "unknown".
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

from truce.model import DatePrecision
from truce.timex.absolute import resolve_absolute
from truce.timex.anaphora import season_of_year
from truce.timex.calendar import Prefer, clip, month_end, month_period, year_period
from truce.timex.fallback import resolve_with_dateparser
from truce.timex.lexicon import CLOCK_TIME, DAYPART_RE, MONTHS, TIME_OF_DAY_WORDS, expand_abbreviations
from truce.timex.relative import DAY_OFFSETS, resolve_relative

RULES_VERSION = "truce.timex.v1"

Found = tuple[date | None, date | None, DatePrecision]
Resolution = tuple[Found, bool]  # the period and whether it is background
UNKNOWN: Found = (None, None, "unknown")

_LEADING_WORDS = re.compile(
    r"^(?:on|in|at|during|of|around|about|by|as of|as early as|as late as|some ?time|sometime in|circa|"
    r"approximately|until|till|up to|starting|beginning on|from|between|the night of|the morning of|"
    r"the evening of|the afternoon of|the early hours of|the small hours of|the early morning of)\s+"
)
_PART = re.compile(
    r"^(?:the )?(early|mid|late|middle of|end of|beginning of|start of|first half of|second half of)"
    r"(?:-|\s+)(?:on\s+|in\s+|of\s+)?"
)
_PART_NAMES = {"middle of": "mid", "end of": "late", "beginning of": "early", "start of": "early",
               "first half of": "early", "second half of": "late"}
_DAYPART_TAIL = re.compile(rf"(?:\s+|^)(?:early |late )?(?:in the )?{DAYPART_RE}$")
_DAYPART_HEAD = re.compile(rf"^(?:early |late )?{DAYPART_RE}\s+")
_BACKGROUND_MARKER = re.compile(r"^(ever since|since|for|throughout|through|over)\s+(.+)$")
_VAGUE_LONG = re.compile(
    r"(?:(?:for|over|throughout) )?(?:(?:many|several|a few|some|few) )?(?:decades|years|centuries|"
    r"generations)(?:[- ]long)?|(?:for )?(?:a long time|ages|a decade|a century)"
)
_NOT_A_POSITION = re.compile(r"^(?:before|after|ahead of|prior to|within|every|each|per)\b")
# "the 11th day of the assault", "the third week of the siege": a count within a campaign, no calendar day
_ORDINAL_COUNT = re.compile(r"(?:^|\b)(?:the )?(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
                            r"eighth|ninth|tenth|[a-z]+tieth|[a-z]+-(?:first|second|third|[a-z]+th))"
                            r" (?:day|night|week|month|year)s?\b")
# "one year after the arrest", "for a year": a bare length of time places nothing on the calendar
_DURATION = re.compile(r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|some|\d{1,3})"
                       r" (?:hour|day|night|week|month|year|decade)s?$")
_CALENDAR_WORD = re.compile(r"\b(?:\d{4}|this|last|next|current|" + "|".join(MONTHS) + r")\b")
_EXPLICIT_FUTURE = re.compile(r"\b(?:next|coming|tomorrow|later|following|upcoming|ahead|from now)\b")


def clean(phrase: str) -> str:
    """Lower-case, abbreviations expanded, clock times and punctuation removed, spaces collapsed."""
    text = unicodedata.normalize("NFKC", phrase).lower()
    text = text.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = TIME_OF_DAY_WORDS.sub(" ", CLOCK_TIME.sub(" ", text))
    text = expand_abbreviations(text)
    text = re.sub(r"\b(?:a )?fortnight\b", "two weeks", text).replace("this past ", "past ")
    text = re.sub(r"[,;:()\[\]\"!?]", " ", text)
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s+", " ", text).strip(" .-")
    return text


@lru_cache(maxsize=8192)
def resolve(text: str, published: date | None, prefer: Prefer) -> Resolution | None:
    """A cleaned phrase to (period, background); None when it names no date. Pure and cached."""
    if not text or len(text) > 80:
        return None
    if _VAGUE_LONG.fullmatch(text):
        return UNKNOWN, True  # "for decades": a background state with no usable bounds
    marker = _BACKGROUND_MARKER.match(text)
    if marker is not None:
        return _with_marker(marker.group(1), marker.group(2), published, prefer)
    found = _resolve_position(text, published, prefer)
    return (found, False) if found is not None else None


def _with_marker(marker: str, rest: str, published: date | None, prefer: Prefer) -> Resolution | None:
    found = _resolve_position(rest, published, prefer)
    if found is None:
        return None
    start, _, precision = found
    if precision == "year":
        return found, True  # "since the 1990s", "throughout 2022": context, not the event's date
    if marker in ("since", "ever since") and start is not None and published is not None:
        return (start, max(published, start), precision), False  # "since Monday": ongoing to publication
    return found, False


def _resolve_position(text: str, published: date | None, prefer: Prefer) -> Found | None:
    text = _strip_leading(text)
    if _NOT_A_POSITION.match(text):
        return None  # "before Monday": a bound, not the date of anything
    if _DURATION.match(text):
        return None
    if _ORDINAL_COUNT.search(text) and not _CALENDAR_WORD.search(text):
        return None  # ("the first week of May" names one)
    if text in DAY_OFFSETS:
        return resolve_relative(text, published, prefer)
    part = None
    m = _PART.match(text)
    if m is not None:
        part = _PART_NAMES.get(m.group(1), m.group(1))
        text = _strip_leading(text[m.end():])
    if text not in DAY_OFFSETS:
        text = _strip_dayparts(text)
    found = resolve_relative(text, published, prefer)
    if found is not None:
        return _apply_part(found, part, published, prefer)
    season = season_of_year(text)
    if season is not None:  # "autumn 2020": the season whole, whatever part is named
        return season.start, season.end, season.precision
    found = resolve_absolute(text, published, prefer, part)
    if found is None:
        found = resolve_with_dateparser(text, published, prefer)
    if found is None or _leaks_future(found, text, published, prefer):
        return None
    return found


def _strip_leading(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_WORDS.sub("", text)
    return text


def _strip_dayparts(text: str) -> str:
    # "Monday night", "the night of Sept. 19", "early morning Tuesday": the day is what matters.
    stripped = _DAYPART_HEAD.sub("", _DAYPART_TAIL.sub("", text)).strip()
    stripped = _strip_leading(stripped)
    return stripped or text


def _apply_part(found: Found, part: str | None, published: date | None, prefer: Prefer) -> Found:
    """ "late last year", "early this month": narrow a whole relative month or year to its third."""
    start, end, precision = found
    if part is None or start is None or end is None or precision not in ("month", "year"):
        return found
    if precision == "month" and start.day == 1:
        period = month_period(start.year, start.month, part)
    elif precision == "year" and (start.month, start.day) == (1, 1):
        period = year_period(start.year, part)
    else:
        return found
    if published is not None and period[0] <= published <= max(period[1], month_end(start.year, start.month)):
        period = clip(period, published, prefer) or period
    return period[0], period[1], precision


def _leaks_future(found: Found, text: str, published: date | None, prefer: Prefer) -> bool:
    """Belt and braces: a past-mode phrase with no year and no future word never ends up after publication."""
    start = found[0]
    if prefer != "past" or published is None or start is None or start <= published:
        return False
    return not (re.search(r"\b\d{4}\b", text) or _EXPLICIT_FUTURE.search(text))
