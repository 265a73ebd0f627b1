"""Death counts given by a verb of result ("leaving three dead", "beaten to death", "shot dead"),
read from sentences written for these tests; ages, unit numbers and dates stay uncounted."""

from __future__ import annotations

import pytest

from truce.extract.casualties import casualties


def _counts(sentence: str) -> tuple[int | None, int | None]:
    from truce.nlp import load_nlp

    killed, hurt, _, _ = casualties(load_nlp()(sentence)[:])
    return killed, hurt


@pytest.mark.parametrize(("sentence", "killed", "hurt"), [
    ("Gunmen raided the post overnight, leaving 4 border guards dead.", 4, None),
    ("Three miners were shot dead by unknown attackers.", 3, None),
    ("Troops shot dead two smugglers near the river.", 2, None),
    ("A mob seized the driver, beating him to death.", 1, None),
    ("Villagers lynched 3 suspected raiders on Sunday.", 3, None),
    ("The mortar round left two people dead.", 2, None),
    ("The clinic received 80 wounded patients overnight, 9 of them died.", 9, 80),
])
def test_result_phrasings(sentence: str, killed: int | None, hurt: int | None) -> None:
    assert _counts(sentence) == (killed, hurt)


@pytest.mark.parametrize(("sentence", "killed"), [
    # "nobody" is a zero the text states (truce.extract.victims.no_one); what must never count is
    # the unit's number (12) or the year (2019)
    ("The 12th Brigade shot dead nobody, its commander said in 2019.", 0),
    ("Soldiers of the 12th Brigade shot dead a smuggler in 2019, its commander said.", 1),
    ("A 15-year-old was left dead-tired after the march.", None),
])
def test_no_count_from_names_ages_or_years(sentence: str, killed: int | None) -> None:
    assert _counts(sentence)[0] == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    ("The militia carried out executions against 6 prisoners near the dam.", 6),
    ("Witnesses described the massacre of 20 villagers by the raiders.", 20),
])
def test_a_noun_of_killing_counts_its_victims(sentence: str, killed: int) -> None:
    assert _counts(sentence)[0] == killed
