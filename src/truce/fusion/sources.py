"""How many independent sources stand behind an incident.

A wire story reprinted by ten outlets is one source, not ten: reports whose texts are
near-duplicates collapse into one origin, and so do reports from the same outlet (every outlet
that carried a text counts: a text stored once may have several sightings). Observations by one
monitoring team (or one sensor network) are one origin however many explosions it logged.
Distinct outlets with different texts count separately.

Near-duplicates are found in linear time (`truce.foundation.dedup`): the store puts each text in its
near-duplicate group when it is stored (`Report.dup_key`); reports built in memory without a
group are compared by their sketches with one representative per origin found so far.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from truce.foundation.dedup import Sketch, near_duplicates, sketch
from truce.foundation.words import normalise
from truce.model import Report

TEAM_PREFIX = "team:"  # a field or sensor report's group key: the team behind it


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # smallest id is the root: deterministic


class OriginIndex:
    """Decides which reports share an origin."""

    def __init__(self, reports: Mapping[str, Report], teams: Mapping[str, str]) -> None:
        self.reports = reports
        self.teams = teams  # report id -> observer team, for reports that carry observations
        self._sketches: dict[str, Sketch] = {}

    def team(self, report_id: str) -> str | None:
        """The observer team behind a field or sensor report, else None."""
        if report_id in self.teams:
            return self.teams[report_id]
        report = self.reports.get(report_id)
        if report is not None and report.kind in ("field", "sensor"):
            if report.dup_key and report.dup_key.startswith(TEAM_PREFIX):
                return report.dup_key[len(TEAM_PREFIX):]
            return report.source_name or report.id
        return None

    def _sketch(self, report_id: str) -> Sketch:
        if report_id not in self._sketches:
            self._sketches[report_id] = sketch(self.reports[report_id].text)
        return self._sketches[report_id]

    def near_duplicates(self, a: str, b: str) -> bool:
        """True when two reports' texts are copies of one another (reprints, light edits, cuts)."""
        ra, rb = self.reports[a], self.reports[b]
        if ra.dup_key and rb.dup_key:
            return ra.dup_key == rb.dup_key
        return near_duplicates(self._sketch(a), self._sketch(b))

    def origins(self, report_ids: Iterable[str]) -> dict[str, str]:
        """Map each report id to its origin key. Reports absent from the mapping are their own origin."""
        union = _Union()
        loose: list[str] = []  # news without a stored group: compared by sketch
        for rid in sorted(set(report_ids)):
            team = self.team(rid)
            if team is not None:
                union.union(rid, "team:" + normalise(team))
                continue
            union.find(rid)
            report = self.reports.get(rid)
            if report is None:
                continue
            for outlet in (report.source_name, *report.outlets):
                if normalise(outlet):
                    union.union(rid, "outlet:" + normalise(outlet))
            if report.dup_key:
                union.union(rid, "text:" + report.dup_key)
            else:
                loose.append(rid)
        # Compare each loose report with one representative per origin found so far: near-duplicate
        # reprints chain to the first copy, and distinct stories are compared once each.
        representatives: list[str] = []
        for rid in loose:
            for rep in representatives:
                if union.find(rep) != union.find(rid) and self.near_duplicates(rid, rep):
                    union.union(rid, rep)
                    break
            else:
                representatives.append(rid)
        roots = {rid: union.find(rid) for rid in set(report_ids)}
        return roots


def count_origins(index: OriginIndex, report_ids: Iterable[str]) -> int:
    """Number of independent origins among the given reports."""
    return len(set(index.origins(report_ids).values()))


@dataclass(slots=True)
class Independence:
    """How many independent origins stand behind an incident, and which origin each member
    report belongs to: what the Incident stores (`independent_sources`, `origins`), so that
    adjudication counts each source once without recomputing it."""

    count: int = 0
    origins: dict[str, str] = field(default_factory=dict)


def independence(index: OriginIndex, report_ids: set[str], new_report_ids: set[str],
                 prior: Independence | None = None) -> Independence:
    """The independence of an incident's reports. `prior` is what the stored incident said, when
    it was loaded; `new_report_ids` joined it in this run."""
    if not report_ids:
        return Independence()
    mapping = index.origins(report_ids)
    available = all(rid in index.reports or index.team(rid) for rid in report_ids)
    if prior is None or available:
        return Independence(max(1, len(set(mapping.values()))), mapping)
    # Some earlier reports are not at hand: they keep the origins stored for them, and only the
    # new origins that none of the known earlier reports already stands for are added.
    old = report_ids - new_report_ids
    kept = {rid: prior.origins.get(rid, mapping[rid]) for rid in old}
    known_as = {mapping[rid]: kept[rid] for rid in sorted(old, reverse=True)}  # smallest id wins
    fresh = {rid: known_as.get(mapping[rid], mapping[rid]) for rid in new_report_ids}
    added = {mapping[rid] for rid in new_report_ids} - {mapping[rid] for rid in old}
    return Independence(prior.count + len(added), kept | fresh)
