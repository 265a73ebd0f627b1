"""A reaction aimed at an act is aimed at whoever carried the act out.

"The SDF opposed the withdrawal", "Karzai condemned the offensive", "Kyiv rejected the
annexation": the recipient is named by the act it reacts to, and the act was told before, with its
doer ("US troops would be leaving Syria"). Once a report's events are all read, a rejection,
accusation or protest whose recipient is such a noun and names no country takes the nearest
earlier event of the type that noun names, and is aimed at that event's actor (not when the doer
is the reacting side itself).
"""

from __future__ import annotations

from dataclasses import replace

from truce.extract.lexicon import load_lexicon
from truce.model import Event

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
