"""A headline's own punctuation: a spaced dash that ends the news and starts its source.

Wire and aggregator headlines end with who said it: "Five killed in shelling of Avdiivka -
Ukrinform", "Gunmen kill three in Tillaberi - Niger army", "... in Syria's al-Bab - army". The
small tagger runs one entity across the dash ("Avdiivka - Ukrinform" as one GPE, "Kherson - Kyiv
Independent" as one ORG) and the parser hangs the place under the source's noun, so the place
reads as part of an organisation's name. A dash with a space on each side is never inside a place
name ("Ivano-Frankivsk", "Al-Raqqah" have none), so entities are cut there; a short closing part
after the headline's last spaced dash that holds more than a place ("Kyiv Post") is a source whose
place only names the outlet. A dateline's dash ("PORT SUDAN, May 13 - Sudan's army ...") opens a
long story, not a short source, and is left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

DASHES = frozenset({"-", "–", "—", "|"})
SOURCE_MAX_TOKENS = 5  # "Syrian Observatory for Human Rights" is the longest common one
HEADLINE_BREAKS = frozenset({";", "\n"})


def spaced_dash(token: Token) -> bool:
    """A dash (or bar) with white space on both sides: punctuation between phrases, not a hyphen."""
    doc = token.doc
    return token.text in DASHES and token.i > 0 and bool(doc[token.i - 1].whitespace_) and \
        bool(token.whitespace_)


def dash_parts(ent: Span) -> list[Span]:
    """The entity cut at its spaced dashes, each part keeping the entity's label."""
    from spacy.tokens import Span

    cuts = [t.i for t in ent if spaced_dash(t)]
    if not cuts:
        return [ent]
    parts: list[Span] = []
    start = ent.start
    for cut in [*cuts, ent.end]:
        if cut > start:
            parts.append(Span(ent.doc, start, cut, label=ent.label_))
        start = cut + 1
    return parts


def trailing_sources(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the short sources that close headlines ("- Ukrinform", "- Kyiv Post")."""
    found: list[tuple[int, int]] = []
    text = doc.text
    if not any(f" {dash} " in text for dash in DASHES):
        return found  # no spaced dash, no source (most paragraphs: the scan below reads every token twice)
    start = 0
    dashes: list[int] = []  # the spaced dashes of the current line (tokens are read once: each read builds one)
    for token in doc:
        i = token.i
        if spaced_dash(token):
            dashes.append(i)
        if token.text in HEADLINE_BREAKS or "\n" in token.whitespace_:
            end = i + 1 if token.text not in HEADLINE_BREAKS else i
            _add_source(doc, start, end, [k for k in dashes if k < end], found)
            start, dashes = i + 1, []
    _add_source(doc, start, len(doc), dashes, found)
    return found


def _add_source(doc: Doc, start: int, end: int, dashes: list[int], found: list[tuple[int, int]]) -> None:
    source = _source_of(doc, start, end, dashes) if dashes else None
    if source is not None:
        found.append((doc[source[0]].idx, doc[source[1] - 1].idx + len(doc[source[1] - 1])))


def _source_of(doc: Doc, start: int, end: int, dashes: list[int]) -> tuple[int, int] | None:
    """The token range after the last spaced dash of doc[start:end] (`dashes`, in order), when it
    reads as a source."""
    first, stop = dashes[-1] + 1, end
    while stop > first and doc[stop - 1].is_punct:
        stop -= 1
    words = doc[first:stop]
    if not 0 < len(words) <= SOURCE_MAX_TOKENS or dashes[-1] - start < 3:
        return None  # nothing after the dash, a long sentence, or a dateline-like opening before it
    if not words[0].text[:1].isupper():
        return None
    if any(t.like_num or t.pos_ in ("VERB", "AUX") for t in words):
        return None  # "- five killed", "- army says": news, not a name
    return first, stop


def in_source_name(start: int, end: int, sources: list[tuple[int, int]], doc: Doc) -> bool:
    """Is doc.text[start:end] a place inside a closing source that names more than that place? The
    rest must be a name ("Kyiv Post"): "- Donetsk region" closes on a place, not on a source."""
    for a, b in sources:
        if a <= start and end <= b:
            return any(ch.isupper() for ch in doc.text[a:start] + doc.text[end:b])
    return False


def across_dash(a: Token, b: Token) -> bool:
    """Do two tokens lie on either side of a spaced dash? A parse link between them ("Syria's
    al-Bab - army": Syria as the army's) joins the news to its source, and says nothing."""
    low, high = sorted((a.i, b.i))
    return any(spaced_dash(a.doc[k]) for k in range(low + 1, high))
