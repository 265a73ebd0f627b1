"""re3d measure: span recall of gold Location entities by the place recogniser.

A gold Location span counts as found when some place mention overlaps it. Precision is not
measured (re3d's Location also covers facilities and areas the gazetteer need not know), nor is
resolution (re3d has no coordinates).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from truce.evaluation.figures import Figure
from truce.evaluation.records import EntityDoc
from truce.evaluation.score_geo import Mention


def found_locations(doc: EntityDoc, mentions: Sequence[Mention]) -> int:
    """How many of the document's gold Location spans some mention overlaps."""
    return sum(any(m.start < end and start < m.end for m in mentions) for start, end in doc.locations)


@dataclass(slots=True)
class EntityTally:
    docs: int = 0
    found: int = 0
    gold: int = 0

    def add(self, doc: EntityDoc, found: int) -> None:
        self.docs += 1
        self.found += found
        self.gold += len(doc.locations)

    def figures(self) -> list[Figure]:
        return [Figure("re3d/location span recall", self.found, self.gold, note=f"{self.docs} documents")]
