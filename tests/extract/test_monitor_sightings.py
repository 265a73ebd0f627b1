"""Monitoring prose beyond the SMM's own wording: other missions' observers, projectiles seen fired,
weapons seen standing (a sighting, not fire), and naming verbs that are no phone call. Sentences
written here."""
from __future__ import annotations

from datetime import date

import pytest

from truce.extract.pipeline import extract

PUBLISHED = date(2022, 6, 14)


def _events(text: str) -> list:
    events = extract(text, published=PUBLISHED)
    assert events, f"nothing read from: {text}"
    return events


@pytest.mark.parametrize("text, weapon, count", [
    ("An SMM mini-UAV spotted three tanks near Novoluhanske, in violation of withdrawal lines.", "tank", 3),
    ("The monitors saw two self-propelled howitzers parked near Popasna.", "artillery", 2),
    ("Mission cameras recorded a multiple rocket launcher moving west near Debaltseve.", "mlrs", 1),
])
def test_weapons_seen_are_a_sighting_not_fire(text: str, weapon: str, count: int) -> None:
    events = _events(text)
    assert not [e for e in events if e.type == "ASSAULT"], [e.to_dict() for e in events]
    seen = [e for e in events if e.type == "MOBILIZE" and e.observation and e.observation.get("sighting")]
    assert len(seen) == 1, [e.to_dict() for e in events]
    assert seen[0].weapons == (weapon,) or list(seen[0].weapons) == [weapon]
    assert seen[0].count == count and seen[0].actor is None
    assert seen[0].location is not None and seen[0].location.country == "UKR"


def test_a_sighting_in_violation_says_so_and_one_that_does_not_does_not() -> None:
    flagged = _events("The SMM saw four tanks near Svitlodarsk, in violation of withdrawal lines.")
    plain = _events("The SMM saw four tanks at a holding area near Svitlodarsk.")
    obs = [e.observation for e in flagged + plain if e.type == "MOBILIZE" and e.observation]
    assert len(obs) == 2, obs
    assert obs[0].get("in_violation") is True and "in_violation" not in obs[1]


def test_heard_tanks_are_no_sighting() -> None:
    events = extract("The SMM heard what it assessed as tank fire 3km north of its position in Zolote.",
                     published=PUBLISHED)
    assert not [e for e in events if e.type == "MOBILIZE"], [e.to_dict() for e in events]


@pytest.mark.parametrize("text, count", [
    ("On 12 June, UNIFIL peacekeepers observed three rockets fired from the vicinity of Kafr Shouba.", 3),
    ("Peacekeepers recorded two missiles launched towards the north.", 2),
    ("UN military observers recorded cross-border firing along the Line of Control overnight.", None),
    ("Russian peacekeepers recorded one ceasefire violation in the Shusha district.", 1),
])
def test_other_missions_observers_observe_and_do_not_fire(text: str, count: int | None) -> None:
    events = [e for e in _events(text) if e.type == "ASSAULT"]
    assert len(events) == 1, [e.to_dict() for e in events]
    assert events[0].observation is not None, events[0].to_dict()
    assert events[0].actor is None, "the observers are no attacker"
    assert events[0].count == count


@pytest.mark.parametrize("text", [
    "The ministry denied the report, calling it a provocation.",
    "Officials called the allegations baseless.",
    "The army called the reports a fabrication.",
])
def test_calling_something_a_name_is_no_phone_call(text: str) -> None:
    events = extract(text, published=PUBLISHED)
    assert not [e for e in events if e.type == "CONSULT"], [e.to_dict() for e in events]


def test_a_phone_call_is_still_a_call() -> None:
    events = extract("President Aliyev called Prime Minister Pashinyan on Monday.", published=PUBLISHED)
    assert [e for e in events if e.type == "CONSULT"], [e.to_dict() for e in events]


@pytest.mark.parametrize("text, count", [
    ("A UN patrol observed a group of armed men near the village of Tabarre.", None),
    ("The SMM saw about 20 soldiers digging trenches near Zolote.", 20),
    ("Peacekeepers spotted five masked gunmen at a checkpoint outside Kidal.", 5),
])
def test_armed_people_seen_are_a_presence_not_a_clash(text: str, count: int | None) -> None:
    events = _events(text)
    assert not [e for e in events if e.type == "ASSAULT"], [e.to_dict() for e in events]
    seen = [e for e in events if e.type == "MOBILIZE" and e.observation and e.observation.get("sighting")]
    assert len(seen) == 1, [e.to_dict() for e in events]
    assert seen[0].mode == "troops" and seen[0].actor is None and seen[0].count == count


@pytest.mark.parametrize("text, status, source_country", [
    ("Russian peacekeepers recorded one ceasefire violation in the Shusha district, the Russian Defence "
     "Ministry said.", "claimed", "RUS"),
    ("The SMM said it had heard 14 explosions near Avdiivka.", "asserted", None),
    ("Positioned in Svitlodarsk, the SMM heard six explosions 6-8 km south-east.", "asserted", None),
])
def test_an_observation_told_by_another_party_is_its_claim(text: str, status: str,
                                                           source_country: str | None) -> None:
    observed = [e for e in _events(text) if e.observation is not None]
    assert len(observed) == 1, [e.to_dict() for e in _events(text)]
    assert observed[0].status == status
    assert (observed[0].source.country if observed[0].source else None) == source_country
