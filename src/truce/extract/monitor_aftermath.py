"""When the impact the monitors saw the aftermath of happened, on a witness's word.

A mission at a scene tells what it saw ("On 13 February, the SMM saw a fresh crater in the
courtyard of a house in Kadiivka and assessed it as caused by a mortar round") and then what people
there told it of the moment ("A resident told the SMM that the round had landed at about 22:00 on
12 February", "Staff said the shells had struck the station at 23:40 on 4 May"). The visit's day
is not the attack's (monitor_tallies drops a carried date of a visit); the witness's day is. So
the attacks of the aftermath sentences before a witness sentence take the day the witness gives,
when it is no later than the day they have. The witness sentence tells no new attack: its own
drafts of the impact, if the rules read any, are the same act and are dropped.

What the monitors saw of an impact tells an attack even when the sentence names no fire ("the
SMM saw shrapnel damage to the roof of a kindergarten in Stanytsia Luhanska", "two fresh impact
sites", "a fresh crater"): one ASSAULT (heavy weapons, no actor, no target party) at the place,
`observation` how "seen" with `aftermath`. A crater the sentence says is old is none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span, Token

from truce.extract.draft import Draft
from truce.extract.lexicon import Sense
from truce.extract.triggers import Trigger
from truce.model import DateRef, PlaceMention

# what a round, a shell or the shelling did when it came down
_IMPACT = frozenset({"land", "hit", "strike", "fall", "explode", "impact", "occur", "happen", "detonate"})
# what a witness does: tells the monitors
_TELL = frozenset({"tell", "say", "report", "state", "explain", "recount", "inform", "add"})


def _told_impact(sent: Span, is_monitor: Callable[[Token], bool]) -> bool:
    """A clause of telling whose teller is not the mission and that tells an impact."""
    for verb in sent:
        if verb.lemma_.lower() not in _TELL or verb.pos_ not in {"VERB", "AUX"}:
            continue
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and is_monitor(subj) and subj.lower_ not in {"it", "they"}:
            continue  # the mission's own telling is no witness
        if any(t.lemma_.lower() in _IMPACT and t.pos_ == "VERB" for t in verb.subtree if t.i != verb.i):
            return True
    return False


def _day_in(sent: Span, offset: int) -> DateRef | None:
    """The one day-precision date phrase the sentence writes, shifted into the report text."""
    found = [d for d in sent.doc._.truce_dates
             if d.span is not None and sent.start_char <= d.span[0] < sent.end_char
             and d.precision == "day" and d.start is not None]
    if len({d.start for d in found}) != 1:
        return None
    d = found[0]
    return replace(d, span=(d.span[0] + offset, d.span[1] + offset)) if d.span else d


def witness_dates(sents: list[Span], per_sentence: list[list[Draft]], offset: int,
                  saw_aftermath: Callable[[Span], bool], is_monitor: Callable[[Token], bool]) -> None:
    """Date the aftermath's attacks by the witness's day (the module docstring says how)."""
    since = 0
    for i, sent in enumerate(sents):
        if i == 0 or not _told_impact(sent, is_monitor):
            continue
        day = _day_in(sent, offset)
        scenes = [j for j in range(since, i) if saw_aftermath(sents[j])]
        since = i + 1
        if day is None or day.start is None or not scenes:
            continue
        dated = False
        for j in scenes:
            for draft in per_sentence[j]:
                if draft.type != "ASSAULT" or draft.aux is not None:
                    continue
                start = draft.date.start if draft.date is not None else None
                if start is not None and start < day.start:
                    continue  # the witness tells a later day than the attack has: another impact
                draft.date = day
                dated = True
                if draft.spans is not None and day.span is not None:
                    draft.spans["date"] = [day.span[0], day.span[1]]
        if dated:
            per_sentence[i][:] = [d for d in per_sentence[i] if d.type != "ASSAULT"]


# what an impact leaves, fresh: "a fresh crater", "impact sites", "shrapnel damage"
_MARKS = frozenset({"crater", "craters"})
_IMPACT_NOUNS = frozenset({"site", "sites", "mark", "marks"})
_DAMAGE = frozenset({"damage", "holes", "hole"})
_BY_FIRE = frozenset({"shrapnel", "shell", "shelling", "fragmentation", "bullet", "blast", "impact"})
_OLD = frozenset({"old", "older", "weathered", "previous", "earlier"})


def _impact_mark(noun: Token) -> bool:
    mods = {c.lower_ for c in noun.children if c.dep_ in {"amod", "compound", "nmod"}}
    if mods & _OLD:
        return False
    lemma = noun.lower_
    if lemma in _MARKS:
        return True
    if lemma in _IMPACT_NOUNS:
        return "impact" in mods
    return lemma in _DAMAGE and bool(mods & _BY_FIRE)


def impacts_seen(sent: Span, verbs: list[tuple[Token, Token | None]], offset: int, places: list[PlaceMention],
                 make: Callable[[list[Trigger]], list[Draft]],
                 observer_place: Callable[[Span, int, list[PlaceMention]], PlaceMention | None]) -> list[Draft]:
    """Attacks the monitors saw the fresh marks of (the module docstring says how)."""
    out: list[Draft] = []
    for verb, _monitor in verbs:
        if verb.lemma_.lower() not in {"see", "observe", "note", "spot", "document"}:
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        marks = [n for o in objects for n in (o, *o.conjuncts) if _impact_mark(n)]
        if not marks or any(c.dep_ == "neg" for c in verb.children):
            continue
        mark = marks[0]
        made = make([Trigger(mark, (Sense("ASSAULT", "heavy-weapons", False),), (mark,), nominal=True)])
        draft = next((d for d in made if d.trigger.i == mark.i), None)
        if draft is None:
            continue
        draft.actor = draft.recipient = None
        if draft.spans is not None:
            draft.spans.pop("actor", None)
            draft.spans.pop("recipient", None)
        draft.mode, draft.status, draft.source = "heavy-weapons", "asserted", None
        draft.location = draft.location or observer_place(sent, offset, places)
        at = draft.date.span if draft.date is not None else None
        if at is not None and not sent.start_char + offset <= at[0] < sent.end_char + offset:
            draft.date = None  # a day carried from the paragraph is the visit's, not the impact's
            if draft.spans is not None:
                draft.spans.pop("date", None)
        draft.observation = {"how": "seen", "aftermath": True, "direction": "undetermined"}
        draft.confidence = max(draft.confidence, 0.6)
        out.append(draft)
    return out
