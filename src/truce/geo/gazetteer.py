"""Read the gazetteer index: candidate places for a name, outlines, facts about the index.

`get_gazetteer()` opens the index under `settings.gazetteer_file` once per process, building it
first when it is missing. Opening costs a few milliseconds (the file is queried, not loaded);
a name lookup is one indexed SQLite query, cached per process.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from truce.errors import TruceError
from truce.geo.admin_spellings import province_for
from truce.geo.build import GAZETTEER_VERSION, alias_keys, build_gazetteer
from truce.geo.own_names import own_names_first
from truce.settings import get_settings

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place the gazetteer holds under some name."""

    id: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    kind: str  # country | region | adm1 | adm2 | capital | city | feature
    precision: str
    population: int
    loose: bool  # found through the transliteration skeleton, not the folded name


_COLUMNS = "p.id, p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1, p.kind, p.precision, p.population"


class Gazetteer:
    """A read-only view of one gazetteer file."""

    def __init__(self, path: Path):
        if not path.exists():
            raise TruceError("E303", f"no gazetteer at {path}", hint="run `truce gazetteer build`")
        self.path = path
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._by_name: dict[str, tuple[Candidate, ...]] = {}  # the same, by the name as written
        self._outlines: dict[str, BaseGeometry | None] = {}
        self._countries: dict[str, list[tuple[int, float, float]]] | None = None
        self._with_outline: set[int] = set()
        self._reading = 0  # open `reading` blocks
        self._began = False  # whether the outermost one began the transaction
        try:
            version = self._conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise TruceError("E304", f"{path} is not a Truce gazetteer ({exc})",
                             hint="delete it and run `truce gazetteer build`") from exc
        if not version or version[0] != GAZETTEER_VERSION:
            raise TruceError("E305", f"{path} was built by another version ({version and version[0]})",
                             hint="run `truce gazetteer build` to rebuild it")

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every place known under `name` (folded, else by transliteration skeleton), most populous first."""
        found = self._by_name.get(name)
        if found is not None:  # (a name's keys cost more to compute than the lookup itself)
            return found
        # exact key first, then every skeleton key: "Al-Raqqah" has two ("alraka", and "raka" without
        # its article) and takes what both find, in a fixed order (a set's order changes per process)
        keys = sorted(alias_keys(name), key=lambda k: (k[1], k[0]))
        if not keys:
            return ()
        cache_key = keys[0][0]
        found = self._cache.get(cache_key)
        if found is not None:
            self._by_name[name] = found
            return found
        result: list[Candidate] = []
        seen: set[int] = set()
        with self._lock:
            for key, loose in keys:
                if loose and result and not result[-1].loose:  # a folded match makes skeleton matches unnecessary
                    break
                rows = self._conn.execute(
                    f"SELECT {_COLUMNS} FROM alias a JOIN place p ON p.id = a.place "
                    "WHERE a.key = ? AND a.loose = ? ORDER BY p.population DESC LIMIT 40", (key, loose),
                ).fetchall()
                for row in rows:
                    if row[0] not in seen:
                        seen.add(row[0])
                        result.append(Candidate(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                                                row[8], row[9], loose=bool(loose)))
        result.sort(key=lambda c: -c.population)  # most populous first, across the keys read
        found = own_names_first(name, tuple(result))  # "Sloviansk" is Sloviansk's, not Nikopol's
        province = province_for(name)  # "Ninewa", "Lower Shabelle": a province's other spelling
        if province is not None:
            extra = [replace(c, loose=False) for c in self.candidates(province[1])
                     if c.country == province[0] and c.kind == "adm1" and all(c.id != f.id for f in found)]
            found = tuple(sorted((*found, *extra), key=lambda c: -c.population))
        if len(self._cache) > 200_000 or len(self._by_name) > 200_000:
            self._cache.clear()
            self._by_name.clear()
        self._cache[cache_key] = found
        self._by_name[name] = found
        return found

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Many lookups in one read transaction (a document's names): SQLite otherwise opens and
        closes one per query, which costs several times the indexed lookup itself. Nests; the
        shared lock is held only until the outermost block ends."""
        with self._lock:
            if self._reading == 0 and not self._conn.in_transaction:
                self._conn.execute("BEGIN")
                self._began = True
            self._reading += 1
        try:
            yield
        finally:
            with self._lock:
                self._reading -= 1
                if self._reading == 0 and self._began:
                    self._began = False
                    self._conn.execute("COMMIT")

    def has_name(self, name: str) -> bool:
        """True when some place is known under `name`."""
        return bool(self.candidates(name))

    def outline(self, place_id: int) -> BaseGeometry | None:
        """The stored outline of a country or curated region, or None."""
        from shapely import wkb

        with self._lock:
            row = self._conn.execute("SELECT wkb FROM outline WHERE place = ?", (place_id,)).fetchone()
        return wkb.loads(row[0]) if row else None

    def _country_places(self) -> dict[str, list[tuple[int, float, float]]]:
        """Each country's places of kind 'country' (id, lat, lon), most populous first, read once:
        the place table has no index on kind and country, so each lookup by country scanned it
        (about 0.1 s), and every process asks for a dozen countries."""
        if self._countries is None:
            found: dict[str, list[tuple[int, float, float]]] = {}
            with self._lock:
                rows = self._conn.execute("SELECT country, id, lat, lon FROM place WHERE kind = 'country' "
                                          "ORDER BY population DESC").fetchall()
                self._with_outline = {int(r[0]) for r in self._conn.execute("SELECT place FROM outline")}
            for country, place_id, lat, lon in rows:
                found.setdefault(country, []).append((int(place_id), float(lat), float(lon)))
            self._countries = found
        return self._countries

    def country_point(self, iso3: str) -> tuple[float, float] | None:
        """The point of the country with ISO3 code `iso3` (for countries named through a people)."""
        places = self._country_places().get(iso3)
        return (places[0][1], places[0][2]) if places else None

    def country_outline(self, iso3: str) -> BaseGeometry | None:
        """The stored outline of the country with ISO3 code `iso3`, or None (cached: a country's
        border is measured against many namesakes)."""
        if iso3 in self._outlines:
            return self._outlines[iso3]
        place_id = next((pid for pid, _, _ in self._country_places().get(iso3, ()) if pid in self._with_outline), None)
        found = self.outline(place_id) if place_id is not None else None
        self._outlines[iso3] = found
        return found

    def info(self) -> dict[str, str]:
        """Facts about the index: version, build time, counts, attribution, path and size."""
        with self._lock:
            meta = dict(self._conn.execute("SELECT key, value FROM meta").fetchall())
        meta["path"] = str(self.path)
        meta["size_mb"] = f"{self.path.stat().st_size / 1e6:.1f}"
        return meta

    def close(self) -> None:
        self._conn.close()


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process's gazetteer, built from the installed data packages on first use if missing."""
    settings = get_settings()
    path = settings.gazetteer_file
    if not path.exists():
        print(f"building the gazetteer at {path} (once; about half a minute)...", file=sys.stderr)
        report = build_gazetteer(path, settings.gazetteer_min_population)
        print(report.summary(), file=sys.stderr)
    return Gazetteer(path)
