"""Country outlines for maps and for naming the country a point lies in, read offline from the
`countryinfo` package (Natural Earth-derived GeoJSON, MIT) that also built the gazetteer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from shapely.geometry import Point, box, shape
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

# ACLED's regions, from the United Nations sub-regions countryinfo gives (ACLED groups the
# Caucasus with Central Asia and counts Iran and Turkey in the Middle East).
_ACLED_REGION = {
    "Western Asia": "Middle East", "Southern Asia": "South Asia", "Eastern Asia": "East Asia",
    "South-Eastern Asia": "Southeast Asia", "Central Asia": "Caucasus and Central Asia",
    "Northern Europe": "Europe", "Western Europe": "Europe", "Southern Europe": "Europe",
    "Eastern Europe": "Europe", "Northern America": "North America", "Central America": "Central America",
    "South America": "South America", "Caribbean": "Caribbean", "Northern Africa": "Northern Africa",
    "Western Africa": "Western Africa", "Middle Africa": "Middle Africa", "Eastern Africa": "Eastern Africa",
    "Southern Africa": "Southern Africa", "Australia and New Zealand": "Oceania", "Melanesia": "Oceania",
    "Micronesia": "Oceania", "Polynesia": "Oceania",
}
_CAUCASUS = {"ARM", "AZE", "GEO"}
_MIDDLE_EAST = {"IRN", "TUR"}


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    numeric: int | None
    region: str
    outline: BaseGeometry | None


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every country countryinfo knows, by ISO 3166-1 alpha-3 code."""
    import countryinfo

    out: dict[str, Country] = {}
    for entry in countryinfo.CountryInfo.all().values():
        iso = entry.get("ISO") or {}
        iso3 = iso.get("alpha3")
        if not iso3:
            continue
        features = (entry.get("geoJSON") or {}).get("features") or []
        outline = shape(features[0]["geometry"]).buffer(0) if features and features[0].get("geometry") else None
        code = str(iso.get("numeric") or "")
        numeric = int(code) if code.isdigit() else None
        region = _ACLED_REGION.get(entry.get("subregion") or "", entry.get("region") or "")
        if iso3 in _CAUCASUS:
            region = "Caucasus and Central Asia"
        elif iso3 in _MIDDLE_EAST:
            region = "Middle East"
        name = str(entry.get("name") or iso3)
        out[iso3] = Country(iso3, name[:1].upper() + name[1:], numeric, region, outline)
    return out


@lru_cache(maxsize=1)
def _index() -> tuple[STRtree, list[str]]:
    shapes = [(c.iso3, c.outline) for c in countries().values() if c.outline is not None]
    return STRtree([g for _, g in shapes]), [iso for iso, _ in shapes]


@lru_cache(maxsize=65536)
def country_at(lon: float, lat: float) -> str | None:
    """The ISO3 code of the country whose outline holds the point, or None (at sea, say)."""
    tree, codes = _index()
    point = Point(lon, lat)
    hits = tree.query(point, predicate="intersects")
    return codes[int(hits[0])] if len(hits) else None


def outlines_in(bounds: tuple[float, float, float, float]) -> list[tuple[str, BaseGeometry]]:
    """(ISO3, outline clipped to the box) of every country meeting the box (min_lon, min_lat, max_lon, max_lat)."""
    tree, codes = _index()
    frame = box(*bounds)
    out = []
    for hit in tree.query(frame, predicate="intersects"):
        iso3 = codes[int(hit)]
        outline = countries()[iso3].outline
        if outline is not None:
            out.append((iso3, outline.intersection(frame)))
    return sorted(out)
