"""A reaction aimed at an act is aimed at whoever carried the act out.

"The SDF opposed the withdrawal", "Karzai condemned the offensive", "Kyiv rejected the
annexation": the recipient is named by the act it reacts to, and the act was told before, with its
doer ("US troops would be leaving Syria"). Once a report's events are all read, a rejection,
accusation or protest whose recipient is such a noun and names no country takes the nearest
earlier event of the type that noun names, and is aimed at that event's actor (not when the doer
is the reacting side itself).

A denial of a charge told before ("Armenia accused Azerbaijan of shelling Sotk. Baku denied the
charge") denies the act charged: the side accused, on its own word, did not do it.

An act named as what a protest is against ("rallied to protest against Turkish air strikes") is the
protest's grievance, not a new event of the report.
"""

from __future__ import annotations

from dataclasses import replace

from truce.extract.lexicon import load_lexicon
from truce.model import Event, Evidence
from truce.records.common import content_id

_REACTIONS = {"REJECT", "ACCUSE", "PROTEST"}


def aim_at_doers(events: list[Event]) -> None:
    """Recode reactions to an act named before (module docstring)."""
    nouns = load_lexicon().nouns
    for n, event in enumerate(events):
        rec = event.recipient
        if event.type not in _REACTIONS or rec is None or rec.country is not None or not rec.text.split():
            continue
        words = rec.text.lower().split()
        if len(words) > 3 or words[0] not in {"the", "this", "that", "its", "their"}:
            continue  # ("the withdrawal", "the planned offensive"; not a whole description)
        types = {s.type for s in nouns.get(words[-1], ()) if not s.weak}
        critic = event.actor.country if event.actor is not None else None
        doer = next((e.actor for e in reversed(events[:n]) if e.type in types and e.actor is not None
                     and e.actor.country is not None and e.actor.country != critic), None)
        if doer is not None:
            event.recipient = replace(doer, text=rec.text, span=rec.span)


# what a denial's object names when it is a charge told before: "denied the charge", "rejected the
# accusations", "dismissed the claims", "denied it"
_CHARGE_WORDS = {"charge", "charges", "accusation", "accusations", "allegation", "allegations", "claim", "claims",
                 "report", "reports", "it", "this", "that", "them", "these", "those", "which"}
_PRONOUNS = {"it", "this", "that", "them", "these", "those", "which"}


def deny_charges(events: list[Event]) -> None:
    """Add the denial of an act charged before (module docstring): a rejection by a side of a
    charge, with no denied act of its own sentence, denies the latest act of force told before as
    that side's on another's word; the denied act is read in the denial's sentence."""
    lex = load_lexicon()
    n = 0
    while n < len(events):
        rej = events[n]
        act = _charged_act(events, n, lex.denial_verbs)
        if act is not None and rej.actor is not None and rej.evidence is not None:
            spans = {"trigger": list(rej.evidence.spans.get("trigger", []))}
            if "actor" in rej.evidence.spans:
                spans["actor"] = spans["source"] = list(rej.evidence.spans["actor"])
            evidence = Evidence(rej.evidence.sentence, rej.evidence.start, rej.evidence.end, spans)
            denied = replace(act, id=content_id("ev", act.id, "denied", rej.id), status="denied", aux=None,
                             source=replace(rej.actor), evidence=evidence, weapons=list(act.weapons),
                             confidence=min(act.confidence, rej.confidence))
            events.insert(n + 1, denied)
            n += 1
        n += 1


def _charged_act(events: list[Event], n: int, denial_verbs: frozenset[str]) -> Event | None:
    rej = events[n]
    words = rej.recipient.text.lower().split() if rej.recipient is not None else []
    if rej.type != "REJECT" or rej.status != "asserted" or not words or words[-1] not in _CHARGE_WORDS \
            or rej.actor is None or rej.actor.country is None or rej.evidence is None:
        return None
    trigger = rej.evidence.spans.get("trigger") or [0, 0]
    verb = rej.evidence.sentence[trigger[0] - rej.evidence.start:trigger[1] - rej.evidence.start].lower()
    if words[-1] in _PRONOUNS and not any(verb in _forms(lemma) for lemma in denial_verbs):
        return None  # ("refused it", "boycotted them": an offer or talks, no charge denied)
    side = rej.actor.country
    if any(e.type == "ASSAULT" and e.status == "denied" and e.evidence is not None
           and e.evidence.start == rej.evidence.start for e in events):
        return None  # "denied reports that its forces fired": the sentence's own act is denied
    # "Pakistan accuses the Taliban of sheltering X, and the Taliban deny it": the charge denied is
    # the one its own sentence tells, not an act of force told before
    here = any(e.type == "ACCUSE" and e.evidence is not None and e.evidence.start == rej.evidence.start
               and e.recipient is not None and e.recipient.country == side for e in events[:n])
    for e in reversed(events[:n]):
        if e.type == "ASSAULT" and e.status == "claimed" and e.aux is None and e.actor is not None \
                and e.actor.country == side and e.source is not None and e.source.country not in {None, side} \
                and (not here or (e.evidence is not None and e.evidence.start == rej.evidence.start)):
            return e
    return None


def _forms(lemma: str) -> set[str]:
    """The written forms of a regular verb ("deny": denies, denied, denying)."""
    stem = lemma[:-1] if lemma.endswith(("e", "y")) else lemma
    if lemma.endswith("y"):
        return {lemma, stem + "ies", stem + "ied", lemma + "ing"}
    return {lemma, lemma + "s", stem + "ed", stem + "ing"}


def drop_protested_acts(events: list[Event]) -> None:
    """Leave out acts of force read inside what a protest is against (module docstring): the
    ASSAULT whose trigger lies in the span of a PROTEST's recipient in the same sentence."""
    grievances = [(e.evidence.start, span) for e in events if e.type == "PROTEST" and e.evidence is not None
                  for span in [e.evidence.spans.get("recipient")] if span]
    if not grievances:
        return
    events[:] = [e for e in events if not (e.type == "ASSAULT" and e.evidence is not None and any(
        start == e.evidence.start and span[0] <= (e.evidence.spans.get("trigger") or [-1])[0] < span[1]
        for start, span in grievances))]
