"""Truce's incidents beside imported ACLED events, day by day (`truce compare`, and the report's
"Beside ACLED" section).

A Truce incident and an ACLED event are a pair when they began on the same day or one day
apart (UTC) and lie within `km` of each other; pairs are taken nearest first, each event and
incident in at most one pair. What remains is counted as seen by one side only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date

from rich.console import Console
from rich.table import Table

from truce.geo.geometry import haversine_km
from truce.model import Incident
from truce.publish.imports import AcledEvent, imported_events
from truce.publish.pages import Filters, day_end, day_start, pages
from truce.store import Store

# Political violence and demonstrations, on both sides: Truce's types and ACLED's event types.
COMPARABLE_TYPES = ("ASSAULT", "COERCE", "PROTEST")
ACLED_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots")


@dataclass(slots=True)
class Comparison:
    first: date
    last: date
    km: float
    days: list[tuple[str, int, int, int]] = field(default_factory=list)  # day, truce, acled, paired
    pairs: list[tuple[Incident, AcledEvent, float]] = field(default_factory=list)
    truce_total: int = 0
    acled_total: int = 0


def _day(incident: Incident) -> date | None:
    return incident.start.astimezone(UTC).date() if incident.start else None


def _label(incident: Incident) -> str:
    day = _day(incident)
    return day.isoformat() if day else "?"


def compare(store: Store, first: date, last: date, *, km: float = 25.0) -> Comparison:
    """Pair the period's comparable Truce incidents with the imported ACLED events."""
    events = [ev for ev in imported_events(store, first, last) if ev.event_type in ACLED_TYPES]
    incidents = [item.incident for page in pages(store, Filters(start=day_start(first), end=day_end(last)),
                                                 details=False)
                 for item in page if item.incident.type in COMPARABLE_TYPES
                 and (d := _day(item.incident)) is not None and first <= d <= last]
    candidates: list[tuple[float, int, int]] = []
    for i, inc in enumerate(incidents):
        loc = inc.location
        if loc is None or loc.lat is None or loc.lon is None:
            continue
        for j, ev in enumerate(events):
            day = _day(inc)
            if ev.lat is None or ev.lon is None or day is None or abs((ev.day - day).days) > 1:
                continue
            distance = haversine_km(loc.lat, loc.lon, ev.lat, ev.lon)
            if distance <= km:
                candidates.append((distance, i, j))
    result = Comparison(first, last, km, truce_total=len(incidents), acled_total=len(events))
    used_i: set[int] = set()
    used_j: set[int] = set()
    for distance, i, j in sorted(candidates):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            result.pairs.append((incidents[i], events[j], distance))
    per_truce = Counter(_label(inc) for inc in incidents)
    per_acled = Counter(ev.day.isoformat() for ev in events)
    per_pair = Counter(_label(inc) for inc, _, _ in result.pairs)
    for label in sorted(set(per_truce) | set(per_acled)):
        result.days.append((label, per_truce[label], per_acled[label], per_pair[label]))
    result.pairs.sort(key=lambda p: (p[1].day, p[1].event_id))
    return result


def print_comparison(console: Console, result: Comparison) -> None:
    table = Table(title=f"Truce beside ACLED, {result.first} – {result.last} (pairs within {result.km:g} km, ±1 day)",
                  title_justify="left")
    for column in ("day", "Truce incidents", "ACLED events", "paired", "Truce only", "ACLED only"):
        table.add_column(column)
    for day, truce, acled, paired in result.days:
        table.add_row(day, str(truce), str(acled), str(paired), str(truce - paired), str(acled - paired))
    console.print(table)
    for inc, ev, distance in result.pairs:
        place = (inc.location.name or inc.location.text) if inc.location else "?"
        console.print(f"  {ev.day}  {ev.event_id} {ev.event_type} / {ev.sub_event_type or ''} at {ev.location}  ↔  "
                      f"{inc.id} {inc.type}/{inc.mode or ''} near {place}  ({distance:.1f} km)",
                      markup=False, highlight=False)
    console.print(f"  {result.truce_total} Truce incidents ({', '.join(COMPARABLE_TYPES)}), {result.acled_total} "
                  f"ACLED events ({', '.join(ACLED_TYPES)}), {len(result.pairs)} paired", markup=False,
                  highlight=False)
