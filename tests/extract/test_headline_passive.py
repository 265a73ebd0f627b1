"""A headline drops the passive's auxiliary: the noun before "killed" suffered the act."""

from __future__ import annotations

import pytest

from truce.extract.pipeline import extract


def _assault(text: str) -> dict:
    events = [e.to_dict() for e in extract(text, published="2024-03-02") if e.type == "ASSAULT"]
    assert events, f"an attack in {text!r}"
    return events[0]


@pytest.mark.parametrize("text, victim", [
    ("Village elder killed in raid on market", "elder"),
    ("Nurse abducted near the border crossing", "Nurse"),
    ("Local councillor shot dead outside his home", "councillor"),
    ("A radio presenter killed in the port city", "presenter"),
])
def test_the_noun_before_the_bare_participle_is_the_victim(text: str, victim: str) -> None:
    event = _assault(text)
    assert event["actor"] is None
    assert victim in event["recipient"]["text"]


def test_the_by_phrase_names_the_doer() -> None:
    event = _assault("Shopkeeper shot dead by masked gunmen in the old town")
    assert "gunmen" in event["actor"]["text"]
    assert "Shopkeeper" in event["recipient"]["text"]


@pytest.mark.parametrize("text, doer", [
    ("Police shot at demonstrators in the square", "Police"),
    ("Militants killed four guards at the checkpoint", "Militants"),
])
def test_a_subject_with_an_object_or_aim_still_acts(text: str, doer: str) -> None:
    assert doer in _assault(text)["actor"]["text"]


@pytest.mark.parametrize("text, doer", [
    ("Rebel fighters massacre 'at least 25' in border villages", "fighters"),
    ("Armed group kills two herders near the river", "group"),
])
def test_a_present_tense_headline_is_active(text: str, doer: str) -> None:
    event = _assault(text)
    assert event["actor"] is not None and doer in event["actor"]["text"]
