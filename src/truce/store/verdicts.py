"""Agreements loaded and verdict history, keyed by stable incident ids."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, delete, select, update

from truce.model import Verdict
from truce.store import tables as t
from truce.store.db import reading, writing
from truce.store.reports import now_iso


def _substance(d: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in d.items() if k != "derived_at"}


class VerdictStore:
    """Mixin of `Store`: agreements and verdicts."""

    engine: Engine

    def save_agreement(self, agreement_id: str, version: str, name: str, source: str) -> None:
        def write(conn: Connection) -> None:
            current = conn.scalar(select(t.agreements.c.version).where(t.agreements.c.id == agreement_id))
            if current == version:
                return  # unchanged: no write, so concurrent runs do not contend for it
            conn.execute(delete(t.agreements).where(t.agreements.c.id == agreement_id))
            conn.execute(t.agreements.insert().values(id=agreement_id, version=version, name=name,
                                                      source=source, loaded=now_iso()))

        writing(self.engine, write)

    def record_verdicts(self, verdicts: Sequence[Verdict], *,
                        judged: Mapping[str, tuple[str, str]] | None = None) -> int:
        """Append verdicts that differ from the current ones; earlier verdicts stay as history.

        With `judged` (incident id -> (agreements signature, the version stamp it was read at, see
        `unjudged`)), those incidents are marked judged in the same transaction unless they changed
        since, and any current verdict of theirs under an agreement that no longer concerns them is
        retired."""
        now = datetime.now(UTC)

        def write(conn: Connection) -> int:
            changed = 0
            ids = sorted({v.incident_id for v in verdicts} | set(judged or {}))
            current: dict[tuple[str, str], dict[str, object]] = {}
            for i in range(0, len(ids), 500):
                query = select(t.verdicts.c.incident_id, t.verdicts.c.agreement_id, t.verdicts.c.payload).where(
                    t.verdicts.c.current, t.verdicts.c.incident_id.in_(ids[i:i + 500]))
                for row in conn.execute(query):
                    current[(row.incident_id, row.agreement_id)] = json.loads(row.payload)
            fresh = {(v.incident_id, v.agreement_id) for v in verdicts}
            for key in sorted(current):
                if judged is not None and key[0] in judged and key not in fresh:
                    conn.execute(update(t.verdicts).where(
                        t.verdicts.c.incident_id == key[0], t.verdicts.c.agreement_id == key[1],
                        t.verdicts.c.current).values(current=False))
            for v in verdicts:
                old = current.get((v.incident_id, v.agreement_id))
                if old is not None and _substance(old) == _substance(v.to_dict()):
                    continue
                v.derived_at = v.derived_at or now
                conn.execute(update(t.verdicts).where(
                    t.verdicts.c.incident_id == v.incident_id, t.verdicts.c.agreement_id == v.agreement_id,
                    t.verdicts.c.current).values(current=False))
                conn.execute(t.verdicts.insert().values(
                    incident_id=v.incident_id, agreement_id=v.agreement_id, verdict=v.verdict, current=True,
                    derived_at=v.derived_at.isoformat(), payload=json.dumps(v.to_dict()), party=v.party))
                changed += 1
            for incident_id, (signature, stamp) in (judged or {}).items():
                conn.execute(update(t.incidents).where(t.incidents.c.id == incident_id,
                                                       t.incidents.c.updated == stamp).values(judged=signature))
            return changed

        return writing(self.engine, write)

    def verdicts(self, *, history: bool = False, incident_id: str | None = None) -> list[Verdict]:
        query = select(t.verdicts.c.payload).order_by(t.verdicts.c.seq)
        if not history:
            query = query.where(t.verdicts.c.current)
        if incident_id is not None:
            query = query.where(t.verdicts.c.incident_id == incident_id)
        with reading(self.engine) as conn:
            return [Verdict.from_dict(json.loads(p)) for p in conn.scalars(query)]

    def iter_verdicts(self, *, batch: int = 500) -> Iterator[Verdict]:
        """Every current verdict, a page at a time (for exports and listings of large stores)."""
        after = 0
        while True:
            query = select(t.verdicts.c.seq, t.verdicts.c.payload).where(
                t.verdicts.c.current, t.verdicts.c.seq > after).order_by(t.verdicts.c.seq).limit(batch)
            with reading(self.engine) as conn:
                rows = conn.execute(query).all()
            yield from (Verdict.from_dict(json.loads(r.payload)) for r in rows)
            if len(rows) < batch:
                return
            after = rows[-1].seq
