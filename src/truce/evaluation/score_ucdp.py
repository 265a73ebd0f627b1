"""UCDP GED measures, as `shared/tools/dev_eval.py` defines them, over event dicts (Event.to_dict()).

The primary event of a text is the first one asserted, not negated, with an ACLED event type;
failing that the first event; with no events there is none.
- violent: share of units with at least one violent event (type ASSAULT, or an ACLED type among
  Battles, Explosions/Remote violence, Violence against civilians; any status), also per type;
- one-sided: predicted when the primary event's ACLED type is Violence against civilians; gold is
  type_of_violence 3; balanced accuracy = (recall on type 3 + specificity on types 1-2) / 2, and
  a unit with no event is predicted not one-sided;
- deaths: on units whose text states a toll and that have one GED event with best > 0, the share
  whose primary event's fatalities == best (also: any event's; and only texts writing best itself);
- place: on units whose text names a sub-country GED place, the share whose primary event's
  location lies within 50 km of one of those places.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from truce.evaluation.figures import Figure
from truce.evaluation.jsonl import as_float
from truce.evaluation.records import UcdpUnit
from truce.geo.geometry import haversine_km

VIOLENT_ACLED = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
ONE_SIDED_ACLED = "Violence against civilians"
PLACE_KM = 50.0
KINDS = (1, 2, 3)


def acled_type(event: dict[str, Any] | None) -> str | None:
    acled = (event or {}).get("acled") or {}
    return acled.get("event_type") if isinstance(acled, dict) else None


def primary_event(events: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The event a headline is scored by (module docstring)."""
    for event in events:
        if event.get("status") == "asserted" and event.get("aux") != "negation" and acled_type(event):
            return event
    return events[0] if events else None


@dataclass(frozen=True, slots=True)
class UcdpOutcome:
    """One unit scored; None where the unit is not eligible for that measure."""

    kind: int
    violent: bool
    one_sided: bool
    deaths_primary: bool | None
    deaths_any: bool | None
    best_stated: bool
    place: bool | None


def score_unit(unit: UcdpUnit, events: Sequence[dict[str, Any]]) -> UcdpOutcome:
    """Score the events extracted from one unit's text."""
    primary = primary_event(events)
    violent = any(e.get("type") == "ASSAULT" or acled_type(e) in VIOLENT_ACLED for e in events)
    deaths_primary = deaths_any = None
    if unit.deaths_gold is not None:
        deaths_primary = primary is not None and primary.get("fatalities") == unit.deaths_gold
        deaths_any = any(e.get("fatalities") == unit.deaths_gold for e in events)
    place = None
    if unit.places_gold:
        location = (primary or {}).get("location") or {}
        lat, lon = as_float(location.get("lat")), as_float(location.get("lon"))
        place = lat is not None and lon is not None and any(
            haversine_km(lat, lon, glat, glon) <= PLACE_KM for glat, glon in unit.places_gold)
    return UcdpOutcome(unit.kind, violent, acled_type(primary) == ONE_SIDED_ACLED, deaths_primary, deaths_any,
                       unit.best_stated, place)


@dataclass(slots=True)
class UcdpTally:
    """Counts over the scored units."""

    units: int = 0
    violent: dict[int, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in KINDS})  # kind -> [hit, n]
    confusion: dict[str, int] = field(default_factory=lambda: {"tp": 0, "fn": 0, "tn": 0, "fp": 0})
    deaths: list[int] = field(default_factory=lambda: [0, 0, 0, 0, 0])  # primary, any, n; stated primary, n
    place: list[int] = field(default_factory=lambda: [0, 0])  # within 50 km, n

    def add(self, o: UcdpOutcome) -> None:
        self.units += 1
        self.violent[o.kind][0] += o.violent
        self.violent[o.kind][1] += 1
        if o.kind == 3:
            self.confusion["tp" if o.one_sided else "fn"] += 1
        else:
            self.confusion["fp" if o.one_sided else "tn"] += 1
        if o.deaths_primary is not None:
            self.deaths[0] += o.deaths_primary
            self.deaths[1] += bool(o.deaths_any)
            self.deaths[2] += 1
            if o.best_stated:
                self.deaths[3] += o.deaths_primary
                self.deaths[4] += 1
        if o.place is not None:
            self.place[0] += o.place
            self.place[1] += 1

    def _pair(self, kind: int) -> tuple[int, int]:
        hit, total = self.violent[kind]
        return hit, total

    def balanced_accuracy(self) -> tuple[float | None, float | None, float | None]:
        """(recall on type 3, specificity on types 1-2, their mean); None where undefined."""
        c = self.confusion
        tpr = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else None
        tnr = c["tn"] / (c["tn"] + c["fp"]) if c["tn"] + c["fp"] else None
        return tpr, tnr, (tpr + tnr) / 2 if tpr is not None and tnr is not None else None

    def figures(self) -> list[Figure]:
        hit = sum(v[0] for v in self.violent.values())
        tpr, tnr, bacc = self.balanced_accuracy()
        c = self.confusion
        shown = ", ".join(f"{name} {value:.3f}" for name, value in (("type-3 recall", tpr), ("types 1-2 "
                          "specificity", tnr)) if value is not None)
        return [
            Figure("ucdp/violent event found", hit, self.units, note=f"{self.units} texts stratified by type"),
            *(Figure(f"ucdp/violent event found, type {k}", *self._pair(k)) for k in KINDS),
            Figure("ucdp/one-sided balanced accuracy", value=bacc,
                   note=f"{shown}; {c['tp'] + c['fn']} type 3, {c['tn'] + c['fp']} types 1-2"),
            Figure("ucdp/deaths where stated", self.deaths[0], self.deaths[2],
                   note="primary fatalities == best, one GED event, best > 0"),
            Figure("ucdp/deaths where stated, any event", self.deaths[1], self.deaths[2]),
            Figure("ucdp/deaths where the text writes best", self.deaths[3], self.deaths[4]),
            Figure("ucdp/place <= 50 km where named", self.place[0], self.place[1]),
        ]
