"""A party's statement of fire on several of its positions: one claimed event per target place.

Defence ministries list the places fired on in one sentence ("from positions in A, B and C, fire
was opened on our positions in D and E"). The sentence passes (claims.py) already make one event
per target place, but every copy shares the sentence's one trigger, and an event's id is derived
from its sentence and trigger: the copies would share an id, and a store keyed on ids keeps only
one of them. Here, once a report's events are all read, each further copy of an id is told apart
by the place it targets (its location span, or the place's name when no span is known): ids stay
stable for the first copy and unique for the others.

`speaker_sides` reads such a statement's sides once the whole report is known: fire on "our
positions" is the speaker's claim about its own side, so
- the speaker is the source: the sentence's own, else the party the report's other first-person
  claims are voiced by (a press release names its ministry once, then says "our positions"),
  else the one party voicing the report's other claims;
- the claim is `claimed`, its recipient the speaker's side (and every per-place copy has it);
- an unnamed attacker ("fire was opened", "the enemy") is the other side: the one country other
  than the speaker's that the report's attacks name as attacker, when there is exactly one.
"""

from __future__ import annotations

from dataclasses import replace

from truce.model import ActorRef, Event, content_id

_FIRST_PERSON = frozenset({"our", "we", "us", "ours"})
# who the speaker means by the other side when it does not name it
_FOE_WORDS = frozenset({"enemy", "enemies", "occupier", "occupiers", "aggressor", "aggressors", "adversary",
                        "opponent", "formations", "side"})
_NOT_HAPPENED = {"negation", "future", "hypothetical"}


def _target_key(event: Event) -> str:
    """What tells a copy apart from its twins: where it was fired on."""
    spans = event.evidence.spans if event.evidence is not None and event.evidence.spans else {}
    at = spans.get("location")
    if at:
        return f"{at[0]}-{at[1]}"
    return event.location.name if event.location is not None and event.location.name else ""


def distinct_target_ids(events: list[Event]) -> None:
    """Give every further copy of an event id (the same sentence and trigger, another target
    place) an id of its own, derived from the first id and that copy's target place."""
    seen: set[str] = set()
    for event in events:
        if event.id not in seen:
            seen.add(event.id)
            continue
        base, n = event.id, 0
        new = content_id("ev", base, _target_key(event))
        while new in seen:  # two copies naming the same place (never expected): still unique
            n += 1
            new = content_id("ev", base, _target_key(event), str(n))
        event.id = new
        seen.add(new)


def _own_side_target(event: Event) -> bool:
    words = event.recipient.text.lower().split() if event.recipient is not None else []
    return event.type == "ASSAULT" and bool(words) and words[0] in _FIRST_PERSON


def _twin_key(event: Event) -> tuple[int, str] | None:
    """Events copied from one sentence's one trigger (one per target place) share this."""
    ev = event.evidence
    if ev is None or not ev.spans or not ev.spans.get("trigger"):
        return None
    return ev.start, str(ev.spans["trigger"][0])


def _unnamed(actor: ActorRef | None) -> bool:
    if actor is None:
        return True
    words = actor.text.lower().split()
    return actor.country is None and bool(words) and words[-1] in _FOE_WORDS


def speaker_sides(events: list[Event]) -> None:
    """Source, status, recipient and attacker of a party's claims of fire on its own positions
    (the module docstring says how)."""
    # per-place copies of one claim carry its recipient: "our positions in D and E" is the same side
    first: dict[tuple[int, str], Event] = {}
    for event in events:
        key = _twin_key(event)
        if key is None:
            continue
        if key not in first:
            first[key] = event
        elif event.recipient is None and _own_side_target(first[key]):
            event.recipient = first[key].recipient
    claims = [e for e in events if _own_side_target(e) and e.aux not in _NOT_HAPPENED and e.status != "denied"]
    voiced = [e for e in claims if e.source is not None and e.source.country]
    if not voiced:
        # "The Ministry of Defence reports that the enemy violated the ceasefire 18 times. Our
        # positions were fired upon ...": the report's one voice of its other claims speaks here too
        voiced = [e for e in events if e.status == "claimed" and e.source is not None and e.source.country
                  and e.aux not in _NOT_HAPPENED]
    speakers = {e.source.country for e in voiced if e.source is not None}
    for event in claims:
        if event.source is None or not event.source.country:
            if len(speakers) != 1:
                continue  # no speaker, or two parties speaking: whose positions is unknown
            event.source = replace(next(e.source for e in voiced if e.source is not None), span=None)
        speaker = event.source.country
        event.status = "claimed"
        if event.recipient is not None and not event.recipient.country:
            event.recipient = replace(event.recipient, country=speaker,
                                      sector=event.recipient.sector or "MIL")
        if _unnamed(event.actor):
            foe = _other_side(events, speaker)
            if foe is not None:
                text = event.actor.text if event.actor is not None else foe.text
                event.actor = replace(foe, text=text, span=event.actor.span if event.actor is not None else None)
                if event.evidence is not None and event.actor.span is None:
                    event.evidence.spans.pop("actor", None)


def _other_side(events: list[Event], speaker: str | None) -> ActorRef | None:
    """The one attacking side other than `speaker`'s the report names; None when none or several."""
    sides = [e.actor for e in events if e.type == "ASSAULT" and e.actor is not None and e.actor.country
             and e.actor.country != speaker and e.status != "denied" and e.aux not in _NOT_HAPPENED]
    countries = {a.country for a in sides}
    if len(countries) != 1:
        return None
    return sides[0]
