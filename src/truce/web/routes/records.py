"""Reports (submitting field observations, party allegations and reports), events, agreements,
verdicts, the audit log, exports and situation reports."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import Connection, select

from truce.errors import TruceError
from truce.ingest.jsonl import read_object
from truce.model import Event
from truce.store import tables as t
from truce.store.db import reading, writing
from truce.store.reports import report_from_row
from truce.web import audit, listing
from truce.web import tables as w
from truce.web.deps import ConsoleDep, PrincipalDep
from truce.web.findings import NotFound, live_incident
from truce.web.roles import Action, Principal, require
from truce.web.routes.filters import FiltersDep
from truce.web.routes.incidents import After, Limit
from truce.web.schemas import Allegation, ObservationCreate, ReportCreate

router = APIRouter(prefix="/api", tags=["records"])


def _store_item(console: Any, who: Principal, value: dict[str, Any], kind: str, action: str,
                extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Read one submission exactly as `truce ingest` reads a JSON object, and store it."""
    raw = json.dumps(value, ensure_ascii=False, sort_keys=True)
    item = read_object(value, raw, f"console:{who.username}", kind=kind, published=None)  # type: ignore[arg-type]
    result = console.store.add_reports([(item.report, item.observations)])
    stored = {"report_id": item.report.id, "kind": item.report.kind, "added": item.report.id in result.added,
              "observation_ids": [o.id for o in item.observations]}

    def write(conn: Connection) -> None:
        if extra is not None:
            conn.execute(w.statements.insert().values(report_id=item.report.id, made_at=audit.now_iso(), **extra))
        audit.record(conn, who, action, item.report.id, None, stored | ({"statement": extra} if extra else {}))

    writing(console.store.engine, write)
    return {"ok": True} | stored


@router.post("/observations", status_code=201, summary="Submit a field observation (OSCE-style)")
def submit_observation(body: ObservationCreate, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    require(who, Action.submit_observation)
    value = {k: v for k, v in body.model_dump().items() if v is not None}
    value.setdefault("observer", who.display_name or who.username)
    value["source_name"] = value["observer"]
    return _store_item(console, who, value, "field", "report.observation")


@router.post("/allegations", status_code=201, summary="File a party's allegation (party liaisons)")
def submit_allegation(body: Allegation, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    require(who, Action.file_statement)
    if body.incident_id:
        live_incident(console.store, body.incident_id)
    party = who.party or ""
    value = {"text": body.text, "kind": "allegation", "source_name": f"{party} liaison"}
    value |= {"title": body.title} if body.title else {}
    value |= {"published": body.published} if body.published else {}
    extra = {"kind": "allegation", "incident_id": body.incident_id, "party": party, "author": who.username,
             "text": body.text}
    return _store_item(console, who, value, "allegation", "statement.allegation", extra)


@router.post("/reports", status_code=201, summary="Submit a news report (analysts)")
def submit_report(body: ReportCreate, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    require(who, Action.submit_report)
    value = {k: v for k, v in body.model_dump().items() if v is not None} | {"kind": "news"}
    return _store_item(console, who, value, "news", "report.submit")


def _head(report: Any) -> dict[str, Any]:
    return {k: v for k, v in report.to_dict().items() if k != "text"} | {"outlets": list(report.outlets)}


@router.get("/reports", summary="Reports (without their text), a page at a time")
def reports(console: ConsoleDep, who: PrincipalDep, after: After = None, limit: Limit = 100,
            kind: Annotated[str | None, Query(max_length=16)] = None) -> dict[str, Any]:
    require(who, Action.read_record)
    c = t.reports.c
    query = select(*(col for col in t.reports.c if col.name not in ("text", "sketch"))).order_by(c.id).limit(limit + 1)
    last = listing.decode_cursor(after)
    query = query.where(c.id > last) if last else query
    query = query.where(c.kind == kind) if kind else query
    with reading(console.store.engine) as conn:
        rows = conn.execute(query).all()
    items = [{k: v for k, v in row._mapping.items() if k not in ("raw",)} for row in rows[:limit]]
    return {"items": items, "next": listing.encode_cursor(rows[limit - 1].id) if len(rows) > limit else None}


@router.get("/reports/{report_id}", summary="One report, with its text and every outlet that carried it")
def report(report_id: str, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    require(who, Action.read_record)
    with reading(console.store.engine) as conn:
        row = conn.execute(select(t.reports).where(t.reports.c.id == report_id)).first()
    if row is None:
        raise NotFound("E653", f"no report {report_id}", hint="list reports at /api/reports", where=report_id)
    found = report_from_row(row)
    return _head(found) | {"text": found.text,
                           "sightings": [s.to_dict() for s in console.store.sightings(report_id)]}


@router.get("/events", summary="Events read from reports, with evidence spans, a page at a time")
def events(console: ConsoleDep, who: PrincipalDep, after: After = None, limit: Limit = 100,
           type: Annotated[str | None, Query(max_length=16)] = None,
           report_id: Annotated[str | None, Query(max_length=40)] = None) -> dict[str, Any]:
    require(who, Action.read_record)
    c = t.events.c
    query = select(c.id, c.payload).order_by(c.id).limit(limit + 1)
    last = listing.decode_cursor(after)
    query = query.where(c.id > last) if last else query
    query = query.where(c.type == type.upper()) if type else query
    query = query.where(c.report_id == report_id) if report_id else query
    with reading(console.store.engine) as conn:
        rows = conn.execute(query).all()
    items = [Event.from_dict(json.loads(r.payload)).to_dict() for r in rows[:limit]]
    return {"items": items, "next": listing.encode_cursor(rows[limit - 1].id) if len(rows) > limit else None}


@router.get("/events/{event_id}", summary="One event")
def event(event_id: str, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    require(who, Action.read_record)
    found = console.store.events(ids=[event_id])
    if not found:
        raise NotFound("E653", f"no event {event_id}", hint="list events at /api/events", where=event_id)
    return found[0].to_dict()


@router.get("/agreements", summary="The agreements in force, with their areas and lines of contact as GeoJSON")
def agreements(console: ConsoleDep) -> dict[str, Any]:
    items = [{"id": a.id, "name": a.name, "summary": a.summary, "time_zone": a.time_zone,
              "effective_from": a.effective_from.isoformat(),
              "effective_until": a.effective_until.isoformat() if a.effective_until else None,
              "parties": [{"id": p.id, "name": p.name, "role": p.role} for p in a.parties],
              "clauses": [{"id": c.id, "title": c.title, "text": c.text} for c in a.clauses]}
             for a in console.agreements]
    return {"items": items, "geometry": console.agreement_features}


@router.get("/verdicts", summary="Current verdicts of one incident (with `history`, every verdict it had)")
def verdicts(console: ConsoleDep, who: PrincipalDep, incident_id: Annotated[str, Query(max_length=40)],
             history: bool = False) -> dict[str, Any]:
    from truce.web.routes.incidents import visible_incident

    visible_incident(console, who, incident_id)
    found = console.store.verdicts(history=history, incident_id=incident_id)
    return {"items": [v.to_dict() for v in found]}


@router.get("/audit", summary="The audit log in order (JSON, or JSON Lines with format=jsonl)")
def audit_log(console: ConsoleDep, who: PrincipalDep, after: Annotated[int, Query(ge=0)] = 0, limit: Limit = 100,
              target: Annotated[str | None, Query(max_length=80)] = None,
              format: Annotated[str, Query(pattern="^(json|jsonl)$")] = "json") -> Any:
    require(who, Action.read_record)
    if format == "jsonl":
        return StreamingResponse(audit.export_lines(console.store.engine, target=target),
                                 media_type="application/x-ndjson",
                                 headers={"Content-Disposition": 'attachment; filename="truce-audit.jsonl"'})
    items = audit.entries(console.store.engine, target=target, after=after, limit=limit)
    return {"items": items, "next": items[-1]["seq"] if len(items) == limit else None}


@router.get("/export", summary="The incidents the filters keep, as csv, acled, plover, geojson, kml or xlsx")
def export(console: ConsoleDep, who: PrincipalDep, filters: FiltersDep,
           format: Annotated[str, Query(pattern="^(csv|acled|plover|geojson|kml|xlsx)$")] = "csv") -> Response:
    from truce.publish.export import FORMATS, filename, stream
    from truce.publish.pages import Filters

    ids = None
    if who.is_public or filters.review is not None or filters.q is not None:
        ids = frozenset(_matching_ids(console, who, filters))
    chosen = Filters(start=filters.start, end=filters.end, bbox=filters.bbox, type=filters.type, party=filters.party,
                     verdict=filters.verdict, agreement=filters.agreement, ids=ids)
    chunks = stream(console.store, format, chosen)
    return StreamingResponse(chunks, media_type=FORMATS[format][0],
                             headers={"Content-Disposition": f'attachment; filename="{filename(format)}"'})


def _matching_ids(console: Any, who: Principal, filters: Any) -> list[str]:
    """Ids the console's own filters keep (review status, text, publication), page by page."""
    out: list[str] = []
    after = None
    while True:
        page = listing.incident_page(console.store, filters, after=after, limit=listing.MAX_LIMIT,
                                     published_only=who.is_public)
        out += [item["id"] for item in page.items]
        if page.next is None:
            return out
        after = listing.decode_cursor(page.next)


def report_audience(who: Principal) -> str:
    if who.is_public:
        return "public"
    return "mission" if who.may(Action.review) else "parties"


def render_report(console: Any, who: Principal, day: str | None, start: str | None, end: str | None,
                  area: str | None) -> bytes:
    from truce.publish.period import Period
    from truce.publish.report import render

    if not (day or (start and end)):
        raise TruceError("E721", "a report needs date=D, or from=D1 and to=D2", where="date",
                         hint="e.g. /reports?date=2023-09-21")
    return render(console.store, Period.from_options(day, start, end), area, report_audience(who), "html")
