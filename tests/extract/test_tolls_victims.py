"""Who a casualty count counts: one person named without a numeral, lists of victims without
"and", a pronoun naming a victim already counted, victims of a coordinated passive, nouns of death
after a verb of result, and a later sentence that adds victims to its attack's toll (sentences
and notes written for these tests)."""

from __future__ import annotations

import pytest

from truce.extract.casualties import casualties
from truce.extract.pipeline import extract


def _killed(sentence: str) -> int | None:
    from truce.nlp import load_nlp

    return casualties(load_nlp()(sentence)[:])[0]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Gunmen ambushed a minibus; the driver and 3 passengers were killed.", 4),
    ("Unknown assailants killed a village elder and his son near the well.", 2),
    ("A suicide bomber blew up a truck at the checkpoint, killing himself and 6 others.", 7),
    ("A Maoist was killed in an encounter with the police.", 1),
    ("An Israeli was killed by a sniper near the crossing.", 1),
])
def test_one_person_without_a_numeral_counts_one(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


def test_a_noun_of_many_is_no_one() -> None:
    assert _killed("Troops killed a number of insurgents in the hills.") is None


def test_a_list_of_victims_without_and_adds_up() -> None:
    assert _killed("Shelling kills three women, two children in the market") == 5
    # an apposition to a general noun tells who they were, not more of them
    assert _killed("Raiders killed 3 people, two women and a child, in the village.") == 3


def test_a_pronoun_names_the_victim_already_counted() -> None:
    assert _killed("A mob lynched a suspected thief in the market, killing him.") == 1


def test_the_subject_of_a_coordinated_passive_is_the_victim() -> None:
    assert _killed("A farmer was shot and killed by soldiers near the river.") == 1


@pytest.mark.parametrize(("sentence", "killed"), [
    ("A clash between the two militias resulted in the deaths of 12 people.", 12),
    ("The clash between herders and farmers resulted in 6 fatalities.", 6),
    ("The explosion led to the death of a soldier.", 1),
])
def test_nouns_of_death_after_a_verb_of_result_count(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


def test_a_killing_answered_is_not_this_events_count() -> None:
    assert _killed("In response to the killing of 2 soldiers, the army shelled the hills.") is None


def test_a_later_sentence_that_adds_victims_adds_to_the_attack() -> None:
    text = ("On 9 January 2020, rebels attacked an army base near Kaga Bandoro. Soldiers repelled the "
            "attack, killing 15 rebels. 2 soldiers were also killed.")
    counts = [e.fatalities for e in extract(text, published="2020-01-12") if e.type == "ASSAULT"]
    assert counts and counts[0] == 17


def test_a_later_sentence_that_restates_the_toll_does_not_add() -> None:
    text = ("On 9 January 2020, gunmen attacked a bus near Kaga Bandoro, killing 4 passengers. "
            "4 passengers were killed.")
    counts = [e.fatalities for e in extract(text, published="2020-01-12") if e.type == "ASSAULT"]
    assert counts and counts[0] == 4


@pytest.mark.parametrize(("sentence", "killed", "hurt"), [
    # the part told within the whole: the whole is the count
    ("Four women among 12 killed in raid on Bouca market", 12, None),
    # a list's second group with a casualty word of its own is that word's count
    ("3 rebels killed, 4 gendarmes wounded in clash near Bocaranga", 3, 4),
    # a headline's number word the tagger takes for a noun
    ("Fourteen dead in renewed Bambari clashes", 14, None),
    # a source tag glued before the headline's number word
    ("AFP09/03/2014 Seven herders killed near Kaga Bandoro.", 7, None),
    # the source after a spaced dash is no victim
    ("Two traders killed in ambush on Bouar road - Radio Ndeke Luka", 2, None),
])
def test_headline_shapes_of_a_count(sentence: str, killed: int | None, hurt: int | None) -> None:
    from truce.nlp import load_nlp

    assert casualties(load_nlp()(sentence)[:])[:2] == (killed, hurt)


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Car bomb kills photojournalist, at least four others in Gao", 5),  # a compound of a person word
    ("Gunmen shot dead the steelworker outside the plant.", 1),
    ("Militants killed aid worker Fatima Traore in Gao.", 1),  # a person by name
])
def test_one_person_named_by_a_compound_or_by_name(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed
