"""Shapes of a casualty count that change what the number means (truce.extract.victims and toll_phrases read
the numbers; this module says which of them count this event's dead).

Conventions, so that the same wording always gives the same figure:
- a range ("10 to 15", "between 10 and 15", "10-15") counts its low end: 10;
- a vague plural counts the smallest number it can name, as ACLED codes them: "dozens" 12,
  "scores" 20, "tens" 10, "hundreds" 100, "thousands" 1000 ("several", "many", "some" stay
  empty: they name no scale at all);
- "killed and wounded", "killed or injured", "kill and injure": one number for two kinds of
  casualty, so neither a death count nor an injured count;
- a count stated for a long period ("in 70 days of escalation", "since late July", "over the
  past two weeks", "in August") is a campaign's tally, not this event's;
- a day's tally over many places ("killed in different circumstances in several areas", "31 were
  killed yesterday, including 4 soldiers and 27 other people" with no place named) is a roll-up
  of several events, not one event's count.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

LOW_BOUNDS = {"dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1000}
_KILL_WORDS = {"kill", "killed", "killing", "kills", "dead", "die", "died", "death", "deaths"}
_HURT_WORDS = {"wound", "wounded", "wounding", "wounds", "injure", "injured", "injuring", "injures", "hurt",
               "injury", "injuries"}
_RANGE_LINKS = {"to", "-", "–", "—", "or"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"}
_PERIOD_PREPS = {"in", "over", "during", "within", "since", "throughout", "across"}
_DAYS = {"day": 1, "night": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}
LONG_PERIOD_DAYS = 7  # an event UCDP or ACLED codes spans a day or a few; a week's total is a tally


def range_low(tok: Token, value: int, read: Callable[[Token], int | None]) -> int:
    """The low end when `tok` closes a range: "10 to 15", "between 10 and 15", "10-15"."""
    doc = tok.doc
    i = tok.i
    if i < 2:
        return value
    link = doc[i - 1].lower_
    before = doc[i - 2]
    if link == "and" and not (i >= 3 and doc[i - 3].lower_ == "between"):
        return value
    if link not in _RANGE_LINKS | {"and"}:
        return value
    low = read(before) if before.like_num else None
    return min(value, low) if low is not None else value


def range_high_end(tok: Token) -> bool:
    """Whether `tok` is the low end of a range whose high end follows ("10 to 15"): the pair is
    one count, read once at its low end, never summed."""
    doc = tok.doc
    i = tok.i
    if i + 2 >= len(doc):
        return False
    link, after = doc[i + 1].lower_, doc[i + 2]
    if link == "and":
        return i >= 1 and doc[i - 1].lower_ == "between" and after.like_num
    return link in _RANGE_LINKS and after.like_num and not doc[i + 1].is_space


def combined(tok: Token) -> bool:
    """A kill word coordinated with a wound word ("killed and wounded", "kill or injure",
    "dead and wounded"): the count they share counts both kinds together."""
    doc = tok.doc
    for step in (1, -1):
        j, k = tok.i + step, tok.i + 2 * step
        if 0 <= k < len(doc) and doc[j].lower_ in {"and", "or", "&", "/"}:
            other = doc[k].lower_
            mine = tok.lower_
            if (mine in _KILL_WORDS and other in _HURT_WORDS) or (mine in _HURT_WORDS and other in _KILL_WORDS):
                return True
    return False


def long_period(*anchors: Token) -> bool:
    """Whether a count told at `anchors` (its verb, toll word or counted noun) is stated for a
    long period: a preposition of time on one of them governing a week or more, a month's name or
    "since ..."."""
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in prep.children):
                return True  # "killed since the fighting erupted": a clause of time, from then on
            if prep.dep_ != "prep" or prep.lower_ not in _PERIOD_PREPS:
                continue
            if prep.lower_ == "since":
                return True
            if any(_period_days(obj) >= LONG_PERIOD_DAYS for obj in prep.children if obj.dep_ == "pobj"):
                return True
    return False


def days_named(tokens: list[Token]) -> int:
    """The longest period a time phrase among `tokens` spans, in days ("in 4 days of fighting" 4,
    "48 hours" 2, "31 days" 31); 0 when they name none."""
    return max((_period_days(t) for t in tokens if t.lemma_.lower() in _DAYS or t.lemma_.lower() == "hour"),
               default=0)


def _period_days(obj: Token) -> int:
    """Days a time phrase spans: "70 days of escalation" 70, "two weeks" 14, "August" 30."""
    if obj.lower_ in _MONTHS:
        return 30
    if obj.lemma_.lower() == "hour" and obj.tag_ in {"NNS", "NNPS"}:
        count = next((c for c in obj.children if c.dep_ == "nummod"), None)
        return (_small_number(count) if count is not None else 2) // 24
    unit = _DAYS.get(obj.lemma_.lower())
    if unit is None:
        return 0
    if obj.tag_ in {"NNS", "NNPS"} or obj.lower_.endswith("s"):
        count = next((c for c in obj.children if c.dep_ == "nummod"), None)
        number = _small_number(count) if count is not None else 2
        return unit * number
    # "the past month", "a week": one unit
    return unit


def _small_number(tok: Token) -> int:
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
             "eleven": 11, "twelve": 12, "several": 3, "few": 3}
    return words.get(text, 2)


_SPREAD = {"several", "different", "various", "many", "multiple", "separate"}
_PLACES_WORDS = {"area", "region", "province", "part", "place", "governorate", "town", "city", "village"}
_DAY_WORDS = {"yesterday", "today", "overnight"}


def day_tally(verb: Token) -> bool:
    """Whether the count a kill word gives is a roll-up of a day over several places (module doc)."""
    for prep in (c for c in verb.subtree if c.dep_ == "prep"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if obj.lemma_.lower() == "circumstance" or (
                    obj.lemma_.lower() in _PLACES_WORDS and obj.tag_ == "NNS"
                    and any(c.lower_ in _SPREAD for c in obj.children)):
                return True
    if not day_rollup(verb):
        return False
    broken_down = any(c.dep_ == "prep" and c.lower_ == "including" and any(  # two groups or more
        g.dep_ == "pobj" and any(x.dep_ == "conj" for x in g.children) for g in c.children) for c in verb.subtree)
    placed = any(e.label_ in {"GPE", "LOC", "FAC"} for e in verb.sent.ents)
    return broken_down and not placed


def day_rollup(verb: Token) -> bool:
    """A day's roll-up broken down ("16 people were killed yesterday, including 3 soldiers"): the
    other counts of its sentence ("..., and 5 were killed in shelling on the city") are parts of
    its total, never added to it."""
    return any(c.lower_ in _DAY_WORDS for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "including" for c in verb.subtree)
