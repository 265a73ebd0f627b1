"""Kilometres on lon/lat geometry for adjudication: thin names over `truce.geo.geometry`.

One owner of geometry on the Earth (truce.geo.geometry: one Earth radius, a local azimuthal
equidistant projection for buffers and distances). These two names keep the agreement stage's
call sites as they were.
"""

from __future__ import annotations

from shapely.geometry.base import BaseGeometry

from truce.geo.geometry import buffer_km, distance_to_km

__all__ = ["buffer_km", "distance_km"]


def distance_km(geom: BaseGeometry, lat: float, lon: float) -> float:
    """Distance from a point to `geom` in km (0 inside it)."""
    return distance_to_km(lat, lon, geom)
