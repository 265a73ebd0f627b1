"""The one owner of geometry on the Earth: distances, destinations, buffers, point-in-area.

Every stage that measures kilometres (the geoparser, fusion, agreement adjudication, reports)
uses these functions and this one Earth radius (the IUGG mean radius, 6371.0088 km).
Coordinates are WGS84 longitude/latitude (GeoJSON and shapely order: x = lon, y = lat) except
where a function takes `lat, lon` explicitly. Metric work on shapes projects onto a local
azimuthal equidistant plane centred on the geometry, which keeps distances accurate to well under
1% over the few hundred kilometres a ceasefire line spans, with no projection library.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEG_LAT = EARTH_RADIUS_KM * math.pi / 180.0  # 111.195 km: one degree of latitude


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given as latitude, longitude."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def haversine_many(lat: float, lon: float, lats_rad: np.ndarray, lons_rad: np.ndarray) -> np.ndarray:
    """Great-circle distances in km from one point (degrees) to many (radians), as `haversine_km`."""
    p1, l1 = math.radians(lat), math.radians(lon)
    a = np.sin((lats_rad - p1) / 2) ** 2 + math.cos(p1) * np.cos(lats_rad) * np.sin((lons_rad - l1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def haversine_rows(lats: list[float], lons: list[float], lats_rad: np.ndarray, lons_rad: np.ndarray) -> np.ndarray:
    """Distances in km from each of many points (degrees) to many others (radians), in one array
    call: row i is `haversine_many(lats[i], lons[i], lats_rad, lons_rad)`, bit for bit (the same
    operations in the same order, element by element)."""
    p1 = np.array([math.radians(lat) for lat in lats])[:, None]
    l1 = np.array([math.radians(lon) for lon in lons])[:, None]
    cos_p1 = np.array([math.cos(math.radians(lat)) for lat in lats])[:, None]
    a = np.sin((lats_rad - p1) / 2) ** 2 + cos_p1 * np.cos(lats_rad) * np.sin((lons_rad - l1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


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


def _local_projection(lat0: float, lon0: float) -> tuple[Callable[[np.ndarray], np.ndarray],
                                                         Callable[[np.ndarray], np.ndarray]]:
    """Forward and inverse azimuthal equidistant projection centred on (lat0, lon0), in km.

    Both take and return an (N, 2) array of coordinates: (lon, lat) degrees <-> (east, north) km.
    """
    phi0, lam0 = math.radians(lat0), math.radians(lon0)
    sin0, cos0 = math.sin(phi0), math.cos(phi0)

    def forward(coords: np.ndarray) -> np.ndarray:
        lam, phi = np.radians(coords[:, 0]), np.radians(coords[:, 1])
        cos_c = np.clip(sin0 * np.sin(phi) + cos0 * np.cos(phi) * np.cos(lam - lam0), -1.0, 1.0)
        c = np.arccos(cos_c)
        sin_c = np.sin(c)
        k = np.where(c < 1e-12, 1.0, c / np.where(sin_c == 0, 1.0, sin_c))
        east = EARTH_RADIUS_KM * k * np.cos(phi) * np.sin(lam - lam0)
        north = EARTH_RADIUS_KM * k * (cos0 * np.sin(phi) - sin0 * np.cos(phi) * np.cos(lam - lam0))
        return np.column_stack([east, north])

    def inverse(coords: np.ndarray) -> np.ndarray:
        x, y = coords[:, 0], coords[:, 1]
        rho = np.hypot(x, y)
        safe = np.where(rho < 1e-12, 1.0, rho)
        c = rho / EARTH_RADIUS_KM
        sin_c, cos_c = np.sin(c), np.cos(c)
        phi = np.arcsin(np.clip(cos_c * sin0 + y * sin_c * cos0 / safe, -1.0, 1.0))
        lam = lam0 + np.arctan2(x * sin_c, safe * cos0 * cos_c - y * sin0 * sin_c)
        return np.column_stack([np.degrees(lam), np.degrees(phi)])

    return forward, inverse


def _centre(geometry: BaseGeometry) -> tuple[float, float]:
    c = geometry.centroid
    return c.y, c.x


def point_in_area(lat: float, lon: float, area: BaseGeometry) -> bool:
    """True when the point lies inside `area` or on its boundary."""
    return bool(area.covers(Point(lon, lat)))


def distance_to_km(lat: float, lon: float, geometry: BaseGeometry) -> float:
    """Shortest distance in km from a point to a line, polygon or point (0 inside a polygon)."""
    forward, _ = _local_projection(lat, lon)
    return float(shapely.transform(geometry, forward).distance(Point(0.0, 0.0)))


def buffer_km(geometry: BaseGeometry, km: float, resolution: int = 16) -> BaseGeometry:
    """`geometry` grown by `km` kilometres on every side (a line becomes a corridor), in lon/lat.
    A zero or negative width returns the geometry unchanged."""
    if km <= 0:
        return geometry
    lat0, lon0 = _centre(geometry)
    forward, inverse = _local_projection(lat0, lon0)
    return shapely.transform(shapely.transform(geometry, forward).buffer(km, quad_segs=resolution), inverse)


def within_km_of(lat: float, lon: float, geometry: BaseGeometry, km: float) -> bool:
    """True when the point lies within `km` of `geometry` (inside a polygon counts as 0 km)."""
    return distance_to_km(lat, lon, geometry) <= km
