"""Actor and recipient shapes: datelines, joint events, victims named as subjects, dated possessives."""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from truce.extract.actors import actor_from, dateline_end, past_dateline
from truce.extract.arguments import arguments
from truce.extract.lexicon import Sense
from truce.extract.triggers import Trigger


def _doc(text: str):  # type: ignore[no-untyped-def]
    from truce.nlp import load_nlp

    return load_nlp()(text)


def _tok(doc, word: str) -> Token:  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == word)


def _args(text: str, trigger: str, etype: str, nominal: bool = False):  # type: ignore[no-untyped-def]
    doc = _doc(text)
    tok = _tok(doc, trigger)
    return arguments(Trigger(tok, (Sense(etype, None, True),), (tok,), nominal=nominal), etype)


@pytest.mark.parametrize(("text", "verb", "word", "country"), [
    ("LVIV, March 4 - Polish troops crossed the river near the town.", "crossed", "LVIV", "POL"),
    ("NAIROBI, Oct 9 - Kenyan police arrested the protest leaders.", "arrested", "NAIROBI", "KEN"),
])
def test_dateline_is_not_part_of_the_actor(text: str, verb: str, word: str, country: str) -> None:
    found = _args(text, verb, "COERCE")
    assert found.actor is not None
    assert dateline_end(found.actor) >= 0
    actor = actor_from(found.actor, 0)
    assert actor is not None and actor.country == country
    assert word not in actor.text


def test_sentence_without_dateline_keeps_its_subject() -> None:
    doc = _doc("Polish troops crossed the river near the town on March 4.")
    assert dateline_end(doc[0]) == -1
    assert past_dateline(_tok(doc, "troops")) is None


def test_joint_talks_name_the_second_party() -> None:
    found = _args("Polish and Hungarian diplomats held talks in Vienna on Friday.", "held", "CONSULT")
    assert found.actor is not None and found.actor.lemma_ == "diplomat"
    assert found.recipient is not None and found.recipient.text == "Hungarian"


def test_joint_event_with_one_country_names_no_second_party() -> None:
    found = _args("Polish diplomats held talks in Vienna on Friday.", "held", "CONSULT")
    assert found.recipient is None or found.recipient.lemma_ == "talk"  # the event noun, dropped later


def test_dwellers_named_by_their_town_are_victims() -> None:
    found = _args("Mariupol residents describe months of shelling.", "describe", "ASSAULT")
    assert found.actor is None
    assert found.recipient is not None and found.recipient.text == "residents"


def test_armed_subject_stays_the_attacker() -> None:
    found = _args("Mariupol fighters attacked the checkpoint.", "attacked", "ASSAULT")
    assert found.actor is not None and found.actor.text == "fighters"


def test_a_date_owns_no_attack() -> None:
    found = _args("The toll from Tuesday's Serbian rocket attack on the village rose.", "attack", "ASSAULT",
                  nominal=True)
    assert found.actor is not None and found.actor.text == "Serbian"
