"""A town's own name before another town's alternate name.

GeoNames lists the names of neighbouring towns among a town's alternate names ("Slov'yansk" among
Nikopol's), so "Sloviansk" finds both Sloviansk and Nikopol, two towns of one size in one country,
and the ranker may pick Nikopol. A name that a town of the same country bears as its own belongs
to that town: a settlement that holds the name only as an alternate gives way to it, unless it is
much larger (`LARGER`: then the alternate is more likely the way writers name the big town).
Measured on the dev splits (a tenth, as first tried at build time, cost WikToR 0.848 -> 0.835:
"Waterloo" lost London's Lambeth to a village of 1,000). Read at lookup time: no rebuild.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from truce.geo.names import fold, skeleton

if TYPE_CHECKING:
    from truce.geo.gazetteer import Candidate

SETTLEMENTS = frozenset({"city", "capital"})
LARGER = 2  # a town this many times as populous as the name's owner keeps the name as its own too


def own_names_first(name: str, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """`found` without the settlements that bear `name` only as an alternate name while exactly one
    settlement of their country bears it as its own and is not over LARGER times smaller. (A
    name many towns of a country bear, "Quincy" or "El Porvenir", points at none of them in
    particular: an old name or short form of another town may be what a text means.)"""
    key = skeleton(fold(name))
    owners: dict[str | None, list[int]] = {}
    for c in found:
        if c.kind in SETTLEMENTS and skeleton(fold(c.name)) == key:
            owners.setdefault(c.country, []).append(c.population)
    if any(c.kind == "capital" and skeleton(fold(c.name)) == key for c in found):
        # a capital's name is the capital's the world over: "Islamabad" is no old name of Chattogram
        # or Anantnag to a reader, "Damascus" no former name of a Tennessee town
        found = tuple(c for c in found if c.kind not in SETTLEMENTS or skeleton(fold(c.name)) == key)
    sole = {country: pops[0] for country, pops in owners.items() if len(pops) == 1}
    if not sole:
        return found
    return tuple(c for c in found if c.kind not in SETTLEMENTS or c.country not in sole
                 or skeleton(fold(c.name)) == key or sole[c.country] * LARGER < c.population)
