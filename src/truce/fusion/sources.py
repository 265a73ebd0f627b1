"""How many independent sources stand behind an incident.

A wire story reprinted by ten outlets is one source, not ten: reports whose texts are
near-duplicates collapse into one origin, and so do reports from the same outlet. Observations by
one monitoring team (or one sensor) are one origin however many explosions it logged. Distinct
outlets with different texts count separately.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz

from truce.fusion.items import normalise
from truce.model import Report

NEAR_DUPLICATE_RATIO = 90.0  # rapidfuzz ratio on normalised text, 0–100
NEAR_DUPLICATE_CONTAINMENT = 0.9  # share of the shorter text's 5-word shingles found in the longer
_SHINGLE = 5
_MIN_SHINGLES = 20  # below this, containment says little: rely on the ratio


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


def _shingles(words: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(words[i:i + _SHINGLE]) for i in range(max(0, len(words) - _SHINGLE + 1)))


class OriginIndex:
    """Decides which reports share an origin; caches the normalised text of each report."""

    def __init__(self, reports: Mapping[str, Report], teams: Mapping[str, str]) -> None:
        self.reports = reports
        self.teams = teams  # report id -> observer team, for reports that carry observations
        self._text: dict[str, str] = {}
        self._shingles: dict[str, frozenset[tuple[str, ...]]] = {}

    def team(self, report_id: str) -> str | None:
        """The observer team behind a field or sensor report, else None."""
        if report_id in self.teams:
            return self.teams[report_id]
        report = self.reports.get(report_id)
        if report is not None and report.kind in ("field", "sensor"):
            return report.source_name or report.id
        return None

    def _norm(self, report_id: str) -> str:
        if report_id not in self._text:
            report = self.reports[report_id]
            self._text[report_id] = normalise(report.text)
            self._shingles[report_id] = _shingles(self._text[report_id].split())
        return self._text[report_id]

    def near_duplicates(self, a: str, b: str) -> bool:
        """True when two reports' texts are copies of one another (reprints, light edits, cuts)."""
        ta, tb = self._norm(a), self._norm(b)
        if ta == tb:
            return True
        sa, sb = self._shingles[a], self._shingles[b]
        small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
        if len(small) >= _MIN_SHINGLES and len(small & large) >= NEAR_DUPLICATE_CONTAINMENT * len(small):
            return True
        return fuzz.ratio(ta, tb, score_cutoff=NEAR_DUPLICATE_RATIO) >= NEAR_DUPLICATE_RATIO

    def origins(self, report_ids: Iterable[str]) -> dict[str, str]:
        """Map each report id to its origin key. Reports absent from the mapping are their own origin."""
        union = _Union()
        news: list[str] = []
        by_outlet: dict[str, str] = {}
        for rid in sorted(set(report_ids)):
            team = self.team(rid)
            if team is not None:
                union.union(rid, "team:" + normalise(team))
                continue
            union.find(rid)
            report = self.reports.get(rid)
            if report is None:
                continue
            outlet = normalise(report.source_name)
            if outlet:
                if outlet in by_outlet:
                    union.union(rid, by_outlet[outlet])
                else:
                    by_outlet[outlet] = rid
            news.append(rid)
        # Compare each report with one representative per origin found so far: near-duplicate
        # reprints chain to the first copy, and distinct stories are compared once each.
        representatives: list[str] = []
        for rid in news:
            for rep in representatives:
                if union.find(rep) != union.find(rid) and self.near_duplicates(rid, rep):
                    union.union(rid, rep)
                    break
            else:
                representatives.append(rid)
        return {rid: union.find(rid) for rid in set(report_ids)}


def count_origins(index: OriginIndex, report_ids: Iterable[str]) -> int:
    """Number of independent origins among the given reports."""
    return len(set(index.origins(report_ids).values()))
