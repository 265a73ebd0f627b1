"""Casualty counts ("killed two soldiers", "three civilians were wounded", "a death toll of 12")
in a sentence; what a count's wording means (ranges, vague plurals, period tallies) is in
truce.extract.toll_shapes. The weapon readers live in truce.extract.weapons (re-exported here)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from truce.extract import toll_shapes as shapes
from truce.extract.numerals import NUMBER_WORDS, number_value
from truce.extract.weapons import TARGETING, is_target, mode_for_weapons, weapons

__all__ = ["TARGETING", "casualties", "is_target", "mode_for_weapons", "number_value", "weapons"]

_KILL = {"kill", "die", "dead", "death", "fatality", "slay", "slain", "behead", "execute", "massacre", "murder",
         "lynch", "assassinate", "martyr"}
_WOUND = {"wound", "injure", "injured", "hurt", "wounded", "injury"}
_ADJACENT = {"dead", "killed", "wounded", "injured", "hurt"}
_TIME_UNITS = {"day", "week", "month", "year", "hour", "minute", "decade", "night"}
_DEAD_WORDS = {"dead", "death", "fatality", "killed", "victim"}
_TALLY = {"number", "tally", "count", "total"}
_PEOPLE_SINGULAR = {"soldier", "civilian", "man", "woman", "child", "boy", "girl", "person", "officer",
                    "policeman", "fighter", "resident", "villager", "serviceman", "journalist", "guard",
                    "driver", "worker", "farmer", "teacher", "student", "trader", "herder", "priest", "doctor",
                    "nurse", "member", "commander", "militant", "rebel", "insurgent", "peacekeeper", "policewoman",
                    "gendarme", "militiaman", "shepherd", "fisherman", "merchant", "imam", "pilgrim", "refugee",
                    "chief", "leader", "official", "elder", "mayor", "nun", "monk", "pastor", "miner", "hunter",
                    "son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "nephew",
                    "niece", "cousin", "uncle", "aunt", "baby", "infant", "passenger", "bodyguard", "companion",
                    "neighbour", "neighbor", "colleague", "assailant", "attacker", "bomber", "gunman", "suspect",
                    "pupil", "cleric", "councillor", "councilor", "activist", "lawyer", "judge"}
# a/an before these names no one person ("a number of soldiers", "an unknown number")
_NOT_ONE = {"number", "lot", "group", "total", "handful", "couple", "dozen", "score", "family", "crowd", "series",
            "unit", "convoy", "patrol", "band", "team", "squad", "force"}
_SELF = {"himself", "herself"}
# An army communiqué's word for killing enemy fighters ("the army neutralized 6 terrorists"),
# common in Sahel and French-language reporting; it counts the dead only when people are its object.
_NEUTRALIZE = {"neutralize", "neutralise"}
_FIGHTER_WORDS = {"terrorist", "jihadist", "bandit", "element", "combatant", "enemy", "criminal", "kidnapper",
                  "extremist", "gunman", "person", "people", "individual", "fighter", "militant", "insurgent"}


def _count_of(noun: Token, victim: bool = False) -> tuple[int, Token] | None:
    """The count a noun phrase carries: nummod, "a soldier", "another", or the noun being a numeral
    itself. Ages ("a 14-year-old boy") and ordinals ("the 93rd brigade") are not counts. As the
    victim of a kill or wound word (`victim`), "a/an" counts one whatever the noun ("a Maoist was
    killed": only people are killed), except a noun of many ("a number of", "a group of")."""
    if _in_date(noun):
        return None
    value = number_value(noun) if noun.pos_ == "NUM" or noun.lower_ in shapes.LOW_BOUNDS else None
    if value is not None:
        return value, noun
    if noun.lower_ in {"another", "one", "him", "her"}:
        return 1, noun  # "... and another was wounded", "beating him to death"
    for child in noun.children:
        if child.dep_ in {"nummod", "quantmod"} and not _age(child) and not _in_date(child):
            value = number_value(child)
            if value is not None:
                return value, child
        if child.dep_ == "det" and child.lower_ in {"a", "an"} and (
                noun.lemma_.lower() in _PEOPLE_SINGULAR or (
                    victim and noun.tag_ in {"NN", "NNP", "JJ"} and noun.lemma_.lower() not in _NOT_ONE)):
            return 1, child
        if child.dep_ == "compound" and child.i == noun.left_edge.i and child.lower_ in NUMBER_WORDS \
                and child.lower_ not in {"a", "an"}:
            return NUMBER_WORDS[child.lower_], child  # "Eleven Maoist guerrillas": a headline's capital
    return None


_BODY_WORDS = {"body", "corpse", "remains"}
_FOUND_VERBS = {"find", "discover", "recover", "retrieve", "dump", "exhume", "uncover", "locate", "wash"}


def _bodies(body: Token) -> tuple[int, Token] | None:
    """The count of "two bodies" or "the bodies of two civilians" (one for "the body of a man")."""
    own = _count_of(body)
    if own is not None and own[1].i != body.i:
        return own
    for prep in (c for c in body.children if c.dep_ == "prep" and c.lower_ == "of"):
        for who in (g for g in prep.children if g.dep_ == "pobj"):
            counted = _count_of(who)
            if counted is not None:
                total = counted[0] + sum((_count_of(c) or (0, c))[0] for c in who.conjuncts)
                return total, counted[1]
            if body.lemma_.lower() == "body" and body.tag_ == "NN":
                return 1, body  # "the body of a journalist"
    return None


def _in_date(tok: Token) -> bool:
    """A numeral written as part of a date ("2007-01-10", "10/01/2007", "2007"): no count of people."""
    if tok.ent_type_ not in {"DATE", "TIME"} or not tok.is_digit:
        return False
    doc = tok.doc
    near = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return len(tok.text) == 4 or any(t.text in {"-", "/", "."} for t in near)


def _age(tok: Token) -> bool:
    """"14-year-old", "a 14 year old": a number that tells an age."""
    doc = tok.doc
    nxt = [t.lower_ for t in doc[tok.i + 1: tok.i + 5]]
    return "year" in nxt[:2] and "old" in nxt


def _victims(tok: Token) -> list[Token]:
    lemma = tok.lemma_.lower()
    out: list[Token] = []
    if tok.pos_ in {"VERB", "AUX"}:
        deps = {"dobj", "nsubjpass"} if lemma not in {"die"} else {"nsubj"}
        elliptic = tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.head.children)
        if (tok.tag_ == "VBN" or elliptic) and not any(c.dep_ in {"dobj", "aux", "auxpass"} for c in tok.children):
            deps = deps | {"nsubj"}  # headline style: "One killed, two injured", "11 others wounded"
        out = [c for c in tok.children if c.dep_ in deps]
        if not out and lemma in _KILL | _WOUND and not any(c.dep_ in {"dobj", "aux"} for c in tok.children):
            # "six Albanians killed" tagged as a past tense: a counted subject with no object is
            # the one killed (an attacker who killed would have an object)
            out = [c for c in tok.children if c.dep_ == "nsubj" and _count_of(c) is not None]
        if not out and ((tok.tag_ == "VBN" and tok.dep_ in {"xcomp", "oprd", "ccomp"}) or (
                tok.dep_ == "conj" and tok.head.lemma_.lower() == "leave" and tok.lower_ in _ADJACENT)):
            # "two fighters said killed", "leaves 2 people killed": who the verb above names
            out = _object_victims(tok.head) or [c for c in tok.head.children if c.dep_ == "nsubj"]
        if not out and tok.dep_ == "conj" and not any(c.dep_ in {"dobj", "nsubj"} for c in tok.children):
            out = [c for c in tok.head.children if c.dep_ == "nsubjpass"]  # "a man was shot and killed"
        if tok.dep_ in {"acl", "relcl"} and not out:
            out = [_counted_head(tok.head)]  # "two soldiers killed in the attack"
        out = [tok.head if n.tag_ in {"WP", "WDT"} and tok.dep_ == "relcl" else n for n in out]  # "2 men who were
        # killed": the men
    elif lemma in {"dead", "wounded", "injured"} and any(c.dep_ == "nummod" for c in tok.children):
        out = [tok]  # "left 30 dead"
    elif tok.pos_ == "ADJ" and tok.dep_ == "amod":
        out = [_counted_head(tok.head)]  # "12 dead civilians", "leaves 8 fighters of a faction dead"
    elif tok.pos_ == "ADJ" and tok.dep_ in {"acomp", "oprd", "dep", "xcomp"} and tok.head.pos_ in {"VERB", "AUX"}:
        out = _object_victims(tok.head)  # "leaving 3 officers dead", "were shot dead", "shot dead two"
        if not out and tok.dep_ == "acomp":
            out = [c for c in tok.head.children if c.dep_ == "nsubj"]  # "two soldiers are dead"
    elif tok.lower_ == "dead" and tok.dep_ in {"conj", "advcl"}:
        out = _left_dead(tok)  # "... target a convoy leaving 70 members dead": the parse may cut "leaving"
    elif lemma == "death" and tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.pos_ == "VERB":
        out = _object_victims(tok.head.head)  # "beating him to death", "was stabbed to death"
    elif tok.pos_ == "ADJ" and tok.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in tok.children):
        out = [c for c in tok.children if c.dep_ == "nsubj"]  # headline style: "21 others dead"
    elif tok.pos_ in {"NOUN", "ADJ"} and lemma in {"dead", "wounded", "injured", "martyr", "fatality", "death"}:
        out = [tok]  # "12 dead", "the wounded", "31 martyrs", "resulted in 6 fatalities", "8 deaths"
    if not out and tok.dep_ == "amod" and tok.head.pos_ in {"NOUN", "PROPN"}:
        out = [_counted_head(tok.head)]  # a participle before its noun: "five executed victims", "3 slain men"
    partitive = [n for n in out if _partitive(n)]
    if partitive:
        out = partitive  # "160 wounded people received, 27 of them died": the 27 died, not the 160
    return _groups(out)


_GENERAL = {"person", "people", "civilian", "individual", "resident", "villager", "other", "victim"}


def _groups(victims: list[Token]) -> list[Token]:
    """The victims with the other groups listed beside them: conjuncts ("the driver and 3
    passengers") and a bare list's appositions ("kills two women, two children"). A conjunct with
    a casualty word of its own is that word's count ("One killed, 9 wounded"); an apposition to a
    general noun ("3 people, two women and a child") tells who they were, not more of them. A
    participle may hang on the list's last item ("Twelve rebels, two soldiers killed"): the items
    before it are victims too."""
    expanded: list[Token] = []
    for noun in victims:
        expanded.append(noun)
        if _listed_after(noun):
            expanded.append(noun.head)  # and the head's other appositions, below
            noun = noun.head
        listed = [c for c in noun.conjuncts if c.i > noun.i and not _own_casualty_word(c)]
        if not _who_they_were(noun, listed):
            expanded.extend(listed)
        if noun.lemma_.lower() not in _GENERAL:
            expanded.extend(c for c in noun.children if c.dep_ == "appos" and c.tag_ in {"NNS", "NNPS"}
                            and any(g.dep_ == "nummod" for g in c.children))
    return expanded


def _listed_after(noun: Token) -> bool:
    """A counted plural set beside a counted plural before it, with only a comma between them:
    an item of a bare list ("Twelve Kurdish rebels, two soldiers"), not who a general noun's people
    were ("3 people, two women")."""
    head = noun.head
    return noun.dep_ == "appos" and head.i < noun.i and noun.tag_ in {"NNS", "NNPS"} \
        and head.tag_ in {"NNS", "NNPS"} and head.lemma_.lower() not in _GENERAL \
        and _count_of(head) is not None and _count_of(noun) is not None


def _who_they_were(noun: Token, listed: list[Token]) -> bool:
    """"3 people, two women and a child": a list set off by a comma after a counted general noun,
    adding up to no more than it, says who they were (the parse makes it a conjunct)."""
    if not listed or noun.lemma_.lower() not in _GENERAL or noun.i + 1 >= len(noun.doc) \
            or noun.doc[noun.i + 1].text != ",":
        return False
    own = _count_of(noun)
    parts = [_count_of(c, victim=True) or _one_person(c) for c in listed]
    return own is not None and None not in parts and sum(p[0] for p in parts if p) <= own[0]


def _one_person(noun: Token) -> tuple[int, Token] | None:
    """One victim named without a numeral: "the driver", "his son", "killing himself"."""
    if noun.lower_ in _SELF:
        return 1, noun
    headline_capital = noun.tag_ == "NNP" and noun.i == noun.sent.start  # "Journalist killed in ..."
    if (noun.tag_ != "NN" and not headline_capital) or noun.lemma_.lower() not in _PEOPLE_SINGULAR:
        return None
    det = next((c for c in noun.children if c.dep_ in {"det", "poss"}), None)
    if det is None:
        # a headline drops the article: "Gunmen kill police officer in Kano" is one officer
        return (1, noun) if noun.dep_ not in {"compound", "pobj"} else None
    if det.lower_ not in {"the", "his", "her", "their", "its", "a", "an"}:
        return None
    return 1, det


def _counted_head(noun: Token) -> Token:
    """The noun a participle describes: "9 members from the regime forces killed" attaches the
    participle to "forces"; with no count there, the counted noun the preposition hangs on."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"NOUN", "PROPN"} \
            and _count_of(noun.head.head) is not None and (
                _count_of(noun) is None or noun.head.lower_ in {"of", "from"}):
        return noun.head.head  # "3 men of one family killed": the men, not the one family
    return noun


def _own_casualty_word(noun: Token) -> bool:
    return any(c.dep_ in {"acl", "amod", "relcl"} and (c.lemma_.lower() in _KILL | _WOUND or c.lower_ in _ADJACENT)
               for c in noun.children)


def _left_dead(tok: Token) -> list[Token]:
    """The object of the nearest "leave" before `tok` when that object comes just before it."""
    for verb in reversed(tok.doc[tok.sent.start:tok.i]):
        if verb.lemma_.lower() == "leave" and verb.pos_ == "VERB":
            return [c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i]
    return []


def _object_victims(verb: Token) -> list[Token]:
    """Who a verb of result acts on: its object, else its passive subject ("were shot dead")."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return objs or [c for c in verb.children if c.dep_ == "nsubjpass"]


def _partitive(noun: Token) -> bool:
    """"27 of them", "five of whom": a part of a group named before."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and
               any(g.lower_ in {"them", "whom", "those"} for g in c.children) for c in noun.children)


def _toll(tok: Token) -> tuple[int, Token] | None:
    """The number a toll phrase gives: "a death toll of 12", "the toll from two days of fighting
    rose to 55" (55: the number a preposition or the verb governs, not one counting days)."""
    pool = [t for t in tok.subtree if t.pos_ == "NUM"]
    if tok.head.pos_ in {"VERB", "AUX"}:
        pool += [t for t in tok.head.subtree if t.pos_ == "NUM" and t.i > tok.i and t not in pool]
    # "raise to 53 the number of victims", "raises to 322, the number of ...": the figure a verb of
    # rising takes, written before the tally word
    pool += [t for t in tok.sent if t.pos_ == "NUM" and t.i < tok.i and t.head.lower_ == "to"
             and t.head.head.lemma_.lower() in _RISING and t not in pool]
    pool = [t for t in pool if not _age(t) and not _time_count(t)]
    governed = [t for t in pool if t.head.lower_ in {"to", "at", "of", "reached", "stood", "hit"} or
                t.dep_ in {"attr", "dobj", "pobj"}]
    for cand in governed + pool:
        value = number_value(cand)
        if value is not None:
            return value, cand
    return None


def _time_count(tok: Token) -> bool:
    """"two days", "11 days", "2019": a number of time units or a year, not of people. A figure
    the tagger glues onto a period before it ("during the past 24 hours to 12") is no time: the
    period ends at its unit, and "to" then takes a count."""
    if tok.head.lemma_.lower() in _TIME_UNITS:
        return True
    if tok.ent_type_ not in {"DATE", "TIME"}:
        return False
    doc = tok.doc
    return not (tok.i >= 2 and doc[tok.i - 1].lower_ == "to" and doc[tok.i - 2].lemma_.lower() in _TIME_UNITS
                and doc[tok.i - 2].tag_ == "NNS")


def _is_toll(tok: Token) -> bool:
    """"death toll", "toll of dead", "the number of dead/killed": a running total of the killed."""
    lemma = tok.lemma_.lower()
    if lemma == "toll":
        return any(c.lower_ in {"death", "fatality"} for c in tok.children) or _of_dead(tok)
    return lemma in _TALLY and _of_dead(tok)


_RISING = {"raise", "rise", "climb", "increase", "bring", "jump", "reach", "push"}


def _of_dead(tok: Token) -> bool:
    """"toll of dead", "number of victims", "number of persons killed", "of assassinated civilians",
    "the number of those who were killed"."""
    return any(child.dep_ == "prep" and child.lower_ == "of" and
               any(g.dep_ == "pobj" and (g.lemma_.lower() in _DEAD_WORDS or any(
                   c.dep_ in {"acl", "amod", "relcl"} and c.lemma_.lower() in _KILL | {"assassinate"}
                   for c in g.children))
                   for g in child.children)
               for child in tok.children)


_LIVES_VERBS = {"claim", "take", "cost"}
_RESULTING = {"result", "lead", "end"}
_NOMINAL_KILLS = {"death", "killing", "execution", "murder", "assassination"}


def _lives(tok: Token) -> tuple[int, Token] | None:
    """"claimed the lives of 26 citizens", "26 people lost their lives": the dead by a paraphrase."""
    if tok.lemma_.lower() != "life" or tok.dep_ != "dobj":
        return None
    verb = tok.head.lemma_.lower()
    if verb in _LIVES_VERBS:
        return _of_count(tok)
    if verb == "lose":
        return next((c for c in (_count_of(n) for n in tok.head.children if n.dep_ == "nsubj") if c), None)
    return None


def _nominal(tok: Token) -> tuple[int, Token] | None:
    """"the death of 15 fighters", "Execution of 4 persons": a count named by a noun of killing.
    Not after a preposition ("in response to the killing of 2 soldiers": an earlier event)."""
    if tok.lemma_.lower() not in _NOMINAL_KILLS or tok.pos_ != "NOUN":
        return None
    if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() not in _RESULTING:
        return None  # but "resulted in the deaths of 12 people", "led to the death of a soldier"
    return _of_count(tok)


def _of_count(tok: Token) -> tuple[int, Token] | None:
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for who in (g for g in prep.children if g.dep_ == "pobj"):
            counted = _count_of(who)
            if counted is not None:
                return counted[0] + sum((_count_of(c) or (0, c))[0] for c in who.conjuncts), counted[1]
    return None


@dataclass(slots=True)
class _Counts:
    """The numbers one sentence gives, by kind, keyed by the token that writes each."""

    killed: dict[int, int] = field(default_factory=dict)
    hurt: dict[int, int] = field(default_factory=dict)
    tolls: dict[int, int] = field(default_factory=dict)
    bodies: dict[int, int] = field(default_factory=dict)


def _read(tok: Token, sent: Span, counts: _Counts) -> None:
    """Add what `tok` counts (a toll, bodies, lives lost, victims of a kill or wound word)."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if _is_toll(tok):
        found = _toll(tok)
        if found is not None and not shapes.long_period(tok, tok.head):  # "toll rose to 450 since July"
            counts.tolls[found[1].i] = found[0]
        return
    if lemma in _BODY_WORDS and tok.head.lemma_.lower() in _FOUND_VERBS:
        counted = _bodies(tok)  # "the bodies of two civilians were found": two dead
        if counted is not None:
            counts.bodies[counted[1].i] = counted[0]
        return
    paraphrase = _lives(tok) or _nominal(tok)
    if paraphrase is not None:
        if not shapes.long_period(tok, tok.head):
            counts.killed[paraphrase[1].i] = paraphrase[0]
        return
    neutralized = lemma in _NEUTRALIZE
    kill = lemma in _KILL or low == "dead" or neutralized
    target = counts.killed if kill else counts.hurt if (lemma in _WOUND or low in _WOUND) else None
    if target is None or shapes.combined(tok):  # "20 killed and wounded": dead and hurt in one number
        return
    for noun in _victims(tok):
        if noun.lower_ in {"him", "her", "them"} and target:
            continue  # "lynched a thief, killing him": the one already counted
        if neutralized and noun.lemma_.lower() not in _PEOPLE_SINGULAR | _FIGHTER_WORDS:
            continue  # "neutralized two explosive devices": no one died
        counted = _count_of(noun, victim=True) or _one_person(noun)
        if counted is not None and counted[1].i not in counts.tolls and not shapes.long_period(tok, noun) \
                and not shapes.day_tally(tok):
            target[counted[1].i] = counted[0]
    before = tok.doc[tok.i - 1] if tok.i > sent.start else None
    if before is not None and before.pos_ == "NUM" and before.i not in counts.killed \
            and before.i not in counts.hurt and low in _ADJACENT and not _age(before) \
            and not _time_count(before) and not _in_date(before) and not shapes.long_period(tok) \
            and not shapes.day_tally(tok):
        value = number_value(before)  # "16 dead", "five hurt": the parse may miss the link
        if value is not None:
            target[before.i] = value


def revised_toll(sent: Span) -> int | None:
    """The figure a toll revision in `sent` gives ("the death toll rose to 14", "raises the number of
    people killed in the bombing to 4", "raise to 3, the number of people killed"): a running total
    of the killed that a verb of rising takes, not stated for a long period. The largest when the
    sentence revises twice; None when it revises none. A story's toll is its latest revision
    (truce.extract.story_tolls), while the sentence's own event keeps its direct count."""
    figures = []
    for tok in sent:
        if not _is_toll(tok) or shapes.long_period(tok, tok.head):
            continue
        found = _toll(tok)
        if found is None:
            continue
        number = found[1]
        rising = tok.head.lemma_.lower() in _RISING or (
            number.head.lower_ == "to" and number.head.head.lemma_.lower() in _RISING)
        # "raise the death toll to 410 people who were killed and injured in 70 days": the words
        # of the figure's own phrase may say it counts the hurt too, or a campaign
        phrase = [t for t in number.head.subtree if t.lemma_.lower() in _KILL | _WOUND]
        if rising and not shapes.long_period(*phrase) and not any(shapes.combined(t) for t in phrase):
            figures.append(found[0])
    return max(figures) if figures else None


_MORE = {"also", "too", "additionally", "another", "other", "more", "further", "additional"}


def adds_to_count(trigger: Token) -> bool:
    """A casualty report that adds to a toll already told ("2 soldiers were also killed", "two
    other civilians died", "another was wounded") rather than restating or revising it."""
    if any(c.dep_ == "advmod" and c.lower_ in _MORE for c in trigger.children):
        return True
    return any(n.lower_ == "another" or any(m.dep_ in {"amod", "advmod", "det"} and m.lower_ in _MORE
                                            for m in n.children)
               for n in _victims(trigger))


def casualties(sent: Span) -> tuple[int | None, int | None, list[tuple[int, int]], list[tuple[int, int]]]:
    """(fatalities, injured, spans of the killed counts, spans of the injured counts) in `sent`.

    Counts of different victim groups add up ("killed two soldiers and a civilian" -> 3); a death
    toll is used only when the sentence gives no direct count ("killing three, which brought the
    toll to 40" -> 3: the toll is a running total, not this event's). A count for a long period
    ("250 killed in 30 days") or one shared by the dead and the wounded counts neither."""
    counts = _Counts()
    for tok in sent:
        _read(tok, sent, counts)
    killed, hurt, tolls, bodies = counts.killed, counts.hurt, counts.tolls, counts.bodies
    if not killed and tolls:
        killed = {max(tolls, key=lambda i: tolls[i]): max(tolls.values())}
    if not killed and bodies:  # bodies found count the dead only when nothing else does ("toll rose to 12
        killed = bodies  # after rescuers recovered two more bodies": 12)
    for i in list(killed):
        hurt.pop(i, None)  # one number is one group of people
    k_spans = [(sent.doc[i].idx, sent.doc[i].idx + len(sent.doc[i].text)) for i in sorted(killed)]
    h_spans = [(sent.doc[i].idx, sent.doc[i].idx + len(sent.doc[i].text)) for i in sorted(hurt)]
    return (sum(killed.values()) if killed else None, sum(hurt.values()) if hurt else None, k_spans, h_spans)
