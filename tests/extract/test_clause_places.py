"""Regression tests for the place rules of commit ab3c369, on the sentence's own place choice
(finish._place_for, before any paragraph fallback can hide it; sentences written here): a clause of
the trigger's own subject, a describing relative clause, a noun-modifying clause and a claim's
content keep their places; 'the Red Sea port town of Mokha' is Mokha, 'Iran's Quds Force' is no place."""

from __future__ import annotations

from truce.extract.finish import _place_for
from truce.nlp import load_nlp
from truce.records.text import PlaceMention


def _choice(text: str, trigger: str, names: list[str]) -> str | None:
    """The place `_place_for` picks for the trigger word among the named places of `text`."""
    doc = load_nlp()(text)
    trig = next(t for t in doc if t.text == trigger)
    places = []
    for name in names:
        start = text.index(name)
        places.append(PlaceMention(name, start, start + len(name), name, 1.0, 1.0, None, None, None,
                                   "city", "literal", "test"))
    assert places and all(text[p.start:p.end] == p.text for p in places)
    chosen = _place_for(trig, trig.sent, places, [], 0, attack=True)
    return chosen.name if chosen is not None else None


def test_subjectless_clause_of_the_trigger_subject_keeps_its_place() -> None:
    assert _choice("The attacks occurred at 4 a.m. and struck the power plant at Zaporizhzhia.",
                   "attacks", ["Zaporizhzhia"]) == "Zaporizhzhia"


def test_describing_relative_clause_is_no_side_clause() -> None:
    # where the attackers are said to be based is the best the sentence says of the attack's place
    assert _choice("Gunmen who were believed to be based in Basra attacked a patrol on Monday.",
                   "attacked", ["Basra"]) == "Basra"


def test_noun_modifying_clause_keeps_its_own_place() -> None:
    assert _choice("The soldiers killed in the blast arrived in Kabul on Monday.", "killed", ["Kabul"]) is None


def test_claim_content_keeps_its_own_place() -> None:
    assert _choice("The claim that the army bombed the village came from a doctor in Aleppo.",
                   "bombed", ["Aleppo"]) is None


def test_port_town_of_a_sea_is_the_town() -> None:
    assert _choice("Houthi forces shelled the Red Sea port town of Mokha on Monday.", "shelled",
                   ["Red Sea", "Mokha"]) == "Mokha"


def test_a_country_owning_a_force_is_no_place() -> None:
    assert _choice("Iran's Quds Force attacked a base on Monday.", "attacked", ["Iran"]) is None
