"""Incidents with stable ids and tombstones, their members, fusion's per-item state, and decisions."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, bindparam, delete, exists, func, or_, select, update

from truce.errors import InputRejected
from truce.foundation.families import family_of
from truce.foundation.fusion_state import NEW, Conflict, FusionWrite, ItemRow, ItemTimes, Member
from truce.model import CORRECTABLE_FIELDS, DECISION_KINDS, Decision, Incident, content_id
from truce.store import tables as t
from truce.store.db import reading, writing
from truce.store.reports import now_iso

# The fusion states, `Conflict` and `FusionWrite` are fusion's vocabulary (truce.foundation.fusion_state).
_NULL_T = 1e18  # sorts untimed incidents last
ITEM_TABLES = {"event": t.events, "observation": t.observations}


def incident_row(incident: Incident, time_rank: int, now: str) -> dict[str, Any]:
    loc = incident.location
    last = incident.end or incident.start
    return {"id": incident.id, "type": incident.type, "start": incident.start.isoformat() if incident.start else None,
            "payload": json.dumps(incident.to_dict()), "updated": now, "status": "live",
            "merged_into": None, "parent": incident.parent, "family": family_of(incident.type),
            "t0": incident.start.timestamp() if incident.start else None,
            "t1": last.timestamp() if last else None,
            "lat": loc.lat if loc else None, "lon": loc.lon if loc else None, "actor": incident.actor_country,
            "time_rank": time_rank, "judged": None}


def _incident(payload: str) -> Incident:
    return Incident.from_dict(json.loads(payload))


class IncidentStore:
    """Mixin of `Store`: incidents, members, fusion state, decisions."""

    engine: Engine
    dialect: str

    def _insert(self, table: t.Table) -> Any: ...  # provided by ReportStore

    # -- incidents -------------------------------------------------------------------------------
    def incident(self, incident_id: str) -> Incident | None:
        """One incident by id, live or a tombstone (`merged_into` names the survivor)."""
        with reading(self.engine) as conn:
            payload = conn.scalar(select(t.incidents.c.payload).where(t.incidents.c.id == incident_id))
        return _incident(payload) if payload is not None else None

    def incidents(self, *, include_tombstones: bool = False, batch: int = 200) -> Iterator[Incident]:
        """Every live incident by start time then id, a page at a time (never all in memory)."""
        key = func.coalesce(t.incidents.c.t0, _NULL_T)
        last: tuple[float, str] | None = None
        while True:
            query = select(t.incidents.c.payload, key.label("k"), t.incidents.c.id).order_by(key, t.incidents.c.id)
            if not include_tombstones:
                query = query.where(t.incidents.c.status == "live")
            if last is not None:
                query = query.where(or_(key > last[0], and_(key == last[0], t.incidents.c.id > last[1])))
            with reading(self.engine) as conn:
                rows = conn.execute(query.limit(batch)).all()
            yield from (_incident(r.payload) for r in rows)
            if len(rows) < batch:
                return
            last = (rows[-1].k, rows[-1].id)

    def count_live_incidents(self) -> int:
        with reading(self.engine) as conn:
            return int(conn.scalar(select(func.count()).select_from(t.incidents).where(
                t.incidents.c.status == "live")) or 0)

    def incidents_page(self, *, after: str | None = None, limit: int = 100, start: datetime | None = None,
                       end: datetime | None = None, bbox: tuple[float, float, float, float] | None = None,
                       type: str | None = None, party: str | None = None) -> list[Incident]:
        """Live incidents in id order after the id `after`, at most `limit` (keyset pagination).

        Filters: `start`/`end` keep incidents whose span overlaps [start, end]; `bbox` is
        (min_lon, min_lat, max_lon, max_lat), as in GeoJSON; `type` a PLOVER type; `party` an actor
        country or the party a current verdict attributes the incident to.
        """
        c = t.incidents.c
        query = select(c.payload).where(c.status == "live").order_by(c.id).limit(max(1, min(limit, 10_000)))
        if after is not None:
            query = query.where(c.id > after)
        if start is not None:
            query = query.where(c.t1 >= _ts(start))
        if end is not None:
            query = query.where(c.t0 <= _ts(end))
        if bbox is not None:
            min_lon, min_lat, max_lon, max_lat = bbox
            query = query.where(c.lon >= min_lon, c.lon <= max_lon, c.lat >= min_lat, c.lat <= max_lat)
        if type is not None:
            query = query.where(c.type == type.upper())
        if party is not None:
            judged = exists().where(t.verdicts.c.incident_id == c.id, t.verdicts.c.current,
                                    t.verdicts.c.party == party)
            query = query.where(or_(c.actor == party, judged))
        with reading(self.engine) as conn:
            return [_incident(p) for p in conn.scalars(query)]

    def incidents_near(self, lo: float, hi: float, max_span: float | None = None) -> list[tuple[Incident, int]]:
        """Live incidents whose span meets [lo, hi] (UTC seconds), with their time rank: the
        candidates fusion compares new items with (the time slice is the spatio-temporal index's
        outer key; fusion buckets these by map cell in memory). With `max_span`, only incidents no
        longer than that (longer ones accept no item), so the index range read stays bounded
        however long the store's history."""
        c = t.incidents.c
        query = select(c.payload, c.time_rank).where(c.status == "live", c.t0 <= hi, c.t1 >= lo).order_by(c.id)
        if max_span is not None:
            query = query.where(c.t0 >= lo - max_span, c.t1 - c.t0 <= max_span)
        with reading(self.engine) as conn:
            return [(_incident(r.payload), int(r.time_rank)) for r in conn.execute(query)]

    def incidents_by_ids(self, ids: Iterable[str]) -> dict[str, tuple[Incident, int, str]]:
        """(record, time rank, status) of each incident id found."""
        out: dict[str, tuple[Incident, int, str]] = {}
        wanted = sorted(set(ids))
        with reading(self.engine) as conn:
            for i in range(0, len(wanted), 500):
                for r in conn.execute(select(t.incidents.c.payload, t.incidents.c.time_rank, t.incidents.c.status)
                                      .where(t.incidents.c.id.in_(wanted[i:i + 500]))):
                    inc = _incident(r.payload)
                    out[inc.id] = (inc, int(r.time_rank), r.status)
        return out

    def stale_incidents(self, limit: int) -> list[str]:
        """Ids of incidents whose members changed under them (a report extracted again)."""
        with reading(self.engine) as conn:
            return list(conn.scalars(select(t.incidents.c.id).where(t.incidents.c.status == "stale")
                                     .order_by(t.incidents.c.id).limit(limit)))

    def unjudged(self, signature: str, limit: int, after: str = "") -> list[tuple[Incident, str]]:
        """(record, version stamp) of live incidents not judged under the agreements `signature`,
        in id order after `after`; the stamp lets `record_verdicts` mark only an unchanged incident
        judged."""
        c = t.incidents.c
        query = select(c.payload, c.updated).where(c.status == "live", c.id > after,
                                                   or_(c.judged.is_(None), c.judged != signature))
        with reading(self.engine) as conn:
            return [(_incident(r.payload), r.updated) for r in conn.execute(query.order_by(c.id).limit(limit))]

    # -- members and fusion state ----------------------------------------------------------------
    def members(self, incident_ids: Iterable[str]) -> dict[str, list[Member]]:
        """incident id -> [(item id, kind, report id)] of its members."""
        out: dict[str, list[Member]] = {}
        wanted = sorted(set(incident_ids))
        with reading(self.engine) as conn:
            for i in range(0, len(wanted), 500):
                for r in conn.execute(select(t.members).where(t.members.c.incident_id.in_(wanted[i:i + 500]))
                                      .order_by(t.members.c.item_id)):
                    out.setdefault(r.incident_id, []).append((r.item_id, r.kind, r.report_id))
        return out

    def membership(self, item_ids: Iterable[str]) -> dict[str, str]:
        """item id -> the incident it belongs to."""
        out: dict[str, str] = {}
        wanted = sorted(set(item_ids))
        with reading(self.engine) as conn:
            for i in range(0, len(wanted), 500):
                for item_id, incident_id in conn.execute(select(t.members.c.item_id, t.members.c.incident_id).where(
                        t.members.c.item_id.in_(wanted[i:i + 500]))):
                    out[item_id] = incident_id
        return out

    def item_rows(self, kind: str, *, state: int | None, limit: int, by_report: bool = False,
                  ids: Sequence[str] | None = None, after: str = "") -> list[ItemRow]:
        """Items in a fusion state (None: any): by time then id, or — `by_report` — every such
        item of the first `limit` reports after the report id `after`; with `ids`, only those items."""
        table = ITEM_TABLES[kind]
        c = table.c
        cols = [c.id, c.report_id, c.payload, c.t0, c.t1] + ([c.unplaced] if kind == "event" else [])
        with reading(self.engine) as conn:
            if ids is not None:
                query = select(*cols).where(c.id.in_(sorted(set(ids))))
                if state is not None:
                    query = query.where(c.fusion == state)
                return _item_rows(conn.execute(query.order_by(c.t0, c.t1, c.id)))
            if by_report:
                # Keyset on the (state, report) index: each page reads only its own rows.
                rids = list(conn.scalars(select(c.report_id).where(c.fusion == state, c.report_id > after)
                                         .group_by(c.report_id).order_by(c.report_id).limit(limit)))
                if not rids:
                    return []
                query = select(*cols).where(c.fusion == state, c.report_id.in_(rids)).order_by(c.report_id, c.id)
            else:
                query = select(*cols).where(c.fusion == state).order_by(c.t0, c.t1, c.id).limit(limit)
            return _item_rows(conn.execute(query))

    def item_ids(self, kind: str, *, state: int) -> list[str]:
        """Ids of the items in a fusion state, in canonical order."""
        c = ITEM_TABLES[kind].c
        with reading(self.engine) as conn:
            return list(conn.scalars(select(c.id).where(c.fusion == state).order_by(
                c.t0, c.t1, c.id)))

    def set_report_teams(self, teams: Mapping[str, str]) -> None:
        """Give field and sensor reports their origin group (the team behind them), once."""

        def write(conn: Connection) -> None:
            for rid, key in sorted(teams.items()):
                conn.execute(update(t.reports).where(t.reports.c.id == rid, t.reports.c.dup_key.is_(None))
                             .values(dup_key=key))

        if teams:
            writing(self.engine, write)

    def set_item_times(self, kind: str, rows: Sequence[ItemTimes]) -> None:
        """Record fusion's view of new items: (id, t0, t1, unplaced, state). An item another process
        prepared (and perhaps fused) meanwhile is left as it is."""
        table = ITEM_TABLES[kind]

        values: dict[str, Any] = {"t0": bindparam("v_t0"), "t1": bindparam("v_t1"), "fusion": bindparam("v_state")}
        if kind == "event":
            values["unplaced"] = bindparam("v_unplaced")
        statement = update(table).where(table.c.id == bindparam("v_id"), table.c.fusion == NEW).values(**values)
        params = [{"v_id": item_id, "v_t0": t0, "v_t1": t1, "v_state": state, "v_unplaced": unplaced}
                  for item_id, t0, t1, unplaced, state in rows]

        def write(conn: Connection) -> None:
            conn.execute(statement, params)  # one executemany

        if rows:
            writing(self.engine, write)

    def fusion_seq(self) -> int:
        with reading(self.engine) as conn:
            return int(conn.scalar(select(t.meta.c.value).where(t.meta.c.key == "fusion")) or 0)

    def write_fusion(self, expect_seq: int, work: FusionWrite) -> None:
        """Apply one unit of fusion or decision work atomically, unless incidents changed since
        `expect_seq` was read (then `Conflict`: the caller reads and computes again)."""

        def write(conn: Connection) -> None:
            # First, so that concurrent writers queue on the counter's row (PostgreSQL) and a
            # writer that computed from an older state finds the counter moved on.
            if not self._bump(conn, expect_seq):
                raise Conflict()
            # The stamp names the write, so a verdict judged from an earlier version is not marked current.
            now = f"{now_iso()}#{expect_seq + 1}"
            # Whole statements over many rows: a chunk is a handful of statements, not one per row.
            rows = [incident_row(incident, rank, now) for incident, rank in work.incidents]
            for part in _slices([r["id"] for r in rows]):
                conn.execute(delete(t.incidents).where(t.incidents.c.id.in_(part)))
            if rows:
                conn.execute(t.incidents.insert(), rows)
            for part in _slices([m[0] for m in work.members]):
                conn.execute(delete(t.members).where(t.members.c.item_id.in_(part)))
            if work.members:
                conn.execute(t.members.insert(), [{"item_id": i, "kind": k, "incident_id": inc, "report_id": r}
                                                  for i, k, inc, r in work.members])
            for kind, states in work.states.items():
                table = ITEM_TABLES[kind]
                by_state: dict[int, list[str]] = {}
                for item_id, state in states.items():
                    by_state.setdefault(state, []).append(item_id)
                for state, ids in sorted(by_state.items()):
                    for part in _slices(ids):
                        conn.execute(update(table).where(table.c.id.in_(part)).values(fusion=state))
            for incident_id, merged_into, status in work.tombstones:
                self._tombstone(conn, incident_id, merged_into, status, now)

        writing(self.engine, write)

    def _bump(self, conn: Connection, seq: int) -> bool:
        """Move the fusion counter from `seq` to `seq + 1`; False when it is no longer at `seq`."""
        moved = conn.execute(update(t.meta).where(t.meta.c.key == "fusion", t.meta.c.value == seq)
                             .values(value=seq + 1)).rowcount
        if moved:
            return True
        if seq == 0 and conn.scalar(select(t.meta.c.value).where(t.meta.c.key == "fusion")) is None:
            conn.execute(self._insert(t.meta).on_conflict_do_nothing(), [{"key": "fusion", "value": 0}])
            return bool(conn.execute(update(t.meta).where(t.meta.c.key == "fusion", t.meta.c.value == 0)
                                     .values(value=1)).rowcount)
        return False

    def _tombstone(self, conn: Connection, incident_id: str, merged_into: str | None, status: str, now: str) -> None:
        payload = conn.scalar(select(t.incidents.c.payload).where(t.incidents.c.id == incident_id))
        if payload is None:
            return
        record = json.loads(payload)
        record["merged_into"] = merged_into
        conn.execute(update(t.incidents).where(t.incidents.c.id == incident_id).values(
            status=status, merged_into=merged_into, payload=json.dumps(record), updated=now, judged=None))
        # Its verdicts stay in the history; none is current any more.
        conn.execute(update(t.verdicts).where(t.verdicts.c.incident_id == incident_id, t.verdicts.c.current)
                     .values(current=False))

    # -- decisions -------------------------------------------------------------------------------
    def record_decision(self, decision: Decision) -> Decision:
        """Store a reviewer's decision (an id and time are given when missing) and return it.
        It takes effect through `truce.pipeline.refresh` (at once) and every later `truce run`."""
        _check_decision(decision)
        made_at = decision.made_at or datetime.now(UTC).replace(microsecond=0)
        value = json.dumps(decision.value)
        did = decision.id or content_id("dc", decision.kind, decision.incident_id, decision.item_id or "",
                                        decision.other_incident_id or "", decision.field or "", value,
                                        decision.author, made_at.isoformat())
        stored = Decision(did, decision.kind, decision.incident_id, decision.item_id, decision.other_incident_id,
                          decision.field, decision.value, decision.author, decision.reason, made_at)

        def write(conn: Connection) -> None:
            if conn.scalar(select(t.decisions.c.id).where(t.decisions.c.id == did)) is not None:
                return  # the same decision again: idempotent
            seq = int(conn.scalar(select(func.max(t.decisions.c.seq))) or 0) + 1
            conn.execute(t.decisions.insert().values(
                id=did, kind=stored.kind, incident_id=stored.incident_id, item_id=stored.item_id,
                other_incident_id=stored.other_incident_id, field=stored.field, value=value,
                author=stored.author, reason=stored.reason, made_at=made_at.isoformat(), seq=seq))

        writing(self.engine, write)
        return stored

    def decisions(self, incident_id: str | None = None) -> list[Decision]:
        """Decisions in the order they were made; with `incident_id`, those naming that incident."""
        c = t.decisions.c
        query = select(t.decisions).order_by(c.seq)
        if incident_id is not None:
            query = query.where(or_(c.incident_id == incident_id, c.other_incident_id == incident_id))
        with reading(self.engine) as conn:
            return [Decision(r.id, r.kind, r.incident_id, r.item_id, r.other_incident_id, r.field,
                             json.loads(r.value) if r.value is not None else None, r.author, r.reason,
                             datetime.fromisoformat(r.made_at)) for r in conn.execute(query)]

    def decided_incidents(self, ids: Iterable[str]) -> dict[str, list[Decision]]:
        """incident id -> its `correct` and `attribute` decisions, for the given incident ids."""
        wanted = set(ids)
        out: dict[str, list[Decision]] = {}
        for d in self.decisions():
            if d.kind in ("correct", "attribute") and d.incident_id in wanted:
                out.setdefault(d.incident_id, []).append(d)
        return out


def _item_rows(rows: Iterable[Any]) -> list[ItemRow]:
    return [ItemRow(r.id, r.report_id, r.payload, r.t0, r.t1, bool(getattr(r, "unplaced", False))) for r in rows]


def _slices(ids: Sequence[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(ids), size):
        yield list(ids[i:i + size])


def _ts(value: datetime) -> float:
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).timestamp()


def _check_decision(d: Decision) -> None:
    where = f"decision on {d.incident_id or '?'}"
    if d.kind not in DECISION_KINDS:
        raise InputRejected("E145", f"decision kind '{d.kind}' is not one of {', '.join(DECISION_KINDS)}",
                            hint="use include, exclude, merge, split, attribute or correct", where=where)
    if not d.incident_id:
        raise InputRejected("E146", "a decision must name its incident", hint="give incident_id", where=where)
    needs: Mapping[str, bool] = {
        "include": bool(d.item_id), "exclude": bool(d.item_id),
        "merge": bool(d.other_incident_id) and d.other_incident_id != d.incident_id,
        "split": isinstance(d.value, list) and bool(d.value) and all(isinstance(v, str) for v in d.value),
        "attribute": isinstance(d.value, str) and bool(d.value),
        "correct": d.field in CORRECTABLE_FIELDS and d.value is not None,
    }
    if not needs[d.kind]:
        what = {"include": "item_id", "exclude": "item_id", "merge": "other_incident_id (another incident)",
                "split": "value: a list of item ids", "attribute": "value: a party code or 'unattributable'",
                "correct": f"field ({'|'.join(CORRECTABLE_FIELDS)}) and value"}[d.kind]
        raise InputRejected("E147", f"a '{d.kind}' decision needs {what}", hint="see docs/store.md", where=where)
