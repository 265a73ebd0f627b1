"""Incidents read for publication a page at a time, each with what an export row needs.

Exports and reports never hold the whole store: `pages(store, filters)` walks the store's keyset
pages (`Store.incidents_page`) and yields, per page, `Item`s that carry the incident, its current
verdicts, the heads of the reports behind it (no text) and its main event (for the actors' names
and sectors). Every lookup is one batched query per page.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from truce.errors import InputRejected
from truce.extract.crosswalk import main_event
from truce.model import PLOVER_TYPES, Event, Incident, Report, Verdict
from truce.store import Store
from truce.store import tables as t
from truce.store.db import reading

VERDICTS = ("violation", "possible_violation", "not_a_violation", "out_of_scope")
PAGE = 500  # incidents per page: one query each for verdicts, reports and events
_EVENTS_PER_INCIDENT = 5  # enough to find the main event; bounded whatever the incident's size


@dataclass(frozen=True, slots=True)
class Scope:
    """Which incidents, as exports and the console's listing both choose them. `start`/`end` keep
    incidents whose span overlaps them (the store's rule); `bbox` is (min_lon, min_lat, max_lon,
    max_lat); `party` an actor country or the party a verdict names; `verdict` keeps incidents
    with a current verdict of that kind (under `agreement` when given)."""

    start: datetime | None = None
    end: datetime | None = None
    bbox: tuple[float, float, float, float] | None = None
    type: str | None = None
    party: str | None = None
    verdict: str | None = None
    agreement: str | None = None


@dataclass(frozen=True, slots=True)
class Filters(Scope):
    """What to export: a `Scope`, and `ids` to restrict it to those incidents (the public audience)."""

    ids: frozenset[str] | None = None

    def keeps(self, verdicts: list[Verdict]) -> bool:
        if self.verdict is None and self.agreement is None:
            return True
        return any((self.verdict is None or v.verdict == self.verdict)
                   and (self.agreement is None or v.agreement_id == self.agreement) for v in verdicts)


@dataclass(slots=True)
class Item:
    """One incident and what its export row needs."""

    incident: Incident
    verdicts: list[Verdict] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)  # heads: no text
    event: Event | None = None  # the main event, for actors' names and sectors


def day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def day_end(day: date) -> datetime:
    """The last instant of a day (UTC), so that `--to D` includes all of D."""
    return day_start(day + timedelta(days=1)) - timedelta(microseconds=1)


def parse_day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputRejected("E701", f"{option} '{value}' is not a date", hint="write it as YYYY-MM-DD",
                            where=option) from None


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """--bbox min_lon,min_lat,max_lon,max_lat (GeoJSON's order)."""
    try:
        parts: tuple[float, ...] = tuple(float(p) for p in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or not (-180 <= parts[0] <= parts[2] <= 180 and -90 <= parts[1] <= parts[3] <= 90):
        raise InputRejected("E702", f"--bbox '{value}' is not min_lon,min_lat,max_lon,max_lat",
                            hint="four numbers in degrees, west,south,east,north, e.g. 45.5,39.2,47.5,40.6",
                            where="--bbox")
    return (parts[0], parts[1], parts[2], parts[3])


def check_filters(filters: Filters) -> Filters:
    """Refuse filters that can match nothing because they are misspelt (one line each)."""
    if filters.type is not None and filters.type.upper() not in PLOVER_TYPES:
        raise InputRejected("E703", f"--type '{filters.type}' is not a PLOVER event type",
                            hint=f"use one of {', '.join(PLOVER_TYPES)}", where="--type")
    if filters.verdict is not None and filters.verdict not in VERDICTS:
        raise InputRejected("E704", f"--verdict '{filters.verdict}' is not a verdict",
                            hint=f"use one of {', '.join(VERDICTS)}", where="--verdict")
    if filters.start and filters.end and filters.start > filters.end:
        raise InputRejected("E705", "--from is after --to", hint="give the earlier day first", where="--from")
    return filters


def pages(store: Store, filters: Filters, *, page: int = PAGE, details: bool = True,
          events: bool = True) -> Iterator[list[Item]]:
    """Pages of `Item`s in incident id order; with `details=False` only incidents and verdicts,
    with `events=False` no main event (the formats that name no actor)."""
    after: str | None = None
    while True:
        incidents = store.incidents_page(after=after, limit=page, start=filters.start, end=filters.end,
                                         bbox=filters.bbox, type=filters.type.upper() if filters.type else None,
                                         party=filters.party)
        if not incidents:
            return
        after = incidents[-1].id
        if filters.ids is not None:
            incidents = [i for i in incidents if i.id in filters.ids]
        verdicts = current_verdicts(store, [i.id for i in incidents])
        items = [Item(i, verdicts.get(i.id, [])) for i in incidents if filters.keeps(verdicts.get(i.id, []))]
        if details and items:
            _fill(store, items, events)
        if items:
            yield items


def current_verdicts(store: Store, ids: Iterable[str]) -> dict[str, list[Verdict]]:
    """incident id -> its current verdicts (by agreement id), one query per 500 ids."""
    # A batched read of the verdicts table: the Store's own `verdicts(incident_id=)` is one query
    # per incident, which an export of a million incidents cannot afford.
    wanted = sorted(set(ids))
    out: dict[str, list[Verdict]] = {}
    with reading(store.engine) as conn:
        for i in range(0, len(wanted), 500):
            query = select(t.verdicts.c.payload).where(t.verdicts.c.current,
                                                       t.verdicts.c.incident_id.in_(wanted[i:i + 500]))
            for payload in conn.scalars(query):
                v = Verdict.from_dict(json.loads(payload))
                out.setdefault(v.incident_id, []).append(v)
    for vs in out.values():
        vs.sort(key=lambda v: v.agreement_id)
    return out


def _fill(store: Store, items: list[Item], with_events: bool = True) -> None:
    heads = store.report_heads({r for item in items for r in item.incident.report_ids})
    wanted = [e for item in items for e in item.incident.event_ids[:_EVENTS_PER_INCIDENT]] if with_events else []
    events = {e.id: e for e in store.events(ids=wanted)} if wanted else {}
    for item in items:
        item.reports = sorted((heads[r] for r in item.incident.report_ids if r in heads),
                              key=_report_order)
        item.event = _main(item.incident, [events[e] for e in item.incident.event_ids[:_EVENTS_PER_INCIDENT]
                                           if e in events])


def _report_order(report: Report) -> tuple[str, str]:
    return (report.published.astimezone(UTC).isoformat() if report.published else "~", report.id)


def _main(incident: Incident, events: list[Event]) -> Event | None:
    """The event whose actor is the incident's actor, else the one an ACLED coder would code by."""
    own = [e for e in events if e.actor is not None and e.actor.country == incident.actor_country]
    return main_event(own or events)


def outlets(item: Item) -> list[str]:
    """Every outlet, team or sensor network behind an incident, once each, in order of publication."""
    seen: list[str] = []
    for report in item.reports:
        for name in (report.source_name, *report.outlets):
            if name and name not in seen:
                seen.append(name)
    return seen


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
