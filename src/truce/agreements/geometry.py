"""Kilometres on lon/lat geometry, good enough at the scale of a ceasefire area.

Shapes stay in degrees. For a buffer or a distance we stretch longitude by cos(latitude) around
the place of interest, so one unit is the same length both ways, work in that plane and convert
units to km: the error is well under 1 % over a few hundred kilometres.
"""

from __future__ import annotations

import math

from shapely import affinity
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

KM_PER_DEG = 111.2


def _stretch(lat: float) -> float:
    return max(0.05, math.cos(math.radians(lat)))


def buffer_km(geom: BaseGeometry, km: float) -> BaseGeometry:
    """`geom` grown by `km` kilometres in every direction."""
    if km <= 0:
        return geom
    k = _stretch(geom.centroid.y)
    flat = affinity.scale(geom, xfact=k, yfact=1.0, origin=(0, 0))
    return affinity.scale(flat.buffer(km / KM_PER_DEG), xfact=1 / k, yfact=1.0, origin=(0, 0))


def distance_km(geom: BaseGeometry, lat: float, lon: float) -> float:
    """Distance from a point to `geom` in km (0 inside it)."""
    k = _stretch(lat)
    flat = affinity.scale(geom, xfact=k, yfact=1.0, origin=(0, 0))
    return float(flat.distance(Point(lon * k, lat))) * KM_PER_DEG
