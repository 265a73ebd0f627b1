"""An attack named again ("the bombing", "the attacks", "claimed responsibility") takes the way it
was made and its date from the attack first told (truce.extract.same_act), on texts written for
these tests."""

from __future__ import annotations

from truce.extract.pipeline import extract


def _events(text: str, published: str = "2024-06-14") -> list[dict]:
    return [e.to_dict() for e in extract(text, published=published, use_classifier=False)]


def _attacks_in(events: list[dict], words: str) -> list[dict]:
    found = [e for e in events if e["type"] == "ASSAULT" and words in e["evidence"]["sentence"]]
    assert found, f"no attack in a sentence with {words!r}"
    return found


def test_the_bombing_named_again_was_the_suicide_attack() -> None:
    text = ("A suicide bomber attacked a police academy in the east on Tuesday.\n\n"
            "Officials named the bomber as a former cadet.\n\n"
            "The bombing at the academy killed nine recruits.")
    modes = {e["mode"] for e in _attacks_in(_events(text), "killed nine")}
    assert modes == {"suicide-attack"}


def test_the_attacks_named_again_were_drone_strikes_on_that_day() -> None:
    text = ("Two fuel depots were hit by drone strikes on Wednesday.\n\n"
            "The ministry said the attacks began before dawn and set the larger depot ablaze.")
    found = _attacks_in(_events(text), "the attacks began")
    assert {e["mode"] for e in found} == {"drone"}
    assert {(e["date"] or {}).get("start") for e in found} == {"2024-06-12"}


def test_a_claim_of_responsibility_is_dated_by_the_attack_it_claims() -> None:
    text = ("Gunmen killed four guards at a border post on Monday.\n\n"
            "Two ministers resigned over the security failures.\n\n"
            "A separatist group has claimed responsibility.")
    found = _attacks_in(_events(text), "claimed responsibility")
    assert {(e["date"] or {}).get("start") for e in found} == {"2024-06-10"}


def test_an_attack_told_first_is_not_changed_by_a_later_one() -> None:
    text = ("An attack on a checkpoint killed two soldiers on Monday.\n\n"
            "On Wednesday, a drone strike hit a convoy further north.")
    first = _attacks_in(_events(text), "checkpoint")
    assert {e["mode"] for e in first} != {"drone"}


def test_another_kind_of_attack_is_not_renamed() -> None:
    text = ("Artillery shelled the market on Monday.\n\n"
            "The bombing of the bridge followed later that week.")
    later = _attacks_in(_events(text), "bridge")
    assert "heavy-weapons" not in {e["mode"] for e in later}


def test_a_victim_named_again_is_the_dated_attack_on_them() -> None:
    text = ("The union said it had learned of the killing of a reporter, Anwar Baloch, in Quetta on May 30.\n\n"
            "Colleagues said Anwar Baloch was shot dead outside his office after a press conference.")
    found = _attacks_in(_events(text, "2024-06-03"), "shot dead")
    assert {(e["date"] or {}).get("start") for e in found} == {"2024-05-30"}
    assert {(e["location"] or {}).get("country") for e in found} == {"PAK"}


def test_two_acts_each_with_its_own_date_stay_two() -> None:
    events = _events("The report lists the bombing of a school on May 2 and the shelling of a clinic on May 9.")
    attacks = [e for e in events if e["type"] == "ASSAULT"]
    assert {(e["date"] or {}).get("start") for e in attacks} >= {"2024-05-02", "2024-05-09"}


def test_a_person_abducted_and_later_shot_are_two_acts() -> None:
    text = ("Rights groups reported the abduction of a teacher, Omar Haidari, in Herat on May 30.\n\n"
            "Police said Omar Haidari was shot dead outside his school after a protest.")
    found = _attacks_in(_events(text, "2024-06-03"), "shot dead")
    assert all((e["location"] or {}).get("name") != "Herat" for e in found)
