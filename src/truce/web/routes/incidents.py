"""Incidents: listing with filters, the map's GeoJSON, one incident's whole record, the review queue."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from truce.web import audit, listing
from truce.web.deps import ConsoleDep, PrincipalDep
from truce.web.findings import NotFound
from truce.web.record import incident_record
from truce.web.roles import Action, Principal, require
from truce.web.routes.filters import FiltersDep

router = APIRouter(prefix="/api", tags=["incidents"])
Limit = Annotated[int, Query(ge=1, le=listing.MAX_LIMIT)]
After = Annotated[str | None, Query(max_length=80, description="the `next` cursor of the previous page")]


def visible_incident(console: Any, who: Principal, incident_id: str) -> Any:
    """The incident, if it exists and `who` may see it (the public: published findings only)."""
    incident = console.store.incident(incident_id)
    hidden = incident is None or (who.is_public and not listing.is_published(console.store, incident_id))
    if hidden:
        raise NotFound("E650", f"no incident {incident_id}", hint="list incidents at /api/incidents",
                       where=incident_id)
    return incident


@router.get("/incidents", summary="Incidents with their verdicts and review status, filtered, a page at a time")
def incidents(console: ConsoleDep, who: PrincipalDep, filters: FiltersDep, after: After = None,
              limit: Limit = 100) -> Response:
    page = listing.incident_page(console.store, filters, after=listing.decode_cursor(after), limit=limit,
                                 published_only=who.is_public)
    # Plain JSON records already: written straight out, skipping FastAPI's per-value encoder.
    return Response(json.dumps({"items": page.items, "next": page.next}), media_type="application/json")


@router.get("/incidents.geojson", summary="The same incidents as GeoJSON points (for the map)")
def incidents_geojson(console: ConsoleDep, who: PrincipalDep, filters: FiltersDep, after: After = None,
                      limit: Annotated[int, Query(ge=1, le=listing.MAX_LIMIT)] = listing.MAX_LIMIT) -> dict[str, Any]:
    page = listing.incident_page(console.store, filters, after=listing.decode_cursor(after), limit=limit,
                                 published_only=who.is_public)
    features = []
    for item in page.items:
        loc = item.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        features.append({"type": "Feature", "id": item["id"],
                         "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                         "properties": {"id": item["id"], "type": item["type"], "mode": item["mode"],
                                        "start": item["start"], "end": item["end"],
                                        "place": loc.get("name") or loc.get("text"), "standing": item["standing"],
                                        "review_status": item["review_status"], "summary": item["summary"]}})
    return {"type": "FeatureCollection", "features": features, "next": page.next}


@router.get("/incidents/{incident_id}", summary="One incident's whole record: sources with evidence, claims and "
            "denials, observations, verdicts and their history, decisions, review, statements, audit")
def incident(incident_id: str, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    found = visible_incident(console, who, incident_id)
    return incident_record(console.store, found, console.mission, with_audit=not who.is_public)


@router.get("/incidents/{incident_id}/audit", summary="The audit trail of one incident")
def incident_audit(incident_id: str, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    require(who, Action.read_record)
    visible_incident(console, who, incident_id)
    return {"items": audit.entries(console.store.engine, target=incident_id, limit=1000)}


@router.get("/review/queue", summary="Findings awaiting review: under investigation first, then alleged breaches")
def queue(console: ConsoleDep, who: PrincipalDep, after: After = None, limit: Limit = 100,
          status: Annotated[str, Query(max_length=24)] = "under_investigation",
          verdict: Annotated[str | None, Query(max_length=24)] = None) -> dict[str, Any]:
    require(who, Action.read_record)
    filters = listing.IncidentFilters(review=status, verdict=verdict or None)
    page = listing.incident_page(console.store, filters, after=listing.decode_cursor(after), limit=limit)
    return {"items": page.items, "next": page.next}
