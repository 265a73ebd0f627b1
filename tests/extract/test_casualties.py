"""Casualty counts read from single sentences written for these tests."""

from __future__ import annotations

import pytest

from truce.extract.casualties import casualties, number_value


def _counts(sentence: str) -> tuple[int | None, int | None]:
    from truce.nlp import load_nlp

    killed, hurt, _, _ = casualties(load_nlp()(sentence)[:])
    return killed, hurt


@pytest.mark.parametrize(("sentence", "killed", "hurt"), [
    ("Artillery fire killed four soldiers near the bridge.", 4, None),
    ("Six villagers were wounded when a shell hit the well.", None, 6),
    ("The explosion raised the death toll to 31.", 31, None),
    ("Officials said the death toll had climbed to 19 by evening.", 19, None),
    ("At least 27 people died in the clashes.", 27, None),
    ("Two dead, five hurt after a drone hit a bus stop.", 2, 5),
    ("Three people were killed and nine others wounded.", 3, 9),
    ("A militia raid killed eight herders and injured 14.", 8, 14),
    ("Seven soldiers were killed and another was wounded.", 7, 1),
    ("The car bomb left 16 dead and 40 wounded.", 16, 40),
    ("The number of dead rose to 73 on Friday.", 73, None),
])
def test_counts_of_killed_and_wounded(sentence: str, killed: int | None, hurt: int | None) -> None:
    assert _counts(sentence) == (killed, hurt)


def test_an_age_is_not_a_count() -> None:
    assert _counts("A 12-year-old girl was killed by a stray bullet.") == (1, None)


def test_unit_numbers_and_dates_are_not_counts() -> None:
    assert _counts("Troops of the 54th brigade killed two attackers on 3 June.") == (2, None)


def test_days_in_a_toll_phrase_are_not_the_toll() -> None:
    killed, _ = _counts("The death toll from three days of shelling has risen to 48.")
    assert killed == 48


def test_a_toll_does_not_add_to_the_direct_count() -> None:
    killed, _ = _counts("A strike killed five people, bringing the death toll to 60.")
    assert killed == 5


def test_vague_plurals_count_their_low_bound() -> None:
    # convention (toll_shapes): a vague plural of a scale is the smallest number it names, as ACLED
    # codes it; words that name no scale ("several", "many") stay empty: we do not invent a number
    assert _counts("Dozens of civilians were killed in the raid.") == (12, None)
    assert _counts("Hundreds of people were injured.") == (None, 100)
    assert _counts("Scores of herders died in the fighting.") == (20, None)
    assert _counts("Several guards were killed at the gate.") == (None, None)


def test_compound_number_words() -> None:
    assert _counts("Three hundred and twelve people were killed in the massacre.") == (312, None)
    assert _counts("Twenty-one soldiers were wounded.") == (None, 21)


def test_number_value_reads_digits_with_commas() -> None:
    from truce.nlp import load_nlp

    doc = load_nlp()("More than 1,450 people were killed.")
    assert number_value(doc[2]) == 1450


@pytest.mark.parametrize(("sentence", "killed"), [
    # one person named by office, trade or kin with "the" or "a" (data/people.yaml)
    ("Insurgents killed the deputy governor of the province on his way home.", 1),
    ("Armed men shot dead a television broadcaster outside the station.", 1),
    ("Militiamen killed the village head and three members of his family.", 4),
    # a couple is two people
    ("An elderly couple was killed when gunmen stormed their farm.", 2),
    ("The raiders killed a couple of herders at the well.", 2),
    # a list left dead counts every group in it
    ("The ambush left 5 gendarmes and 2 attackers dead.", 7),
    # one object shared by two verbs: "beat to death and burned a man"
    ("A crowd beat to death and set alight a suspected thief at the market.", 1),
    # a participle hung on a place names no victim: the bodies found are the dead
    ("The bodies of 4 herders were found in a ravine near the camp, killed by bandits.", 4),
])
def test_who_a_kill_word_counts_beyond_the_common_nouns(sentence: str, killed: int) -> None:
    assert _counts(sentence)[0] == killed


def test_dead_with_an_object_is_the_victim_whatever_the_parse() -> None:
    # the tagger may read "shot" as a noun after "on a motorbike" and make "dead" the verb
    assert _counts("Two men on a motorbike shot dead a 9-year-old boy near the school.")[0] == 1


def test_a_small_clause_left_dead_counts_its_subject() -> None:
    assert _counts("Raiders burned the market, leaving at least six traders dead.")[0] == 6


def test_a_count_told_before_its_attack_goes_to_it() -> None:
    from truce.extract.pipeline import extract_many

    note = ("On 2 June 2023, the bodies of four herders were found near the wells of Tin Hama. "
            "They had been shot.", "2023-06-05")
    from truce.extract.crosswalk import main_event

    events = next(iter(extract_many([note])))
    assert events
    top = main_event(events)
    assert top is not None and top.fatalities == 4
