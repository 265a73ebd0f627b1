"""The store: reports kept verbatim, and the records each stage derives from them.

`Store` is the only way stages touch the database. Every write is one transaction: a batch is
stored whole or not at all, so a run killed half-way leaves no half-written report behind, and
running it again adds only what is missing (ids are content-addressed).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from truce.model import Event, Incident, Observation, Report, Verdict
from truce.settings import get_settings
from truce.store import tables as t
from truce.store.db import open_engine

__all__ = ["AddResult", "Store", "open_store"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(slots=True)
class AddResult:
    added: list[str]
    present: list[str]


class Store:
    """Reports, events, observations, incidents, agreements and verdict history in one database."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect = engine.dialect.name
        # One writer at a time in this process; SQLite's BEGIN IMMEDIATE serialises across processes.
        self._write_lock = threading.Lock()

    # -- writing ---------------------------------------------------------------------------------
    def _insert(self, table: t.Table) -> Any:
        dialect_insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        return dialect_insert(table)

    def add_reports(self, items: Sequence[tuple[Report, Sequence[Observation]]]) -> AddResult:
        """Store reports (and their observations) not already present, in one transaction."""
        if not items:
            return AddResult([], [])
        received = _now()
        unique: dict[str, tuple[Report, Sequence[Observation]]] = {}
        for report, observations in items:
            unique.setdefault(report.id, (report, observations))
        with self._write_lock, self.engine.begin() as conn:
            existing = set(conn.scalars(select(t.reports.c.id).where(t.reports.c.id.in_(list(unique)))))
            new = [(r, obs) for rid, (r, obs) in unique.items() if rid not in existing]
            if new:
                rows = [self._report_row(r, received) for r, _ in new]
                conn.execute(self._insert(t.reports).on_conflict_do_nothing(), rows)
                obs_rows = [
                    {"id": o.id, "report_id": o.report_id, "observed_from": o.observed_from.isoformat(),
                     "payload": json.dumps(o.to_dict())}
                    for _, observations in new for o in observations
                ]
                if obs_rows:
                    conn.execute(self._insert(t.observations).on_conflict_do_nothing(), obs_rows)
        added = [r.id for r, _ in new]
        # Everything else in the batch was already stored (or repeated within the batch).
        added_set = set(added)
        present: list[str] = []
        for report, _ in items:
            if report.id in added_set:
                added_set.discard(report.id)  # its first occurrence was the one stored
            else:
                present.append(report.id)
        return AddResult(added, present)

    @staticmethod
    def _report_row(report: Report, received: str) -> dict[str, Any]:
        return {"id": report.id, "kind": report.kind, "title": report.title, "text": report.text,
                "url": report.url, "published": _iso(report.published),
                "received": _iso(report.received) or received, "source_name": report.source_name,
                "language": report.language, "raw": report.raw, "origin": report.origin,
                "extracted_by": None}

    def save_extraction(self, results: Iterable[tuple[str, Sequence[Event]]], extractor: str) -> int:
        """Replace the events of each report with a new extraction, in one transaction."""
        count = 0
        results = list(results)
        if not results:
            return 0
        with self._write_lock, self.engine.begin() as conn:
            ids = [rid for rid, _ in results]
            conn.execute(delete(t.events).where(t.events.c.report_id.in_(ids)))
            rows = []
            seen: set[str] = set()
            for _, events in results:
                for ev in events:
                    if ev.id in seen:
                        continue
                    seen.add(ev.id)
                    rows.append({
                        "id": ev.id, "report_id": ev.report_id, "type": ev.type, "status": ev.status,
                        "date_start": ev.date.start.isoformat() if ev.date and ev.date.start else None,
                        "lat": ev.location.lat if ev.location else None,
                        "lon": ev.location.lon if ev.location else None,
                        "payload": json.dumps(ev.to_dict()),
                    })
            if rows:
                conn.execute(t.events.insert(), rows)
            count = len(rows)
            conn.execute(update(t.reports).where(t.reports.c.id.in_(ids)).values(extracted_by=extractor))
        return count

    def replace_incidents(self, incidents: Sequence[Incident]) -> None:
        """Make `incidents` the store's incidents: upsert these, drop those no longer derived."""
        now = _now()
        with self._write_lock, self.engine.begin() as conn:
            # Fusion re-derives the whole set, so the set replaces the stored one in one transaction.
            conn.execute(delete(t.incidents))
            if incidents:
                conn.execute(t.incidents.insert(), [
                    {"id": i.id, "type": i.type, "start": _iso(i.start), "payload": json.dumps(i.to_dict()),
                     "updated": now} for i in incidents
                ])

    def save_agreement(self, agreement_id: str, version: str, name: str, source: str) -> None:
        with self._write_lock, self.engine.begin() as conn:
            conn.execute(delete(t.agreements).where(t.agreements.c.id == agreement_id))
            conn.execute(t.agreements.insert().values(id=agreement_id, version=version, name=name,
                                                      source=source, loaded=_now()))

    def record_verdicts(self, verdicts: Sequence[Verdict]) -> int:
        """Append verdicts that differ from the current ones; earlier verdicts stay as history."""
        changed = 0
        now = datetime.now(UTC)
        with self._write_lock, self.engine.begin() as conn:
            current = {
                (row.incident_id, row.agreement_id): json.loads(row.payload)
                for row in conn.execute(select(t.verdicts.c.incident_id, t.verdicts.c.agreement_id,
                                               t.verdicts.c.payload).where(t.verdicts.c.current))
            }
            for v in verdicts:
                key = (v.incident_id, v.agreement_id)
                new = v.to_dict()
                old = current.get(key)
                if old is not None and {k: old[k] for k in old if k != "derived_at"} == {
                    k: new[k] for k in new if k != "derived_at"
                }:
                    continue
                v.derived_at = v.derived_at or now
                conn.execute(update(t.verdicts).where(
                    t.verdicts.c.incident_id == v.incident_id, t.verdicts.c.agreement_id == v.agreement_id,
                    t.verdicts.c.current).values(current=False))
                conn.execute(t.verdicts.insert().values(
                    incident_id=v.incident_id, agreement_id=v.agreement_id, verdict=v.verdict, current=True,
                    derived_at=v.derived_at.isoformat(), payload=json.dumps(v.to_dict())))
                changed += 1
        return changed

    # -- reading ---------------------------------------------------------------------------------
    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(t.metadata.tables[table])) or 0)

    def reports(self, *, unextracted_by: str | None = None, batch: int = 500) -> Iterator[Report]:
        """Reports in id order; with `unextracted_by`, only those that extractor has not processed."""
        query = select(t.reports).order_by(t.reports.c.id)
        if unextracted_by is not None:
            query = query.where((t.reports.c.extracted_by.is_(None)) | (t.reports.c.extracted_by != unextracted_by))
        with self.engine.connect() as conn:
            for row in conn.execute(query.execution_options(yield_per=batch)):
                yield _report_from_row(row)

    def report(self, report_id: str) -> Report | None:
        for r in self._reports_by_ids([report_id]):
            return r
        return None

    def _reports_by_ids(self, ids: list[str]) -> Iterator[Report]:
        with self.engine.connect() as conn:
            for row in conn.execute(select(t.reports).where(t.reports.c.id.in_(ids))):
                yield _report_from_row(row)

    def events(self, *, type: str | None = None) -> list[Event]:
        query = select(t.events.c.payload).order_by(t.events.c.report_id, t.events.c.id)
        if type:
            query = query.where(t.events.c.type == type.upper())
        with self.engine.connect() as conn:
            return [Event.from_dict(json.loads(p)) for p in conn.scalars(query)]

    def observations(self) -> list[Observation]:
        with self.engine.connect() as conn:
            rows = conn.scalars(select(t.observations.c.payload).order_by(t.observations.c.observed_from,
                                                                          t.observations.c.id))
            return [Observation.from_dict(json.loads(p)) for p in rows]

    def incidents(self) -> list[Incident]:
        with self.engine.connect() as conn:
            rows = conn.scalars(select(t.incidents.c.payload).order_by(t.incidents.c.start, t.incidents.c.id))
            return [Incident.from_dict(json.loads(p)) for p in rows]

    def verdicts(self, *, history: bool = False) -> list[Verdict]:
        query = select(t.verdicts.c.payload).order_by(t.verdicts.c.seq)
        if not history:
            query = query.where(t.verdicts.c.current)
        with self.engine.connect() as conn:
            return [Verdict.from_dict(json.loads(p)) for p in conn.scalars(query)]

    def close(self) -> None:
        self.engine.dispose()


def _report_from_row(row: Any) -> Report:
    return Report(id=row.id, kind=row.kind, text=row.text, title=row.title, url=row.url,
                  published=datetime.fromisoformat(row.published) if row.published else None,
                  received=datetime.fromisoformat(row.received), source_name=row.source_name,
                  language=row.language, raw=row.raw, origin=row.origin)


def open_store(url: str | None = None) -> Store:
    """The store at `url`, else the one the settings name (TRUCE_DB_URL or SQLite under TRUCE_HOME)."""
    return Store(open_engine(url or get_settings().database_url))
