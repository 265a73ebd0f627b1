"""What extraction keeps on a parsed paragraph, as declared spaCy extensions (`Doc._`).

The extraction components (truce.extract.components) fill them, one component per extension group:
- `Doc._.truce_sents` (`truce_sentences`): the sentences, built once with their first tokens and
  the dateline each opens with (spaCy builds `doc.sents` and `token.sent` afresh on every access,
  and the rules ask for a token's sentence tens of thousands of times a report);
- `Doc._.truce_ents` (`truce_sentences`): `doc.ents`, built once, for the same reason;
- `Doc._.truce_triggers` (`truce_triggers`): each sentence's lexicon triggers;
- `Doc._.truce_places`, `Doc._.truce_bearing_places` (`truce_places`): the paragraph's place
  mentions from truce.geo, and the reference points of "20 km south of X" the geoparser missed;
  the actor coder asks for the first for every phrase it codes ("shelled Kharkiv": which country);
- `Doc._.truce_dates` (`truce_dates`): the date phrases, read against `Doc._.truce_published`,
  which the caller sets before the components run (a report's publication date);
- `Doc._.truce_mentions`: (first token, last token, ISO3) of the countries named in each sentence
  and in the whole paragraph, keyed by (start, end) token offsets; a memo the actor coder fills;
- `Doc._.truce_actors`: the actor coded for a phrase head, keyed by (token index, offset); a memo
  the actor coder fills (a subject is coded again for each trigger of its sentence, and by the
  passes that read who acted).
All start as None. A Doc that never went through the components (a test's, `truce places`) has
its sentences, entities and places computed on first use here, with the same result.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from spacy.tokens import Doc, Span, Token

from truce.geo.resolve import places_in_doc
from truce.model import ActorRef, PlaceMention

Mentions = dict[tuple[int, int], list[tuple[int, int, str]]]

EXTENSIONS = ("truce_sents", "truce_ents", "truce_triggers", "truce_places", "truce_bearing_places",
              "truce_dates", "truce_published", "truce_mentions", "truce_actors")
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

_DASHES = {"-", "–", "—", "--"}
_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
           "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"}


@dataclass(frozen=True, slots=True)
class Sentences:
    """A Doc's sentences, their first token indices (for bisection) and, per sentence, the index
    of the dash closing a dateline it opens with ("KHARKIV, June 26 -"), else -1."""

    spans: tuple[Span, ...]
    starts: tuple[int, ...]
    datelines: tuple[int, ...]

    @classmethod
    def of(cls, doc: Doc) -> Sentences:
        spans = tuple(doc.sents)
        return cls(spans, tuple(s.start for s in spans), tuple(_dateline(s) for s in spans))

    def index(self, tok: Token) -> int:
        return bisect_right(self.starts, tok.i) - 1


def _dateline(sent: Span) -> int:
    first = sent[0]
    if not (first.is_upper and first.is_alpha and len(first.text) >= 3) and first.lower_ not in _MONTHS:
        return -1
    dated = False
    for t in sent[:16]:
        if t.text in _DASHES and (dated or _undated_dateline(sent, t)):
            return t.i
        if t.lower_.rstrip(".") in _MONTHS or t.ent_type_ == "DATE":
            dated = True
    return -1


def _undated_dateline(sent: Span, dash: Token) -> bool:
    """A wire dateline with no date: the city in capitals, perhaps its country, then the dash
    ("KYIV —", "PORT SUDAN, Sudan —"). Only a short all-capitals city opens one, so a sentence
    opening with an acronym and a dash aside ("NATO — the alliance said —") is none."""
    before = sent[: dash.i - sent.start]
    caps = [t for t in before if t.is_upper and t.is_alpha]
    if not caps or len(before) > 6 or not before[0].is_upper:
        return False
    comma = next((t.i - sent.start for t in before if t.text == ","), len(before))
    city, country = before[:comma], before[comma + 1:]
    return (all(t.is_upper and t.is_alpha for t in city) and len(city) <= 3
            and all(t.is_title and t.is_alpha for t in country)
            and (bool(country) or len("".join(t.text for t in city)) >= 4))


T = TypeVar("T")

# The Doc whose sentences were asked for last, and them. `doc._` builds an accessor object on every
# access (several microseconds), and the rules ask for a token's sentence on every token they climb,
# almost always in the paragraph asked about just before: one slot, holding the Doc itself (so its
# id cannot be reused), answers those. The extension stays the one place the value is kept.
def _last_doc_memo(attr: str, make: Callable[[Doc], T]) -> Callable[[Doc], T]:
    """`Doc._.<attr>`, made by `make` on first use, answered from a one-slot memo (above)."""
    slot: list[Any] = [None, None]

    def value(doc: Doc) -> T:
        if slot[0] is doc:
            return cast(T, slot[1])
        found = getattr(doc._, attr)
        if found is None:
            found = make(doc)
            setattr(doc._, attr, found)
        slot[0], slot[1] = doc, found
        return cast(T, found)

    return value


# the Doc's `Sentences` (`Doc._.truce_sents`, made on first use if no component made it)
sentences = _last_doc_memo("truce_sents", Sentences.of)
# `doc.ents`, built once per Doc
ents_of = _last_doc_memo("truce_ents", lambda doc: tuple(doc.ents))


def sentence_of(tok: Token) -> Span:
    """`tok.sent`, found by bisection in the Doc's sentences (built once per Doc)."""
    sents = sentences(tok.doc)
    return sents.spans[sents.index(tok)]


def dateline_end(tok: Token) -> int:
    """Index of the dash closing a dateline that opens the sentence of `tok` ("KHARKIV, June 26 -"),
    else -1. The parser often makes the dateline city the subject and the real one its apposition."""
    sents = sentences(tok.doc)
    return sents.datelines[sents.index(tok)]


def places_of(doc: Doc) -> list[PlaceMention]:
    """The place mentions of `doc` (`Doc._.truce_places`), resolved on first use if no component
    resolved them."""
    if doc._.truce_places is None:
        doc._.truce_places = list(places_in_doc(doc))
    return list(doc._.truce_places)


def actors_cache(doc: Doc) -> dict[tuple[int, int], ActorRef | None]:
    """The Doc's memo of coded actors (see the module docstring)."""
    found = doc._.truce_actors
    if found is None:
        found = doc._.truce_actors = {}
    return found


def mentions_cache(doc: Doc) -> Mentions:
    """The Doc's country-mention memo (see the module docstring)."""
    if doc._.truce_mentions is None:
        doc._.truce_mentions = {}
    return doc._.truce_mentions
