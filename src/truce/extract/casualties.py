"""Casualty counts ("killed two soldiers", "three civilians were wounded", "a death toll of 12")
in a sentence: this module adds up what one sentence says. Who a kill or wound word counts is in
truce.extract.victims, the toll phrases and their revisions in truce.extract.toll_phrases, what a
count's wording means (ranges, vague plurals, period tallies) in truce.extract.toll_shapes. The
weapon readers live in truce.extract.weapons (re-exported here)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from truce.extract import toll_shapes as shapes
from truce.extract.numerals import identifier, in_date, is_age, number_value, time_count
from truce.extract.toll_phrases import (
    BODY_WORDS,
    FOUND_VERBS,
    bodies,
    campaign_toll,
    is_toll,
    lives,
    nominal,
    revised_toll,
    toll_figure,
)
from truce.extract.victims import (
    ADJACENT,
    KILL,
    PEOPLE_SINGULAR,
    WOUND,
    count_of,
    no_one,
    one_person,
    partitive,
    victims_of,
)
from truce.extract.weapons import TARGETING, is_target, mode_for_weapons, weapons

__all__ = ["TARGETING", "adds_to_count", "casualties", "casualty_words", "is_target", "mode_for_weapons",
           "number_value", "revised_toll", "toll_without_event", "weapons"]

# An army communiqué's word for killing enemy fighters ("the army neutralized 6 terrorists"),
# common in Sahel and French-language reporting; it counts the dead only when people are its object.
_NEUTRALIZE = {"neutralize", "neutralise"}
_FIGHTER_WORDS = {"terrorist", "jihadist", "bandit", "element", "combatant", "enemy", "criminal", "kidnapper",
                  "extremist", "gunman", "person", "people", "individual", "fighter", "militant", "insurgent"}
# Nouns that name casualties without a victim, and which counts "no ..." of them sets to zero.
_CASUALTY_NOUNS = {"casualty": ("killed", "hurt"), "injury": ("hurt",), "death": ("killed",),
                   "fatality": ("killed",)}
_MORE = {"also", "too", "additionally", "another", "other", "more", "further", "additional"}


@dataclass(slots=True)
class _Counts:
    """The numbers one sentence gives, by kind, keyed by the token that writes each."""

    killed: dict[int, int] = field(default_factory=dict)
    hurt: dict[int, int] = field(default_factory=dict)
    tolls: dict[int, int] = field(default_factory=dict)
    bodies: dict[int, int] = field(default_factory=dict)
    parts: set[int] = field(default_factory=set)  # "12 of whom": a part of a group counted


def _read(tok: Token, sent: Span, counts: _Counts) -> None:
    """Add what `tok` counts (a toll, bodies, lives lost, victims of a kill or wound word)."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if lemma in _CASUALTY_NOUNS and _none_stated(tok, counts, _CASUALTY_NOUNS[lemma]):
        return
    if lemma in {"casualty", "injury"} and any(c.dep_ == "amod" and c.lower_ in {"fatal", "mortal"}
                                               for c in tok.children):
        counted = count_of(tok)  # "3 fatal casualties": the dead, where "casualties" alone are not
        if counted is not None and counted[0] > 0:
            counts.killed[counted[1].i] = counted[0]
        return
    if is_toll(tok):
        found = toll_figure(tok)
        if found is not None and not campaign_toll(tok, found[1]):  # "toll rose to 450 since July"
            counts.tolls[found[1].i] = found[0]
        return
    if lemma in BODY_WORDS and tok.head.lemma_.lower() in FOUND_VERBS:
        counted = bodies(tok)  # "the bodies of two civilians were found": two dead
        if counted is not None:
            counts.bodies[counted[1].i] = counted[0]
        return
    paraphrase = lives(tok) or nominal(tok)
    if paraphrase is not None:
        if not shapes.long_period(tok, tok.head):
            counts.killed[paraphrase[1].i] = paraphrase[0]
        return
    if _blew_up(tok, counts):
        return
    neutralized = lemma in _NEUTRALIZE
    kill = lemma in KILL or low == "dead" or neutralized or _killing_phrase(tok)
    target = counts.killed if kill else counts.hurt if (lemma in WOUND or low in WOUND) else None
    if target is None:
        return
    if shapes.combined(tok):  # "20 killed and wounded": dead and hurt in one number, but "no one
        for noun in victims_of(tok):  # was killed or injured" says none of either
            _none_stated(noun, counts, ("killed", "hurt"))
        return
    for noun in victims_of(tok):
        if noun.lower_ in {"him", "her", "them", "he", "she"} and target:
            continue  # "lynched a thief, killing him": the one already counted
        if _bracketed(noun) and not _bracketed(tok):
            continue  # "[size=thousands] 1 protester died": a note's tag, not who died
        if neutralized and noun.lemma_.lower() not in PEOPLE_SINGULAR | _FIGHTER_WORDS:
            continue  # "neutralized two explosive devices": no one died
        counted = count_of(noun, victim=True) or one_person(noun)
        if counted is not None and counted[1].i not in counts.tolls and not shapes.long_period(tok, noun) \
                and not shapes.day_tally(tok):
            target[counted[1].i] = counted[0]
            if partitive(noun):
                counts.parts.add(counted[1].i)
    before = tok.doc[tok.i - 1] if tok.i > sent.start else None
    if before is not None and before.pos_ == "NUM" and before.i not in counts.killed \
            and before.i not in counts.hurt and low in ADJACENT and not is_age(before) \
            and not time_count(before) and not in_date(before) and not identifier(before) \
            and not shapes.long_period(tok) \
            and not shapes.day_tally(tok):
        value = number_value(before)  # "16 dead", "five hurt": the parse may miss the link
        if value is not None:
            target[before.i] = value


# people a side "lost" in a fight are its dead ("the army lost 7 men"), where things lost are not
_LOST = PEOPLE_SINGULAR | _FIGHTER_WORDS | {"man", "life"}


def _killing_phrase(tok: Token) -> bool:
    """A verb that kills with the word beside it: "burned alive two men", "buried them alive",
    "the army lost 7 men"."""
    lemma = tok.lemma_.lower()
    if lemma == "succumb":  # "succumbed to his injuries", not "succumbed to the pressure"
        return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() in _WOUNDS for g in c.children)
                   for c in tok.children)
    if lemma in {"burn", "bury"}:  # the parse may hang "alive" on the victims
        near = [*tok.children, *(g for c in tok.children if c.dep_ in {"dobj", "nsubjpass"} for g in c.children)]
        return any(c.lower_ == "alive" for c in near)
    return lemma == "lose" and any(c.dep_ == "dobj" and c.lemma_.lower() in _LOST and c.tag_ == "NNS"
                                   for c in tok.children)


_WOUNDS = {"injury", "wound", "burn"}
_SELVES = {"himself", "herself", "themselves"}


def _blew_up(tok: Token, counts: _Counts) -> bool:
    """"A suicide bomber blew himself up, killing 6 soldiers": the bomber died too, and ACLED and
    UCDP count the attacker among the dead (7); one bomber, or the bombers the subject counts ("two
    bombers blew themselves up"). Not again when the sentence counts him ("..., killing himself
    and 5 others")."""
    if tok.lemma_.lower() != "blow" or not any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
        return False
    self_ = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ in _SELVES), None)
    if self_ is None or any(t.lower_ in _SELVES and t.i != self_.i for t in tok.sent):
        return False
    if self_.lower_ != "themselves":
        counts.killed[self_.i] = 1
        return True
    bombers = next((count_of(c) for c in tok.children if c.dep_ == "nsubj"), None)
    if bombers is not None and bombers[0] > 0:
        counts.killed[self_.i] = bombers[0]
    return True


def _bracketed(tok: Token) -> bool:
    """Whether `tok` sits inside square brackets: a note's tag ("[size=hundreds]")."""
    for t in reversed(tok.doc[tok.sent.start:tok.i]):
        if t.text == "]":
            return False
        if t.text == "[":
            return True
    return False


def _none_stated(noun: Token, counts: _Counts, kinds: tuple[str, ...]) -> bool:
    """Record a zero of `kinds` when `noun` names nobody ("no casualties were reported")."""
    nobody = no_one(noun)
    if nobody is None or any(c.dep_ == "nummod" for c in noun.children):
        return False
    for kind in kinds:
        getattr(counts, kind)[nobody.i] = 0
    return True


def adds_to_count(trigger: Token) -> bool:
    """A casualty report that adds to a toll already told ("2 soldiers were also killed", "two
    other civilians died", "another was wounded") rather than restating or revising it."""
    if any(c.dep_ == "advmod" and c.lower_ in _MORE for c in trigger.children):
        return True
    return any(n.lower_ == "another" or any(m.dep_ in {"amod", "advmod", "det"} and m.lower_ in _MORE
                                            for m in n.children)
               for n in victims_of(trigger))


def casualties(sent: Span, words: set[int] | None = None, others: frozenset[int] | set[int] = frozenset()
               ) -> tuple[int | None, int | None, list[tuple[int, int]], list[tuple[int, int]]]:
    """(fatalities, injured, spans of the killed counts, spans of the injured counts) in `sent`.

    Counts of different victim groups add up ("killed two soldiers and a civilian" -> 3); a death
    toll is used only when the sentence gives no direct count ("killing three, which brought the
    toll to 40" -> 3: the toll is a running total, not this event's). A count for a long period
    ("250 killed in 30 days") or one shared by the dead and the wounded counts neither. A sentence
    that says no one was killed ("no one was killed", "no casualties were reported", "without
    casualties") gives 0, a known zero, unless it also writes a number of that kind; None is unknown.
    With `words` (token indices), only what those casualty words count, leaving out the numbers
    at `others` (counted in another clause): one clause's toll."""
    counts = _Counts()
    for tok in sent:
        if words is None or tok.i in words:
            _read(tok, sent, counts)
    for kind in (counts.killed, counts.hurt, counts.tolls, counts.bodies):
        for i in others & kind.keys():
            del kind[i]
    _drop_parts(counts, sent, words)
    killed, hurt = _written(counts.killed), _written(counts.hurt)
    tolls, found = counts.tolls, _written(counts.bodies)
    if not killed and tolls:
        killed = {max(tolls, key=lambda i: tolls[i]): max(tolls.values())}
    if not killed and found:  # bodies found count the dead only when nothing else does ("toll rose to 12
        killed = found  # after rescuers recovered two more bodies": 12)
    for i in list(killed):
        hurt.pop(i, None)  # one number is one group of people
    # "no one was killed": a known zero, only when the sentence writes no number of that kind
    killed = killed or _zero(counts.killed)
    hurt = hurt or _zero(counts.hurt)
    k_spans = [(sent.doc[i].idx, sent.doc[i].idx + len(sent.doc[i].text)) for i in sorted(killed)]
    h_spans = [(sent.doc[i].idx, sent.doc[i].idx + len(sent.doc[i].text)) for i in sorted(hurt)]
    return (sum(killed.values()) if killed else None, sum(hurt.values()) if hurt else None, k_spans, h_spans)


def _drop_parts(counts: _Counts, sent: Span, words: set[int] | None) -> None:
    """Leave out the dead a sentence counts within a whole it also counts: the breakdown of a
    day's roll-up ("14 were killed yesterday, including 5 soldiers, and 2 were killed in
    shelling on the city": 14, and none when the roll-up itself counts no one event) and a part
    of the dead ("Thirty people died, 12 of whom were killed by snipers": 30)."""
    rollups = [t for t in sent if (words is None or t.i in words) and shapes.day_rollup(t)]
    if rollups:
        own = _Counts()
        for verb in rollups:
            _read(verb, sent, own)
        counts.killed = {i: n for i, n in counts.killed.items() if i in own.killed}
    parts = counts.parts & counts.killed.keys()
    whole = sum(n for i, n in counts.killed.items() if i not in parts)
    if parts and whole >= sum(counts.killed[i] for i in parts):
        for i in parts:
            del counts.killed[i]


def casualty_words(sent: Span) -> list[Token]:
    """The words of `sent` that count someone killed or hurt, each read alone ("killed 43
    militants", "2 soldiers die", "no one was hurt")."""
    out = []
    for tok in sent:
        counts = _Counts()
        _read(tok, sent, counts)
        if counts.killed or counts.hurt or counts.tolls or counts.bodies:
            out.append(tok)
    return out


def _written(counts: dict[int, int]) -> dict[int, int]:
    return {i: n for i, n in counts.items() if n > 0}


def _zero(counts: dict[int, int]) -> dict[int, int]:
    """The first stated zero ("no one", "no casualties"), or nothing."""
    zeros = sorted(i for i, n in counts.items() if n == 0)
    return {zeros[0]: 0} if zeros else {}


# a time phrase that makes a sentence's count a period's tally or an earlier story's: "this year",
# "in 2019", "last month"
_MONTHS = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = re.compile(rf"\b\d{{1,2}}(st|nd|rd|th)?\s+{_MONTHS}\b|\b{_MONTHS}\s+\d{{1,2}}\b(?!\d)", re.I)
_PERIOD_WORDS = {"year", "years", "month", "months", "week", "weeks", "decade", "decades"}
_OTHER_EVENT = {"previous", "earlier", "similar", "separate", "another", "last", "prior", "past", "other"}
_WHOLE_WARS = {"conflict", "war", "insurgency", "crisis", "uprising", "revolution", "campaign"}


def toll_without_event(sent: Span) -> tuple[int | None, int | None, bool] | None:
    """The dead and hurt a sentence that tells no act of its own writes ("9 fatalities were
    reported.", "He died of his wounds.", "The army lost 7 men."), and whether they add to a toll
    told before ("Two more died in hospital."); None when it writes no count, or names a period
    that makes the count another story's ("In 2019, 40 people died in a similar attack")."""
    killed, hurt, _, _ = casualties(sent)
    if not killed and not hurt:
        return None
    if any(e.label_ == "DATE" and not _DAY.search(e.text) and (any(t.is_digit and len(t) == 4 for t in e) or
                                                              any(t.lower_ in _PERIOD_WORDS for t in e))
           for e in sent.ents):
        return None  # (a day is no period: "On 3 May 2022, the bodies of three men were found")
    if any(t.dep_ == "pobj" and t.lemma_.lower() in _WHOLE_WARS for t in sent):
        return None  # "300 people have died in the conflict": the war's toll, not the attack's
    if any(_other_event_word(t) for t in sent):
        return None  # "the deadliest since March, when 40 died", "in a previous attack, 12 died": another event
    return killed, hurt, any(adds_to_count(w) for w in casualty_words(sent))


def _other_event_word(tok: Token) -> bool:
    """A word that sets a count against another event: "since", "a previous attack", "the deadliest"."""
    if tok.lower_ == "since" or (tok.lower_ in _OTHER_EVENT and tok.dep_ in {"amod", "det"}):
        return True
    return tok.tag_ == "JJS" and tok.lower_ not in {"least", "most"}  # "at least 12" compares nothing
