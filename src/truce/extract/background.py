"""Background time: a clause set in an unbounded stretch of the past ("in previous years", "over
the years", "since 2014") tells the conflict's background, not an act of the report's day.
"""

from __future__ import annotations

from spacy.tokens import Token

# "in previous years", "over the years", "for decades", "in the past": a span of time behind the
# report, not a day in it; a clause set in it tells background, not news
_SPAN_NOUNS = {"year", "decade", "past", "century", "generation"}
_SPAN_MODS = {"previous", "past", "earlier", "preceding", "prior", "former", "recent"}
_SPAN_PREPS = {"in", "over", "for", "during", "throughout"}


def habitual_past(trigger: Token) -> bool:
    """The trigger's clause is set in an unbounded stretch of the past ("In previous years, clashes
    were frequent", "militants have attacked the town several times over the years"), or is the
    earlier act a story measures its news from ("came two years after a similar assault killed 20")."""
    if long_before(trigger):
        return True
    node = trigger
    for _ in range(6):
        if any(_span_phrase(c) for c in node.children) or any(
                c.dep_ == "advmod" and c.lower_ in {"historically", "traditionally"} for c in node.children):
            return True
        if node.head.i == node.i or node.dep_ in {"ccomp", "advcl", "relcl", "parataxis"}:
            return False
        node = node.head
    return False


# units of a lapse long enough that what came before it is the story's past
_LAPSE_UNITS = {"year", "month", "decade"}


def long_before(trigger: Token) -> bool:
    """The trigger is the earlier act an "N years after" or "months after" measures from: "The
    attack came two years after a similar assault on the base killed 20 soldiers", "the raid came
    three years after the massacre in Yumbi". The news is the act the lapse runs to, not this one."""
    node = trigger
    for _ in range(6):
        if node.dep_ == "pobj" and node.head.lower_ in {"after", "since"} and _lapse(node.head):
            return True  # "three years after the massacre"
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"after", "since"} and _lapse(c)
                                        for c in node.children):
            return True  # "two years after a similar assault killed 20"
        if node.head.i == node.i or node.dep_ in {"ccomp", "relcl", "parataxis"}:
            return False
        node = node.head
    return False


def _lapse(after: Token) -> bool:
    return any(c.dep_ in {"npadvmod", "advmod"} and c.lemma_.lower() in _LAPSE_UNITS for c in after.children)


def _span_phrase(prep: Token) -> bool:
    if prep.dep_ == "prep" and prep.lower_ == "since":
        return _since_year(prep)
    if prep.dep_ != "prep" or prep.lower_ not in _SPAN_PREPS:
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in _SPAN_NOUNS:
        return False
    if obj.lemma_.lower() == "past":
        return any(c.lower_ == "the" for c in obj.children)  # "in the past", not "in the past week"
    plural = obj.tag_ == "NNS"
    mods = {c.lower_ for c in obj.children if c.dep_ in {"amod", "det"}}
    # "over the years", "for years", "in previous years" (not "in the year 2020", "for a year")
    return plural and (bool(mods & _SPAN_MODS) or mods <= {"the"}) and not any(
        c.dep_ in {"nummod", "prep"} for c in obj.children)


def _year(tok: Token) -> bool:
    """A year or decade written as digits ("2014", "1990s")."""
    digits = tok.text[:-1] if tok.text.endswith("s") else tok.text
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100


def _since_year(prep: Token) -> bool:
    """"have fought since 2014", "have clashed repeatedly since the 2020 war": a stretch running
    from a year named to the report's day is a years-long state of affairs, the conflict's
    background, not an act of one day ("since Tuesday", "since the truce" stay news)."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or not _perfect(prep.head):
        return False  # (English runs "since" with the perfect; else the parser hung it on the wrong verb)
    return _year(obj) or any(_year(c) for c in obj.children if c.dep_ in {"nummod", "compound", "amod"})


def _perfect(verb: Token) -> bool:
    """"has killed", "have been fighting", "had held": the verb is in the perfect."""
    return any(c.dep_ in {"aux", "auxpass"} and c.lemma_.lower() == "have" for c in verb.children)
