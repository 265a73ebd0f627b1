"""The console's pages (Jinja2, autoescaped): map and timeline, incident, review queue, the
field monitor's observation form, login, and situation reports. Forms post JSON to the API
through static/console.js, with the session's CSRF token."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from truce.model import CORRECTABLE_FIELDS, PLOVER_TYPES
from truce.publish.pages import VERDICTS
from truce.web import listing
from truce.web.deps import ConsoleDep, PrincipalDep, session_token
from truce.web.record import incident_record
from truce.web.review import STATUSES, TRANSITIONS
from truce.web.roles import Action, Principal, require
from truce.web.routes.filters import FiltersDep
from truce.web.routes.incidents import visible_incident
from truce.web.routes.records import render_report
from truce.web.security import csrf_token

router = APIRouter(include_in_schema=False)
FILTER_KEYS = ("start", "end", "bbox", "type", "party", "verdict", "agreement", "review", "q")
EXPORT_FORMATS = ("csv", "acled", "plover", "geojson", "kml", "xlsx")


def _page(request: Request, console: Any, who: Principal, name: str, **context: Any) -> HTMLResponse:
    token, from_cookie = session_token(request)
    csrf = csrf_token(console.secret, token) if token and from_cookie and not who.is_public else ""
    base = {"who": who, "csrf": csrf, "mission": console.mission, "tile_url": console.settings.tile_url or "",
            "Action": Action}
    return request.app.state.templates.TemplateResponse(request, name, base | context)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, console: ConsoleDep, who: PrincipalDep, filters: FiltersDep) -> HTMLResponse:
    chosen = {k: v for k in FILTER_KEYS if (v := request.query_params.get(k))}
    query = urlencode(chosen)
    return _page(request, console, who, "map.html", chosen=chosen, query=query, types=PLOVER_TYPES,
                 verdicts=VERDICTS, statuses=STATUSES, formats=EXPORT_FORMATS,
                 report_day=(chosen.get("start") or "")[:10] or None)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, console: ConsoleDep, who: PrincipalDep,
               next: Annotated[str, Query(max_length=500)] = "/") -> HTMLResponse:
    safe_next = next if next.startswith("/") and not next.startswith("//") else "/"
    return _page(request, console, who, "login.html", next=safe_next)


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(incident_id: str, request: Request, console: ConsoleDep, who: PrincipalDep) -> Response:
    incident = visible_incident(console, who, incident_id)
    if incident.merged_into:
        return RedirectResponse(f"/incidents/{incident.merged_into}", status_code=303)
    record = incident_record(console.store, incident, console.mission, with_audit=not who.is_public)
    own = who.side()
    return _page(request, console, who, "incident.html", r=record, inc=record["incident"],
                 fields=CORRECTABLE_FIELDS, types=PLOVER_TYPES,
                 next_statuses=[s for s in TRANSITIONS[record["review"]["status"]] if s != "confirmed"],
                 signs_for=own if own is not None and console.mission.signs(own) else None,
                 agreement_names={a.id: a.name for a in console.agreements})


@router.get("/queue", response_class=HTMLResponse)
def queue_page(request: Request, console: ConsoleDep, who: PrincipalDep) -> Response:
    if who.is_public:
        return RedirectResponse("/login?next=/queue", status_code=303)
    require(who, Action.read_record)
    waiting = listing.incident_page(console.store, listing.IncidentFilters(review="under_investigation"),
                                    limit=200).items
    alleged = [item for verdict in ("violation", "possible_violation")
               for item in listing.incident_page(console.store, listing.IncidentFilters(
                   review="alleged", verdict=verdict), limit=200).items]
    return _page(request, console, who, "queue.html", waiting=waiting, alleged=alleged)


@router.get("/observe", response_class=HTMLResponse)
def observe_page(request: Request, console: ConsoleDep, who: PrincipalDep) -> Response:
    if who.is_public:
        return RedirectResponse("/login?next=/observe", status_code=303)
    require(who, Action.submit_observation)
    from truce.ingest.observations import DIRECTION_VALUES, HOW_VALUES, WHAT_VALUES

    return _page(request, console, who, "observe.html", whats=WHAT_VALUES, hows=HOW_VALUES,
                 directions=DIRECTION_VALUES)


@router.get("/reports", response_class=HTMLResponse)
def situation_report(console: ConsoleDep, who: PrincipalDep,
                     date: Annotated[str | None, Query(max_length=10)] = None,
                     start: Annotated[str | None, Query(alias="from", max_length=10)] = None,
                     end: Annotated[str | None, Query(alias="to", max_length=10)] = None,
                     area: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    page = render_report(console, who, date, start, end, area)
    # The report is one self-contained page with inline styles: it gets a policy of its own.
    return HTMLResponse(page, headers={"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                                                                  "img-src data:; frame-ancestors 'none'"})
