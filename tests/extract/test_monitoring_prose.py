"""Monitoring-mission prose read as observations (sentences written here, in the style of a
mission's daily report)."""
from __future__ import annotations

from datetime import date

from truce.extract.pipeline import extract

PUBLISHED = date(2021, 4, 9)


def _assaults(text: str) -> list:
    events = [e for e in extract(text, published=PUBLISHED) if e.type == "ASSAULT"]
    assert events, f"no ASSAULT read from: {text}"
    return events


def test_heard_explosion_is_an_observation_with_distance_bearing_and_direction() -> None:
    events = _assaults("Positioned in Svitlodarsk, the SMM heard an undetermined explosion 2-3 km south-west "
                       "of its position, assessed as outgoing.")
    obs = [e for e in events if e.observation is not None]
    assert obs, "the explosion heard is no observation"
    e = obs[0]
    assert e.actor is None and e.recipient is None, "the monitors neither fired nor were fired at"
    assert e.count == 1
    assert e.observation["how"] == "heard"
    assert e.observation["direction"] == "outgoing"
    assert e.observation["distance_km"] == 2.5 and e.observation["bearing_deg"] == 225
    assert e.location is not None and e.location.country == "UKR"


def test_regional_tally_is_one_aggregate_event_with_its_counts() -> None:
    events = _assaults("In Luhansk region, the SMM recorded 676 ceasefire violations, including 298 explosions.")
    tallies = [e for e in events if e.observation and e.observation.get("aggregate")]
    assert len(tallies) == 1, [e.to_dict() for e in events]
    assert tallies[0].count == 676
    assert tallies[0].observation["including"] == {"explosion": 298}
    assert tallies[0].aux is None


def test_negated_observation_is_recorded_as_such_never_as_an_attack() -> None:
    events = extract("The SMM did not register any ceasefire violations in Luhansk region.", published=PUBLISHED)
    assert events, "the negated observation is not recorded"
    assert all(e.aux == "negation" for e in events if e.type == "ASSAULT")


def test_camera_counts_each_kind_of_fire_apart() -> None:
    events = _assaults("While positioned near Zolote, the SMM camera recorded 14 undetermined explosions and "
                       "about 60 bursts of heavy-machine-gun fire 2-5 km north-west.")
    counts = sorted(e.count for e in events if e.count is not None)
    assert counts == [14, 60]
    assert all(e.observation["how"] == "camera" for e in events if e.observation)


def test_fired_at_mission_uav_is_the_target_not_the_weapon() -> None:
    events = _assaults("An SMM mini-UAV was targeted by small-arms fire near Zolote.")
    e = events[0]
    assert "drone" not in e.weapons and e.mode != "drone"
    assert "small-arms" in e.weapons
    assert e.recipient is not None and "UAV" in e.recipient.text
    assert e.actor is None


def test_grenade_launchers_fired_at_positions_are_an_armed_clash_not_crowd_control() -> None:
    events = extract("Armed men fired grenade launchers and small arms at the positions of the Ukrainian "
                     "Armed Forces near Shyrokyne.", published=PUBLISHED)
    assert events
    assert not any(e.type == "COERCE" or e.acled.event_type == "Protests" for e in events)
    attack = next(e for e in events if e.type == "ASSAULT")
    assert attack.acled.event_type == "Battles"


def test_bodies_found_with_gunshot_wounds_is_violence_against_civilians_with_its_toll() -> None:
    events = _assaults("The bodies of two civilians with gunshot wounds were found near Yasynuvata.")
    assert events[0].acled.event_type == "Violence against civilians"
    assert events[0].fatalities == 2


def test_dispute_between_village_groups_is_communal_not_armed_forces() -> None:
    events = _assaults("A land dispute between two village groups in Jonglei left three people dead.")
    e = events[0]
    assert e.actor is not None and e.actor.sector not in {"MIL", "COP"}
    assert e.acled.event_type != "Battles"
    assert e.fatalities == 3


def test_pronoun_subject_of_a_report_tally_is_the_mission() -> None:
    text = ("The mission recorded 120 ceasefire violations in Donetsk region. In Luhansk region, it recorded "
            "37 ceasefire violations, including 12 explosions.")
    events = _assaults(text)
    luhansk = [e for e in events if e.observation and e.count == 37]
    assert luhansk, [e.to_dict() for e in events]
    assert luhansk[0].recipient is None and luhansk[0].observation["including"] == {"explosion": 12}


def test_second_object_the_parser_hangs_on_the_verb_is_counted_too() -> None:
    events = _assaults("The mission camera near Zolote recorded four projectiles in flight from west to east, "
                       "assessed as outgoing, and two undetermined explosions 1-2km north.")
    counts = sorted(e.count for e in events if e.observation is not None and e.count is not None)
    assert counts == [2, 4], [e.to_dict() for e in events]
    assert all(e.actor is None for e in events), "the camera fired nothing"


def test_a_body_found_later_in_a_report_lends_no_toll_to_its_observations() -> None:
    text = ("In Donetsk region, the mission recorded 310 ceasefire violations, including 95 explosions.\n\n"
            "The bodies of three men with shrapnel wounds were found near Marinka.")
    events = _assaults(text)
    tallies = [e for e in events if e.observation is not None]
    assert tallies, "the tally was not read"
    assert all(e.fatalities is None for e in tallies)


def test_a_mission_drone_fired_at_was_hit_by_rifles_not_flown_at_anyone() -> None:
    events = _assaults("A drone of the mission was fired at by unknown persons near the checkpoint.")
    assert events, "the firing was not read"
    assert {e.mode for e in events} == {"firearms"}
    assert all(e.acled is None or e.acled.event_type != "Explosions/Remote violence" for e in events)


def test_a_drone_misparsed_beside_a_place_is_still_the_target() -> None:
    events = _assaults("Near Stanytsia, a mini-UAV of the mission was targeted by small-arms fire.")
    assert events, "the firing was not read"
    assert {e.mode for e in events} == {"firearms"}


def test_drones_fired_at_a_town_are_still_a_drone_attack() -> None:
    events = _assaults("Rebels fired two drones at the airport.")
    assert events and {e.mode for e in events} == {"drone"}
