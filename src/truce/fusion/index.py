"""A bucket index over open incidents: time slices × map cells, plus place names and actor pairs.

Looking an item up costs a handful of dictionary reads (the slices around its time, the cells
within reach of its place), so fusing n items costs n lookups plus the sort: n log n overall.
An incident is filed under every slice its time span touches and every cell its uncertainty disk
touches; entries left behind when an incident grows are harmless, since every candidate is checked.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable

from truce.fusion.geometry import KM_PER_DEG_LAT, km_per_deg_lon

REPORT_KEY = "rp:"
ANY_KEY = "*"


class BucketIndex:
    """Candidate incidents for an item, by time slice and cell, place key or actor pair."""

    def __init__(self, window_hours: float, cell_km: float) -> None:
        self.slice_s = max(window_hours, 1.0) * 3600.0
        self.cell_deg = max(cell_km, 1.0) / KM_PER_DEG_LAT
        self._buckets: dict[Hashable, list[int]] = defaultdict(list)
        self._filed: dict[int, set[Hashable]] = defaultdict(set)

    def _slices(self, t0: float, t1: float) -> range:
        return range(math.floor(t0 / self.slice_s), math.floor(t1 / self.slice_s) + 1)

    def _cells(self, lat: float, lon: float, radius_km: float) -> Iterable[tuple[int, int]]:
        dlat = radius_km / KM_PER_DEG_LAT
        dlon = radius_km / km_per_deg_lon(lat)
        c = self.cell_deg
        for cy in range(math.floor((lat - dlat) / c), math.floor((lat + dlat) / c) + 1):
            for cx in range(math.floor((lon - dlon) / c), math.floor((lon + dlon) / c) + 1):
                yield cx, cy

    def _file(self, ref: int, key: Hashable) -> None:
        filed = self._filed[ref]
        if key not in filed:
            filed.add(key)
            self._buckets[key].append(ref)

    def add(self, ref: int, family: str, t0: float, t1: float, lat: float | None, lon: float | None,
            tol_km: float, keys: Iterable[str], pair: tuple[str, str] | None,
            reports: Iterable[str] = (), reported: bool = False) -> None:
        """File incident `ref` (again, after it grew) under its slices, cells, place keys, actor pair,
        the reports it draws on and — when some report tells of it (`reported`) — the slice itself,
        where an item with no place looks for the incident it may belong to."""
        keys = (*keys, *(REPORT_KEY + r for r in reports), *((ANY_KEY,) if reported else ()))
        for ts in self._slices(t0, t1):
            if lat is not None and lon is not None:
                for cell in self._cells(lat, lon, tol_km):
                    self._file(ref, (family, ts, cell))
            for key in keys:
                self._file(ref, (family, ts, key))
            if pair is not None:
                self._file(ref, (family, ts, pair))

    def candidates(self, family: str, t0: float, t1: float, lat: float | None, lon: float | None,
                   reach_km: float, keys: Iterable[str], pair: tuple[str, str] | None) -> set[int]:
        """Incidents that might accept an item: near it in time and in space, name or actors."""
        found: set[int] = set()
        keys = tuple(keys)
        for ts in self._slices(t0 - self.slice_s, t1 + self.slice_s):
            if lat is not None and lon is not None:
                for cell in self._cells(lat, lon, reach_km):
                    found.update(self._buckets.get((family, ts, cell), ()))
            for key in keys:
                found.update(self._buckets.get((family, ts, key), ()))
            if pair is not None:  # either way round: each side may blame the other
                found.update(self._buckets.get((family, ts, pair), ()))
                found.update(self._buckets.get((family, ts, (pair[1], pair[0])), ()))
        return found

    def reported_in(self, family: str, t0: float, t1: float, report_id: str, anywhere: bool) -> set[int]:
        """Incidents near [t0, t1] that draw on report `report_id`, and — when `anywhere` — every
        incident some report tells of in those slices (for an item that names no place)."""
        found: set[int] = set()
        for ts in self._slices(t0 - self.slice_s, t1 + self.slice_s):
            found.update(self._buckets.get((family, ts, REPORT_KEY + report_id), ()))
            if anywhere:
                found.update(self._buckets.get((family, ts, ANY_KEY), ()))
        return found
