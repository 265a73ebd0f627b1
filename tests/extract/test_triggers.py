"""Trigger typing: PLOVER conventions, argument rules, lemma slips and the ACLED crosswalk, on
sentences written for these tests."""

from __future__ import annotations

import pytest

from truce.extract import crosswalk
from truce.extract.pipeline import extract


def _types(text: str, published: str | None = "2024-05-20") -> list[dict]:
    return [e.to_dict() for e in extract(text, published=published, use_classifier=False)]


def _main(text: str) -> dict:
    events = _types(text)
    assert events, f"no event in {text!r}"
    return max(events, key=lambda e: e["confidence"])


@pytest.mark.parametrize(("text", "etype", "mode"), [
    ("Rebel fighters fired rockets at the airport on Sunday.", "ASSAULT", "heavy-weapons"),
    ("The militia launched a wave of drones at the refinery.", "ASSAULT", "drone"),
    ("Warplanes dropped bombs on the market town of Kalay.", "ASSAULT", "aerial"),
    ("The air force dropped food parcels over the besieged town.", "AID", "humanitarian"),
    ("Police fired tear gas at students outside the parliament.", "COERCE", "crowd-control"),
    ("Soldiers bulldozed a row of shops in the old quarter.", "COERCE", "destroy"),
    ("The governor lifted the curfew in the northern province.", "CONCEDE", None),
    ("The army lifted the blockade of the port city on Friday.", "RETREAT", "access"),
    ("The two sides exchanged 90 prisoners of war at the border.", "RETREAT", "release"),
    ("The rebel group declared a unilateral ceasefire for the holidays.", "RETREAT", "ceasefire"),
    ("The teachers' union called off its strike after talks.", "CONCEDE", None),
    ("The minister cancelled a planned visit to the neighbouring capital.", "SANCTION", "relations"),
    ("Peacekeepers arrived in the border town on Monday.", "AID", "military"),
    ("The ministry strengthened its forces along the frontier.", "MOBILIZE", "troops"),
    ("Hundreds of students staged demonstrations in the capital.", "PROTEST", "demonstrate"),
    ("The prosecutor indicted the former militia commander for war crimes.", "ACCUSE", "investigate"),
    ("The rebels set up a new base in the hills above the valley.", "MOBILIZE", "base"),
])
def test_main_event_type_and_mode(text: str, etype: str, mode: str | None) -> None:
    ev = _main(text)
    assert (ev["type"], ev["mode"]) == (etype, mode), (text, ev["type"], ev["mode"])


def test_released_statement_is_no_event() -> None:
    assert not [e for e in _types("The ministry released a statement on the talks.") if e["type"] == "RETREAT"]


def test_returning_home_is_no_retreat_but_returning_to_base_is() -> None:
    assert not [e for e in _types("The delegation returned home on Tuesday.") if e["type"] == "RETREAT"]
    assert [e for e in _types("Some units returned to their bases on Tuesday.") if e["type"] == "RETREAT"]


def test_violating_a_ceasefire_is_violence_not_an_agreement() -> None:
    types = {e["type"] for e in _types("Both armies violated the ceasefire agreement near the river.")}
    assert "AGREE" not in types and "ASSAULT" in types


def test_ultimatum_is_a_threat() -> None:
    assert _main("The junta issued an ultimatum to the rebels to leave the city.")["type"] == "THREATEN"


def test_heavy_price_is_a_threat() -> None:
    assert any(e["type"] == "THREATEN" for e in _types("The premier said the militants would pay a heavy price."))


def test_hold_responsible_is_an_accusation() -> None:
    assert any(e["type"] == "ACCUSE" for e in _types("We hold the neighbouring government fully responsible."))


def test_claimed_responsibility_is_a_claimed_attack() -> None:
    ev = next(e for e in _types("The armed group claimed responsibility for the bombing.") if e["type"] == "ASSAULT")
    assert ev["status"] == "claimed"


def test_events_of_two_actors_in_one_sentence_stay_apart() -> None:
    text = "French aircraft dropped aid over the valley while Italian planes delivered medicine to the city."
    aid = [e for e in _types(text) if e["type"] == "AID"]
    assert {e["actor"]["country"] for e in aid if e["actor"]} >= {"FRA", "ITA"}


@pytest.mark.parametrize(("etype", "mode", "event_type", "sub"), [
    ("ASSAULT", "heavy-weapons", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("ASSAULT", "drone", "Explosions/Remote violence", "Air/drone strike"),
    ("ASSAULT", "explosives", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("COERCE", "destroy", "Strategic developments", "Looting/property destruction"),
    ("COERCE", "arrest", "Strategic developments", "Arrests"),
    ("MOBILIZE", "base", "Strategic developments", "Headquarters or base established"),
    ("MOBILIZE", "troops", "Strategic developments", "Change to group/activity"),
    ("AGREE", "ceasefire", "Strategic developments", "Agreement"),
    ("PROTEST", "demonstrate", "Protests", "Peaceful protest"),
])
def test_acled_crosswalk(etype: str, mode: str, event_type: str, sub: str) -> None:
    assert crosswalk.acled(etype, mode, "MIL", "MIL") == {"event_type": event_type, "sub_event_type": sub}


@pytest.mark.parametrize(("text", "etype", "mode"), [
    ("The aid worker was among six hostages rescued by special forces on Sunday.", "RETREAT", "release"),
    ("Foreign troops were leaving the country by the end of the week.", "RETREAT", "withdraw"),
    ("Government forces still occupy the hills above the river.", "MOBILIZE", "troops"),
    ("The national army entered two border towns on Monday.", "MOBILIZE", "troops"),
])
def test_what_armed_forces_and_captives_make_of_a_verb(text: str, etype: str, mode: str | None) -> None:
    ev = _main(text)
    assert (ev["type"], ev["mode"]) == (etype, mode), (text, ev["type"], ev["mode"])


def test_protesters_occupying_a_square_are_no_troops() -> None:
    assert not [e for e in _types("Students occupied the main square for a week.") if e["type"] == "MOBILIZE"]


def _has(text: str, etype: str, actor_country: str | None = None) -> bool:
    events = _types(text)
    assert events, f"no event in {text!r}"
    return any(e["type"] == etype and (actor_country is None or (e["actor"] or {}).get("country") == actor_country)
               for e in events)


@pytest.mark.parametrize("text", [
    "The rebel command said the truce was not enough.",
    "Officials in Kyiv said the proposal was unacceptable.",
])
def test_a_proposal_judged_wanting_is_rejected(text: str) -> None:
    assert _has(text, "REJECT")


def test_an_agreement_that_is_enough_is_no_rejection() -> None:
    assert not _has("The rebel command said the truce was enough for now.", "REJECT")


def test_calling_accusers_liars_is_the_speakers_rejection() -> None:
    assert _has('"Those who blame Ukraine for the blast are lying," the Ukrainian foreign minister said.',
                "REJECT", "UKR")


def test_a_village_lying_in_ruins_rejects_nothing() -> None:
    assert not [e for e in _types("The village was lying in ruins after the shelling.") if e["type"] == "REJECT"]


@pytest.mark.parametrize("text", [
    'The Turkish president said foreign forces should leave the region.',
    'The Turkish president said: "They need to stand by us."',
])
def test_what_others_should_or_need_to_do_is_a_demand(text: str) -> None:
    assert _has(text, "REQUEST", "TUR")


def test_what_we_need_to_do_is_no_demand() -> None:
    assert not _has('The Turkish president said: "We need to stand by our allies."', "REQUEST")


def test_force_promised_on_a_condition_is_a_threat() -> None:
    assert _has('The president wrote: "If they cross the line, I will destroy their economy."', "THREATEN")


def test_a_recommendation_is_a_request() -> None:
    assert _has("The prime minister recommended that the foreign troops withdraw.", "REQUEST")


def test_entering_into_an_agreement_is_an_agreement() -> None:
    assert _has("The Kurdish-led forces said they had entered into an agreement with Damascus.", "AGREE")


def test_a_homicide_is_an_act_of_violence() -> None:
    assert _has("A double homicide was registered in the old town on Sunday.", "ASSAULT")


def test_an_execution_during_a_war_is_an_attack() -> None:
    assert _has("The militia executes a captured officer as the war enters its third year.", "ASSAULT")


def test_a_person_executed_is_put_to_death_and_a_plan_executed_is_not() -> None:
    assert _has("A young man accused of spying was executed in the town square.", "ASSAULT")
    assert not [e for e in _types("The ministry executed its reform plan on schedule.") if e["type"] == "ASSAULT"]
