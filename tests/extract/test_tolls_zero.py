"""A toll of zero the text states ("no one was killed", "there were no casualties") is a known
zero, distinct from None (the text gives no count); a number written beside it wins
(truce.extract.casualties, truce.extract.victims.no_one). Sentences written for these tests."""

from __future__ import annotations

import pytest

from truce.extract.casualties import casualties


def _counts(sentence: str) -> tuple[int | None, int | None]:
    from truce.nlp import load_nlp

    killed, hurt, _, _ = casualties(load_nlp()(sentence)[:])
    return killed, hurt


@pytest.mark.parametrize(("sentence", "killed", "hurt"), [
    ("A mortar round landed near the mill, but no one was killed.", 0, None),
    ("Nobody was killed when the checkpoint came under fire.", 0, None),
    ("The rocket struck an empty warehouse, killing no one.", 0, None),
    ("No one was hurt when a grenade was thrown at the bakery.", None, 0),
    ("None of the shepherds was injured in the crossfire.", None, 0),
    ("Gunmen opened fire on the patrol; no soldiers were killed.", 0, None),
    ("The shelling of the ridge did not kill anyone.", 0, None),
    # a casualty noun: "casualties" are the dead and the hurt, "injuries" only the hurt
    ("Militia fighters shelled the depot, but no casualties were reported.", 0, 0),
    ("There were no injuries after the drone hit the barn.", None, 0),
    ("The convoy came under fire and continued without casualties.", 0, 0),
    ("The barrage did not result in any casualties.", 0, 0),
    ("There were no deaths or injuries among the villagers.", 0, 0),
    ("No one was killed or wounded when the mine went off.", 0, 0),
])
def test_a_stated_zero_is_zero(sentence: str, killed: int | None, hurt: int | None) -> None:
    assert _counts(sentence) == (killed, hurt)


@pytest.mark.parametrize(("sentence", "killed", "hurt"), [
    ("Four guards were killed and no passers-by were hurt.", 4, 0),
    ("Two herders died, but no one else was killed.", 2, None),
    ("No fewer than 9 miners were killed in the ambush.", 9, None),
    ("No more than three porters were wounded.", None, 3),
])
def test_a_written_number_beats_the_zero(sentence: str, killed: int | None, hurt: int | None) -> None:
    assert _counts(sentence) == (killed, hurt)


@pytest.mark.parametrize("sentence", [
    "There were no immediate reports of casualties after the blast.",  # not yet known: no zero
    "The artillery hit the bridge over the canal.",
])
def test_no_zero_where_nothing_is_said(sentence: str) -> None:
    assert _counts(sentence) == (None, None)


def test_a_story_of_two_sentences_keeps_the_zero() -> None:
    from datetime import date

    from truce.extract.pipeline import extract

    events = extract("Rebels shelled the village of Tessit on Friday. No one was killed.", date(2024, 5, 4))
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks
    assert attacks[0].fatalities == 0


@pytest.mark.parametrize("sentence", [
    "It was not immediately known if anyone was killed in the blast.",
    "It was not clear whether there were any casualties.",
    "The army denied that anyone was killed.",
    "There was no word on casualties.",
    "Officials gave no casualty figures.",
])
def test_an_unknown_toll_is_no_zero(sentence: str) -> None:
    assert _counts(sentence) == (None, None)


def test_both_counts_two() -> None:
    assert _counts("Both herders were killed when the mine exploded.") == (2, None)
