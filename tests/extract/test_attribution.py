"""Stance, intentions and dates: who says so, whether it happened, and when — on sentences written
for these tests."""

from __future__ import annotations

from truce.extract.pipeline import extract


def _events(text: str, published: str | None = "2024-05-20") -> list[dict]:
    return [e.to_dict() for e in extract(text, published=published, use_classifier=False)]


def _first(text: str, etype: str, published: str | None = "2024-05-20") -> dict:
    hits = [e for e in _events(text, published) if e["type"] == etype]
    assert hits, f"no {etype} in {[(e['type'], e['aux']) for e in _events(text, published)]}"
    return hits[0]


def test_promise_reported_by_the_actor_is_an_agreement() -> None:
    assert _first("The government said it will withdraw its troops from the border zone.", "AGREE")


def test_plan_stated_by_the_reporter_keeps_its_type() -> None:
    ev = _first("The prime minister will resign next week.", "RETREAT")
    assert ev["aux"] == "future"


def test_withdrawal_unless_is_a_threat() -> None:
    assert _first("The council said it will withdraw its observers unless the fighting stops.", "THREATEN")


def test_condition_of_a_threat_stays_hypothetical() -> None:
    ev = _first("The group warned it would respond with force if the army attacked the camps.", "ASSAULT")
    assert ev["aux"] == "hypothetical"


def test_could_face_sanctions_is_a_threat_not_a_sanction() -> None:
    events = _events("The envoy said the generals could face further sanctions.")
    assert not [e for e in events if e["type"] == "SANCTION" and e["aux"] is None]


def test_must_is_a_demand() -> None:
    assert _first("The minister said the occupying troops must leave the region at once.", "REQUEST")


def test_failed_to_agree_is_a_rejection() -> None:
    assert _first("The two delegations failed to reach agreement on the border.", "REJECT")


def test_attempt_is_an_event_not_a_threat() -> None:
    types = {e["type"] for e in _events("Gunmen attempted to assassinate the provincial governor on Monday.")}
    assert "ASSAULT" in types and "THREATEN" not in types


def test_prepared_to_attack_is_mobilising() -> None:
    assert _first("The division prepared to resume shelling the rebel-held valley.", "MOBILIZE")


def test_denial_marks_the_event_denied_with_its_source() -> None:
    ev = _first("The ministry denied that its forces had fired on the village.", "ASSAULT")
    assert ev["status"] == "denied" and ev["source"] is not None


def test_date_of_the_event_not_of_the_statement() -> None:
    ev = _first("Militants attacked a police post on Saturday, the governor said on Monday.", "ASSAULT")
    assert ev["date"]["start"] == "2024-05-18"


def test_date_of_another_clause_is_not_taken() -> None:
    text = "On Friday aircraft dropped food, the third airdrop this month, while trucks delivered water."
    dates = {e["date"]["start"] for e in _events(text) if e["type"] == "AID" and e["date"]}
    assert dates == {"2024-05-17"}


def test_dateline_date_is_not_an_event_date() -> None:
    ev = _first("GOMA/KIGALI, May 20 - Rebels shelled the town of Sake, residents said.", "ASSAULT")
    assert ev["date"] is None or ev["date"]["start"] != "2024-05-20"


def test_background_events_are_left_out_and_recaps_marked() -> None:
    old = _events("In March 2019 government troops shelled the town.")
    assert not [e for e in old if e["type"] == "ASSAULT"]
    recap = _first("On April 25 government troops shelled the town.", "ASSAULT")
    assert recap["aux"] == "historical"
    fresh = _first("On Saturday government troops shelled the town.", "ASSAULT")
    assert fresh["aux"] is None


def test_content_of_a_claim_noun_is_claimed() -> None:
    ev = _first("The commission is investigating claims that the United States used white phosphorus bombs "
                "in an attack on May 4.", "ASSAULT")
    assert ev["status"] == "claimed"
    plain = _first("The United States used white phosphorus bombs in an attack on May 4.", "ASSAULT")
    assert plain["status"] == "asserted"


def test_failing_to_stop_an_attack_does_not_deny_the_attack() -> None:
    ev = _first("The governor criticised the police for failing to stop the attack, in which gunmen killed "
                "12 people.", "ASSAULT")
    assert ev["aux"] is None
    # failing to respect a truce is still a failure of the truce itself
    assert any(e["aux"] == "negation" for e in _events("The rebels failed to respect the ceasefire."))
