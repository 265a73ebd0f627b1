"""Tolls read across a paragraph and across the clauses of one sentence (issue 9):

- a sentence with no event of its own that states no one was killed or hurt gives the attack
  told before it that zero (truce.extract.passes.fold_stated_zeros), never replacing a count;
- a bare count told after an attack is that attack's count (fold_casualties), with or without
  a named attacker;
- attacks told in clauses of their own each keep their own count, not the sentence's sum
  (truce.extract.clause_tolls);
- a headline's singular victim without a number counts one.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from truce.extract.pipeline import extract
from truce.model import Event


def _attacks(text: str) -> list[Event]:
    events = [e for e in extract(text, published="2025-03-14") if e.type == "ASSAULT"]
    assert events, f"an attack in {text!r}"
    return events


@pytest.mark.parametrize(("text", "killed", "hurt"), [
    ("Artillery rounds struck the grain depot on Tuesday. No casualties were reported.", 0, 0),
    ("Militiamen raided a border post near the river on Tuesday. Nobody was hurt.", None, 0),
    ("A roadside bomb went off beside a bus on Tuesday. There were no injuries.", None, 0),
    ("Drones struck a fuel convoy on Tuesday. There were no casualties.", 0, 0),
])
def test_a_stated_zero_after_the_attack_is_its_count(text: str, killed: int | None, hurt: int | None) -> None:
    events = _attacks(text)
    assert len(events) == 1, "the zero is the attack's count, not an event of its own"
    assert (events[0].fatalities, events[0].injured) == (killed, hurt)


@pytest.mark.parametrize(("text", "killed", "hurt"), [
    ("Gunmen raided the clinic on Tuesday, killing two nurses. No one else was hurt.", 2, 0),
    ("Rebels shelled the camp on Tuesday, wounding six. No casualties were reported.", 0, 6),
])
def test_a_stated_zero_never_replaces_a_written_count(text: str, killed: int | None, hurt: int | None) -> None:
    events = _attacks(text)
    assert (events[0].fatalities, events[0].injured) == (killed, hurt)


def test_a_zero_in_another_paragraph_stays_there() -> None:
    events = _attacks("Rebels shelled the camp on Tuesday.\n\nIn the capital, a protest ended. Nobody was hurt.")
    assert events[0].fatalities is None and events[0].injured is None


def test_an_unknown_toll_after_the_attack_is_no_zero() -> None:
    events = _attacks("Artillery rounds struck the grain depot on Tuesday. It was not known whether anyone was hurt.")
    assert events[0].fatalities is None and events[0].injured is None


@pytest.mark.parametrize("text", [
    "Militia fighters shelled the village on Tuesday. Three farmers were killed.",
    "A car bomb exploded outside the ministry on Tuesday. Three guards were killed.",
])
def test_a_bare_count_after_the_attack_is_its_count(text: str) -> None:
    events = _attacks(text)
    assert len(events) == 1
    assert events[0].fatalities == 3


@pytest.mark.parametrize(("text", "counts"), [
    ("12 insurgents killed in army airstrike, 3 police die in ambush", [12, 3]),
    ("Jets killed 20 fighters in the hills, and a car bomb killed 4 shoppers in the town.", [20, 4]),
    ("Soldiers killed 9 bandits on Monday, while gunmen killed two herders on Tuesday.", [9, 2]),
])
def test_attacks_in_clauses_of_their_own_keep_their_own_counts(text: str, counts: list[int]) -> None:
    events = _attacks(text)
    assert sorted(e.fatalities or 0 for e in events) == sorted(counts)


@pytest.mark.parametrize(("text", "killed", "hurt"), [
    ("Gunmen killed four traders and wounded three others.", 4, 3),
    ("Six guards were killed when raiders stormed the depot, and two more died in hospital.", 8, None),
    ("Four herders were killed in the raid and three others died of their wounds.", 7, None),
    ("Two killed, 7 injured in attack on bus station", 2, 7),
    ("Raiders killed three herders and two of their sons.", 5, None),
])
def test_one_attack_still_adds_its_groups(text: str, killed: int | None, hurt: int | None) -> None:
    events = _attacks(text)
    assert len(events) == 1
    assert (events[0].fatalities, events[0].injured) == (killed, hurt)


@pytest.mark.parametrize("text", [
    "Nurse killed in raid on clinic",
    "Farmer shot dead by bandits",
    "Shepherd killed in drone strike near the border",
])
def test_a_headline_singular_victim_counts_one(text: str) -> None:
    assert _attacks(text)[0].fatalities == 1
