"""A toll told in a sentence of its own with no event of its own after its attack ("Fatalities:
7.", "The army lost 7 men.", "She died of her wounds."): what such a sentence counts, and the
paragraph pass that gives it to the attack (sentences written for these tests)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from truce.extract.casualties import toll_without_event
from truce.extract.draft import Draft
from truce.extract.told_tolls import fold_told_tolls


def _sents(text: str) -> list[Span]:
    from truce.nlp import load_nlp

    return list(load_nlp()(text).sents)


@pytest.mark.parametrize(("sentence", "killed", "adds"), [
    ("11 fatalities were reported over the two days.", 11, False),
    ("Fatalities: 7.", 7, False),
    ("The army lost 9 men.", 9, False),
    ("He died of his wounds.", 1, False),
    ("Two more died in hospital.", 2, True),
])
def test_a_sentence_that_only_tells_a_toll(sentence: str, killed: int, adds: bool) -> None:
    told = toll_without_event(_sents(sentence)[0])
    assert told is not None and told[0] == killed and told[2] == adds


@pytest.mark.parametrize("sentence", [
    "Fatalities unknown.",
    "In 2019, 40 people died in a similar attack.",
    "More than 300 people have died in the conflict.",
    "The UN says 120 civilians were killed this year.",
])
def test_no_count_or_another_storys_count_is_no_toll_of_the_attack(sentence: str) -> None:
    assert toll_without_event(_sents(sentence)[0]) is None


def _attack(sent: Span, fatalities: int | None = None, aux: str | None = None) -> Draft:
    trigger = next(t for t in sent if t.pos_ == "VERB")
    return Draft(type="ASSAULT", mode=None, trigger=trigger, lemma=trigger.lemma_, depth=0, weak=False,
                 fatalities=fatalities, aux=aux)


def test_the_attack_before_takes_the_toll() -> None:
    sents = _sents("Rebels ambushed an army convoy near the border. The army lost 9 men.")
    assert len(sents) == 2
    attack = _attack(sents[0])
    fold_told_tolls(sents, [[attack], []])
    assert attack.fatalities == 9


def test_a_larger_count_of_the_attack_stands_and_more_victims_add() -> None:
    sents = _sents("Gunmen attacked the village, killing 5 people. Three of them died on the spot. "
                    "Two more died in hospital later.")
    assert len(sents) == 3
    attack = _attack(sents[0], fatalities=5)
    fold_told_tolls(sents, [[attack], [], []])
    assert attack.fatalities == 7


def test_an_attack_that_did_not_happen_takes_no_toll() -> None:
    sents = _sents("Rebels threatened to attack the base. Fatalities: 4.")
    assert len(sents) == 2
    threat = _attack(sents[0], aux="future")
    fold_told_tolls(sents, [[threat], []])
    assert threat.fatalities is None


@pytest.mark.parametrize("sentence", [
    "It was the deadliest attack since March, when 40 people died in a market bombing.",
    "In a previous attack on the town, 12 soldiers died.",
    "In another attack, 3 civilians died.",
])
def test_a_count_set_against_another_event_is_not_this_attacks(sentence: str) -> None:
    assert toll_without_event(_sents(sentence)[0]) is None


def test_at_least_compares_nothing() -> None:
    told = toll_without_event(_sents("At least 12 people died on Tuesday.")[0])
    assert told is not None and told[0] == 12
