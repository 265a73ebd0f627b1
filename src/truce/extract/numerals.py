"""Numbers written in words or digits ("12", "1,200", "three", "two hundred and fifty"), read
from a parsed token and the number words around it, and the numbers that count no people (a date,
an age, a number of days): truce.extract.victims and truce.extract.toll_phrases count with them."""

from __future__ import annotations

from spacy.tokens import Token

from truce.extract import toll_shapes as shapes

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12, "both": 2,
}
NUMBER_WORDS = _NUMBER_WORDS  # read by truce.extract.victims ("Eleven Maoist guerrillas")
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_VAGUE = {"dozens", "scores", "hundreds", "thousands", "millions", "several", "many", "some", "few", "tens"}


def number_value(tok: Token) -> int | None:
    """An integer from a numeral or number word ("12", "1,200", "three", "a dozen"), read with the
    number words around it ("two hundred and fifty" -> 250, "3 million"). Vague quantities
    ("several", "many") are None: a count we would have to invent is left empty. A vague plural of a
    scale ("dozens", "hundreds") is that scale's low bound, and a range its low end (toll_shapes)."""
    text = tok.lower_.replace(",", "")
    if text in shapes.LOW_BOUNDS:
        return shapes.LOW_BOUNDS[text]
    if text in _VAGUE:
        return None
    if not (text.isdigit() or text in _NUMBER_WORDS or text in _SCALES or _decimal(text)):
        return None
    value = _words_value(_numeral_run(tok))
    if value is not None and _halved(tok):
        value //= 2  # "half a dozen soldiers": 6
    return shapes.range_low(tok, value, _plain_value) if value is not None else None


def _halved(tok: Token) -> bool:
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 2].lower_ == "half" and doc[tok.i - 1].lower_ in {"a", "an"}


def _plain_value(tok: Token) -> int | None:
    """A numeral's own value, without looking for a range around it."""
    text = tok.lower_.replace(",", "")
    if not (text.isdigit() or text in _NUMBER_WORDS or _decimal(text)):
        return None
    return _words_value(_numeral_run(tok))


def _decimal(text: str) -> bool:
    head, dot, tail = text.partition(".")
    return bool(dot) and head.isdigit() and tail.isdigit()


def _numeral_run(tok: Token) -> list[str]:
    """The number words of one numeral around `tok`: "two hundred and fifty", "twenty - five"."""
    doc = tok.doc
    lo = hi = tok.i
    while lo > 0 and _numeral_word(doc[lo - 1], doc, lo - 1):
        lo -= 1
    while hi + 1 < len(doc) and _numeral_word(doc[hi + 1], doc, hi + 1):
        hi += 1
    words = [t.lower_.replace(",", "") for t in doc[lo: hi + 1] if t.lower_ not in {"and", "-"}]
    return words


def _numeral_word(tok: Token, doc: object, i: int) -> bool:
    low = tok.lower_.replace(",", "")
    if low in {"and", "-"}:  # only between two number words: "hundred and fifty", "twenty-five"
        d = tok.doc
        if not 0 < i < len(d) - 1:
            return False
        if low == "and" and d[i - 1].lower_ not in _SCALES:
            return False  # "between 10 and 15": a range, not "hundred and fifty"
        if low == "-" and (d[i - 1].is_digit or d[i + 1].is_digit):
            return False  # "2007-01-10", "2-3 km": a date or a range, never one sum
        return _is_number(d[i - 1]) and _is_number(d[i + 1])
    return _is_number(tok)


def _is_number(tok: Token) -> bool:
    low = tok.lower_.replace(",", "")
    return (low.isdigit() or low in _NUMBER_WORDS or low in _SCALES or _decimal(low)) and \
        low not in _VAGUE and low not in {"a", "an", "both", "several"}


def _words_value(words: list[str]) -> int | None:
    """Value of number words in order: ["two", "hundred", "fifty"] -> 250, ["1.5", "million"]."""
    total = current = 0.0
    seen = False
    for word in words:
        if word in _SCALES:
            scale = _SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        elif word.isdigit() or _decimal(word):
            current += float(word)
        elif word in _NUMBER_WORDS:
            current += _NUMBER_WORDS[word]
        else:
            continue
        seen = True
    value = int(total + current)
    return value if seen and value > 0 else None


_TIME_UNITS = {"day", "week", "month", "year", "hour", "minute", "decade", "night"}


_DATE_SEPARATORS = {"-", "/", "."}
_CLAUSE_BREAKS = {"-", "–", "—", ":"}


def in_date(tok: Token) -> bool:
    """A numeral written as part of a date ("2007-01-10", "10/01/2007", "2007"): no count of people."""
    if tok.ent_type_ not in {"DATE", "TIME"} or not tok.is_digit:
        return False
    doc = tok.doc
    # the separators of one written date touch its numbers: "2007-01-10 - 3 killed" has a date,
    # then a spaced dash and a count
    before = tok.i > 0 and doc[tok.i - 1].text in _DATE_SEPARATORS and not doc[tok.i - 1].whitespace_
    after = tok.i + 1 < len(doc) and doc[tok.i + 1].text in _DATE_SEPARATORS and not tok.whitespace_
    return len(tok.text) == 4 or before or after


def identifier(tok: Token) -> bool:
    """A numeral that names a thing rather than counting people: written after the name it
    belongs to ("Brigade 93", "Highway 1", "Resolution 2254", "Sector 4")."""
    head = tok.head
    return tok.dep_ in {"nummod", "appos", "npadvmod"} and head.i == tok.i - 1 and head.tag_ in {"NNP", "NN"} \
        and head.text[:1].isupper()


def is_age(tok: Token) -> bool:
    """"14-year-old", "a 14 year old": a number that tells an age."""
    doc = tok.doc
    nxt = [t.lower_ for t in doc[tok.i + 1: tok.i + 5]]
    return "year" in nxt[:2] and "old" in nxt


def time_count(tok: Token) -> bool:
    """"two days", "11 days", "2019": a number of time units or a year, not of people. A figure
    the tagger glues onto a period before it ("during the past 24 hours to 12") is no time: the
    period ends at its unit, and "to" then takes a count; so is one after a spaced dash or colon
    that closes a date ("2007-01-10 - 3 killed", "10 May: 4 dead")."""
    if tok.head.lemma_.lower() in _TIME_UNITS:
        return True
    if tok.ent_type_ not in {"DATE", "TIME"}:
        return False
    doc = tok.doc
    if tok.i >= 1 and doc[tok.i - 1].text in _CLAUSE_BREAKS and doc[tok.i - 1].whitespace_ and not in_date(tok):
        return False
    return not (tok.i >= 2 and doc[tok.i - 1].lower_ == "to" and doc[tok.i - 2].lemma_.lower() in _TIME_UNITS
                and doc[tok.i - 2].tag_ == "NNS")
