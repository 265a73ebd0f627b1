"""The append-only audit log: who did what, when, to what, and the state before and after.

Every state-changing request writes exactly one entry, in the same transaction as its change
where the change is the console's own (review status, positions, statements, accounts); the
database refuses UPDATE and DELETE on the table (triggers of revision 0003), and the API offers
neither. `entries` reads it back in order; `export_lines` streams it as JSON Lines.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select

from truce.store.db import reading, writing
from truce.web import tables as w
from truce.web.roles import Principal


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def record(conn: Connection, who: Principal, action: str, target: str | None, before: Any, after: Any) -> int:
    """Append one entry inside the caller's transaction; returns its sequence number."""
    result = conn.execute(w.audit_log.insert().values(
        at=now_iso(), actor=who.username, role=who.role.value, action=action, target=target,
        before=_json(before), after=_json(after)))
    key = result.inserted_primary_key
    return int(key[0]) if key else 0


def append(engine: Engine, who: Principal, action: str, target: str | None, before: Any, after: Any) -> int:
    """Append one entry in a transaction of its own (after a change the store made)."""
    return writing(engine, lambda conn: record(conn, who, action, target, before, after))


def _row(r: Any) -> dict[str, Any]:
    return {"seq": r.seq, "at": r.at, "actor": r.actor, "role": r.role, "action": r.action, "target": r.target,
            "before": json.loads(r.before) if r.before else None,
            "after": json.loads(r.after) if r.after else None}


def entries(engine: Engine, *, target: str | None = None, after: int = 0, limit: int = 100) -> list[dict[str, Any]]:
    """Entries in order after sequence number `after`; with `target`, those about it."""
    c = w.audit_log.c
    query = select(w.audit_log).where(c.seq > after).order_by(c.seq).limit(max(1, min(limit, 1000)))
    if target is not None:
        query = query.where(c.target == target)
    with reading(engine) as conn:
        return [_row(r) for r in conn.execute(query)]


def export_lines(engine: Engine, *, target: str | None = None) -> Iterator[bytes]:
    """The whole log (or one target's entries) as JSON Lines, a page at a time."""
    after = 0
    while page := entries(engine, target=target, after=after, limit=1000):
        yield "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in page).encode("utf-8")
        after = page[-1]["seq"]
