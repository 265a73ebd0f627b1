"""Casualty counts ("killed two soldiers", "three civilians were wounded", "a death toll of 12")
and weapons named in a sentence."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "dozens": 24, "scores": 40, "hundreds": 200, "thousand": 1000,
    "thousands": 2000, "several": 3, "both": 2,
}
_VAGUE = {"dozens", "scores", "hundreds", "thousands", "several"}
_KILL = {"kill", "die", "dead", "death", "fatality", "slay", "behead", "execute", "massacre", "murder"}
_WOUND = {"wound", "injure", "injured", "hurt", "wounded", "injury"}
_TOLL = {"toll"}
_PEOPLE_SINGULAR = {"soldier", "civilian", "man", "woman", "child", "boy", "girl", "person", "officer",
                    "policeman", "fighter", "resident", "villager", "serviceman", "journalist", "guard"}


def number_value(tok: Token) -> int | None:
    """An integer from a numeral or number word ("12", "1,200", "three", "a dozen")."""
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    if text in _NUMBER_WORDS and text not in _VAGUE:
        # "three hundred": multiply by a following "hundred"/"thousand"
        value = _NUMBER_WORDS[text]
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ in {"hundred", "thousand"} and value < 100:
            value *= _NUMBER_WORDS[nxt.lower_]
        return value
    return None


def _count_of(noun: Token) -> tuple[int, Token] | None:
    """The count a noun phrase carries: nummod, "a soldier", or the noun being a numeral itself."""
    value = number_value(noun) if noun.pos_ == "NUM" else None
    if value is not None:
        return value, noun
    for child in noun.children:
        if child.dep_ in {"nummod", "quantmod"}:
            value = number_value(child)
            if value is not None:
                return value, child
        if child.dep_ == "det" and child.lower_ in {"a", "an"} and noun.lemma_.lower() in _PEOPLE_SINGULAR:
            return 1, child
    return None


def _victims(tok: Token) -> list[Token]:
    lemma = tok.lemma_.lower()
    out: list[Token] = []
    if tok.pos_ in {"VERB", "AUX"}:
        deps = {"dobj", "nsubjpass"} if lemma not in {"die"} else {"nsubj"}
        out = [c for c in tok.children if c.dep_ in deps]
        if tok.dep_ in {"acl", "relcl"} and not out:
            out = [tok.head]  # "two soldiers killed in the attack"
    elif tok.pos_ == "ADJ" and tok.dep_ == "amod":
        out = [tok.head]  # "12 dead civilians"
    elif tok.pos_ == "ADJ" and tok.dep_ in {"acomp", "oprd"}:
        out = [c for c in tok.head.children if c.dep_ == "nsubj"]
    elif tok.pos_ in {"NOUN", "ADJ"} and lemma in {"dead", "wounded", "injured"}:
        out = [tok]  # "12 dead", "the wounded"
    expanded: list[Token] = []
    for noun in out:
        expanded.append(noun)
        expanded.extend(c for c in noun.conjuncts if c.i > noun.i)
    return expanded


def _toll(tok: Token) -> int | None:
    for child in tok.subtree:
        if child.pos_ == "NUM":
            value = number_value(child)
            if value is not None:
                return value
    head = tok.head
    for child in head.subtree if head.pos_ in {"VERB", "AUX"} else []:
        if child.pos_ == "NUM" and child.i > tok.i:
            return number_value(child)
    return None


def casualties(sent: Span) -> tuple[int | None, int | None, list[tuple[int, int]], list[tuple[int, int]]]:
    """(fatalities, injured, spans of the killed counts, spans of the injured counts) in `sent`."""
    killed: dict[int, int] = {}
    hurt: dict[int, int] = {}
    for tok in sent:
        lemma = tok.lemma_.lower()
        low = tok.lower_
        if lemma in _TOLL and any(c.lower_ == "death" for c in tok.children):
            value = _toll(tok)
            if value is not None:
                killed[tok.i] = value
            continue
        target = killed if (lemma in _KILL or low == "dead") else hurt if (lemma in _WOUND or low in _WOUND) else None
        if target is None:
            continue
        for noun in _victims(tok):
            found = _count_of(noun)
            if found is not None:
                target[found[1].i] = found[0]
    k_spans = [[sent.doc[i].idx, sent.doc[i].idx + len(sent.doc[i].text)] for i in killed]
    h_spans = [[sent.doc[i].idx, sent.doc[i].idx + len(sent.doc[i].text)] for i in hurt]
    return (sum(killed.values()) if killed else None, sum(hurt.values()) if hurt else None,
            [(a, b) for a, b in k_spans], [(a, b) for a, b in h_spans])


@lru_cache(maxsize=1)
def _weapon_tables() -> tuple[dict[str, str], dict[str, str]]:
    text = resources.files("truce.extract").joinpath("data", "weapons.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return ({str(k).lower(): str(v) for k, v in data["weapons"].items()},
            {str(k): str(v) for k, v in data["modes"].items()})


def weapons(sent: Span) -> list[str]:
    """Weapon classes named in `sent`, in order of first mention, two-word names first."""
    table, _ = _weapon_tables()
    found: list[str] = []
    toks = [t for t in sent if not t.is_space]
    skip = -1
    for i, tok in enumerate(toks):
        if i <= skip:
            continue
        if i + 1 < len(toks):
            pair = f"{tok.lemma_.lower()} {toks[i + 1].lemma_.lower()}"
            if pair in table:
                found.append(table[pair])
                skip = i + 1
                continue
        cls = table.get(tok.lemma_.lower()) or table.get(tok.lower_)
        if cls:
            found.append(cls)
    return list(dict.fromkeys(found))


def mode_for_weapons(found: list[str]) -> str | None:
    """The ASSAULT mode implied by the first weapon class that implies one."""
    _, modes = _weapon_tables()
    return next((modes[w] for w in found if w in modes), None)
