"""The period a report covers: whole days in UTC, and the period of the same length before it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from truce.errors import InputRejected
from truce.publish.pages import day_end, day_start, parse_day


@dataclass(frozen=True, slots=True)
class Period:
    """Days `first`..`last`, both included."""

    first: date
    last: date

    @classmethod
    def from_options(cls, day: str | None, start: str | None, end: str | None) -> Period:
        """--date D, or --from D1 --to D2 (one of the two, not both)."""
        if day and (start or end):
            raise InputRejected("E720", "give --date or --from/--to, not both", hint="one day: --date D",
                                where="--date")
        if day:
            d = parse_day(day, "--date")
            return cls(d, d)
        if not (start and end):
            raise InputRejected("E721", "a report needs --date D, or --from D1 and --to D2",
                                hint="e.g. truce report --date 2023-09-21", where="--date")
        first, last = parse_day(start, "--from"), parse_day(end, "--to")
        if first > last:
            raise InputRejected("E705", "--from is after --to", hint="give the earlier day first", where="--from")
        return cls(first, last)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def start(self) -> datetime:
        return day_start(self.first)

    @property
    def end(self) -> datetime:
        return day_end(self.last)

    def previous(self) -> Period:
        """The period of the same length that ends the day before this one starts."""
        return Period(self.first - timedelta(days=self.days), self.first - timedelta(days=1))

    def holds(self, moment: datetime | None) -> bool:
        return moment is not None and self.start <= moment <= self.end

    @property
    def label(self) -> str:
        if self.first == self.last:
            return f"{self.first:%d %B %Y}"
        return f"{self.first:%d %B %Y} – {self.last:%d %B %Y}"

    def each_day(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range(self.days)]
