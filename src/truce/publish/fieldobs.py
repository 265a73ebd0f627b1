"""Field and sensor observations as a monitoring mission reports them: where the monitors stood,
what they heard or saw, how many, how far and in which direction, and how they assessed it.

Observations of one observer of one kind inside one incident (40 detections of one burst, say)
are one line with their count, time window and range of distances."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from truce.model import Observation
from truce.publish.content import Entry
from truce.publish.period import Period
from truce.store import Store

_POINTS = ("north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west")
_HOW = {"heard": "heard", "seen": "saw", "camera": "saw on camera", "uav": "saw from a UAV",
        "acoustic": "detected acoustically", "radar": "detected on radar", "other": "recorded"}
_WHAT = {"explosion": "explosion", "small-arms": "burst of small-arms fire", "heavy-weapon-seen": "heavy weapon",
         "uav": "UAV", "movement-restriction": "restriction of movement", "movement": "movement", "other": "event"}


def compass(bearing: float | None) -> str:
    if bearing is None:
        return ""
    return _POINTS[round((bearing % 360) / 45) % 8]


@dataclass(slots=True)
class Line:
    """Observations of one observer and kind, in one incident."""

    number: int  # the incident's number in the report
    observer: str
    how: str
    what: str
    weapon: str | None
    direction: str
    count: int
    first: datetime
    last: datetime
    lat: float | None
    lon: float | None
    distances: tuple[float, float] | None
    bearing: str
    impact: str | None
    notes: str | None

    @property
    def sentence(self) -> str:
        """One OSCE-style sentence: 'Positioned at ..., JMC team 2 heard 12 explosions 2-3 km south-west ...'."""
        placed = self.lat is not None and self.lon is not None
        where = f"Positioned at {self.lat:.4f}, {self.lon:.4f}, " if placed else ""
        what = _WHAT.get(self.what, self.what)
        noun = what if self.count == 1 else (what + "s" if not what.endswith("fire") else what.replace(
            "burst", "bursts"))
        far = ""
        if self.distances:
            lo, hi = self.distances
            far = f" {lo:g} km" if lo == hi else f" {lo:g}–{hi:g} km"
        toward = f" {self.bearing}" if self.bearing else ""
        weapon = f" ({self.weapon})" if self.weapon else ""
        assessed = f", assessed as {self.direction}" if self.direction != "undetermined" else ""
        return (f"{where}{self.observer} {_HOW.get(self.how, self.how)} {self.count} {noun}{weapon}{far}{toward}"
                f"{assessed}, {_window(self.first, self.last)}.")


def _window(first: datetime, last: datetime) -> str:
    a, b = first.astimezone(UTC), last.astimezone(UTC)
    return f"at {a:%H:%M} UTC" if a == b else f"between {a:%H:%M} and {b:%H:%M} UTC"


def lines(store: Store, entries: Sequence[Entry], period: Period) -> list[Line]:
    """The period's observations, grouped, in order of the incidents they belong to, then time."""
    by_id = {o: e for e in entries for o in e.incident.observation_ids}
    observations = [o for o in store.observations(ids=list(by_id)) if period.holds(o.observed_from)]
    groups: dict[tuple[int, str, str, str, str, str], list[Observation]] = {}
    for o in sorted(observations, key=lambda o: (o.observed_from, o.id)):
        key = (by_id[o.id].number, o.observer or o.source_name or "observer", o.how, o.what, o.weapon or "",
               o.direction)
        groups.setdefault(key, []).append(o)
    out = [_line(key, members) for key, members in groups.items()]
    out.sort(key=lambda line: (line.number, line.first))
    return out


def _line(key: tuple[int, str, str, str, str, str], members: list[Observation]) -> Line:
    number, observer, how, what, weapon, direction = key
    first = members[0]
    distances = [o.distance_km for o in members if o.distance_km is not None]
    bearings = [o.bearing_deg for o in members if o.bearing_deg is not None]
    impact = next((o.location.name or o.location.text for o in members if o.location), None)
    return Line(
        number=number, observer=observer, how=how, what=what, weapon=weapon or None, direction=direction,
        count=sum(o.count for o in members), first=first.observed_from.astimezone(UTC),
        last=max(o.observed_until or o.observed_from for o in members).astimezone(UTC),
        lat=first.observer_lat, lon=first.observer_lon,
        distances=(min(distances), max(distances)) if distances else None,
        bearing=compass(sum(bearings) / len(bearings)) if bearings and max(bearings) - min(bearings) < 90
        else compass(bearings[0]) if bearings else "",
        impact=impact, notes=first.notes)
