"""Regression tests for the stance and place behaviours of commit ab3c369 (sentences written here):
'neither/nor' and negated copulas deny the classification, an event under a negated verb of
reporting or occurring did not happen, 'continue to' reports nothing, a backdrop noun ('despite the
truce') does not borrow the clause's subject."""

from __future__ import annotations

from datetime import date

from truce.extract.attribution import stance
from truce.extract.lexicon import load_lexicon
from truce.extract.pipeline import extract
from truce.model import Event
from truce.nlp import load_nlp

PUB = date(2024, 5, 14)


def _events(text: str) -> list[Event]:
    return extract(text, PUB, use_classifier=False)


def _at(text: str, word: str) -> list[Event]:
    """Events whose trigger starts at the first occurrence of `word`."""
    start = text.index(word)
    return [e for e in _events(text) if e.evidence.spans["trigger"][0] == start]


def test_neither_nor_denies_the_classification() -> None:
    denied = _at("The clashes in the border district were neither a battle between armies nor a war, "
                 "the minister said.", "battle")
    assert denied and all(e.aux == "negation" and e.status == "denied" for e in denied)
    plain = _at("The clashes in the border district were a battle between armies, the minister said.", "battle")
    assert plain and all(e.aux is None and e.status == "claimed" for e in plain)


def test_the_conjunct_after_nor_is_denied_too() -> None:
    text = "It was neither a raid nor an invasion, the minister said."
    doc = load_nlp()(text)
    tok = next(t for t in doc if t.lower_ == "invasion")
    st = stance(tok, tok.sent, load_lexicon(), [], None)
    assert st.aux == "negation"
    plain = load_nlp()("It was a raid and an invasion, the minister said.")
    tok = next(t for t in plain if t.lower_ == "invasion")
    assert stance(tok, tok.sent, load_lexicon(), [], None).aux is None


def test_negated_copula_denies_the_classification() -> None:
    denied = _at("It is not an invasion, the minister said.", "invasion")
    assert denied and all(e.aux == "negation" and e.status == "denied" for e in denied)
    plain = _at("It is an invasion, the minister said.", "invasion")
    assert plain and all(e.aux is None for e in plain)


def test_event_under_a_negated_verb_of_reporting_did_not_happen() -> None:
    none_seen = _at("Clashes were not reported in Goma on Sunday.", "Clashes")
    assert none_seen and all(e.aux == "negation" for e in none_seen)
    seen = _at("Clashes were reported in Goma on Sunday.", "Clashes")
    assert seen and all(e.aux is None for e in seen)


def test_event_under_a_negated_verb_of_occurring_did_not_happen() -> None:
    never = _at("The attack on the checkpoint never took place, the army said.", "attack")
    assert never and all(e.aux == "negation" and e.status == "denied" for e in never)
    took = _at("The attack on the checkpoint took place at dawn, the army said.", "attack")
    assert took and all(e.aux is None for e in took)


def test_continue_to_reports_nothing() -> None:
    fired = _at("Rebel gunmen continued to fire on the town of Bunia on Tuesday.", "fire")
    assert fired and all(e.status == "asserted" and e.source is None for e in fired)
    assert fired[0].actor is not None and "gunmen" in fired[0].actor.text.lower()
    # the same verb closing a quotation still names its speaker
    said = _at("Militants fired on the town of Bunia, the governor continued.", "fired")
    assert said and said[0].status == "claimed" and said[0].source is not None


def test_backdrop_noun_does_not_borrow_the_clause_subject() -> None:
    text = "Despite the ceasefire, rebels attacked the town of Bunia on Monday."
    truce = _at(text, "ceasefire")
    assert truce and all(e.actor is None for e in truce)
    attack = _at(text, "attacked")
    assert attack and attack[0].actor is not None and attack[0].actor.text == "rebels"


def test_denied_involvement_in_an_act_is_the_deniers_own_act() -> None:
    """'denied any involvement in', 'denied playing a role in': like 'denied responsibility for',
    the act denied is the denier's."""
    for text in ("The militia denied any involvement in the ambush of a police convoy near Beni.",
                 "The armed group denied playing any role in the massacre of herders near Djibo."):
        attacks = [e for e in _events(text) if e.type == "ASSAULT"]
        assert attacks, text
        for e in attacks:
            assert e.status == "denied", text
            assert e.actor is not None and e.source is not None and e.actor.text == e.source.text, text
