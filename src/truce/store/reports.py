"""Reports, their sightings, near-duplicate groups, and the events and observations read from them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from truce.foundation.dedup import Sketch, near_duplicates, sketch
from truce.model import Event, Observation, Report, Sighting
from truce.store import tables as t
from truce.store.db import reading, writing

# A shingle hash is filed for at most this many texts: enough to find the first copies of any
# story (each copy's group points at the first), and a common phrase never makes a lookup scan
# the whole store.
SHINGLE_CAP = 32
_CANDIDATES = 8  # best candidate originals verified per new text


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(slots=True)
class AddResult:
    added: list[str]  # reports stored now
    present: list[str]  # already stored (or repeated within the batch)
    sighted: list[str] = field(default_factory=list)  # a further outlet's copy kept (one id per copy)


def report_from_row(row: Any, text: bool = True) -> Report:
    return Report(id=row.id, kind=row.kind, text=row.text if text else "", title=row.title, url=row.url,
                  published=datetime.fromisoformat(row.published) if row.published else None,
                  received=datetime.fromisoformat(row.received), source_name=row.source_name,
                  language=row.language, raw=row.raw if text else None, origin=row.origin)


class ReportStore:
    """Mixin of `Store`: everything keyed by report."""

    engine: Engine
    dialect: str

    def _insert(self, table: t.Table) -> Any:
        dialect_insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        return dialect_insert(table)

    # -- writing ---------------------------------------------------------------------------------
    def add_reports(self, items: Sequence[tuple[Report, Sequence[Observation]]]) -> AddResult:
        """Store reports (and their observations) not already present, and every outlet's copy of
        each (a sighting), in one transaction; each new text joins its near-duplicate group."""
        if not items:
            return AddResult([], [])
        received = now_iso()
        unique: dict[str, tuple[Report, Sequence[Observation]]] = {}
        for report, observations in items:
            unique.setdefault(report.id, (report, observations))
        sightings = {s.id: s for s in (Sighting.of(r) for r, _ in items)}
        sketches = {rid: sketch(r.text) for rid, (r, _) in unique.items() if r.kind in ("news", "allegation")}

        def write(conn: Connection) -> tuple[list[str], list[str]]:
            existing = set(conn.scalars(select(t.reports.c.id).where(t.reports.c.id.in_(list(unique)))))
            new = [(r, obs) for rid, (r, obs) in unique.items() if rid not in existing]
            if new:
                conn.execute(self._insert(t.reports).on_conflict_do_nothing(),
                             [self._report_row(r, received) for r, _ in new])
                obs_rows = [{"id": o.id, "report_id": o.report_id, "observed_from": o.observed_from.isoformat(),
                             "payload": json.dumps(o.to_dict())} for _, observations in new for o in observations]
                if obs_rows:
                    conn.execute(self._insert(t.observations).on_conflict_do_nothing(), obs_rows)
                for r, _ in new:
                    if r.id in sketches:
                        self._group(conn, r.id, sketches[r.id])
            known = set(conn.scalars(select(t.sightings.c.id).where(t.sightings.c.id.in_(list(sightings)))))
            fresh = [s for sid, s in sightings.items() if sid not in known]
            if fresh:
                conn.execute(self._insert(t.sightings).on_conflict_do_nothing(), [
                    {"id": s.id, "report_id": s.report_id, "source_name": s.source_name, "url": s.url,
                     "title": s.title, "published": iso(s.published), "received": iso(s.received) or received,
                     "raw": s.raw, "origin": s.origin} for s in fresh])
            return [r.id for r, _ in new], [s.report_id for s in fresh]

        added, fresh_reports = writing(self.engine, write)
        added_set = set(added)
        present: list[str] = []
        for report, _ in items:
            if report.id in added_set:
                added_set.discard(report.id)  # its first occurrence was the one stored
            else:
                present.append(report.id)
        # Every copy beyond the one each new report was stored from is another outlet's sighting.
        sighted = list(fresh_reports)
        for rid in added:
            sighted.remove(rid)
        return AddResult(added, present, sorted(sighted))

    @staticmethod
    def _report_row(report: Report, received: str) -> dict[str, Any]:
        return {"id": report.id, "kind": report.kind, "title": report.title, "text": report.text,
                "url": report.url, "published": iso(report.published),
                "received": iso(report.received) or received, "source_name": report.source_name,
                "language": report.language, "raw": report.raw, "origin": report.origin,
                "extracted_by": None}

    def _group(self, conn: Connection, report_id: str, sk: Sketch) -> None:
        """File a new text's sketch and put it in the group of the stored text it copies, if any."""
        hashes = sorted(sk.hashes)
        rows = conn.execute(select(t.shingles.c.hash, t.shingles.c.report_id).where(
            t.shingles.c.hash.in_(hashes))).all() if hashes else []
        per_hash: dict[int, int] = {}
        shared: dict[str, int] = {}
        for h, rid in rows:
            per_hash[h] = per_hash.get(h, 0) + 1
            shared[rid] = shared.get(rid, 0) + 1
        best: tuple[float, str, str] | None = None
        ranked = sorted(shared, key=lambda rid: (-shared[rid], rid))[:_CANDIDATES]
        if ranked:
            for row in conn.execute(select(t.reports.c.id, t.reports.c.dup_key, t.reports.c.sketch).where(
                    t.reports.c.id.in_(ranked))):
                other = Sketch.loads(row.sketch) if row.sketch else None
                if other is not None and near_duplicates(sk, other):
                    key = row.dup_key or row.id
                    if best is None or key < best[1]:
                        best = (0.0, key, row.id)
        conn.execute(update(t.reports).where(t.reports.c.id == report_id).values(
            dup_key=best[1] if best else report_id, sketch=sk.dumps()))
        filed = [{"hash": h, "report_id": report_id} for h in hashes if per_hash.get(h, 0) < SHINGLE_CAP]
        if filed:
            conn.execute(self._insert(t.shingles).on_conflict_do_nothing(), filed)

    def save_extraction(self, results: Iterable[tuple[str, Sequence[Event]]], extractor: str) -> int:
        """Replace the events of each report with a new extraction, in one transaction. A report
        another process has already extracted with this extractor is left as it is (so two runs
        over one store never store an extraction twice)."""
        results = list(results)
        if not results:
            return 0

        def write(conn: Connection) -> int:
            ids = [rid for rid, _ in results]
            # Lock the reports' rows (PostgreSQL): a second writer waits, then sees them extracted.
            locked = select(t.reports.c.id, t.reports.c.extracted_by).where(t.reports.c.id.in_(ids))
            if self.dialect == "postgresql":
                locked = locked.with_for_update()
            done = {rid for rid, by in conn.execute(locked) if by == extractor}
            todo = [rid for rid in ids if rid not in done]
            if not todo:
                return 0
            self._unfuse(conn, todo)
            conn.execute(delete(t.events).where(t.events.c.report_id.in_(todo)))
            rows: list[dict[str, Any]] = []
            seen: set[str] = set()
            for rid, events in results:
                if rid in done:
                    continue
                for ev in events:
                    if ev.id not in seen:
                        seen.add(ev.id)
                        rows.append(_event_row(ev))
            if rows:
                conn.execute(self._insert(t.events).on_conflict_do_nothing(), rows)
            conn.execute(update(t.reports).where(t.reports.c.id.in_(todo)).values(extracted_by=extractor))
            return len(rows)

        return writing(self.engine, write)

    @staticmethod
    def _unfuse(conn: Connection, report_ids: list[str]) -> None:
        """Events about to be replaced by a new extraction leave their incidents, which become
        `stale`: the next fusion rebuilds them from their other members (same ids)."""
        gone = conn.execute(select(t.members.c.item_id, t.members.c.incident_id).where(
            t.members.c.report_id.in_(report_ids), t.members.c.kind == "event")).all()
        if not gone:
            return
        conn.execute(delete(t.members).where(t.members.c.item_id.in_([item for item, _ in gone])))
        conn.execute(update(t.incidents).where(t.incidents.c.id.in_(sorted({inc for _, inc in gone})),
                                               t.incidents.c.status == "live").values(status="stale", judged=None))
        # Incidents changed: fusion work computed before this must be computed again.
        conn.execute(update(t.meta).where(t.meta.c.key == "fusion").values(value=t.meta.c.value + 1))

    # -- reading ---------------------------------------------------------------------------------
    def count(self, table: str) -> int:
        with reading(self.engine) as conn:
            return int(conn.scalar(select(func.count()).select_from(t.metadata.tables[table])) or 0)

    def reports(self, *, unextracted_by: str | None = None, kinds: Sequence[str] | None = None,
                batch: int = 200) -> Iterator[Report]:
        """Reports in id order, a page at a time (no cursor stays open between pages, so the caller
        may write between them); with `unextracted_by`, only those that extractor has not processed."""
        after = ""
        while True:
            query = select(t.reports).where(t.reports.c.id > after).order_by(t.reports.c.id).limit(batch)
            if unextracted_by is not None:
                query = query.where(t.reports.c.extracted_by.is_(None) | (t.reports.c.extracted_by != unextracted_by))
            if kinds is not None:
                query = query.where(t.reports.c.kind.in_(list(kinds)))
            with reading(self.engine) as conn:
                page = [report_from_row(row) for row in conn.execute(query)]
            yield from page
            if len(page) < batch:
                return
            after = page[-1].id

    def report(self, report_id: str) -> Report | None:
        with reading(self.engine) as conn:
            row = conn.execute(select(t.reports).where(t.reports.c.id == report_id)).first()
        return report_from_row(row) if row is not None else None

    def sightings(self, report_id: str | None = None) -> list[Sighting]:
        """Every outlet's copy of one report (or of all), in order of publication then outlet."""
        query = select(t.sightings).order_by(t.sightings.c.report_id, t.sightings.c.published,
                                             t.sightings.c.source_name, t.sightings.c.id)
        if report_id is not None:
            query = query.where(t.sightings.c.report_id == report_id)
        with reading(self.engine) as conn:
            return [Sighting(row.id, row.report_id, row.source_name, row.url, row.title,
                             datetime.fromisoformat(row.published) if row.published else None,
                             datetime.fromisoformat(row.received), row.raw, row.origin)
                    for row in conn.execute(query)]

    def report_heads(self, ids: Iterable[str]) -> dict[str, Report]:
        """Reports without their text (text ""), with their near-duplicate group and every outlet
        that carried them: what fusion and attribution need, at a small fixed cost per report."""
        wanted = sorted(set(ids))
        heads: dict[str, Report] = {}
        cols = [c for c in t.reports.c if c.name not in ("text", "raw", "sketch")]
        with reading(self.engine) as conn:
            for i in range(0, len(wanted), 500):
                part = wanted[i:i + 500]
                for row in conn.execute(select(*cols).where(t.reports.c.id.in_(part))):
                    head = report_from_row(row, text=False)
                    head.dup_key = row.dup_key
                    heads[head.id] = head
                for rid, outlet in conn.execute(select(t.sightings.c.report_id, t.sightings.c.source_name).where(
                        t.sightings.c.report_id.in_(part))):
                    if outlet and rid in heads and outlet not in heads[rid].outlets:
                        heads[rid].outlets = (*heads[rid].outlets, outlet)
        return heads

    def events(self, *, type: str | None = None, ids: Iterable[str] | None = None) -> list[Event]:
        query = select(t.events.c.payload).order_by(t.events.c.report_id, t.events.c.id)
        if type:
            query = query.where(t.events.c.type == type.upper())
        if ids is not None:
            return self._by_ids(t.events, Event.from_dict, ids)
        with reading(self.engine) as conn:
            return [Event.from_dict(json.loads(p)) for p in conn.scalars(query)]

    def observations(self, *, ids: Iterable[str] | None = None) -> list[Observation]:
        if ids is not None:
            return self._by_ids(t.observations, Observation.from_dict, ids)
        with reading(self.engine) as conn:
            rows = conn.scalars(select(t.observations.c.payload).order_by(t.observations.c.observed_from,
                                                                          t.observations.c.id))
            return [Observation.from_dict(json.loads(p)) for p in rows]

    def _by_ids(self, table: t.Table, parse: Any, ids: Iterable[str]) -> list[Any]:
        out = []
        with reading(self.engine) as conn:
            for part in _parts(ids):
                out += [parse(json.loads(p)) for p in conn.scalars(
                    select(table.c.payload).where(table.c.id.in_(part)).order_by(table.c.id))]
        return out


def _parts(ids: Iterable[str], size: int = 500) -> Iterator[list[str]]:
    wanted = sorted(set(ids))
    for i in range(0, len(wanted), size):
        yield wanted[i:i + size]


def _event_row(ev: Event) -> dict[str, Any]:
    return {"id": ev.id, "report_id": ev.report_id, "type": ev.type, "status": ev.status,
            "date_start": ev.date.start.isoformat() if ev.date and ev.date.start else None,
            "lat": ev.location.lat if ev.location else None,
            "lon": ev.location.lon if ev.location else None,
            "payload": json.dumps(ev.to_dict()), "fusion": 0}
