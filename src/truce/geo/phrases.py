"""What the words right around a name say about it, beyond its being a place.

- "the U.S.-led coalition", "Turkey-backed factions", "Russia-controlled units": the place names
  a side (its country), not where anything happened (`leads_a_group`);
- "the countryside of Aleppo", "Idlib countryside": the land around the name, its province where
  the gazetteer has one of that name (`countryside`);
- "Nora is a village in Jo Daviess County": the subject names a settlement, listed or not
  (`defines_a_settlement`);
- "Boni (Hombori, Mopti)", "Paletwa (Chin state)": the names in brackets right after a place are
  the places that hold it (`bracketed_holders`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# "the U.S.-led coalition", "Turkey-backed factions", "Kyiv-controlled": the place names a side
SIDE_PARTICIPLES = frozenset({"led", "backed", "supported", "sponsored", "allied", "aligned", "controlled",
                              "held", "funded", "armed", "trained"})


# "the Lou Nuer and Murle communities", "Zaire militia": the name before one of these is a people's
GROUP_NOUNS = frozenset({"community", "communities", "tribe", "tribes", "tribesmen", "clan", "clans",
                         "militia", "militias", "militiamen", "ethnic"})


def names_a_people(doc: Doc, span: Span) -> bool:
    """The name (with the names joined to it) qualifies a group noun: a people or its militia,
    not a place ("elders of the Lou Nuer and Murle communities", "clashed with Zaire militia")."""
    k = span.end
    while k < min(len(doc), span.end + 4) and (doc[k].lower_ in ("and", ",") or doc[k].pos_ == "PROPN"):
        k += 1
    return k < len(doc) and doc[k].lower_ in GROUP_NOUNS


def leads_a_group(doc: Doc, span: Span) -> bool:
    """The name is joined to a side's participle: "US-led", "Turkey-backed", "the U.S led"
    (a spaced participle only for "led"/"backed": "Kherson held by the army" is a place), or names
    a people (`names_a_people`)."""
    if names_a_people(doc, span):
        return True
    k = span.end + (1 if span.end < len(doc) and doc[span.end].text in ("-", "–") else 0)
    return k < len(doc) and doc[k].lower_ in SIDE_PARTICIPLES and (k > span.end or not doc[span.end - 1].whitespace_
                                                                    or doc[k].lower_ in ("led", "backed"))


def countryside(doc: Doc, span: Span) -> bool:
    """"(the northern) countryside of X" or "X countryside"."""
    return (span.start > 1 and doc[span.start - 2].lower_ == "countryside" and doc[span.start - 1].lower_ == "of") \
        or (span.end < len(doc) and doc[span.end].lower_ == "countryside")


# "X is a <noun>": nouns that make X a settlement, whether or not the gazetteer lists it
SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "settlement", "hamlet", "community", "suburb", "locality",
                              "municipality", "commune", "township", "borough", "parish", "neighbourhood",
                              "neighborhood", "district", "quarter", "ward"})


def defines_a_settlement(span: Span) -> bool:
    """"Nora is a village in ...": a settlement the text defines is a place even where the gazetteer
    lacks it (hamlets below its threshold), to be placed by what holds it."""
    attr = next((c for c in span.root.head.children if c.dep_ == "attr"), None)
    return attr is not None and attr.lemma_.lower() in SETTLEMENT_NOUNS


class _Stretch(Protocol):
    start: int
    end: int
    weak: bool


_OPENS_HOLDERS = re.compile(r"^\s*\((?:[^()]*,\s*)?$")  # "Boni (", "Boni (Hombori, "
_CLOSES_HOLDER = re.compile(r"^\s*(?:state|region|province|district|governorate)?\s*[,)]", re.IGNORECASE)


def bracketed_holders(text: str, found: Sequence[_Stretch]) -> None:
    """The names in brackets right after a place ("Boni (Hombori, Mopti)", "Gusau (Zamfara)"):
    the district and province that hold it, as notes and wire copy write them, so places however
    the tagger labelled them ("Mopti" as a person): no longer weak. `found` in text order."""
    for before, name in pairwise(found):
        if name.weak and _OPENS_HOLDERS.match(text[before.end:name.start]) and \
                _CLOSES_HOLDER.match(text[name.end:name.end + 30]):
            name.weak = False


# "the Line of Contact", "the Blue Line", "the Durand Line": a ceasefire or border line, drawn on a
# map but no settlement, though its words may be some village's name ("Line" as Lin'e in China)
LINE_WORDS = frozenset({"line", "lines"})


def line_names(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Character ranges of the named lines in `doc` (whose text is `text`): a capitalised "Line" with
    the capitalised words before it ("the Blue Line") or "of" and the capitalised words after it
    ("Line of Control")."""
    found: list[tuple[int, int]] = []
    if "Line" not in text:
        return found  # (most texts: no token to read)
    for token in doc:
        if token.lower_ not in LINE_WORDS or not token.text[0].isupper():
            continue
        start = end = token.i
        while start > 0 and doc[start - 1].is_alpha and doc[start - 1].text[0].isupper() and \
                doc[start - 1].lower_ != "the" and not doc[start - 1].is_sent_start:
            start -= 1
        if end + 2 < len(doc) and doc[end + 1].lower_ == "of" and doc[end + 2].text[:1].isupper():
            end += 2
            while end + 1 < len(doc) and doc[end + 1].is_alpha and doc[end + 1].text[0].isupper():
                end += 1
        if end > start:  # a lone "Line" names nothing
            found.append((doc[start].idx, doc[end].idx + len(doc[end])))
    return found
