"""Threats and denials voiced by a speaker, intended acts and their dates, nominal events — on
sentences written for these tests."""

from __future__ import annotations

from truce.extract.pipeline import extract

PUB = "2025-03-12"  # a Wednesday


def _events(text: str, published: str | None = PUB) -> list[dict]:
    return [e.to_dict() for e in extract(text, published=published, use_classifier=False)]


def _of(text: str, etype: str, published: str | None = PUB) -> list[dict]:
    return [e for e in _events(text, published) if e["type"] == etype]


def test_paying_a_price_is_the_speakers_threat() -> None:
    hits = _of("The Serbian president said Kosovo would pay a very heavy price for the raid.", "THREATEN")
    assert hits and hits[0]["actor"]["country"] == "SRB"
    assert hits[0]["recipient"]["country"] == "XKX" or "Kosovo" in hits[0]["recipient"]["text"]


def test_not_hesitating_is_a_threat_not_a_denial() -> None:
    events = _events("Ghana said it would not hesitate to defend its borders if the raids continued.")
    assert any(e["type"] == "THREATEN" and e["aux"] != "negation" for e in events)
    assert not any(e["type"] in {"REJECT", "SUPPORT"} for e in events)


def test_conditional_force_is_a_threat() -> None:
    events = _events("Chad's president said the army would respond militarily if the rebels advanced.")
    assert any(e["type"] == "THREATEN" and e["actor"] and e["actor"]["country"] == "TCD" for e in events)


def test_calling_an_accusation_false_is_a_rejection() -> None:
    events = _events("The Kenyan foreign ministry said the accusation was false.")
    hits = [e for e in events if e["type"] == "REJECT"]
    assert hits and hits[0]["actor"]["country"] == "KEN"
    assert not any(e["type"] == "ACCUSE" for e in events)


def test_a_visiting_team_reaching_a_site_consults() -> None:
    hits = _of("A UN inspection team reached the dam on Monday.", "CONSULT")
    assert hits and hits[0]["mode"] == "visit"


def test_trying_to_land_is_an_attempted_assault() -> None:
    events = _events("The navy said enemy commandos tried to land on the island.")
    assert any(e["type"] == "ASSAULT" for e in events)
    assert not any(e["type"] == "MOBILIZE" for e in events)


def test_death_toll_of_a_dated_attack_names_the_attack() -> None:
    hits = _of("The death toll from Sunday's drone attack on the market rose to nine on Tuesday.", "ASSAULT")
    assert hits and hits[0]["date"]["start"] == "2025-03-09"
    assert hits[0]["actor"] is None or hits[0]["actor"]["text"] != "Sunday"


def test_date_of_agreed_talks_is_not_the_agreement_date() -> None:
    events = _events("The two delegations agreed to hold talks on Thursday in Nairobi.")
    agree = [e for e in events if e["type"] == "AGREE"]
    assert agree
    assert all(e["date"] is None or e["date"]["start"] != "2025-03-06" for e in events)


def test_planned_withdrawal_date_is_ahead() -> None:
    events = _events("The government plans to withdraw its troops on Friday.")
    assert events and all(e["date"] is None for e in events)
    assert any(e["aux"] == "future" for e in events)


def test_talks_expected_to_resume_are_future() -> None:
    hits = _of("Talks between the two sides are expected to resume in Doha.", "CONSULT")
    assert hits and hits[0]["aux"] == "future"


def test_backdrop_attack_is_its_own_event_with_its_own_date() -> None:
    hits = _of("Troops shelled rebel positions on Tuesday after mortars were fired at a base late on Monday.",
               "ASSAULT")
    assert {e["date"]["start"] for e in hits if e["date"]} >= {"2025-03-11", "2025-03-10"}


def test_agreeing_to_halt_fighting_is_a_ceasefire() -> None:
    hits = _of("The militias agreed to halt three weeks of fighting in the city.", "AGREE")
    assert hits and hits[0]["mode"] == "ceasefire"
    assert not _of("The militias agreed to halt three weeks of fighting in the city.", "THREATEN")


def test_attack_origin_is_not_its_location() -> None:
    hits = _of("Russian aircraft released glide bombs on Kharkiv from the airspace of Belgorod.", "ASSAULT")
    assert hits and (hits[0]["location"] is None or hits[0]["location"]["country"] != "RUS")


def test_a_condition_stays_hypothetical_under_a_future_governor() -> None:
    for text in ("If the rebels attack the town, the army will respond with force.",
                 "The army will respond with force if the rebels attack the town."):
        attacks = [e for e in _of(text, "ASSAULT") if e["actor"] and "rebels" in e["actor"]["text"]]
        assert attacks and all(e["aux"] == "hypothetical" for e in attacks), text


def test_a_negated_condition_is_no_denial() -> None:
    text = "The army warned it would strike the town if the militia did not withdraw."
    retreats = _of(text, "RETREAT")
    assert retreats and all(e["status"] != "denied" and e["aux"] == "hypothetical" for e in retreats)


def test_force_vowed_is_a_threat_not_an_agreement() -> None:
    """'vowed to attack', 'swore to keep fighting': a vow of force threatens; a vow to withdraw
    stays a promise."""
    for text in ("The insurgents vowed to attack more army posts in the coming days.",
                 "The rebel commander swore to keep fighting until the capital fell."):
        types = {e["type"] for e in _events(text)}
        assert "THREATEN" in types and "AGREE" not in types, (text, types)
    assert _of("The government vowed to withdraw its troops from the border.", "AGREE")
