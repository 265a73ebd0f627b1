"""Who a count counts when groups are listed and when a communiqué says "neutralized"
(truce.extract.casualties); sentences written for these tests."""

from __future__ import annotations

import pytest

from truce.extract.casualties import casualties


def _killed(sentence: str) -> int | None:
    from truce.nlp import load_nlp

    return casualties(load_nlp()(sentence)[:])[0]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Twelve Kurdish rebels, two soldiers killed in southeast Turkey", 14),
    ("Eight militants, three policemen killed in clash near Peshawar", 11),
])
def test_a_participle_on_a_bare_lists_last_item_counts_every_item(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Raiders killed 3 people, two women and a child, in the village.", 3),  # who the 3 were
    ("Around 11 soldiers and pro-government militia members were killed in Boni.", 11),  # one count, two groups
])
def test_one_count_for_groups_named_together_is_not_summed(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    ("The army neutralized 6 militants near Djibo.", 6),
    ("More than 20 terrorist elements were neutralised by the army in Djibo.", 20),
])
def test_neutralized_people_are_dead(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


def test_neutralized_devices_are_no_deaths() -> None:
    assert _killed("Soldiers neutralized two explosive devices on the road to Kaya.") is None


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Gunmen kill police officer in Kano", 1),
    ("Militias kill U.N. peacekeeper in Central African Republic", 1),
    ("Journalist killed in Mogadishu blast", 1),
])
def test_a_headline_without_its_article_still_counts_one_person(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    ("The militants released a video of five executed prisoners.", 5),
    ("Police found 3 slain villagers near Kaya.", 3),
])
def test_a_participle_before_a_counted_noun_counts_the_dead(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


def test_a_bare_noun_of_a_place_or_a_group_is_no_one() -> None:
    assert _killed("The army vowed to kill every terrorist.") is None
    assert _killed("Rebels killed in police station attack") is None


@pytest.mark.parametrize(("sentence", "killed"), [
    # one number before a list of groups counts them together
    ("At least 9 gendarmes and allied vigilantes were killed near Fada.", 9),
    ("Gunmen killed 14 herders and farmers at the water point.", 14),
    # each group with its own number adds up
    ("Four gendarmes and three herders were killed in the raid.", 7),
    ("Six militiamen, two traders and a nurse were killed.", 9),
    ("Two guards and a driver died when the truck was ambushed.", 3),
])
def test_a_shared_count_is_one_count_and_own_counts_add_up(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed
