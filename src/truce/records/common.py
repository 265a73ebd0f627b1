"""What every record shares: the literal vocabularies, content-addressed ids, ISO dates."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Literal

ReportKind = Literal["news", "field", "sensor", "allegation"]
Status = Literal["asserted", "claimed", "denied"]
Aux = Literal["negation", "hypothetical", "future", "historical"]
Precision = Literal["point", "village", "city", "district", "region", "country"]
DatePrecision = Literal["day", "month", "year", "unknown"]
Usage = Literal["literal", "metonymy"]
VerdictKind = Literal["violation", "possible_violation", "not_a_violation", "out_of_scope"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def content_id(prefix: str, *parts: str) -> str:
    """A stable id: `prefix_` + the first 32 hex digits of sha256 over the parts."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:32]}"


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def parse_datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class Timed:
    """`t0`/`t1`: a record's `start` and `end` as UTC seconds (None when not known), the form time
    windows are compared in."""

    __slots__ = ()
    start: datetime | None
    end: datetime | None

    @property
    def t0(self) -> float | None:
        return self.start.timestamp() if self.start else None

    @property
    def t1(self) -> float | None:
        return self.end.timestamp() if self.end else None
