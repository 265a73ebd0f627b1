"""An attack named again: "the bombing", "the attacks", "claimed responsibility".

A report tells its incident once in full and then refers back to it: "a suicide bomber attacked the
base last week ... The bombing at the base killed seven", "oil facilities were hit by drone strikes
yesterday ... the attacks struck the plant at Abqaiq", "The group has claimed responsibility". The
sentence that refers back often lacks what the first one said: how the attack was made (the
bombing was a suicide attack, the attacks were drone strikes) and when. Once a report's events are
all read, an attack named by a definite description ("the/this/these ... attack") or claimed as
someone's responsibility takes from the nearest earlier attack that happened and agrees with it
in time
- the way it was made, when it names none or only the wider kind of it (a bombing that was a
  suicide attack, an air strike made by a drone);
- the date, when it has none of its own.
An attack on a person named before as the victim of a dated attack is that attack too
(`same_victim`): it takes the date and place it lacks.
"""

from __future__ import annotations

import re
from dataclasses import replace

from truce.extract import crosswalk
from truce.model import AcledTypes, Event

_NOT_HAPPENED = {"negation", "future", "hypothetical", "historical"}
# the wider kind a more specific mode belongs to
_WIDER = {"suicide-attack": "explosives", "drone": "aerial"}
_DEFINITE = re.compile(r"(?i)\b(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}$")
_ATTACK_NOUNS = {"attack", "attacks", "bombing", "bombings", "strike", "strikes", "airstrike", "airstrikes",
                 "raid", "raids", "blast", "blasts", "explosion", "explosions", "assault", "shelling"}
_CLAIMED = re.compile(r"(?i)\b(?:claim(?:ed|s)?|took|take[sn]?|accept(?:ed|s)?)\s+responsibility\b")


def _happened(event: Event) -> bool:
    return event.type == "ASSAULT" and event.status != "denied" and event.aux not in _NOT_HAPPENED


def _refers_back(event: Event) -> bool:
    """The event's trigger (or the attack its verb makes the subject: "the bombing killed seven")
    is a definite description, or its sentence claims responsibility."""
    ev = event.evidence
    if ev is None or not ev.spans:
        return False
    if _CLAIMED.search(ev.sentence):
        return True
    at = ev.spans.get("trigger")
    if at and _DEFINITE.search(ev.sentence[:max(0, int(at[0]) - ev.start)]):
        return True
    words = event.actor.text.lower().split() if event.actor is not None else []
    return len(words) > 1 and words[-1] in _ATTACK_NOUNS and _DEFINITE.search(" ".join(words[:-1]) + " ") is not None


def _agree_in_time(event: Event, earlier: Event) -> bool:
    """Both undated on one side, or their periods overlap."""
    a, b = event.date, earlier.date
    if a is None or b is None or a.start is None or b.start is None:
        return True
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def _narrower(mode: str | None, other: str | None) -> bool:
    """`other` says more about how the attack was made than `mode`."""
    return other is not None and (mode is None or _WIDER.get(other) == mode)


def _victim_name(event: Event) -> str | None:
    """The victim's proper name, when the attack names one person ("Shakir was shot dead")."""
    text = event.recipient.text.strip() if event.recipient is not None else ""
    words = text.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or event.recipient is None:
        return None
    return text if event.recipient.country is None or len(words) > 1 else None


def same_victim(events: list[Event]) -> None:
    """An attack on a person the report named before as the victim of a dated attack ("the killing
    of a journalist, Munir Shakir, in Quetta on August 14 ... Shakir was shot dead") is that
    attack: it takes its date and place when it has none of its own."""
    for n, event in enumerate(events):
        name = _victim_name(event) if _happened(event) else None
        if name is None or (event.date is not None and event.location is not None):
            continue
        pattern = re.compile(rf"\b{re.escape(name)}\b")
        here = event.evidence.start if event.evidence is not None else None
        named = [e for e in events[:n] if _happened(e) and e.evidence is not None and e.evidence.start != here
                 and e.date is not None and pattern.search(e.evidence.sentence) and _one_kind(e.mode, event.mode)]
        if not named:
            continue
        last = [e for e in named if e.evidence is not None and e.evidence.start == named[-1].evidence.start]  # type: ignore[union-attr]
        earlier = min(last, key=lambda e: _distance(e, pattern))
        if earlier.date is None:
            continue
        if event.date is None:
            event.date = replace(earlier.date, span=None)
        if event.location is None and earlier.location is not None:
            event.location = replace(earlier.location, span=None)


def _one_kind(a: str | None, b: str | None) -> bool:
    """Modes that can name one act: equal, one unknown, or one the wider kind of the other (an
    abduction and a shooting of the same person are two acts)."""
    return a is None or b is None or a == b or _WIDER.get(a) == b or _WIDER.get(b) == a


def _distance(event: Event, name: re.Pattern[str]) -> int:
    """How far the victim's name stands after the event's trigger in its sentence (the act a name
    follows is the one it belongs to: "the killing of X in A, and the abduction of Y in B")."""
    ev = event.evidence
    at = ev.spans.get("trigger") if ev is not None and ev.spans else None
    found = name.search(ev.sentence) if ev is not None else None
    if ev is None or not at or found is None:
        return 10_000
    gap = found.start() - (int(at[0]) - ev.start)
    return gap if gap >= 0 else 10_000 - gap


def refer_back(events: list[Event]) -> None:
    """Complete the mode and date of attacks that name an earlier one again (module docstring)."""
    same_victim(events)
    for n, event in enumerate(events):
        if not _happened(event) or not _refers_back(event):
            continue
        earlier = [e for e in events[:n] if _happened(e) and _agree_in_time(event, e)
                   and (e.evidence is None or event.evidence is None or e.evidence.start != event.evidence.start)]
        moded = next((e for e in reversed(earlier) if _narrower(event.mode, e.mode)), None)
        if moded is not None:
            _take_mode(event, moded.mode)
        dated_ones = [e for e in earlier if e.date is not None and e.date.start is not None]
        # "the airstrike" names an airstrike again: one made the same way first, else the nearest
        dated = next((e for e in reversed(dated_ones) if event.mode is not None and e.mode == event.mode),
                     dated_ones[-1] if dated_ones else None)
        if event.date is None and dated is not None and dated.date is not None:
            event.date = replace(dated.date, span=None)


def _take_mode(event: Event, mode: str | None) -> None:
    event.mode = mode
    actor = event.actor.sector if event.actor is not None else None
    recipient = event.recipient.sector if event.recipient is not None else None
    event.acled = AcledTypes.from_dict(crosswalk.acled(event.type, mode, actor, recipient, list(event.weapons)))
