"""How news, wire, ACLED and monitoring prose writes a death toll, shape by shape: lives claimed
with a number of their own, a toll with no casualty word, fatal casualties, a numeral after an
article, nouns of many, "both" as a victim, intransitive verbs of dying, "shot dead" before its
victims, numbers that name a unit or a road, and tallies from a time clause (sentences written
for these tests)."""

from __future__ import annotations

import pytest

from truce.extract.casualties import casualties


def _killed(sentence: str) -> int | None:
    from truce.nlp import load_nlp

    return casualties(load_nlp()(sentence)[:])[0]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("The roadside bomb claimed 11 lives.", 11),
    ("Two rocket strikes cost 9 lives in the town.", 9),
    ("The landslide of shells on the town took 23 lives, medics said.", 23),
])
def test_lives_counted_by_their_own_numeral(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Officials said the toll from the bombing had risen to 19.", 19),
    ("The toll in the market attack stood at 33 on Friday.", 33),
    ("By evening the toll had climbed to 48, hospital staff said.", 48),
])
def test_a_toll_with_no_casualty_word_counts_the_dead(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize("sentence", [
    "The toll of injured rose to 40 after the blast.",
    "The economic toll rose to 30 million dollars.",
])
def test_a_toll_of_another_kind_is_no_death_count(sentence: str) -> None:
    assert _killed(sentence) is None


@pytest.mark.parametrize(("sentence", "killed"), [
    ("The shelling caused 3 fatal casualties in the village.", 3),
    ("Two fatal casualties were recorded after the drone strike.", 2),
])
def test_fatal_casualties_are_deaths(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


def test_casualties_alone_are_not_deaths() -> None:
    assert _killed("The mortar fire caused 9 casualties among the residents.") is None


@pytest.mark.parametrize(("sentence", "killed"), [
    ("The militia killed an estimated 60 villagers.", 60),
    ("Troops killed a further 7 fighters in the hills.", 7),
    ("An estimated 45 people died in the stampede after the blast.", 45),
])
def test_a_numeral_after_an_article_is_the_count(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    ("A total of 17 people were killed in the attacks on the village.", 17),
    ("An airstrike killed a family of five in the town.", 5),
    ("Bandits killed a group of 8 herders near the river.", 8),
])
def test_a_noun_of_many_counts_its_of_phrase(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


def test_a_noun_of_many_without_a_number_is_no_count() -> None:
    assert _killed("Bandits killed a group of herders near the river.") is None


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Gunmen stopped two traders on the road and killed both.", 2),
    ("Militiamen seized the two brothers and executed both.", 2),
])
def test_both_as_the_victim_counts_two(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    ("At least 20 people perished in the attack on the camp.", 20),
    ("Nine passengers perished when the bus was shelled.", 9),
])
def test_perish_counts_its_subject(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Unidentified gunmen shot dead a village chief near the market.", 1),
    ("Gunmen shot dead 3 herders near the village.", 3),
    ("Police shot dead two suspects at a checkpoint.", 2),
])
def test_shot_dead_before_its_victims(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Soldiers of Brigade 93 killed 5 rebels near the village.", 5),
    ("Fighters of Battalion 17 killed 4 soldiers on the ridge.", 4),
    ("Gunmen killed 3 travellers on Highway 1 near the town.", 3),
    ("Despite Resolution 2254, shelling killed 4 civilians in the town.", 4),
])
def test_a_number_after_a_name_is_no_count(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize("sentence", [
    "More than 100 people have been killed since the fighting erupted in April.",
    "Some 300 civilians have died since the ceasefire collapsed.",
])
def test_a_count_since_a_clause_of_time_is_a_tally(sentence: str) -> None:
    assert _killed(sentence) is None


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Fatalities: 5.", 5),
    ("Fatalities coded as 10 (estimate).", 10),
    ("The toll is coded as 3.", 3),
    ("Deaths numbered 12, officials said.", 12),
])
def test_deaths_named_apart_from_their_figure(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Fatalities unknown.", None),
    ("The number of fatalities is unknown.", None),
    ("No fatalities.", 0),
])
def test_unknown_deaths_stay_unknown_and_none_is_zero(sentence: str, killed: int | None) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Soldiers shot three protesters dead near the bridge.", 3),
    ("Gunmen shot a local councillor dead outside his home.", 1),
])
def test_shot_victims_dead(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    ("He died of his wounds.", 1),
    ("She later died in hospital.", 1),
])
def test_a_singular_pronoun_that_died_counts_one(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


def test_a_pronoun_for_a_victim_counted_before_is_not_counted_again() -> None:
    assert _killed("A soldier was shot and he died.") == 1


@pytest.mark.parametrize(("sentence", "killed"), [
    ("The army lost 9 men.", 9),
    ("In the ambush the police lost four officers.", 4),
])
def test_people_a_side_lost_are_dead(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


def test_things_a_side_lost_are_no_dead() -> None:
    assert _killed("The army lost 3 vehicles in the ambush.") is None


@pytest.mark.parametrize(("sentence", "killed"), [
    ("A mob attacked and burned alive three men accused of theft in the market.", 3),
    ("Villagers burned two suspected thieves alive near the town.", 2),
    ("Two women were burned alive in their house.", 2),
])
def test_burned_alive_is_killed(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


def test_burning_things_kills_no_one() -> None:
    assert _killed("Rioters burned 4 houses in the village.") is None


def test_a_bracketed_tag_is_no_count() -> None:
    assert _killed("[size=thousands] 1 protester died.") == 1


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Thirty people died in the fighting, 12 of whom were killed by snipers.", 30),
    ("Forty people died in the town yesterday, 11 of them killed by snipers.", 40),
])
def test_a_part_of_the_dead_is_not_added(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


def test_a_part_of_people_hurt_or_shot_counts_the_dead() -> None:
    assert _killed("Gunmen shot four farmers in the field; two of them died.") == 2


@pytest.mark.parametrize(("sentence", "killed"), [
    ("14 people were killed in Homs yesterday, including 5 soldiers, and 2 people were killed in shelling "
     "on the old city.", 14),
    ("Sixty people were killed across the country yesterday, including 9 soldiers, and 20 were killed in "
     "air strikes on the capital.", 60),
])
def test_a_day_roll_up_counts_its_total_not_its_parts(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


def test_counts_of_two_places_without_a_roll_up_add_up() -> None:
    assert _killed("Five people were killed in Hama, and two more were killed in Homs.") == 7


@pytest.mark.parametrize(("sentence", "killed"), [
    ("A suicide bomber blew himself up at a checkpoint, killing 6 soldiers.", 7),
    ("Two suicide bombers blew themselves up in a market, killing 10 people.", 12),
    ("A suicide bomber blew himself up near a police patrol, but no one else was hurt.", 1),
])
def test_a_bomber_who_blew_himself_up_is_among_the_dead(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    ("A bomber blew himself up at a mosque, killing himself and 5 worshippers.", 6),
    ("Militants blew up a bridge, killing 2 guards.", 2),
])
def test_a_bomber_counted_once_and_things_blown_up_are_no_one(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


def test_succumbing_to_injuries_is_dying() -> None:
    assert _killed("A soldier wounded in the ambush succumbed to his injuries.") == 1
    assert _killed("After weeks of fighting the garrison succumbed to the pressure.") is None


def test_half_a_dozen_is_six() -> None:
    assert _killed("Half a dozen soldiers were killed in the ambush.") == 6
    assert _killed("A dozen people died in the raid.") == 12


def test_killed_were_names_the_dead_after_the_verb() -> None:
    assert _killed("Killed were 3 soldiers and a civilian.") == 4
