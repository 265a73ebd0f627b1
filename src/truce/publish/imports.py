"""`truce import --format acled FILE`: an ACLED export kept beside Truce's own reading.

Rows are read a line at a time and written a batch at a time (bounded memory). Each row is kept
whole in `acled_events` under its `event_id_cnty`: importing the same file again changes nothing,
and a later version of an event (a greater `timestamp`) replaces the earlier one. A bad row is
named with its file and line and skipped; the rest is imported.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, select

from truce.errors import InputRejected
from truce.publish.acled import COLUMNS
from truce.publish.pages import Filters
from truce.publish.tables import acled_events
from truce.publish.writers import unneutralise
from truce.store import Store
from truce.store.db import reading, writing
from truce.store.reports import now_iso

REQUIRED = ("event_id_cnty", "event_date", "event_type", "latitude", "longitude")
BATCH = 1000
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%m-%Y", "%d/%m/%Y")


@dataclass(slots=True)
class ImportSummary:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: int = 0
    problems: list[str] = field(default_factory=list)


def _day(value: str) -> date:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(value)


def _number(value: str) -> float | None:
    return float(value) if value.strip() else None


def _record(cells: dict[str, str], where: str) -> dict[str, Any]:
    """The table row for one ACLED line; InputRejected names what is wrong."""
    try:
        day = _day(cells["event_date"])
    except ValueError:
        raise InputRejected("E711", f"event_date '{cells['event_date']}' is not a date",
                            hint="ACLED writes YYYY-MM-DD or '21 September 2023'", where=where) from None
    try:
        lat, lon = _number(cells["latitude"]), _number(cells["longitude"])
    except ValueError:
        raise InputRejected("E712", f"latitude/longitude '{cells['latitude']}', '{cells['longitude']}' are not numbers",
                            hint="write decimal degrees", where=where) from None
    if (lat is not None and not -90 <= lat <= 90) or (lon is not None and not -180 <= lon <= 180):
        raise InputRejected("E712", f"latitude/longitude {lat}, {lon} out of range", hint="write decimal degrees",
                            where=where)
    if not cells["event_id_cnty"].strip() or not cells["event_type"].strip():
        raise InputRejected("E713", "event_id_cnty and event_type must not be empty",
                            hint="fix the row or drop it", where=where)
    fatalities = cells.get("fatalities", "").strip()
    stamp = cells.get("timestamp", "").strip()
    return {"event_id_cnty": cells["event_id_cnty"].strip(), "event_date": day.isoformat(),
            "event_type": cells["event_type"], "sub_event_type": cells.get("sub_event_type") or None,
            "country": cells.get("country") or None, "lat": lat, "lon": lon,
            "fatalities": int(fatalities) if fatalities.isdigit() else None,
            "timestamp": int(stamp) if stamp.lstrip("-").isdigit() else None,
            "row": json.dumps([cells.get(c, "") for c in COLUMNS], ensure_ascii=False), "origin": where}


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str] | InputRejected]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise InputRejected("E714", "the file is empty", hint="give an ACLED CSV export", where=str(path))
        names = [h.strip().lower() for h in header]
        missing = [c for c in REQUIRED if c not in names]
        if missing:
            raise InputRejected("E715", f"not an ACLED export: no column {', '.join(missing)}",
                                hint="export from ACLED with its standard columns", where=f"{path}:1")
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(names):
                yield line, InputRejected("E716", f"{len(cells)} cells where the header has {len(names)}",
                                          hint="check the row's quoting", where=f"{path}:{line}")
                continue
            yield line, {n: unneutralise(c) for n, c in zip(names, cells, strict=True)}


def import_acled(store: Store, path: Path) -> ImportSummary:
    """Import an ACLED CSV export into `acled_events`; returns what was added, replaced, rejected."""
    if not path.is_file():
        raise InputRejected("E710", f"no file {path}", hint="give the path of an ACLED CSV export", where=str(path))
    summary = ImportSummary()
    batch: list[dict[str, Any]] = []
    for line, cells in _rows(path):
        if isinstance(cells, InputRejected):
            summary.rejected += 1
            summary.problems.append(str(cells))
            continue
        try:
            batch.append(_record(cells, f"{path.name}:{line}"))
        except InputRejected as problem:
            summary.rejected += 1
            summary.problems.append(str(problem))
        if len(batch) >= BATCH:
            _write(store, batch, summary)
    if batch:
        _write(store, batch, summary)
    return summary


def _write(store: Store, batch: list[dict[str, Any]], summary: ImportSummary) -> None:
    rows = {r["event_id_cnty"]: r for r in batch}  # a later line of one event wins within a file
    batch.clear()
    stamp = now_iso()

    def write(conn: Connection) -> tuple[int, int, int]:
        c = acled_events.c
        stored = {r.event_id_cnty: (r.row, r.timestamp, r.seq) for r in conn.execute(
            select(c.event_id_cnty, c.row, c.timestamp, c.seq).where(c.event_id_cnty.in_(list(rows))))}
        seq = int(conn.scalar(select(func.max(c.seq))) or 0)
        added = replaced = unchanged = 0
        for key, r in rows.items():
            if key in stored:
                old_row, old_stamp, position = stored[key]
                if old_row == r["row"] or (old_stamp or 0) > (r["timestamp"] or 0):
                    unchanged += 1
                    continue
                conn.execute(delete(acled_events).where(c.event_id_cnty == key))
                replaced += 1
            else:
                seq += 1
                position = seq
                added += 1
            conn.execute(acled_events.insert().values(**r, imported=stamp, seq=position))
        return added, replaced, unchanged

    added, replaced, unchanged = writing(store.engine, write)
    summary.added += added
    summary.replaced += replaced
    summary.unchanged += unchanged


def _query(filters: Filters) -> Any:
    c = acled_events.c
    query = select(c.seq, c.row)
    if filters.start is not None:
        query = query.where(c.event_date >= filters.start.date().isoformat())
    if filters.end is not None:
        query = query.where(c.event_date <= filters.end.date().isoformat())
    if filters.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = filters.bbox
        query = query.where(c.lon >= min_lon, c.lon <= max_lon, c.lat >= min_lat, c.lat <= max_lat)
    return query


def imported_pages(store: Store, filters: Filters, page: int = 1000) -> Iterator[list[dict[str, object]]]:
    """Imported ACLED rows ({column: cell} as read) in the order they were first imported, a page
    at a time; `filters` apply their dates (event_date) and bounding box."""
    after = 0
    base = _query(filters)
    while True:
        query = base.where(acled_events.c.seq > after).order_by(acled_events.c.seq).limit(page)
        with reading(store.engine) as conn:
            rows = conn.execute(query).all()
        if not rows:
            return
        after = rows[-1].seq
        yield [dict(zip(COLUMNS, json.loads(r.row), strict=True)) for r in rows]


@dataclass(frozen=True, slots=True)
class AcledEvent:
    """An imported ACLED event, as a comparison reads it."""

    event_id: str
    day: date
    event_type: str
    sub_event_type: str | None
    lat: float | None
    lon: float | None
    fatalities: int | None
    location: str


def imported_events(store: Store, start: date, end: date) -> list[AcledEvent]:
    """Imported events dated start..end (inclusive), in date then id order."""
    c = acled_events.c
    query = (select(c.event_id_cnty, c.event_date, c.event_type, c.sub_event_type, c.lat, c.lon, c.fatalities,
                    c.row).where(c.event_date >= start.isoformat(), c.event_date <= end.isoformat())
             .order_by(c.event_date, c.event_id_cnty))
    with reading(store.engine) as conn:
        rows = conn.execute(query).all()
    where = COLUMNS.index("location")
    return [AcledEvent(r.event_id_cnty, date.fromisoformat(r.event_date), r.event_type, r.sub_event_type, r.lat,
                       r.lon, r.fatalities, json.loads(r.row)[where]) for r in rows]
