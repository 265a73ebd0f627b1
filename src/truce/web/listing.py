"""Incidents listed with the console's filters, a keyset page at a time.

Filters: time (`start`/`end`: the incident's span overlaps), bounding box, PLOVER type, party (an
actor country or the party a current verdict names), verdict (a current verdict of that kind,
under `agreement` when given), review status, and text (case-insensitive, in the incident's
record: summary, place, actors). Pages run from the latest incident back (by start time, then
id; incidents with no time come last); the cursor is the last (time, id) seen, so a page costs
one range read of the (status, t0, id) index whatever the store's size, and a time filter narrows
that range. The public sees published (confirmed) findings only.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, func, or_, select

from truce.errors import TruceError
from truce.model import PLOVER_TYPES, Incident
from truce.publish.pages import VERDICTS, Scope, current_verdicts
from truce.store import Store
from truce.store import tables as t
from truce.store.db import reading
from truce.web import tables as w
from truce.web.review import PUBLISHED, STATUSES

MAX_LIMIT = 500
GRAVITY = ("violation", "possible_violation", "out_of_scope", "not_a_violation")


@dataclass(frozen=True, slots=True)
class IncidentFilters(Scope):
    """The console's filters: an export's `Scope`, a review status and a text search."""

    review: str | None = None
    q: str | None = None

    def check(self) -> IncidentFilters:
        if self.type is not None and self.type.upper() not in PLOVER_TYPES:
            raise TruceError("E612", f"type '{self.type}' is not a PLOVER event type", where="type",
                             hint=f"use one of {', '.join(PLOVER_TYPES)}")
        if self.verdict is not None and self.verdict not in VERDICTS:
            raise TruceError("E613", f"verdict '{self.verdict}' is not a verdict", where="verdict",
                             hint=f"use one of {', '.join(VERDICTS)}")
        if self.review is not None and self.review not in STATUSES:
            raise TruceError("E614", f"review status '{self.review}' is unknown", where="review",
                             hint=f"use one of {', '.join(STATUSES)}")
        if self.start and self.end and self.start > self.end:
            raise TruceError("E615", "start is after end", where="start", hint="give the earlier time as start")
        return self


def encode_cursor(last_id: str) -> str:
    return base64.urlsafe_b64encode(last_id.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> str | None:
    if not cursor:
        return None
    try:
        value = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        value = ""
    if not value.isprintable() or not (0 < len(value) <= 80):
        raise TruceError("E611", "the page cursor is not one this server gave", where="after",
                         hint="pass the `next` value of the previous page unchanged, or leave it out")
    return value


def _time_key(after: str) -> tuple[float | None, str]:
    """(t0, id) of an incident cursor: `t0|id`, t0 empty for an incident with no time."""
    t0, _, last_id = after.rpartition("|")
    try:
        return (float(t0) if t0 else None), last_id
    except ValueError:
        raise TruceError("E611", "the page cursor is not one this server gave", where="after",
                         hint="pass the `next` value of the previous page unchanged, or leave it out") from None


def _query(f: IncidentFilters, after: str | None, limit: int, published_only: bool) -> Any:
    c, rs = t.incidents.c, w.review_status.c
    query = (select(c.id, c.t0, c.payload, rs.status).select_from(t.incidents.outerjoin(
        w.review_status, rs.incident_id == c.id)).where(c.status == "live")
        .order_by(c.t0.desc().nulls_last(), c.id.desc()).limit(limit + 1))
    if after is not None:
        t0, last_id = _time_key(after)
        if t0 is None:
            query = query.where(c.t0.is_(None), c.id < last_id)
        else:
            query = query.where(or_(c.t0 < t0, and_(c.t0 == t0, c.id < last_id), c.t0.is_(None)))
    if f.start is not None:
        query = query.where(c.t1 >= f.start.timestamp())
    if f.end is not None:
        query = query.where(c.t0 <= f.end.timestamp())
    if f.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        query = query.where(c.lon >= min_lon, c.lon <= max_lon, c.lat >= min_lat, c.lat <= max_lat)
    if f.type is not None:
        query = query.where(c.type == f.type.upper())
    v = t.verdicts.c
    if f.party is not None:
        query = query.where(or_(c.actor == f.party, exists().where(v.incident_id == c.id, v.current,
                                                                   v.party == f.party)))
    if f.verdict is not None or f.agreement is not None:
        conditions = [v.incident_id == c.id, v.current]
        conditions += [v.verdict == f.verdict] if f.verdict is not None else []
        conditions += [v.agreement_id == f.agreement] if f.agreement is not None else []
        query = query.where(exists().where(and_(*conditions)))
    if f.review == "alleged":
        query = query.where(or_(rs.status.is_(None), rs.status == "alleged"))
    elif f.review is not None:
        query = query.where(rs.status == f.review)
    if published_only:
        query = query.where(rs.status.in_(PUBLISHED))
    if f.q:
        # Records are stored as ASCII JSON; search the same way so that "Şuşa" finds "\u015eu\u015fa".
        needle = json.dumps(f.q.strip().lower())[1:-1].replace("%", r"\%").replace("_", r"\_")
        query = query.where(func.lower(c.payload).like(f"%{needle}%", escape="\\"))
    return query


@dataclass(slots=True)
class Page:
    items: list[dict[str, Any]]
    next: str | None


def worst(verdicts: list[Any]) -> str:
    found = {v.verdict for v in verdicts}
    return next((g for g in GRAVITY if g in found), "unjudged")


def incident_page(store: Store, f: IncidentFilters, *, after: str | None = None, limit: int = 100,
                  published_only: bool = False) -> Page:
    """One page of incidents (each with its current verdicts and review status) and the next cursor."""
    limit = max(1, min(limit, MAX_LIMIT))
    with reading(store.engine) as conn:
        rows = conn.execute(_query(f.check(), after, limit, published_only)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    verdicts = current_verdicts(store, [r.id for r in rows])
    items = []
    for r in rows:
        incident = Incident.from_dict(json.loads(r.payload))
        vs = verdicts.get(r.id, [])
        items.append(incident.to_dict() | {"review_status": r.status or "alleged", "standing": worst(vs),
                                           "verdicts": [v.to_dict() for v in vs]})
    last = rows[-1] if more and rows else None
    return Page(items, encode_cursor(f"{'' if last.t0 is None else repr(last.t0)}|{last.id}") if last else None)


def is_published(store: Store, incident_id: str) -> bool:
    with reading(store.engine) as conn:
        status = conn.scalar(select(w.review_status.c.status).where(w.review_status.c.incident_id == incident_id))
    return status in PUBLISHED
