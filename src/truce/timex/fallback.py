"""dateparser as the last resort for date shapes our rules do not know.

dateparser is slow to import and to run, and misreads some newswire shapes, so it is only asked
about phrases the rules left over, with the publication date as its base, and its answers are
cached. Without a publication date it is only trusted for phrases that spell out a year, and its
base is then a fixed date so that the clock can never leak into a result.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from truce.model import DatePrecision
from truce.timex.calendar import Prefer, month_period, year_period
from truce.timex.lexicon import MONTH_RE, WEEKDAY_RE

Found = tuple[date | None, date | None, DatePrecision]

# Only phrases that look like dates are worth the cost (and the risk of "5" becoming a date).
_DATE_LIKE = re.compile(rf"\b(?:{MONTH_RE}|{WEEKDAY_RE}|day|week|month|year|ago)\b|\d{{1,4}}[-/.]\d{{1,2}}")
_FIXED_BASE = datetime(2000, 1, 1)  # any fixed date: never datetime.now()


@lru_cache(maxsize=64)
def _parser(prefer: Prefer, base: datetime) -> Any:
    """One parser per (preference, publication day): dateparser fixes settings at construction."""
    from dateparser.date import DateDataParser  # slow import, kept off the common path

    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": prefer, "RELATIVE_BASE": base,
                                                      "RETURN_AS_TIMEZONE_AWARE": False})


@lru_cache(maxsize=4096)
def resolve_with_dateparser(text: str, published: date | None, prefer: Prefer) -> Found | None:
    """The period dateparser reads in a cleaned phrase, or None."""
    if not _DATE_LIKE.search(text) or len(text) > 60:
        return None
    explicit_year = re.search(r"\b(\d{4})\b", text)
    if published is None and explicit_year is None:
        return None
    base = datetime(published.year, published.month, published.day) if published else _FIXED_BASE
    try:
        data = _parser(prefer, base).get_date_data(text)
    except (ValueError, OverflowError):
        # What date arithmetic raises when a phrase names a day no calendar has ('February 30',
        # 'in 99999999 years'): dateparser 1.5 catches these itself, but its parsers are built from
        # them, so a phrase that slips through is unread (None). Anything else is a bug and surfaces.
        return None
    moment = data.date_obj if data is not None else None
    if moment is None:
        return None
    day = moment.date()
    if explicit_year is not None and day.year != int(explicit_year.group(1)):
        return None  # dateparser replaced the year it was given: do not trust it
    period = data.period
    if period == "month":
        start, end = month_period(day.year, day.month)
        return start, end, "month"
    if period == "year":
        start, end = year_period(day.year)
        return start, end, "year"
    if period in ("day", "time"):
        return day, day, "day"
    return None
