"""Each attack's own count when one sentence tells several ("43 militants killed in raids, 2
soldiers die in roadside blast"; "airstrikes killed 12 fighters, and a suicide bomber killed 5
civilians").

A sentence's counts add up when they count groups of one event ("killed two soldiers and a
civilian": 3; "One killed, 9 wounded"). When its attacks sit in clauses of their own, each with
its own casualty word of the same kind and its own victims, the sum is no attack's toll: each
clause is an event, and it counts the victims of its own casualty word.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from truce.extract import casualties as cas
from truce.extract.draft import Draft
from truce.extract.victims import WOUND

Toll = tuple[int | None, int | None, list[tuple[int, int]], list[tuple[int, int]]]
_MAX_CLIMB = 6  # dependency steps from a trigger up to its clause's casualty word
_SUBJECTS = {"nsubj", "nsubjpass"}


def clauses(sent: Span, triggers: list[Token]) -> dict[int, int]:
    """The clause of each attack trigger (by token index: the casualty word it sits under), when
    the sentence tells attacks in two or more such clauses; else empty: one event's toll.

    Rule: a trigger's clause is the nearest casualty word at or above it in the parse ("raids" in
    "killed in raids" is the killing's). A casualty word joined to another that has no subject of
    its own shares that one's clause ("killed three and killed two more"). The sentence splits
    only when every trigger and every casualty word has a clause, there are two or more, and all
    count the same kind (the dead, or the hurt: "One killed, 9 wounded" is one attack), and each
    clause tells an act of its own: an attack word besides the casualty word ("in roadside
    blast") or a named attacker ("rebels killed two"), and no victims added to a toll told before
    ("two more died", "two others died of their wounds")."""
    words = cas.casualty_words(sent)
    if len(words) < 2 or len({_kind(w) for w in words}) > 1:
        return {}
    at = {w.i: _clause_word(w, {x.i for x in words}) for w in words}
    found: dict[int, int] = {}
    for trig in triggers:
        word = _climb(trig, set(at))
        if word is None:
            return {}
        found[trig.i] = at[word]
    if len(set(found.values())) < 2 or set(found.values()) != set(at.values()):
        return {}
    for clause in set(at.values()):
        mine = [w for w in words if at[w.i] == clause]
        acts = [t for t in triggers if found[t.i] == clause and t.i not in {w.i for w in mine}]
        if any(cas.adds_to_count(w) for w in mine) or not (acts or any(_names_attacker(w) for w in mine)):
            return {}  # "... and two more died in hospital": the same attack's toll, told on
    return found


def _names_attacker(word: Token) -> bool:
    """A casualty verb that names who did it: "rebels killed two", "were killed by troops"."""
    if word.lemma_.lower() == "die" or word.pos_ not in {"VERB", "AUX"}:
        return False
    active = any(c.dep_ == "nsubj" for c in word.children) and any(c.dep_ == "dobj" for c in word.children)
    return active or any(c.dep_ == "agent" for c in word.children)


def clause_tolls(sent: Span, drafts: list[Draft], split: dict[int, int]) -> dict[int, Toll] | None:
    """The toll of each attack in `drafts` (keyed by its trigger's index) from its own clause,
    when `split` (from `clauses`) put each attack in a clause of its own; else None."""
    attacks = [d for d in drafts if d.type == "ASSAULT"]
    if len(attacks) < 2 or any(d.trigger.i not in split for d in attacks) \
            or len({split[d.trigger.i] for d in attacks}) != len(attacks):
        return None
    words = cas.casualty_words(sent)
    members = {w.i: _clause_word(w, {x.i for x in words}) for w in words}
    own = {c: {w for w, m in members.items() if m == c} for c in set(split.values())}
    # a victim two clauses count ("43 militants killed ..., 2 soldiers die": the parse makes both
    # subjects of "die") is counted by the casualty word nearest it, the one that describes it
    counted: dict[int, list[int]] = {}
    for c, ws in own.items():
        for lo, _ in cas.casualties(sent, ws)[2] + cas.casualties(sent, ws)[3]:
            counted.setdefault(_token_at(sent, lo), []).append(c)
    nearest = {t: min(cs, key=lambda c: min(abs(w - t) for w in own[c])) for t, cs in counted.items()}
    return {d.trigger.i: cas.casualties(sent, own[split[d.trigger.i]],
                                        {t for t, c in nearest.items() if c != split[d.trigger.i]})
            for d in attacks}


def _token_at(sent: Span, char: int) -> int:
    return next((t.i for t in sent if t.idx == char), -1)


def _kind(word: Token) -> str:
    return "hurt" if word.lemma_.lower() in WOUND or word.lower_ in WOUND else "killed"


def _clause_word(word: Token, words: set[int]) -> int:
    """The casualty word whose clause `word` is in: itself, or the one it is joined to when it has
    no subject of its own."""
    while word.dep_ == "conj" and word.head.i in words and not any(c.dep_ in _SUBJECTS for c in word.children):
        word = word.head
    return word.i


def _climb(tok: Token, words: set[int]) -> int | None:
    node = tok
    for _ in range(_MAX_CLIMB + 1):
        if node.i in words:
            return node.i
        if node.head.i == node.i:
            return None
        node = node.head
    return None
