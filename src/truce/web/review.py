"""The review lifecycle and joint sign-off.

Status: alleged → under_investigation → confirmed | unconfirmed | rejected (an incident the
machine made and nobody has touched is `alleged`). Attribution, beside it: attributed (to a
party) | unattributable. A finding is confirmed only when an officer of every signatory of the
mission has signed it in the current round; a signatory may record dissent (author, reasons)
instead. When the finding changes — a field corrected, an item moved, a new attribution — the
round starts again: earlier signatures no longer count (they stay in the record), and a confirmed
finding goes back under investigation. Each function here changes the console's tables and writes
its one audit entry in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from truce.errors import TruceError
from truce.store.db import reading, writing
from truce.web import audit
from truce.web import tables as w
from truce.web.mission import Mission
from truce.web.roles import Action, Principal, require, require_signing_for

STATUSES = ("alleged", "under_investigation", "confirmed", "unconfirmed", "rejected")
ATTRIBUTIONS = ("attributed", "unattributable")
PUBLISHED = ("confirmed",)
# Moves a reviewer may make by hand; `confirmed` comes only from the last signature.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "alleged": ("under_investigation", "rejected"),
    "under_investigation": ("unconfirmed", "rejected"),
    "unconfirmed": ("under_investigation",),
    "rejected": ("under_investigation",),
    "confirmed": ("under_investigation",),
}


class ReviewError(TruceError):
    """A review action that the lifecycle does not allow now (409)."""


@dataclass(slots=True)
class ReviewState:
    incident_id: str
    status: str = "alleged"
    attribution: str | None = None
    attributed_to: str | None = None
    round: int = 1
    signed: dict[str, dict[str, Any]] = field(default_factory=dict)  # signatory -> position (current round)
    dissent: dict[str, dict[str, Any]] = field(default_factory=dict)  # signatory -> position (current round)
    positions: list[dict[str, Any]] = field(default_factory=list)  # every round, in order

    def summary(self) -> dict[str, Any]:
        return {"status": self.status, "attribution": self.attribution, "attributed_to": self.attributed_to,
                "round": self.round, "signed": sorted(self.signed), "dissent": sorted(self.dissent)}

    def to_dict(self, signers: tuple[str, ...] | None = None) -> dict[str, Any]:
        out = self.summary() | {"incident_id": self.incident_id, "positions": self.positions}
        if signers is not None:
            out["signers"] = list(signers)
            out["awaiting"] = [s for s in signers if s not in self.signed]
        return out


def signers_for(store: Any, mission: Mission, incident_id: str) -> tuple[str, ...]:
    """Who must sign this finding: the mission's signatories (for the default mission, the parties
    of the agreements it falls under, and the mission)."""
    agreements = [v.agreement_id for v in store.verdicts(incident_id=incident_id) if v.verdict != "out_of_scope"]
    return mission.signers(agreements)


def _state(conn: Connection, incident_id: str) -> ReviewState:
    row = conn.execute(select(w.review_status).where(w.review_status.c.incident_id == incident_id)).first()
    state = ReviewState(incident_id)
    if row is not None:
        state = ReviewState(incident_id, row.status, row.attribution, row.attributed_to, row.round)
    p = w.positions.c
    for r in conn.execute(select(w.positions).where(p.incident_id == incident_id).order_by(p.id)):
        position = {"round": r.round, "signatory": r.signatory, "stance": r.stance, "author": r.author,
                    "reasons": r.reasons, "made_at": r.made_at}
        state.positions.append(position)
        if r.round == state.round:
            # The latest position of a signatory in this round is the one that counts.
            (state.signed if r.stance == "signed" else state.dissent)[r.signatory] = position
            (state.dissent if r.stance == "signed" else state.signed).pop(r.signatory, None)
    return state


def review_state(engine: Engine, incident_id: str) -> ReviewState:
    with reading(engine) as conn:
        return _state(conn, incident_id)


def statuses(engine: Engine, incident_ids: list[str]) -> dict[str, str]:
    """incident id -> review status, for a page of incidents (absent: alleged)."""
    out: dict[str, str] = {}
    with reading(engine) as conn:
        for i in range(0, len(incident_ids), 500):
            part = incident_ids[i:i + 500]
            for r in conn.execute(select(w.review_status.c.incident_id, w.review_status.c.status)
                                  .where(w.review_status.c.incident_id.in_(part))):
                out[r.incident_id] = r.status
    return out


def _save(conn: Connection, state: ReviewState, who: Principal) -> None:
    values = {"status": state.status, "attribution": state.attribution, "attributed_to": state.attributed_to,
              "round": state.round, "updated": audit.now_iso(), "updated_by": who.username}
    moved = conn.execute(update(w.review_status).where(w.review_status.c.incident_id == state.incident_id)
                         .values(**values)).rowcount
    if not moved:
        conn.execute(w.review_status.insert().values(incident_id=state.incident_id, **values))


def set_status(engine: Engine, who: Principal, incident_id: str, status: str, reason: str) -> ReviewState:
    """Move a finding through the lifecycle by hand (never to `confirmed`: that takes every signature)."""
    require(who, Action.review)
    if status not in STATUSES:
        raise TruceError("E630", f"review status '{status}' is unknown", where="status",
                         hint=f"use one of {', '.join(s for s in STATUSES if s != 'confirmed')}")

    def write(conn: Connection) -> ReviewState:
        state = _state(conn, incident_id)
        before = state.summary()
        if status == "confirmed":
            raise ReviewError("E631", "a finding is confirmed only when every signatory has signed it",
                              hint="ask each signatory's officer to sign (POST .../signoffs)", where=incident_id)
        if status not in TRANSITIONS[state.status]:
            raise ReviewError("E632", f"a finding cannot go from {state.status} to {status}", where=incident_id,
                              hint=f"from {state.status} it may go to {', '.join(TRANSITIONS[state.status])}")
        if status == "under_investigation" and state.status != "alleged":
            state.round += 1  # a reopened finding is signed afresh
        state.status = status
        _save(conn, state, who)
        audit.record(conn, who, "review.status", incident_id, before, state.summary() | {"reason": reason})
        return _state(conn, incident_id)

    return writing(engine, write)


def take_position(engine: Engine, who: Principal, mission: Mission, incident_id: str, signatory: str,
                  stance: str, reasons: str, signers: tuple[str, ...] | None = None) -> ReviewState:
    """A signatory signs the finding, or records dissent; the last of `signers` (default: every
    signatory of the mission) to sign confirms it."""
    signers = signers or mission.signatory_ids
    require_signing_for(who, signatory, mission)
    if signatory not in signers:
        raise ReviewError("E635", f"{signatory} does not sign this finding", where=incident_id,
                          hint=f"its signatories are {', '.join(signers)}")
    if stance == "dissent" and not reasons.strip():
        raise TruceError("E634", "dissent needs its reasons", hint="say why the finding is not accepted",
                         where="reasons")

    def write(conn: Connection) -> ReviewState:
        state = _state(conn, incident_id)
        before = state.summary()
        if state.status != "under_investigation":
            raise ReviewError("E633", f"only a finding under investigation can be signed or disputed; this one is "
                              f"{state.status}", where=incident_id,
                              hint="an analyst opens the investigation first (status under_investigation)")
        conn.execute(w.positions.insert().values(
            incident_id=incident_id, round=state.round, signatory=signatory, stance=stance, author=who.username,
            reasons=reasons, made_at=audit.now_iso()))
        after = _state(conn, incident_id)
        if all(s in after.signed for s in signers):
            after.status = "confirmed"
        _save(conn, after, who)
        action = "review.sign" if stance == "signed" else "review.dissent"
        audit.record(conn, who, action, incident_id, before,
                     after.summary() | {"signatory": signatory, "reasons": reasons})
        return after

    return writing(engine, write)


def finding_changed(conn: Connection, who: Principal, incident_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A correction, move or attribution changed the finding: signatures start again. Returns the
    review state (before, after) for the caller's audit entry."""
    state = _state(conn, incident_id)
    before = state.summary()
    if state.status in ("under_investigation", "confirmed") and (state.signed or state.dissent):
        state.round += 1
        state.status = "under_investigation"
        _save(conn, state, who)
        state = _state(conn, incident_id)
    return before, state.summary()


def set_attribution(conn: Connection, who: Principal, incident_id: str, party: str | None) -> None:
    """Record attributed (to `party`) or unattributable (`party` None) in the review row."""
    state = _state(conn, incident_id)
    state.attribution = "attributed" if party else "unattributable"
    state.attributed_to = party
    _save(conn, state, who)
