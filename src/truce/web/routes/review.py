"""Review actions on one finding: corrections, moves, merges, status, attribution, sign-off,
dissent, and parties' responses. Each writes exactly one audit entry."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy import Connection

from truce.store.db import writing
from truce.web import audit, findings, review
from truce.web import tables as w
from truce.web.deps import ConsoleDep, PrincipalDep
from truce.web.findings import Change
from truce.web.roles import Action, require
from truce.web.schemas import Attribution, Correction, Merge, Move, Position, Response, StatusChange

router = APIRouter(prefix="/api/incidents/{incident_id}", tags=["review"])


def _changed(console: Any, change: Change) -> dict[str, Any]:
    return {"ok": True, "decision": change.decision.to_dict(),
            "incidents": [i.to_dict() for i in change.incidents],
            "review": _review(console, change.decision.incident_id)}


def _review(console: Any, incident_id: str, state: review.ReviewState | None = None) -> dict[str, Any]:
    state = state or review.review_state(console.store.engine, incident_id)
    return state.to_dict(review.signers_for(console.store, console.mission, incident_id))


@router.post("/corrections", summary="Correct a machine field (type, place, date, actor, deaths); survives re-runs")
def correct(incident_id: str, body: Correction, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    return _changed(console, findings.correct(console.store, who, incident_id, body.field, body.value, body.reason))


@router.post("/moves", summary="Move an event or observation to another incident, or to one of its own")
def move(incident_id: str, body: Move, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    return _changed(console, findings.move(console.store, who, incident_id, body.item_id, body.to_incident_id,
                                           body.reason))


@router.post("/merge", summary="Merge another incident into this one")
def merge(incident_id: str, body: Merge, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    return _changed(console, findings.merge(console.store, who, incident_id, body.other_incident_id, body.reason))


@router.post("/attribution", summary="Attribute the finding to a party, or judge it unattributable")
def attribute(incident_id: str, body: Attribution, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    return _changed(console, findings.attribute(console.store, who, incident_id, body.party, body.reason))


@router.post("/status", summary="Move the finding through the lifecycle (confirmed comes only from sign-off)")
def set_status(incident_id: str, body: StatusChange, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    require(who, Action.review)
    findings.live_incident(console.store, incident_id)
    state = review.set_status(console.store.engine, who, incident_id, body.status, body.reason)
    return {"ok": True, "review": _review(console, incident_id, state)}


@router.post("/signoffs", summary="Sign the finding for your signatory; the last signature confirms it")
def sign(incident_id: str, body: Position, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    require(who, Action.sign)
    findings.live_incident(console.store, incident_id)
    state = review.take_position(console.store.engine, who, console.mission, incident_id, body.signatory,
                                 "signed", body.reasons, review.signers_for(console.store, console.mission,
                                                                            incident_id))
    return {"ok": True, "review": _review(console, incident_id, state)}


@router.post("/dissents", summary="Record your signatory's dissent, with its reasons")
def dissent(incident_id: str, body: Position, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    require(who, Action.sign)
    findings.live_incident(console.store, incident_id)
    state = review.take_position(console.store.engine, who, console.mission, incident_id, body.signatory,
                                 "dissent", body.reasons, review.signers_for(console.store, console.mission,
                                                                             incident_id))
    return {"ok": True, "review": _review(console, incident_id, state)}


@router.post("/responses", status_code=201, summary="A party's response to the finding (party liaisons)")
def respond(incident_id: str, body: Response, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    require(who, Action.file_statement)
    findings.live_incident(console.store, incident_id)
    party = who.party or ""
    made_at = audit.now_iso()

    def write(conn: Connection) -> None:
        conn.execute(w.statements.insert().values(kind="response", incident_id=incident_id, party=party,
                                                  author=who.username, text=body.text, made_at=made_at))
        audit.record(conn, who, "statement.response", incident_id, None, {"party": party, "text": body.text})

    writing(console.store.engine, write)
    return {"ok": True, "kind": "response", "party": party, "made_at": made_at}
