"""What a situation report says, gathered from the store: `gather(store, period, area, audience)`.

Every number is computed here from the store's incidents and current verdicts, by rules a
monitor can state in a sentence (and a test re-applies them to the store):
- an incident belongs to the day its start falls on (UTC), so each is counted in one period;
- its standing is its gravest current verdict under the agreements in view (the area's agreement
  when the area names one, else every agreement): violation, then possible violation, ...;
- its area is the first-level division of its place, else the place's name, else "unplaced".
The public audience sees only the incidents `is_published` lets through; counts are theirs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from truce.model import Claim, Incident, Report, Verdict
from truce.publish.audience import published_ids
from truce.publish.period import Period
from truce.publish.scope import Scope, resolve_scope
from truce.store import Store

NOTEWORTHY = ("violation", "possible_violation")
ORDER = ("violation", "possible_violation", "not_a_violation", "out_of_scope")
VIOLENT = ("ASSAULT", "COERCE")
DISPUTED_TYPES = ("ASSAULT", "COERCE", "MOBILIZE", "THREATEN")
TREND_DAYS = 14


@dataclass(slots=True)
class Entry:
    """One incident as the report shows it."""

    incident: Incident
    verdicts: list[Verdict]
    number: int = 0  # its marker on the map and its number in the lists (findings first)
    sources: list[int] = field(default_factory=list)  # annex numbers

    @property
    def standing(self) -> str:
        found = {v.verdict for v in self.verdicts}
        return next((v for v in ORDER if v in found), "unjudged")

    @property
    def area(self) -> str:
        return area_of(self.incident)

    def sides(self, stance: str) -> list[Claim]:
        """The claims (or denials) once each: copies of one statement say it once."""
        seen: dict[tuple[str, str | None, str], Claim] = {}
        for claim in self.incident.claims:
            if claim.stance == stance:
                seen.setdefault((claim.party, claim.accused, " ".join((claim.source_text or "").split())), claim)
        return list(seen.values())


@dataclass(slots=True)
class Content:
    period: Period
    previous: Period
    audience: str
    scope: Scope
    entries: list[Entry]  # the period's incidents, findings first
    earlier: list[Entry]  # the previous period's
    trend: list[tuple[str, Counter[str]]]  # (day, standing -> incidents) over the trend window
    sources: list[Report]  # the annex, numbered from 1
    generated: datetime

    @property
    def findings(self) -> list[Entry]:
        return [e for e in self.entries if e.standing in NOTEWORTHY]

    @property
    def disputed(self) -> list[Entry]:
        """Findings and acts of force that a party claimed or denied."""
        return [e for e in self.entries if e.incident.claims
                and (e.standing in NOTEWORTHY or e.incident.type in DISPUTED_TYPES)]


def area_of(incident: Incident) -> str:
    loc = incident.location
    if loc is None:
        return "unplaced"
    return loc.admin1 or loc.name or loc.text or "unplaced"


def totals(entries: list[Entry]) -> dict[str, int]:
    """The headline figures of one period."""
    standing = Counter(e.standing for e in entries)
    return {
        "incidents": len(entries),
        "violent": sum(1 for e in entries if e.incident.type in VIOLENT),
        "violations": standing["violation"],
        "possible_violations": standing["possible_violation"],
        "observed": sum(e.incident.observation_count for e in entries),
        "fatalities": sum(e.incident.fatalities or 0 for e in entries),
    }


def by_type_and_area(entries: list[Entry]) -> Counter[tuple[str, str]]:
    return Counter((e.incident.type, e.area) for e in entries)


def gather(store: Store, period: Period, area: str | None, audience: str) -> Content:
    """Everything the report shows for `period` in `area` for `audience`."""
    scope = resolve_scope(area)
    previous = period.previous()
    window_first = min(previous.first, period.last - timedelta(days=TREND_DAYS - 1))
    window = Period(window_first, period.last)
    entries = _entries(store, window, scope, audience)
    now = [e for e in entries if period.holds(e.incident.start)]
    before = [e for e in entries if previous.holds(e.incident.start)]
    trend = []
    for day in window.each_day()[-max(TREND_DAYS, period.days):]:
        counts = Counter(e.standing for e in entries if Period(day, day).holds(e.incident.start))
        trend.append((day.isoformat(), counts))
    now.sort(key=lambda e: (ORDER.index(e.standing) if e.standing in NOTEWORTHY else 9, _when(e.incident),
                            e.incident.id))
    for n, entry in enumerate(now, 1):
        entry.number = n
    sources = _annex(store, now)
    return Content(period, previous, audience, scope, now, before, trend, sources,
                   datetime.now(UTC).replace(microsecond=0))


def _when(incident: Incident) -> str:
    return incident.start.astimezone(UTC).isoformat() if incident.start else "~"


def _entries(store: Store, window: Period, scope: Scope, audience: str) -> list[Entry]:
    """Incidents starting in the window, in scope, that the audience may see, with their verdicts."""
    from truce.publish.pages import Filters, pages

    found: list[Entry] = []
    for page in pages(store, Filters(start=window.start, end=window.end, bbox=scope.bbox), details=False):
        for item in page:
            if not window.holds(item.incident.start) or not scope.holds(item.incident):
                continue
            verdicts = [v for v in item.verdicts if scope.judges(v)]
            found.append(Entry(item.incident, verdicts))
    if audience == "public":
        allowed = published_ids(store, [e.incident.id for e in found])
        found = [e for e in found if e.incident.id in allowed]
    return found


def _annex(store: Store, entries: list[Entry]) -> list[Report]:
    """The reports behind the period's incidents, numbered in order of publication; each entry
    gets the numbers of its own."""
    heads = store.report_heads({r for e in entries for r in e.incident.report_ids})
    ordered = sorted(heads.values(), key=lambda r: (r.published.astimezone(UTC).isoformat() if r.published
                                                    else "~", r.source_name or "", r.id))
    number = {r.id: n for n, r in enumerate(ordered, 1)}
    for e in entries:
        e.sources = sorted(number[r] for r in e.incident.report_ids if r in number)
    return ordered
