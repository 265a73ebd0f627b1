"""Who did it, in the agreement's terms: actor codings and names → an agreement party.

Extraction codes actors by country and sector (`AZE`/`MIL`, `AZE`/`REB`, ...) and keeps the words
used ("the ethnic Armenian separatists"). A party may be recognised by its aliases in those words,
by an extra coding (`codings`), or by its country; the most specific evidence wins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from unidecode import unidecode

from truce.agreements.schema import Agreement, Party
from truce.model import ActorRef, Event, Incident, Observation, Report


@dataclass(slots=True)
class AdjudicationContext:
    """The members of incidents, when at hand: lets adjudication read actors' sectors and words
    (to tell a separatist force from the state it fights) and which statements each event is."""

    events: Mapping[str, Event] = field(default_factory=dict)
    observations: Mapping[str, Observation] = field(default_factory=dict)
    reports: Mapping[str, Report] = field(default_factory=dict)

    @classmethod
    def of(cls, events: list[Event] = (), observations: list[Observation] = (),  # type: ignore[assignment]
           reports: Mapping[str, Report] | None = None) -> AdjudicationContext:
        """A context from lists of events and observations and a mapping of reports."""
        return cls({e.id: e for e in events}, {o.id: o for o in observations}, dict(reports or {}))


def _words(text: str | None) -> str:
    return " " + re.sub(r"[^a-z0-9]+", " ", unidecode(text or "").lower()).strip() + " "


def party_by_country(agreement: Agreement, country: str | None) -> Party | None:
    """The party whose own country is `country` (a bare country code cannot tell more)."""
    if not country:
        return None
    return next((p for p in agreement.parties if p.country == country or p.id == country), None)


def party_of_actor(agreement: Agreement, actor: ActorRef | None, *, by_country: bool = True) -> Party | None:
    """The party an extracted actor stands for, or None when it is none of them (or unknown).
    `by_country=False` accepts only the party's own words (alias, name) or a coding with a sector:
    a bare country code cannot tell a government from the authorities of a place it does not hold."""
    if actor is None:
        return None
    said = _words(actor.text) + _words(actor.name)
    for party in agreement.parties:
        if any(_words(alias) in said for alias in (*party.aliases, party.name)):
            return party
    if actor.sector:
        for party in agreement.parties:
            if any(c.country == actor.country and c.sector == actor.sector for c in party.codings):
                return party
    if not by_country:
        return None
    found = party_by_country(agreement, actor.country)
    if found is not None:
        return found
    return next((p for p in agreement.parties if any(c.country == actor.country and c.sector is None
                                                     for c in p.codings)), None)


def party_of_speaker(agreement: Agreement, speaker: str | None) -> Party | None:
    """The party a claim's speaker (ISO3 or name) stands for."""
    if not speaker:
        return None
    found = party_by_country(agreement, speaker)
    if found is not None:
        return found
    said = _words(speaker)
    return next((p for p in agreement.parties if any(_words(a) in said for a in (*p.aliases, p.name))), None)


@dataclass(slots=True)
class Attribution:
    """The party an incident is attributed to and on what basis."""

    party: Party | None
    basis: str  # "reported", "admitted", "accused", "none"
    actor_known: bool  # an actor was named, whether or not it is a party
    claimants: list[str]  # party ids (or speakers) that say it happened
    deniers: list[str]
    admitted_by: list[str]
    # Independent sources that speak for no side (news that states the act, monitors), or None
    # when the reports are not at hand to tell them from the parties' own statements.
    witnesses: int | None = None


# How much one statement weighs when naming who acted: a side owning up to its own act weighs
# most; a reporter's statement and one side's accusation of the other weigh alike.
ADMISSION_WEIGHT = 1.5
_OWN_CLAIM = "claims"


def _speaker(agreement: Agreement, claim_party: str, event: Event | None, report: Report | None) -> Party | None:
    """The party a statement speaks for: its speaker's words and coding, else the report's own
    source when the report is a party's statement (a press release)."""
    found = party_of_actor(agreement, event.source) if event is not None and event.source is not None else None
    if found is None:
        found = party_of_speaker(agreement, claim_party) if claim_party != "unknown" else None
    if found is None and report is not None and report.kind == "allegation":
        found = party_of_speaker(agreement, report.source_name)
    return found


def _speaks_as(agreement: Agreement, party: Party, claim_party: str, event: Event | None,
               report: Report | None) -> bool:
    """Whether a statement is `party`'s own by its speaker's words or sector, or its own release."""
    if event is not None and event.source is not None:
        found = party_of_actor(agreement, event.source, by_country=False)
        if found is not None:
            return found.id == party.id
    said = _words(claim_party)
    if any(_words(a) in said for a in (*party.aliases, party.name)):
        return True
    return report is not None and report.kind == "allegation" and party_of_speaker(
        agreement, report.source_name) is party


@dataclass(slots=True)
class _Statements:
    """What an incident's claims and denials say: who speaks, who is named, and the votes they cast.
    A vote is (report id, party id, weight, basis) for one statement naming a party as the actor."""

    claimants: list[str] = field(default_factory=list)
    deniers: list[str] = field(default_factory=list)
    admitted: list[str] = field(default_factory=list)
    accused: list[str] = field(default_factory=list)
    votes: list[tuple[str, str, float, str]] = field(default_factory=list)
    stated: set[str] = field(default_factory=set)  # event ids of the claims and denials


def _claim_votes(incident: Incident, agreement: Agreement, events: Mapping[str, Event],
                 reports: Mapping[str, Report]) -> _Statements:
    """The votes of the claims (a claim by A that B fired counts against B; owning up counts more)
    and the record of who claimed, denied and admitted."""
    out = _Statements()
    for claim in incident.claims:
        out.stated.add(claim.event_id)
        event = events.get(claim.event_id)
        report = reports.get(event.report_id) if event is not None else None
        speaker = _speaker(agreement, claim.party, event, report)
        label = speaker.id if speaker else claim.party
        target = (party_of_actor(agreement, event.actor) if event is not None else None) or party_by_country(
            agreement, claim.accused)
        if claim.stance != _OWN_CLAIM:
            out.deniers.append(label)
            continue
        out.claimants.append(label)
        rid = event.report_id if event is not None else claim.event_id
        weight = event.confidence if event is not None else 1.0
        # An admission needs the party itself speaking (its words or its sector coding), never
        # a country code that merely matches: officials of a de-facto authority are not the state.
        if target is not None and speaker is not None and target.id == speaker.id and _speaks_as(
                agreement, speaker, claim.party, event, report):
            out.admitted.append(label)
            out.votes.append((rid, target.id, ADMISSION_WEIGHT * weight, "admitted"))
        elif target is not None:
            out.accused.append(target.id)
            out.votes.append((rid, target.id, weight, "accused"))
    out.claimants, out.deniers, out.admitted = (sorted(set(x)) for x in (out.claimants, out.deniers, out.admitted))
    return out


def _reported_votes(incident: Incident, agreement: Agreement, events: Mapping[str, Event],
                    reports: Mapping[str, Report], said: _Statements) -> tuple[bool, set[str]]:
    """Add the votes of the events stated as fact (the actor they report); return whether any
    names an actor, and the reports that state the act in their own voice."""
    actor_known = incident.actor_country is not None
    asserting: set[str] = set()
    for eid in incident.event_ids:
        event = events.get(eid)
        if event is None or eid in said.stated or event.status != "asserted":
            continue
        report = reports.get(event.report_id)
        if report is not None and report.kind != "allegation":
            asserting.add(event.report_id)
        if event.actor is not None:
            actor_known = True
            party = party_of_actor(agreement, event.actor)
            if party is not None:
                said.votes.append((event.report_id, party.id, event.confidence, "reported"))
    return actor_known, asserting


def _per_origin(incident: Incident, reports: Mapping[str, Report], asserting: set[str],
                votes: list[tuple[str, str, float, str]]) -> tuple[int, list[tuple[str, str, float, str]]]:
    """The witnesses (independent sources that state the act or observed it) and one vote per
    independent source, its most confident statement; origins are fusion's, stored on the incident."""
    known = [r for r in incident.report_ids if r in reports]
    # Fusion's independent origins, stored on the incident (a report it has none for is its own).
    mapping = {r: incident.origins.get(r, r) for r in known}
    silent = {mapping[r] for r in known} - {mapping[r] for r in known if r in asserting
                                            or reports[r].kind in ("field", "sensor")}
    witnesses = max(0, incident.independent_sources - len(silent))
    best: dict[str, tuple[float, str, str]] = {}
    for rid, pid, weight, basis in votes:
        origin = mapping.get(rid, rid)
        if origin not in best or (weight, pid) > best[origin][:2]:
            best[origin] = (weight, pid, basis)
    return witnesses, [(o, pid, w, b) for o, (w, pid, b) in best.items()]


def _winner(votes: list[tuple[str, str, float, str]]) -> tuple[str, str]:
    """The party with the most weight (ties: the lower party id) and the basis of its votes."""
    tally: dict[str, float] = {}
    for _, pid, weight, _ in votes:
        tally[pid] = tally.get(pid, 0.0) + weight
    winner = min(tally, key=lambda pid: (-round(tally[pid], 6), pid))
    bases = {b for _, pid, _, b in votes if pid == winner}
    return winner, next(b for b in ("reported", "admitted", "accused") if b in bases)


def attribute(incident: Incident, agreement: Agreement, ctx: AdjudicationContext | None) -> Attribution:
    """Attribute an incident by weighing who each independent source says acted.

    Every independent source (a wire story and its reprints are one) casts one vote, for the
    party its most confident statement names: the actor of an act it reports, the party a claim
    accuses (a claim by A that B fired counts against B), or the claimant's own side when it owns
    up (weighing more). Denials name no actor: they are recorded, never counted against the
    denier. The party with the most weight wins (ties: the lower party id). Without the events at
    hand, the incident's own actor coding and the claims' `accused` fields are used.
    """
    events = ctx.events if ctx is not None else {}
    reports = ctx.reports if ctx is not None else {}
    said = _claim_votes(incident, agreement, events, reports)
    actor_known, asserting = _reported_votes(incident, agreement, events, reports, said)
    votes = said.votes
    witnesses = None
    if ctx is not None and reports:
        witnesses, votes = _per_origin(incident, reports, asserting, votes)
    elif ctx is None and incident.actor_country is not None:
        party = party_by_country(agreement, incident.actor_country)
        if party is not None:
            votes.append(("", party.id, 1.0, "reported"))
    if votes:
        winner, basis = _winner(votes)
        return Attribution(agreement.party(winner), basis, True, said.claimants, said.deniers, said.admitted,
                           witnesses)
    return Attribution(None, "none", actor_known and not said.accused, said.claimants, said.deniers, said.admitted,
                       witnesses)
