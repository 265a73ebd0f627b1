"""Report-level rules on sentences written for these tests: "the two countries" stands for the pair
named before, a speaker threatening another side's act, a bare toll taking the report's attacker,
and a hospital receiving the wounded."""

from __future__ import annotations

from truce.extract.pipeline import extract, lend_attacker
from truce.model import ActorRef, Event

PUB = "2025-03-12"  # a Wednesday


def _events(text: str) -> list[dict]:
    return [e.to_dict() for e in extract(text, published=PUB, use_classifier=False)]


def _country(ref: dict | None) -> str | None:
    return ref["country"] if ref else None


def test_the_two_countries_are_the_pair_named_before() -> None:
    text = ("Greece accused Turkey on Tuesday of violating its airspace.\n\n"
            "The foreign ministers of the two countries held talks by phone on Monday.")
    hits = [e for e in _events(text) if e["type"] == "CONSULT"]
    assert hits
    assert {_country(hits[0]["actor"]), _country(hits[0]["recipient"])} == {"GRC", "TUR"}


def test_speaker_threatens_the_side_whose_act_it_names() -> None:
    text = "Moscow said any Finnish deployment on the frontier would be a grave provocation."
    hits = [e for e in _events(text) if e["type"] in {"THREATEN", "ACCUSE"}]
    assert hits
    assert _country(hits[0]["actor"]) == "RUS"
    assert _country(hits[0]["recipient"]) == "FIN"


def test_bare_toll_takes_the_reports_only_attacker() -> None:
    text = ("Ethiopian troops shelled the town of Badme on Monday, residents said.\n\n"
            "Local officials said 14 people had been killed.")
    tolls = [e for e in _events(text) if e["type"] == "ASSAULT" and e["fatalities"] == 14]
    assert tolls
    assert _country(tolls[0]["actor"]) == "ETH"


def _attack(actor: str | None, recipient: str | None, killed: int | None = None) -> Event:
    return Event(id="e", report_id="r", type="ASSAULT",
                 actor=ActorRef(actor, country=actor) if actor else None,
                 recipient=ActorRef(recipient, country=recipient) if recipient else None,
                 fatalities=killed)


def test_bare_toll_takes_the_attacker_of_the_other_side() -> None:
    events = [_attack("ETH", "ERI"), _attack("ERI", "ETH"), _attack(None, "ERI", killed=14)]
    lend_attacker(events)
    assert events[2].actor is not None and events[2].actor.country == "ETH"


def test_bare_toll_left_alone_when_two_sides_attack() -> None:
    events = [_attack("ETH", None), _attack("ERI", None), _attack(None, None, killed=14)]
    lend_attacker(events)
    assert events[2].actor is None


def test_receiving_the_wounded_is_no_visit() -> None:
    text = "The clinic in Kismayo had received 48 injured people since Sunday, aid workers said."
    events = _events(text)
    assert not [e for e in events if e["type"] == "CONSULT"]
    assert [e for e in events if e["type"] == "ASSAULT" and e["injured"] == 48]


def test_receiving_a_minister_is_still_a_visit() -> None:
    text = "The Kenyan president received the Somali foreign minister in Nairobi on Monday."
    assert [e for e in _events(text) if e["type"] == "CONSULT"]
