"""What extraction keeps on a parsed paragraph, as declared spaCy extensions (`Doc._`).

- `Doc._.truce_places`: the paragraph's place mentions (truce.geo), resolved once; the actor coder
  asks for them for every phrase it codes ("shelled Kharkiv": which country is Kharkiv in).
- `Doc._.truce_mentions`: (first token, last token, ISO3) of the countries named in each sentence
  and in the whole paragraph, keyed by (start, end) token offsets.
- `Doc._.truce_ents`, `Doc._.truce_sents`: the entities and sentences, built once. spaCy builds
  `doc.ents` and `token.sent` afresh on every access, and the rules ask thousands of times a report.
All start as None and are filled on first use, one fresh value per Doc.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc, Span, Token

from truce.geo.resolve import places_in_doc
from truce.model import PlaceMention

Mentions = dict[tuple[int, int], list[tuple[int, int, str]]]

for _name in ("truce_places", "truce_mentions", "truce_ents", "truce_sents"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def set_places(doc: Doc, places: list[PlaceMention]) -> None:
    """Keep the paragraph's resolved places on the Doc (see `places_of`)."""
    doc._.truce_places = list(places)


def places_of(doc: Doc) -> list[PlaceMention]:
    """The place mentions of `doc`, resolved on first use and then kept."""
    if doc._.truce_places is None:
        doc._.truce_places = list(places_in_doc(doc))
    return list(doc._.truce_places)


def mentions_cache(doc: Doc) -> Mentions:
    """The Doc's country-mention cache (see the module docstring)."""
    if doc._.truce_mentions is None:
        doc._.truce_mentions = {}
    return doc._.truce_mentions


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per Doc."""
    if doc._.truce_ents is None:
        doc._.truce_ents = tuple(doc.ents)
    return doc._.truce_ents


# where spaCy keeps an extension's value: read directly on the hot path (`doc._` builds a new
# accessor object on every access, and sentences are asked for on every token the rules climb)
_SENTS_KEY = ("._.", "truce_sents", None, None)


def sentence_of(tok: Token) -> Span:
    """`tok.sent`, found by bisection in the Doc's sentences (built once per Doc)."""
    doc = tok.doc
    store: dict[Any, Any] = doc.user_data
    found = store.get(_SENTS_KEY)
    if found is None:
        sents = tuple(doc.sents)
        found = store[_SENTS_KEY] = (sents, [s.start for s in sents])
    sents, starts = found
    return sents[bisect_right(starts, tok.i) - 1]
