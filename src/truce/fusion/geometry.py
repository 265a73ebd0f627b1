"""Distances on the Earth and the uncertainty that comes with each kind of location.

Fusion compares places in kilometres. A place known to the village is a few kilometres wide, a
place known only to the region tens of kilometres; `tolerance_km` turns a precision into that
allowance so that a region-level mention can still meet a point-level sighting inside it.
"""

from __future__ import annotations

import math

# One owner of distances on the Earth (truce.geo.geometry); fusion adds the uncertainty of places.
from truce.geo.geometry import EARTH_RADIUS_KM, haversine_km

__all__ = ["COARSE_PRECISIONS", "EARTH_RADIUS_KM", "PRECISION_RANK", "TOLERANCE_KM", "destination", "haversine_km",
           "km_per_deg_lon", "tolerance_km"]
KM_PER_DEG_LAT = 111.2

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


def destination(lat: float, lon: float, bearing_deg: float, distance_km: float) -> tuple[float, float]:
    """The point `distance_km` from (lat, lon) along `bearing_deg` (clockwise from true north)."""
    d = distance_km / EARTH_RADIUS_KM
    b = math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    lon2 = (math.degrees(l2) + 540.0) % 360.0 - 180.0
    return round(math.degrees(p2), 6), round(lon2, 6)


def km_per_deg_lon(lat: float) -> float:
    """Length of one degree of longitude at latitude `lat`, in km (never below 1 km near the poles)."""
    return max(1.0, KM_PER_DEG_LAT * math.cos(math.radians(lat)))
