"""Who a claim's actors are, read with the rest of the report (sentence passes of truce.extract.claims).

- A person named again by surname alone is the one named in full before ("Betancourt" after
  "Freed hostage Íngrid Betancourt"), with that one's country.
- "The army said" pointing back to a rebel group named just before is a state's army.
- Fire a side reports as coming from places of another country ("From positions in Berd, fire
  was opened on our positions", the Azerbaijani ministry said) is that country's, on its word.
- "its forces", "their fighters" doing what a speaker says or denies are the speaker's own.
- An official named by office alone warning what a state will do speaks for that state ("Iran will
  respond if attacked, the foreign minister warned": Iran's minister, Iran's threat).
Each pass makes new actor records (dataclasses.replace): no record is shared.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from truce.extract.assemble import code_actor
from truce.extract.context import ReportContext
from truce.extract.draft import Draft
from truce.model import ActorRef, PlaceMention


def named_before(drafts: list[Draft], ctx: ReportContext) -> None:
    """"Betancourt rejected the idea" after "Freed hostage Íngrid Betancourt arrived": a person
    named again by surname alone is the one named in full before, with that one's country."""
    for d in drafts:
        for key in ("actor", "source", "recipient"):
            ref = getattr(d, key)
            if ref is None or ref.country is not None or not _bare_name(ref.text):
                continue
            surname = ref.text.split()[-1]
            earlier = next((a for _kind, a in reversed(ctx.recent) if a.country is not None
                            and surname in (a.name or a.text).split()), None)
            if earlier is not None:
                setattr(d, key, replace(ref, name=earlier.name, country=earlier.country,
                                        sector=ref.sector or earlier.sector))


# bare state bodies a definite description points back with ("the army said"), and the sectors of
# earlier actors they cannot stand for: "the army" after "the rebels" is a state's army
_STATE_BODIES = {"army": "MIL", "military": "MIL", "government": "GOV", "ministry": "GOV"}
_NOT_STATE = {"REB", "OPP", "CIV", "PTY", "NGO", "IGO", "MED", "BUS", "REL", "EDU", "LAB", "CRM"}


def state_bodies(drafts: list[Draft]) -> None:
    for d in drafts:
        for key in ("actor", "source", "recipient"):
            ref = getattr(d, key)
            sector = _STATE_BODIES.get(ref.text.lower()) if ref is not None else None
            if ref is not None and sector is not None and ref.sector in _NOT_STATE:
                # (the state of the country the group fights in: a de-facto side's de-jure state)
                setattr(d, key, replace(ref, name=None, country=ref.de_jure or ref.country, sector=sector,
                                        de_jure=None))


def named_again(drafts: list[Draft], ctx: ReportContext) -> None:
    """"Russia's defence ministry said ... The ministry also said its artillery had destroyed a
    Ukrainian depot": a bare state body named again points back to the latest body of that name,
    not to whatever the pronoun coder found last (here the depot it hit)."""
    for d in drafts:
        for key in ("source", "actor"):
            ref = getattr(d, key)
            words = ref.text.lower().split() if ref is not None else []
            if ref is None or ref.span is None or not words or words[-1] not in _STATE_BODIES \
                    or len(words) > 2 or (len(words) == 2 and words[0] not in {"the", "this"}):
                continue
            earlier = next((a for _kind, a in reversed(ctx.recent) if a.country is not None and a.span is not None
                            and a.span[1] <= ref.span[0] and len(a.text.split()) > len(words)
                            and words[-1] in a.text.lower().split()), None)
            if earlier is not None and (earlier.country, earlier.name) != (ref.country, ref.name):
                setattr(d, key, replace(ref, name=earlier.name, country=earlier.country,
                                        sector=earlier.sector or ref.sector, de_jure=earlier.de_jure))


_POSSESSIVES = {"its", "their"}


def speakers_own(drafts: list[Draft]) -> None:
    """"Azerbaijan's ministry denied Armenian reports that its forces had violated the ceasefire",
    "the BLA said its fighters attacked a convoy": the doer "its" or "their" names in what a speaker
    says or denies is the speaker's side, not the side named last (the pronoun coder's guess). Who
    was hit stays the coder's: "denied the Lebanese army's claim that Israeli troops fired on its
    soldiers" are the claimant's soldiers."""
    for d in drafts:
        src = d.source
        if d.status not in {"claimed", "denied"} or src is None or src.country is None:
            continue  # (a speaker with no side known tells nothing of whose the pronoun is)
        ref = d.actor
        words = ref.text.split() if ref is not None else []
        if ref is None or len(words) < 2 or words[0].lower() not in _POSSESSIVES:
            continue
        if (ref.country, ref.name) != (src.country, src.name):
            d.actor = replace(ref, name=src.name, country=src.country, de_jure=src.de_jure)


_WILL = {"will", "would", "'ll", "shall"}


def warned_for(sent: Span, drafts: list[Draft], offset: int, ctx: ReportContext) -> None:
    """A threat voiced by an official the text gives no country ("the foreign minister warned")
    about what a named state will do ("Iran will respond", "that Iran would retaliate") is that
    state's: the official speaks for it, whatever side the report's salience lent the office."""
    for d in drafts:
        if d.type != "THREATEN" or d.actor is None or d.actor.span is None or _named_side(sent, d.actor, offset):
            continue
        content = next((c for c in d.trigger.children if c.dep_ == "ccomp" and c.pos_ == "VERB"
                        and any(a.dep_ == "aux" and a.lower_ in _WILL for a in c.children)), None)
        subj = next((c for c in content.children if c.dep_ == "nsubj"), None) if content is not None else None
        if subj is None or subj.ent_type_ != "GPE":
            continue
        state = code_actor(subj, offset, ctx)
        if state is not None and state.country is not None and state.country != d.actor.country:
            d.actor = replace(d.actor, country=state.country, name=None, de_jure=state.de_jure)


def _named_side(sent: Span, ref: ActorRef, offset: int) -> bool:
    """The actor's own words name a country, people or body ("the Iranian foreign minister")."""
    lo, hi = (ref.span[0] - offset, ref.span[1] - offset) if ref.span is not None else (0, 0)
    return any(lo <= t.idx < hi and t.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"} for t in sent)


def _bare_name(text: str) -> bool:
    """One or two capitalised words, nothing else ("Betancourt", "Gen. Flynn" is not bare)."""
    words = text.split()
    return 0 < len(words) <= 2 and all(w[:1].isupper() and w.isalpha() for w in words)


# what a "from" phrase names fire as coming from: "from positions in Berd", "from the direction of X"
_ORIGIN_NOUNS = {"position", "positions", "direction", "side", "territory", "area", "areas"}


def fired_from(sent: Span, drafts: list[Draft], offset: int, places: list[PlaceMention]) -> None:
    """"From positions in Berd, fire was opened on our positions in Tovuz", the Azerbaijani ministry
    said: fire that a side reports as coming from places of another country is that country's
    (its forces), on the side's word; a place of the speaker's own country says nothing."""
    for d in drafts:
        if d.type != "ASSAULT" or d.actor is not None or d.source is None or d.source.country is None:
            continue
        place = _origin_place(sent, d.trigger, offset, places)
        if place is not None and place.country is not None and place.country != d.source.country:
            d.actor = ActorRef(f"forces firing from {place.text}", None, place.country, "MIL", None)


def _origin_place(sent: Span, trig: Token, offset: int, places: list[PlaceMention]) -> PlaceMention | None:
    """The first place of the trigger's "from" phrase ("from (positions in) Berd, Chinari and ...")."""
    root = trig if trig.pos_ in {"VERB", "AUX"} else trig.head
    prep = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None:
        return None
    if obj.lower_ in _ORIGIN_NOUNS:
        inner = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in {"in", "of", "near"}), None)
        obj = next((c for c in inner.children if c.dep_ == "pobj"), None) if inner is not None else None
    if obj is None:
        return None
    lo, hi = obj.left_edge.idx + offset, obj.idx + len(obj.text) + offset
    return next((p for p in places if lo <= p.start < hi and p.country is not None), None)
