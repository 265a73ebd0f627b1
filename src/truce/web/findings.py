"""Reviewers' changes to a finding: a field corrected, an item moved, two incidents merged, an
attribution. Each is a store `Decision` (so every later `truce run` respects it), put in force at
once by `truce.pipeline.refresh`; the review round starts again, and one audit entry says what
changed, before → after."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from truce.errors import TruceError
from truce.model import CORRECTABLE_FIELDS, PLOVER_TYPES, Decision, Incident
from truce.pipeline import refresh
from truce.store import Store
from truce.store.db import writing
from truce.web import audit, review
from truce.web.roles import Action, Principal, require


class NotFound(TruceError):
    """No such incident, report, event or account (404)."""


@dataclass(frozen=True, slots=True)
class Change:
    """What a change did: the live incidents it leaves (a merge gives the survivor)."""

    incidents: list[Incident]
    decision: Decision


def live_incident(store: Store, incident_id: str) -> Incident:
    incident = store.incident(incident_id)
    if incident is None:
        raise NotFound("E650", f"no incident {incident_id}", hint="list incidents at /api/incidents",
                       where=incident_id)
    if incident.merged_into:
        raise review.ReviewError("E651", f"incident {incident_id} was merged into {incident.merged_into}",
                                 hint=f"act on {incident.merged_into} instead", where=incident_id)
    return incident


def _bad(field: str, message: str, hint: str) -> TruceError:
    return TruceError("E640", f"{field}: {message}", hint=hint, where=field)


def _number(value: Any, field: str, low: float, high: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _bad(field, f"{value!r} is not a number", f"give a number between {low} and {high}") from None
    if not (math.isfinite(number) and low <= number <= high):
        raise _bad(field, f"{number} is outside {low}..{high}", f"give a number between {low} and {high}")
    return number


def _day(value: Any, field: str) -> str:
    try:
        text = str(value)
        (date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text))
    except ValueError:
        raise _bad(field, f"{value!r} is not an ISO 8601 date", "write YYYY-MM-DD or YYYY-MM-DDTHH:MM+00:00") from None
    return text


def clean_value(field: str, value: Any) -> Any:
    """A corrected value in the form the store's decisions take (see docs/store.md), or E640."""
    if field not in CORRECTABLE_FIELDS:
        raise _bad("field", f"'{field}' cannot be corrected", f"correct one of {', '.join(CORRECTABLE_FIELDS)}")
    if field == "type":
        if not isinstance(value, str) or value.upper() not in PLOVER_TYPES:
            raise _bad("value", f"{value!r} is not a PLOVER event type", f"use one of {', '.join(PLOVER_TYPES)}")
        return value.upper()
    if field == "actor":
        if not isinstance(value, str) or not (1 <= len(value.strip()) <= 40):
            raise _bad("value", "an actor is a party code such as AZE", "give the party's code")
        return value.strip().upper()
    if field == "deaths":
        return int(_number(value, "value", 0, 1_000_000))
    if field == "place":
        if not isinstance(value, dict) or not str(value.get("name") or "").strip():
            raise _bad("value", "a place is {name, lat, lon}", "give the place's name and coordinates")
        return {"name": str(value["name"]).strip()[:200], "lat": _number(value.get("lat"), "value.lat", -90, 90),
                "lon": _number(value.get("lon"), "value.lon", -180, 180)}
    if isinstance(value, dict):
        start, end = _day(value.get("start"), "value.start"), _day(value.get("end") or value.get("start"), "value.end")
        if end < start:
            raise _bad("value", "the end is before the start", "give the earlier date as start")
        return {"start": start, "end": end}
    return _day(value, "value")


def _apply(store: Store, who: Principal, decision: Decision, action: str, before: Any,
           also: tuple[str, ...] = ()) -> Change:
    stored = store.record_decision(decision)
    incidents = refresh(store, [decision.incident_id] + ([decision.other_incident_id]
                                                           if decision.other_incident_id else []))

    def write(conn: Any) -> None:
        review_before, review_after = review.finding_changed(conn, who, decision.incident_id)
        if decision.kind == "attribute":
            review.set_attribution(conn, who, decision.incident_id,
                                   None if decision.value == "unattributable" else str(decision.value))
        # An item moved out of another incident changes that finding too.
        others = {other: review.finding_changed(conn, who, other)[1] for other in also}
        audit.record(conn, who, action, decision.incident_id,
                     {"value": before, "review": review_before},
                     {"decision": stored.to_dict(), "review": review_after} | ({"others": others} if others else {}))

    writing(store.engine, write)
    return Change(incidents, stored)


def correct(store: Store, who: Principal, incident_id: str, field: str, value: Any, reason: str) -> Change:
    """Override one machine field of an incident (type, place, date, actor, deaths)."""
    require(who, Action.review)
    incident = live_incident(store, incident_id)
    cleaned = clean_value(field, value)
    before = incident.to_dict()
    shown = {"type": before["type"], "place": before["location"], "date": [before["start"], before["end"]],
             "actor": before["actor_country"], "deaths": before["fatalities"]}[field]
    return _apply(store, who, Decision("", "correct", incident_id, field=field, value=cleaned, author=who.username,
                                       reason=reason), "finding.correct", {"field": field, "was": shown})


def move(store: Store, who: Principal, incident_id: str, item_id: str, to_incident: str | None,
         reason: str) -> Change:
    """Move an event or observation out of an incident: into `to_incident`, or (None) on its own."""
    require(who, Action.review)
    incident = live_incident(store, incident_id)
    if item_id not in incident.event_ids + incident.observation_ids:
        raise NotFound("E652", f"{item_id} is not a member of {incident_id}", where="item_id",
                       hint="give the id of one of the incident's events or observations")
    if to_incident is None:
        decision = Decision("", "exclude", incident_id, item_id=item_id, author=who.username, reason=reason)
    else:
        live_incident(store, to_incident)
        decision = Decision("", "include", to_incident, item_id=item_id, author=who.username, reason=reason)
    return _apply(store, who, decision, "finding.move", {"item": item_id, "from": incident_id},
                  also=(incident_id,) if to_incident is not None else ())


def merge(store: Store, who: Principal, incident_id: str, other_id: str, reason: str) -> Change:
    """Merge `other_id` into `incident_id` (the other becomes a tombstone pointing here)."""
    require(who, Action.review)
    live_incident(store, incident_id)
    live_incident(store, other_id)
    if other_id == incident_id:
        raise _bad("other_incident_id", "an incident cannot be merged into itself", "name another incident")
    return _apply(store, who, Decision("", "merge", incident_id, other_incident_id=other_id, author=who.username,
                                       reason=reason), "finding.merge", {"merged": other_id})


def attribute(store: Store, who: Principal, incident_id: str, party: str | None, reason: str) -> Change:
    """Attribute the finding to `party`, or (None) judge it unattributable."""
    require(who, Action.review)
    incident = live_incident(store, incident_id)
    value = party.strip().upper() if party and party.strip() else "unattributable"
    if len(value) > 40:
        raise _bad("party", "a party code has at most 40 characters", "give the party's code, e.g. AZE")
    return _apply(store, who, Decision("", "attribute", incident_id, value=value, author=who.username, reason=reason),
                  "finding.attribute", {"attribution": incident.corrections.get("attribution")})
