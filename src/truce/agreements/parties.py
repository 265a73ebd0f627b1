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


def party_of_actor(agreement: Agreement, actor: ActorRef | None) -> Party | None:
    """The party an extracted actor stands for, or None when it is none of them (or unknown)."""
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


def attribute(incident: Incident, agreement: Agreement, ctx: AdjudicationContext | None) -> Attribution:
    """Attribute an incident: the actor named by reporters (or by the context's events), else an
    admission, else the one party accused by the others' claims; otherwise no one."""
    claim_ids = {c.event_id for c in incident.claims}
    claimants: list[str] = []
    deniers: list[str] = []
    admitted: list[str] = []
    accused: list[str] = []
    for claim in incident.claims:
        speaker = party_of_speaker(agreement, claim.party)
        label = speaker.id if speaker else claim.party
        target = party_by_country(agreement, claim.accused)
        if ctx is not None and claim.event_id in ctx.events:
            target = party_of_actor(agreement, ctx.events[claim.event_id].actor) or target
        if claim.stance == "denies":
            deniers.append(label)
            continue
        claimants.append(label)
        if target is not None and speaker is not None and target.id == speaker.id:
            admitted.append(label)
        elif target is not None:
            accused.append(target.id)
    claimants, deniers, admitted = (sorted(set(x)) for x in (claimants, deniers, admitted))

    reported: list[Party] = []
    actor_known = incident.actor_country is not None
    if ctx is not None:
        for eid in incident.event_ids:
            event = ctx.events.get(eid)
            if event is not None and eid not in claim_ids and event.actor is not None:
                actor_known = True
                party = party_of_actor(agreement, event.actor)
                if party is not None:
                    reported.append(party)
    if reported:
        votes = {p.id: sum(1 for q in reported if q.id == p.id) for p in reported}
        best = min(votes, key=lambda pid: (-votes[pid], pid))
        return Attribution(agreement.party(best), "reported", True, claimants, deniers, admitted)
    if admitted:
        return Attribution(agreement.party(admitted[0]), "admitted", True, claimants, deniers, admitted)
    if ctx is None and incident.actor_country is not None:
        party = party_by_country(agreement, incident.actor_country)
        return Attribution(party, "reported" if party else "none", True, claimants, deniers, admitted)
    if len(set(accused)) == 1:
        return Attribution(agreement.party(accused[0]), "accused", True, claimants, deniers, admitted)
    return Attribution(None, "none", actor_known and not accused, claimants, deniers, admitted)
