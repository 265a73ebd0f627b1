"""Everything the incident page shows, read from the store and the console's tables: the
incident, its verdicts and their history, every source text with its evidence spans, claims and
denials by party, observations, reviewers' decisions, the review state, parties' statements and
the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from sqlalchemy import select

from truce.model import Event, Incident, Report
from truce.store import Store
from truce.store.db import reading
from truce.web import audit, review
from truce.web import tables as w
from truce.web.mission import Mission

MAX_SOURCES = 50  # source texts shown on one page; the rest are listed by id


@dataclass(slots=True)
class Segment:
    """A run of a source text and the evidence marks over it (field names; 'sentence' for context)."""

    text: str
    marks: tuple[str, ...] = ()


def segments(text: str, events: list[Event]) -> list[Segment]:
    """The report's text cut where evidence spans begin or end, each piece with the marks over it."""
    spans: list[tuple[int, int, str]] = []
    for e in events:
        if e.evidence is None:
            continue
        spans.append((e.evidence.start, e.evidence.end, "sentence"))
        spans += [(int(a), int(b), name) for name, (a, b) in e.evidence.spans.items()]
    spans = [(max(0, a), min(len(text), b), name) for a, b, name in spans if a < b]
    cuts = sorted({0, len(text), *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        marks = tuple(sorted({name for s, e, name in spans if s <= a and b <= e}))
        out.append(Segment(text[a:b], marks))
    return out


def claims_by_party(incident: Incident) -> list[dict[str, Any]]:
    """Each speaker's claims beside its denials, for the side-by-side view."""
    parties: dict[str, dict[str, Any]] = {}
    for claim in incident.claims:
        entry = parties.setdefault(claim.party, {"party": claim.party, "claims": [], "denies": []})
        entry[claim.stance].append(claim.to_dict())
    return [parties[p] for p in sorted(parties)]


def statements(store: Store, incident_id: str) -> list[dict[str, Any]]:
    c = w.statements.c
    with reading(store.engine) as conn:
        rows = conn.execute(select(w.statements).where(c.incident_id == incident_id).order_by(c.id)).all()
    return [{"kind": r.kind, "party": r.party, "author": r.author, "text": r.text, "report_id": r.report_id,
             "made_at": r.made_at} for r in rows]


def incident_record(store: Store, incident: Incident, mission: Mission, *, with_audit: bool = True) -> dict[str, Any]:
    """The incident page's content as plain data (the API's incident detail)."""
    events = store.events(ids=incident.event_ids)
    observations = store.observations(ids=incident.observation_ids)
    by_report: dict[str, list[Event]] = {}
    for e in events:
        by_report.setdefault(e.report_id, []).append(e)
    sources = []
    for report_id in incident.report_ids[:MAX_SOURCES]:
        report = store.report(report_id)
        if report is not None:
            sources.append(_source(report, by_report.get(report_id, [])))
    state = review.review_state(store.engine, incident.id)
    return {
        "incident": incident.to_dict(),
        "verdicts": [v.to_dict() for v in store.verdicts(incident_id=incident.id)],
        "verdict_history": [v.to_dict() for v in store.verdicts(history=True, incident_id=incident.id)],
        "events": [e.to_dict() for e in events],
        "observations": [o.to_dict() for o in observations],
        "sources": sources,
        "more_sources": incident.report_ids[MAX_SOURCES:],
        "claims": claims_by_party(incident),
        "decisions": [d.to_dict() for d in store.decisions(incident.id)],
        "review": state.to_dict(review.signers_for(store, mission, incident.id)),
        "statements": statements(store, incident.id),
        "audit": audit.entries(store.engine, target=incident.id, limit=1000) if with_audit else [],
    }


def _source(report: Report, events: list[Event]) -> dict[str, Any]:
    head = {k: v for k, v in report.to_dict().items() if k != "text"}
    return head | {"text": report.text, "outlets": list(report.outlets), "event_ids": [e.id for e in events],
                   "segments": [{"text": s.text, "marks": list(s.marks)} for s in segments(report.text, events)]}
