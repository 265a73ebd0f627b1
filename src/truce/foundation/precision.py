"""The uncertainty that comes with each precision of a place, in kilometres.

A place known to the village is a few kilometres wide, a place known only to the region tens of
kilometres; `tolerance_km` turns a precision into that allowance, so that fusion lets a
region-level mention meet a point-level sighting inside it and adjudication lets an imprecise
place count as inside an agreement's area.
"""

from __future__ import annotations

# How far from its stated coordinates a place of each precision may really be, in km.
TOLERANCE_KM: dict[str | None, float] = {
    "point": 0.5,
    "village": 2.0,
    "city": 5.0,
    "district": 20.0,
    "region": 50.0,
    None: 8.0,  # coordinates of unstated precision: treat like a town
}

# Precisions too coarse for coordinates to mean anything at fusion scale: joined by name only.
COARSE_PRECISIONS = frozenset({"country"})

PRECISION_RANK: dict[str | None, int] = {
    "point": 6, "village": 5, "city": 4, "district": 3, "region": 2, "country": 1, None: 0,
}  # fmt: skip


def tolerance_km(precision: str | None) -> float:
    """Uncertainty radius, in km, of coordinates of the given precision."""
    return TOLERANCE_KM.get(precision, TOLERANCE_KM[None])
