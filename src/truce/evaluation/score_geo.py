"""Geoparsing measures (GeoVirus, WikToR), as `shared/tools/dev_eval.py` defines them.

Each gold toponym is checked against the place mentions (of any usage, metonymy included) that
overlap its span (`m.start < g.end and g.start < m.end`):
- span recall: share of gold toponyms with at least one overlapping mention;
- acc@161km / acc@25km: share whose nearest overlapping mention with coordinates lies within
  161 / 25 km of the gold point; no mention, or none with coordinates, is a miss;
- median error: over the gold toponyms that have a resolved overlapping mention.
Precision is not measured: neither corpus annotates every place in its texts.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from truce.evaluation.figures import Figure
from truce.evaluation.records import GeoArticle
from truce.geo.geometry import haversine_km

WIDE_KM = 161.0  # 100 miles: the usual 'accuracy at 161 km' of geoparsing papers
NARROW_KM = 25.0


class Mention(Protocol):
    """What the measures read of a place mention (truce.model.PlaceMention has it)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def lat(self) -> float | None: ...
    @property
    def lon(self) -> float | None: ...


@dataclass(frozen=True, slots=True)
class GeoOutcome:
    """One article scored: counts over its gold toponyms, and the error of each resolved one."""

    gold: int
    found: int
    within_wide: int
    within_narrow: int
    errors_km: tuple[float, ...]
    mentions: int


def score_article(article: GeoArticle, mentions: Sequence[Mention]) -> GeoOutcome:
    """Score one article's place mentions against its gold toponyms."""
    found = wide = narrow = 0
    errors: list[float] = []
    for gold in article.gold:
        overlapping = [m for m in mentions if m.start < gold.end and gold.start < m.end]
        if not overlapping:
            continue
        found += 1
        distances = [haversine_km(gold.lat, gold.lon, m.lat, m.lon) for m in overlapping
                     if m.lat is not None and m.lon is not None]
        if distances:
            best = min(distances)
            errors.append(best)
            wide += best <= WIDE_KM
            narrow += best <= NARROW_KM
    return GeoOutcome(len(article.gold), found, wide, narrow, tuple(errors), len(mentions))


@dataclass(slots=True)
class GeoTally:
    """The sum of article outcomes for one corpus."""

    label: str
    articles: int = 0
    gold: int = 0
    found: int = 0
    within_wide: int = 0
    within_narrow: int = 0
    mentions: int = 0
    errors_km: list[float] = field(default_factory=list)

    def add(self, outcome: GeoOutcome) -> None:
        self.articles += 1
        self.gold += outcome.gold
        self.found += outcome.found
        self.within_wide += outcome.within_wide
        self.within_narrow += outcome.within_narrow
        self.mentions += outcome.mentions
        self.errors_km.extend(outcome.errors_km)

    def figures(self) -> list[Figure]:
        median = statistics.median(self.errors_km) if self.errors_km else None
        return [
            Figure(f"{self.label}/acc@161km", self.within_wide, self.gold,
                   note=f"{self.articles} articles, {self.mentions} mentions"),
            Figure(f"{self.label}/acc@25km", self.within_narrow, self.gold),
            Figure(f"{self.label}/span recall", self.found, self.gold),
            Figure(f"{self.label}/median error", value=median, unit="km",
                   note=f"over {len(self.errors_km)} resolved toponyms"),
        ]
