"""A party's statement of fire on several of its positions: one claimed event per target place.

Defence ministries list the places fired on in one sentence ("from positions in A, B and C, fire
was opened on our positions in D and E"). The sentence passes (claims.py) already make one event
per target place, but every copy shares the sentence's one trigger, and an event's id is derived
from its sentence and trigger: the copies would share an id, and a store keyed on ids keeps only
one of them. Here, once a report's events are all read, each further copy of an id is told apart
by the place it targets (its location span, or the place's name when no span is known): ids stay
stable for the first copy and unique for the others.
"""

from __future__ import annotations

from truce.model import Event, content_id


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
