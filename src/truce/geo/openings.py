"""Place names that open a sentence, where the small tagger reads them worst.

"Kharkiv was shelled overnight", "Toretsk was shelled twice", "Anantnag was the scene of a
gunfight": at the start of a sentence the capital letter says nothing, and en_core_web_sm tags
such a name PERSON, or leaves it untagged as a NOUN, ADV or even INTJ, so neither NER nor the
proper-noun scan reads it. A dateline's city in capitals ("BEIRUT (AFP) -", "MAPUTO, Mozambique -")
is tagged ADJ or ADV for the same reason. Such a word is read as a place name when the gazetteer
knows it exactly, it is the sentence's subject (or the dateline's city), it is no English word the
text also writes in lower case, and it is no person the text names; it is marked weak, so it
stays only when the text's other places back it (`truce.geo.resolve`: its country named or a
place near it).

Also here: the people a text names, which keep a surname from being read as a place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from truce.geo.countries import is_demonym
from truce.geo.gazetteer import Gazetteer
from truce.geo.headline import DASHES, dash_parts, spaced_dash
from truce.geo.names import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from truce.geo.gazetteer import Candidate

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
MISPARSED_SUBJECTS = frozenset({"advmod", "npadvmod"})
STRUCK_TOWN_POPULATION = 20_000
RIVAL_SHARE = 5
# What a town undergoes in war news: "Bakhmut fell", "Jenin was raided", "Kherson came under fire".
FORCE_LEMMAS = frozenset({"shell", "bomb", "bombard", "strike", "hit", "attack", "target", "raid", "storm",
                          "capture", "seize", "retake", "recapture", "overrun", "besiege", "encircle",
                          "surround", "liberate", "fall", "ambush", "pound", "rock", "occupy", "shake"})
# Closed word classes never open a place name, whatever the gazetteer holds ("Many", "Under").
CLOSED_CLASSES = frozenset({"DET", "PRON", "AUX", "ADP", "CCONJ", "SCONJ", "NUM", "PART", "PUNCT", "SYM"})
MAX_TOKENS = 4


def person_words(ents: Sequence[Span]) -> set[str]:
    """Surnames of the multi-word person names in a document ("Recep Tayyip Erdoğan" -> erdogan).
    An entity the tagger ran across a dateline's dash ("Mali - Gao") is cut there first: "Gao"
    is no one's surname."""
    return {fold(part[-1].text) for ent in ents if ent.label_ == "PERSON"
            for part in dash_parts(ent) if len(part) > 1}


def names_a_person(ent: Span, people: set[str], titles: frozenset[str]) -> bool:
    """A PERSON entity that is a person after all: a known surname, or a title before it."""
    if ent.label_ != "PERSON":
        return False
    if len(ent) == 1 and fold(ent.text) in people:
        return True
    return ent.start > 0 and fold(ent.doc[ent.start - 1].text) in titles


def _opening_tokens(doc: Doc, text: str) -> Iterator[Token]:
    """The first word of each sentence, and of each clause after a spaced dash ("Mali - Gao was
    hit": the dateline's dash starts the story)."""
    for sent in doc.sents:
        for token in sent:
            if token.is_alpha:
                yield token
                break
    if not any(f" {dash} " in text for dash in DASHES):
        return
    for token in doc:
        if spaced_dash(token) and token.i + 1 < len(doc):
            yield doc[token.i + 1]


def _dateline(token: Token) -> bool:
    """The capitals that open a story before its country or agency: "KHARTOUM, Sudan (Reuters) -"."""
    doc = token.doc
    return token.i == 0 and token.is_upper and len(token) >= 3 and token.i + 1 < len(doc) and \
        doc[token.i + 1].text in (",", "(")


def _span_at(token: Token, gazetteer: Gazetteer) -> Span | None:
    """The longest run of capitalised words from `token` that the gazetteer knows by exactly that
    name (not through a loose spelling variant)."""
    doc = token.doc
    limit = token.i + 1
    while limit < min(len(doc), token.i + MAX_TOKENS) and doc[limit].text[:1].isupper() and doc[limit].is_alpha:
        limit += 1
    for end in range(limit, token.i, -1):
        span = doc[token.i:end]
        if any(not c.loose for c in gazetteer.candidates(span.text)):
            return span
    return None


def _plausible_word(token: Token, text: str, people: set[str]) -> bool:
    doc = token.doc
    if token.pos_ in CLOSED_CLASSES or token.is_stop or token.tag_ in ("NNS", "NNPS") or \
            re.search(rf"(?<![\w-]){re.escape(token.lower_)}(?![\w-])", text):
        return False  # "Many", "Officials said", a word the text writes in lower case too
    if fold(token.text) in people or is_demonym(token.text):
        return False
    return not (token.i + 1 < len(doc) and doc[token.i + 1].ent_type_ == "PERSON")


def sentence_openings(doc: Doc, text: str, gazetteer: Gazetteer, taken: list[tuple[int, int]],
                      people: set[str], not_places: frozenset[str]) -> list[Span]:
    """Names that open a sentence (or a dateline) and that nothing else read, as token spans
    (`text` is the document's)."""
    found: list[Span] = []
    for token in _opening_tokens(doc, text):
        if not token.is_alpha or not token.text[0].isupper() or token.ent_type_:  # entities: read already
            continue
        if fold(token.text) in not_places or not _plausible_word(token, text, people):
            continue
        span = _span_at(token, gazetteer)
        if span is not None and span.root.dep_ not in SUBJECTS and not _dateline(token) and \
                not (span.root.dep_ in MISPARSED_SUBJECTS and struck_subject(span)):
            continue
        if span is None or any(a < span.end_char and span.start_char < b for a, b in taken):
            continue
        found.append(span)
        taken.append((span.start_char, span.end_char))
    return found


def struck_subject(span: Span) -> bool:
    """The name is what an act of force or capture befalls: the subject of a passive force verb
    ("was shelled", "was captured"), of "fell", or of "came under" fire."""
    root = span.root
    verb = root.head
    if root.dep_ not in SUBJECTS | MISPARSED_SUBJECTS or verb.i == root.i or verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    if root.dep_ != "nsubj" or lemma == "fall":  # ("Bakhmut fell": the small parser may make it an advmod)
        return lemma in FORCE_LEMMAS
    return lemma == "come" and any(c.lower_ == "under" for c in verb.children)


def sole_town(candidate: Candidate, candidates: tuple[Candidate, ...]) -> bool:
    """A town of STRUCK_TOWN_POPULATION or more that no namesake of its exact name rivals (none of
    even a fifth its size): what an act of force befalls needs no other place to back it."""
    if candidate.kind not in ("city", "capital") or candidate.population < STRUCK_TOWN_POPULATION or \
            candidate.loose:
        return False
    key = fold(candidate.name)
    return not any(c.id != candidate.id and c.kind in ("city", "capital") and fold(c.name) == key
                   and c.population * RIVAL_SHARE >= candidate.population for c in candidates)
