"""Phrases that state the dead without a victim of a kill word: a death toll and its revisions ("the
death toll rose to 14"), lives lost ("claimed the lives of 26 citizens"), a noun of killing ("the
death of 15 fighters") and bodies found ("the bodies of two civilians were found")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from truce.extract import toll_shapes as shapes
from truce.extract.numerals import is_age, number_value, time_count
from truce.extract.victims import KILL, WOUND, count_of

_DEAD_WORDS = {"dead", "death", "fatality", "killed", "victim"}
_TALLY = {"number", "tally", "count", "total"}
_WHERE_PREPS = {"in", "at", "near", "across", "around", "inside"}
_RISING = {"raise", "rise", "climb", "increase", "bring", "jump", "reach", "push"}
BODY_WORDS = {"body", "corpse", "remains"}
FOUND_VERBS = {"find", "discover", "recover", "retrieve", "dump", "exhume", "uncover", "locate", "wash"}


def bodies(body: Token) -> tuple[int, Token] | None:
    """The count of "two bodies" or "the bodies of two civilians" (one for "the body of a man")."""
    own = count_of(body)
    if own is not None and own[1].i != body.i:
        return own
    for prep in (c for c in body.children if c.dep_ == "prep" and c.lower_ == "of"):
        for who in (g for g in prep.children if g.dep_ == "pobj"):
            counted = count_of(who)
            if counted is not None:
                total = counted[0] + sum((count_of(c) or (0, c))[0] for c in who.conjuncts)
                return total, counted[1]
            if body.lemma_.lower() == "body" and body.tag_ == "NN":
                return 1, body  # "the body of a journalist"
    return None


def is_toll(tok: Token) -> bool:
    """"death toll", "toll of dead", "the number of dead/killed": a running total of the killed."""
    lemma = tok.lemma_.lower()
    if lemma == "toll":
        return any(c.lower_ in {"death", "fatality"} for c in tok.children) or _of_dead(tok) or _bare_toll(tok)
    return (lemma in _TALLY and _of_dead(tok)) or _stated_dead(tok)


# verbs that give a figure to their subject: "fatalities were coded as 10", "deaths stood at 4"
_FIGURE_VERBS = {"code", "cod", "estimate", "put", "number", "total", "stand", "reach", "rise", "climb",
                 "increase", "jump", "hit", "exceed", "set"}


def _stated_dead(tok: Token) -> bool:
    """Deaths named with their figure apart: a note's "Fatalities: 7", "fatalities coded as 10",
    "deaths numbered 12" (the noun carries no number of its own; "Fatalities unknown" has none)."""
    if tok.lemma_.lower() not in {"fatality", "death"} or tok.tag_ != "NNS" \
            or any(c.dep_ in {"nummod", "quantmod", "det"} for c in tok.children):
        return False
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":":
        return any(c.pos_ == "NUM" for c in tok.children)
    return tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_.lower() in _FIGURE_VERBS

# what a toll of no casualty word counts when it is not the dead ("the economic toll", "toll road")
_OTHER_TOLLS = {"economic", "financial", "humanitarian", "psychological", "environmental", "road", "booth",
                "injury", "casualty", "wounded", "injured"}


def _bare_toll(tok: Token) -> bool:
    """"the toll from the bombing rose to 19", "the toll stood at 40": a toll that names no kind,
    the subject of a verb that gives its figure, counts the dead as news writes it."""
    if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.lower_ in _OTHER_TOLLS for c in tok.children) or tok.head.lemma_.lower() == "take":
        return False  # "the fighting took a heavy toll"
    return not any(p.dep_ == "prep" and p.lower_ == "of" and any(
        g.lemma_.lower() in _OTHER_TOLLS | WOUND for g in p.children) for p in tok.children)


def _of_dead(tok: Token) -> bool:
    """"toll of dead", "number of victims", "number of persons killed", "of assassinated civilians",
    "the number of those who were killed"."""
    return any(child.dep_ == "prep" and child.lower_ == "of" and
               any(g.dep_ == "pobj" and (g.lemma_.lower() in _DEAD_WORDS or any(
                   c.dep_ in {"acl", "amod", "relcl"} and c.lemma_.lower() in KILL | {"assassinate"}
                   for c in g.children))
                   for g in child.children)
               for child in tok.children)


def toll_figure(tok: Token) -> tuple[int, Token] | None:
    """The number a toll phrase gives: "a death toll of 12", "the toll from two days of fighting
    rose to 55" (55: the number a preposition or the verb governs, not one counting days)."""
    pool = [t for t in tok.subtree if t.pos_ == "NUM"]
    if tok.head.pos_ in {"VERB", "AUX"}:
        pool += [t for t in tok.head.subtree if t.pos_ == "NUM" and t.i > tok.i and t not in pool]
    # "raise to 53 the number of victims", "raises to 322, the number of ...": the figure a verb of
    # rising takes, written before the tally word
    pool += [t for t in tok.sent if t.pos_ == "NUM" and t.i < tok.i and t.head.lower_ == "to"
             and t.head.head.lemma_.lower() in _RISING and t not in pool]
    # "the death toll in the two towns rose to 600": a number in the toll's place phrase counts places
    where = {t.i for p in tok.children if p.dep_ == "prep" and p.lower_ in _WHERE_PREPS for t in p.subtree}
    pool = [t for t in pool if not is_age(t) and not time_count(t) and t.i not in where]
    governed = [t for t in pool if t.head.lower_ in {"to", "at", "of", "reached", "stood", "hit"} or
                t.dep_ in {"attr", "dobj", "pobj"}]
    for cand in governed + pool:
        value = number_value(cand)
        if value is not None:
            return value, cand
    return None


_RUNNING_DAYS = 2
_PERIOD_PREPS = {"in", "over", "during", "within"}


def campaign_toll(tally: Token, figure: Token) -> bool:
    """Whether a toll is stated for a long period: on the tally word or its verb ("toll rose to
    450 since July"), on the killing its own phrase or the figure's names ("the number of people
    who were killed in 19 weeks", "to 410 people who were killed in 70 days"), or a running total
    over more than a day ("raising the death toll to 250 in 4 days")."""
    phrase = [t for t in [*tally.subtree, *figure.head.subtree] if t.lemma_.lower() in KILL | WOUND]
    if shapes.long_period(tally, tally.head, figure, *phrase):
        return True
    # a total raised "to 250 in 4 days of fighting", "to 120 in 48 hours": a running total over
    # days, not one day's event (a direct count over two days still counts: toll_shapes)
    top = figure
    while top.head.i != top.i and top.head.pos_ not in {"VERB", "AUX"} and top.head.i != tally.i:
        top = top.head  # the figure's own phrase, up to the verb that raises it
    spans = [*top.subtree, *(t for v in {top.head, tally.head} for p in v.children
                             if p.dep_ == "prep" and p.lower_ in _PERIOD_PREPS for t in p.subtree)]
    return shapes.days_named(spans) >= _RUNNING_DAYS


def revised_toll(sent: Span) -> int | None:
    """The figure a toll revision in `sent` gives ("the death toll rose to 14", "raises the number of
    people killed in the bombing to 4", "raise to 3, the number of people killed"): a running total
    of the killed that a verb of rising takes, not stated for a long period. The largest when the
    sentence revises twice; None when it revises none. A story's toll is its latest revision
    (truce.extract.story_tolls), while the sentence's own event keeps its direct count."""
    figures = []
    for tok in sent:
        if not is_toll(tok):
            continue
        found = toll_figure(tok)
        if found is None or campaign_toll(tok, found[1]):
            continue
        number = found[1]
        rising = tok.head.lemma_.lower() in _RISING or (
            number.head.lower_ == "to" and number.head.head.lemma_.lower() in _RISING)
        # "raise the death toll to 410 people who were killed and injured in 70 days": the words
        # of the figure's own phrase may say it counts the hurt too
        phrase = [t for t in number.head.subtree if t.lemma_.lower() in KILL | WOUND]
        if rising and not any(shapes.combined(t) for t in phrase):
            figures.append(found[0])
    return max(figures) if figures else None


_LIVES_VERBS = {"claim", "take", "cost"}
_RESULTING = {"result", "lead", "end"}
_NOMINAL_KILLS = {"death", "killing", "execution", "murder", "assassination", "massacre"}
# whose killing a noun of killing names: "the killing of 4", "executions against 14 people"
_VICTIM_PREPS = {"of", "against"}


def lives(tok: Token) -> tuple[int, Token] | None:
    """"claimed the lives of 26 citizens", "claimed 11 lives", "26 people lost their lives": the dead
    by a paraphrase."""
    if tok.lemma_.lower() != "life" or tok.dep_ not in {"dobj", "nsubjpass"}:
        return None
    verb = tok.head.lemma_.lower()
    own = count_of(tok) if verb in _LIVES_VERBS | {"lose"} else None
    if own is not None and own[1].i != tok.i:
        return own  # "the ambush claimed 11 lives", "cost 4 lives", "11 lives were lost"
    if verb in _LIVES_VERBS:
        return _of_count(tok)
    if verb == "lose":
        return next((c for c in (count_of(n) for n in tok.head.children if n.dep_ == "nsubj") if c), None)
    return None


def nominal(tok: Token) -> tuple[int, Token] | None:
    """"the death of 15 fighters", "Execution of 4 persons", "a massacre of 20 villagers",
    "carried out executions against 14 people": a count named by a noun of killing.
    Not after a preposition ("in response to the killing of 2 soldiers": an earlier event)."""
    if tok.lemma_.lower() not in _NOMINAL_KILLS or tok.pos_ != "NOUN":
        return None
    if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() not in _RESULTING:
        return None  # but "resulted in the deaths of 12 people", "led to the death of a soldier"
    return _of_count(tok, _VICTIM_PREPS)


def _of_count(tok: Token, preps: frozenset[str] | set[str] = frozenset({"of"})) -> tuple[int, Token] | None:
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps):
        for who in (g for g in prep.children if g.dep_ == "pobj"):
            counted = count_of(who, victim=True)  # "the death of an Iranian jihadist": one
            if counted is not None:
                return counted[0] + sum((count_of(c) or (0, c))[0] for c in who.conjuncts), counted[1]
    return None
