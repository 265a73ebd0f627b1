"""The per-paragraph stages of extraction as spaCy components, and the pipeline that runs them.

Each is registered with `@Language.factory` and says what it assigns (`Doc._` extensions declared
in truce.extract.docext) and which of them it requires; all read the parse, tags, lemmas and
entities of the model pipeline. Their order and configuration are here, in `COMPONENTS`, and
nowhere else:
- `truce_sentences`: `Doc._.truce_sents` (sentences, first tokens, datelines), `Doc._.truce_ents`;
- `truce_triggers`: `Doc._.truce_triggers`, each sentence's lexicon triggers (truce.extract.triggers);
- `truce_places`: `Doc._.truce_places` (truce.geo) and `Doc._.truce_bearing_places`;
- `truce_dates`: `Doc._.truce_dates`, read against `Doc._.truce_published` (truce.timex), with
  phrases cut out of a word dropped and those in a future complement read forward.
What is read per report (offsets in the report, the dateline, speakers, events) stays in
truce.extract.paragraph, which reads these extensions.

`extraction_nlp()` is a Language holding only these components, sharing the vocabulary of the
spaCy model pipeline (truce.nlp): the model parses (in worker processes when n_process > 1) and
this pipeline then runs, in the calling process, on the parsed Docs. Why not add them to the
model pipeline: spaCy sends a worker's Docs back as bytes, and extension values of our own types
(PlaceMention, Trigger, Spans) do not survive that; and every other user of the model pipeline
(`truce places`, the bare pass the speed benchmark compares against) would run them too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from truce.extract.actors_known import organisation_spans
from truce.extract.docext import Sentences, ents_of
from truce.extract.helpers import bearing_places, dates_for, places_for
from truce.extract.lexicon import load_lexicon
from truce.extract.timing import on_word_bounds, reread_future
from truce.extract.triggers import find_triggers
from truce.nlp import load_nlp
from truce.records.text import PlaceMention

# name -> (factory, config): the extraction pipeline, in order
COMPONENTS: dict[str, tuple[str, dict[str, Any]]] = {
    "sentences": ("truce_sentences", {}),
    "triggers": ("truce_triggers", {}),
    "places": ("truce_places", {"bearings": True}),
    "dates": ("truce_dates", {}),
}

# a reference point needs a distance and a bearing: "20 km south of Djibo" (helpers.bearing_places)
_DISTANCE = re.compile(r"km|kilomet|mile|mi\b", re.IGNORECASE)
_BEARING = re.compile(r"north|south|east|west", re.IGNORECASE)


@Language.factory("truce_sentences", assigns=["doc._.truce_sents", "doc._.truce_ents"])
def make_sentences(nlp: Language, name: str) -> Any:
    def sentences(doc: Doc) -> Doc:
        doc._.truce_sents = Sentences.of(doc)
        ents_of(doc)
        return doc

    return sentences


@Language.factory("truce_triggers", assigns=["doc._.truce_triggers"], requires=["doc._.truce_sents"])
def make_triggers(nlp: Language, name: str) -> Any:
    def triggers(doc: Doc) -> Doc:
        lex = load_lexicon()
        doc._.truce_triggers = [find_triggers(s, lex) for s in doc._.truce_sents.spans]
        return doc

    return triggers


@Language.factory("truce_places", assigns=["doc._.truce_places", "doc._.truce_bearing_places"],
                  default_config={"bearings": True})
def make_places(nlp: Language, name: str, bearings: bool) -> Any:
    """`bearings`: also look up the reference points of "<distance> <bearing> of X" by name."""

    def places(doc: Doc) -> Doc:
        found = inside_group_names(doc, places_for(doc))
        doc._.truce_places = found
        text = doc.text
        # (most paragraphs name no distance and bearing: the token walk is skipped for them)
        bear = bearings and _DISTANCE.search(text) is not None and _BEARING.search(text) is not None
        doc._.truce_bearing_places = bearing_places(doc, found) if bear else []
        return doc

    return places


def inside_group_names(doc: Doc, found: list[PlaceMention]) -> list[PlaceMention]:
    """A place read inside a known armed group's or body's longer name ("Africa" in "Islamic State
    West Africa Province", "Kurdistan" in "Kurdistan Workers' Party") names the group, not a scene:
    metonymy. A self-declared republic's name is its land too ("Donetsk People's Republic")."""
    if not found:
        return found
    spans = [(a, b) for a, b in organisation_spans(doc) if not doc.text[a:b].lower().endswith("republic")]
    return [replace(p, usage="metonymy", reason=f"{p.reason}; inside a group's name")
            if p.usage == "literal" and any(a <= p.start and p.end <= b and (a, b) != (p.start, p.end)
                                            for a, b in spans) else p for p in found]


@Language.factory("truce_dates", assigns=["doc._.truce_dates"])
def make_dates(nlp: Language, name: str) -> Any:
    def dates(doc: Doc) -> Doc:
        published = doc._.truce_published
        doc._.truce_dates = reread_future(doc, on_word_bounds(doc, dates_for(doc, published)), published)
        return doc

    return dates


@lru_cache(maxsize=1)
def extraction_nlp() -> Language:
    """The extraction components in a Language of their own, on the model pipeline's vocabulary
    (module docstring); `extraction_nlp().pipe(docs)` runs them on parsed Docs."""
    nlp = spacy.blank("en", vocab=load_nlp().vocab)
    for name, (factory, config) in COMPONENTS.items():
        nlp.add_pipe(factory, name=name, config=config)
    return nlp
