"""What the wording of a casualty count means: groups summed, ranges, combined counts, period
tallies, paraphrases of death and headline shapes (sentences written for these tests)."""

from __future__ import annotations

import pytest

from truce.extract.casualties import casualties


def _counts(sentence: str) -> tuple[int | None, int | None]:
    from truce.nlp import load_nlp

    killed, hurt, _, _ = casualties(load_nlp()(sentence)[:])
    return killed, hurt


@pytest.mark.parametrize(("sentence", "killed"), [
    ("At least 9 police officers and allied vigilantes were killed near the depot.", 9),
    ("Four herders and three traders were killed when gunmen opened fire.", 7),
    ("Raiders killed two guards and a driver at the mine.", 3),
])
def test_groups_of_victims_add_up(sentence: str, killed: int) -> None:
    assert _counts(sentence)[0] == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Between 20 and 30 villagers were killed in the raid.", 20),
    ("Gunmen killed 6 to 8 farmers in the valley.", 6),
    ("40-50 people died when the ferry was shelled.", 40),
])
def test_a_range_counts_its_low_end(sentence: str, killed: int) -> None:
    assert _counts(sentence)[0] == killed


def test_and_between_plain_numbers_is_no_sum() -> None:
    # "hundred and five" is one number; "between 4 and 9" is a range, never 13
    assert _counts("Two hundred and five people were killed.")[0] == 205
    assert _counts("Between 4 and 9 soldiers were killed.")[0] == 4


@pytest.mark.parametrize("sentence", [
    "About 30 people were killed and injured in the shelling of the market.",
    "17 killed or wounded as mortars hit the camp",
    "The air raid killed and wounded 45 people in the old town.",
])
def test_a_count_of_dead_and_wounded_together_is_neither(sentence: str) -> None:
    assert _counts(sentence) == (None, None)


def test_killing_and_wounding_counts_apart() -> None:
    assert _counts("Militants ambushed a patrol, killing five soldiers and wounding nine.") == (5, 9)


@pytest.mark.parametrize("sentence", [
    "Airstrikes killed 340 people in 45 days of bombardment, the monitor said.",
    "The death toll of the offensive has risen to 900 since early March.",
    "More than 120 fighters were killed over the past three weeks.",
])
def test_a_tally_for_a_long_period_is_not_this_events_count(sentence: str) -> None:
    assert _counts(sentence)[0] is None


def test_a_few_days_of_fighting_still_count() -> None:
    assert _counts("Clashes killed 14 fighters in two days of fighting.")[0] == 14


@pytest.mark.parametrize(("sentence", "killed"), [
    ("The blast claimed the lives of 13 pilgrims.", 13),
    ("Nine workers lost their lives when the rocket struck.", 9),
    ("At least 17 martyrs after shelling on the market", 17),
    ("Residents mourned the death of 6 teachers in the strike.", 6),
])
def test_paraphrases_of_death_count(sentence: str, killed: int) -> None:
    assert _counts(sentence)[0] == killed


def test_the_killing_an_attack_answers_is_not_its_count() -> None:
    assert _counts("In revenge for the killing of 3 officers, troops raided the town.")[0] is None


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Seven killed in attack on bus station", 7),
    ("Rocket strike kills 4 near the airport", 4),
    ("5 dead as gunmen storm hotel", 5),
    ("Three rebels said killed in clash with troops", 3),
    ("Drone strike leaves 4 members of one family killed", 4),
    ("Twelve Somali soldiers killed in ambush", 12),
    ("Police identify 3 men who were killed by the bomb", 3),
])
def test_headline_counts(sentence: str, killed: int) -> None:
    assert _counts(sentence)[0] == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    ("A car bomb killed 8 people in Kabul on 2019-03-14.", 8),
    ("On 12 June 2021, gunmen killed 4 traders at 23 Market Road.", 4),
    ("A 15-year-old boy and a 40-year-old man were killed at 10:45.", 2),
    ("Soldiers of the 101st battalion killed 6 insurgents.", 6),
])
def test_dates_times_ages_addresses_and_units_are_not_counts(sentence: str, killed: int) -> None:
    assert _counts(sentence)[0] == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    ("New deaths raise to 27 the number of victims of the bombing in the port.", 27),
    ("Shelling raises to 14, the number of people killed in the district this week.", 14),
    ("The blast left 5 guards of the depot dead near the gate.", 5),
    ("Jets pounded a column of trucks leaving more than 40 fighters dead", 40),
    ("4 brothers of one family killed by a landmine near the farm", 4),
])
def test_tolls_and_leftover_dead_in_loose_headlines(sentence: str, killed: int) -> None:
    assert _counts(sentence)[0] == killed


@pytest.mark.parametrize("sentence", [
    "22 people were killed yesterday including 5 soldiers and 17 other people.",
    "11 people were killed yesterday in different circumstances in several areas of the country.",
])
def test_a_days_roll_up_over_many_places_is_no_events_count(sentence: str) -> None:
    assert _counts(sentence)[0] is None


def test_one_events_breakdown_still_counts() -> None:
    assert _counts("Seven villagers were killed yesterday, including 2 children.")[0] == 7
