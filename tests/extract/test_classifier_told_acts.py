"""An act the classifier reads in what a speaker says is the told clause's act: its speaker is
the source, never the actor (short texts written here; the shipped classifier in force)."""

from __future__ import annotations

import pytest

from truce.extract.combine import told_verb
from truce.extract.lexicon import load_lexicon
from truce.extract.pipeline import extract
from truce.nlp import load_nlp


@pytest.mark.parametrize("text, verb", [
    ("Residents of Kidal said gunmen on motorbikes roamed the market.", "roamed"),
    ("Heavy fighting raged on the outskirts of the town, the governor said.", "raged"),
    ("Fighting raged near the dam.", "raged"),
])
def test_the_act_of_a_told_clause_is_its_verb(text: str, verb: str) -> None:
    sent = next(load_nlp()(text).sents)
    assert told_verb(sent.root, load_lexicon()).text == verb


def test_a_speaker_is_never_the_classifiers_attacker() -> None:
    text = "Residents of Kidal said gunmen on motorbikes roamed the market and torched shops."
    events = extract(text, published="2024-03-05")
    assert events
    assert all((e.actor is None or "Residents" not in e.actor.text) for e in events), [e.to_dict() for e in events]
