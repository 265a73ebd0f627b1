"""Dates as sources write them, read strictly.

Publication dates (`published`): ISO 8601 (or RFC 2822, as feeds and mail write them). A date
without a time, or a date-time without a zone, keeps only its calendar date and is stored as
midnight UTC of that date: a news date is a day, and guessing a zone would invent precision.
Observation times (`observed_at`, `observed_until`): ISO 8601 date-times WITH a zone; a time
without one is rejected unless the caller supplies a default zone (a CSV column map's
`timezone:`), because an hour off turns a violation into a non-violation.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from truce.ingest.items import E_DATE, E_NO_ZONE, reject

ISO_HINT = "write ISO 8601, e.g. 2023-09-21 or 2023-09-21T14:05:00+04:00"
_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$", re.I)


def parse_published(value: object, where: str, field: str = "published") -> datetime | None:
    """A publication date as an aware datetime (midnight UTC when only the day is known), or None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else _midnight_utc(value.date())
    if isinstance(value, date):
        return _midnight_utc(value)
    if not isinstance(value, str):
        raise reject(E_DATE, f"{field} {value!r} is not a date", ISO_HINT, where)
    text = value.strip()
    parsed = _iso(text)
    if parsed is None:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None:
        raise reject(E_DATE, f"{field} {text!r} does not parse as a date", ISO_HINT, where)
    return parsed if parsed.tzinfo else _midnight_utc(parsed.date())


def parse_observed(value: object, where: str, field: str, default_zone: tzinfo | None = None,
                   day: date | None = None) -> datetime:
    """An observation time as an aware datetime; rejects times without a zone and no default.

    `day` lets a time-only value ("14:20") borrow the date of the observation's start.
    """
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str) and value.strip():
        parsed = _observed_text(value.strip(), where, field, day)
    else:
        raise reject(E_DATE, f"{field} {value!r} is not a date-time",
                     "write ISO 8601 with a zone, e.g. 2023-09-21T14:05:00+04:00", where)
    if parsed.tzinfo is None:
        if default_zone is None:
            raise reject(E_NO_ZONE, f"{field} {value!s} has no time zone",
                         "add the offset (e.g. +04:00), a `tz` column, or `timezone:` in the column map", where)
        parsed = parsed.replace(tzinfo=default_zone)
    return parsed


def _observed_text(text: str, where: str, field: str, day: date | None) -> datetime:
    """A written observation time, zone or not; a bare clock time takes `day` when given."""
    parsed = _iso(text)
    if parsed is None and day is not None:
        clock = _clock(text)
        if clock is not None:
            parsed = datetime.combine(day, clock.replace(tzinfo=None), clock.tzinfo)
    if parsed is None:
        raise reject(E_DATE, f"{field} {text!r} does not parse as a date-time",
                     "write ISO 8601 with a zone, e.g. 2023-09-21T14:05:00+04:00", where)
    if len(text) <= 10 and "T" not in text and ":" not in text:
        raise reject(E_DATE, f"{field} {text!r} is a date without a time",
                     "give the time too (or a `time` column), e.g. 2023-09-21T14:05:00+04:00", where)
    return parsed


def parse_zone(value: str, where: str, field: str = "tz") -> tzinfo:
    """A time zone from an offset (`+04:00`, `UTC+4`, `Z`) or an IANA name (`Asia/Baku`)."""
    text = value.strip()
    if text.upper() in ("Z", "UTC", "GMT"):
        return UTC
    match = _OFFSET.match(text)
    if match:
        sign, hours, minutes = match.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
        if delta <= timedelta(hours=14):
            return timezone(-delta if sign == "-" else delta)
    else:
        try:
            return ZoneInfo(text)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    raise reject(E_DATE, f"{field} {text!r} is not a time zone",
                 "write an offset like +04:00 or a zone name like Asia/Baku", where)


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _clock(text: str) -> time | None:
    try:
        return time.fromisoformat(text)
    except ValueError:
        return None


def _midnight_utc(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), UTC)
