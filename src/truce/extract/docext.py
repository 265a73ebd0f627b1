"""What extraction keeps on a parsed paragraph, as declared spaCy extensions (`Doc._`).

- `Doc._.truce_places`: the paragraph's place mentions (truce.geo), resolved once; the actor coder
  asks for them for every phrase it codes ("shelled Kharkiv": which country is Kharkiv in).
- `Doc._.truce_mentions`: (first token, last token, ISO3) of the countries named in each sentence
  and in the whole paragraph, keyed by (start, end) token offsets.
Both start as None and are filled on first use, one fresh value per Doc.
"""

from __future__ import annotations

from spacy.tokens import Doc

from truce.geo.resolve import places_in_doc
from truce.model import PlaceMention

Mentions = dict[tuple[int, int], list[tuple[int, int, str]]]

for _name in ("truce_places", "truce_mentions"):
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
    return doc._.truce_mentions  # type: ignore[no-any-return]
