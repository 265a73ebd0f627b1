"""Fusion's geometry in one place: distances from `truce.geo.geometry`, the uncertainty of places
from `truce.foundation.precision` (shared with adjudication).

Fusion compares places in kilometres; `tolerance_km` lets a region-level mention still meet a
point-level sighting inside it.
"""

from __future__ import annotations

# One owner of distances on the Earth (truce.geo.geometry); fusion adds the uncertainty of places.
from truce.foundation.precision import COARSE_PRECISIONS, PRECISION_RANK, TOLERANCE_KM, tolerance_km
from truce.geo.geometry import EARTH_RADIUS_KM, KM_PER_DEG_LAT, destination, haversine_km, km_per_deg_lon

__all__ = ["COARSE_PRECISIONS", "EARTH_RADIUS_KM", "KM_PER_DEG_LAT", "PRECISION_RANK", "TOLERANCE_KM", "destination",
           "haversine_km", "km_per_deg_lon", "tolerance_km"]
