"""The extraction components (truce.extract.components): registered spaCy factories run through
their own Language, each assigning the `Doc._` extensions it declares, with the same results as
the stages they wrap."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from spacy.tokens import Doc

from truce.extract.components import COMPONENTS, extraction_nlp
from truce.extract.docext import Sentences, dateline_end, sentence_of
from truce.extract.helpers import places_for
from truce.extract.lexicon import load_lexicon
from truce.extract.pipeline import extract
from truce.extract.triggers import find_triggers
from truce.model import AcledTypes, ActorRef, Event
from truce.nlp import load_nlp

TEXT = ("KHARKIV, June 26 - Russian forces shelled Kharkiv on Monday, killing two civilians. "
        "The SMM heard four explosions 5 km south of Zolote. Officials in Kyiv said talks would resume next week.")
PUBLISHED = date(2022, 6, 27)


def _run(text: str = TEXT) -> Doc:
    doc = load_nlp()(text)
    doc._.truce_published = PUBLISHED
    return extraction_nlp()(doc)


def test_the_pipeline_holds_the_declared_components_in_order() -> None:
    nlp = extraction_nlp()
    assert nlp.pipe_names == list(COMPONENTS)
    assert [nlp.get_pipe_meta(name).factory for name in nlp.pipe_names] == [f for f, _ in COMPONENTS.values()]
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values())
    assigned = {attr for summary in analysis["summary"].values() for attr in summary["assigns"]}
    assert {"doc._.truce_sents", "doc._.truce_triggers", "doc._.truce_places", "doc._.truce_dates"} <= assigned
    assert nlp.vocab is load_nlp().vocab  # Docs of the model pipeline pass straight through


def test_every_declared_extension_is_assigned() -> None:
    doc = _run()
    for summary in extraction_nlp().analyze_pipes()["summary"].values():
        assert summary["assigns"]
        for attr in summary["assigns"]:
            assert getattr(doc._, attr.removeprefix("doc._.")) is not None, attr


def test_components_give_what_the_stages_give() -> None:
    doc = _run()
    sents = doc._.truce_sents
    assert [s.text for s in sents.spans] == [s.text for s in doc.sents]
    assert len(sents.spans) == 3
    lex = load_lexicon()
    assert [[t.token.i for t in trig] for trig in doc._.truce_triggers] == \
        [[t.token.i for t in find_triggers(s, lex)] for s in doc.sents]
    assert any(doc._.truce_triggers)
    assert [(p.start, p.name) for p in doc._.truce_places] == [(p.start, p.name) for p in places_for(doc)]
    assert any(p.name == "Kharkiv" for p in doc._.truce_places)
    assert any(d.text == "Monday" and d.start == date(2022, 6, 27) for d in doc._.truce_dates)
    # "5 km south of Zolote": a reference point looked up even when the geoparser missed it
    assert all(p.text in TEXT for p in doc._.truce_bearing_places)


def test_no_distance_no_bearing_lookup() -> None:
    doc = _run("Rebels attacked a checkpoint near Donetsk on Monday.")
    assert doc._.truce_bearing_places == []


def test_sentence_lookups_agree_with_spacy_with_or_without_the_components() -> None:
    for doc in (_run(), load_nlp()(TEXT)):  # the second never went through the components
        assert len(doc) > 20
        for tok in doc:
            assert sentence_of(tok) == tok.sent
        assert dateline_end(doc[0]) == next(t.i for t in doc if t.text == "-")
        assert dateline_end(doc[len(doc) - 1]) == -1
    assert Sentences.of(load_nlp()("")).spans == ()


def test_an_empty_doc_goes_through() -> None:
    doc = _run("")
    assert doc._.truce_triggers == [] and doc._.truce_places == [] and doc._.truce_dates == []


def test_records_between_passes_are_never_changed_in_place() -> None:
    events = extract("Russian forces shelled Kharkiv on Monday, killing two civilians.", published="2022-06-27")
    assert events and events[0].actor is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        events[0].actor.country = "UKR"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        events[0].acled.event_type = "Battles"  # type: ignore[misc]
    assert isinstance(events[0].acled, AcledTypes) and events[0].acled.event_type == "Explosions/Remote violence"
    data = events[0].to_dict()
    assert data["acled"] == {"event_type": "Explosions/Remote violence",
                             "sub_event_type": "Shelling/artillery/missile attack"}
    assert Event.from_dict(data).acled == events[0].acled
    assert Event.from_dict({**data, "acled": None}).acled == AcledTypes()
    assert dict(events[0].acled) == data["acled"]  # reads like the JSON object it is stored as
    assert isinstance(events[0].actor, ActorRef)
