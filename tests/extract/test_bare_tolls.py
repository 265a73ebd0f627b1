"""A toll told without its attacker or place (\"14 people had been killed\") takes them from the
report's attack: the only attacker, or the attacker of the other side; not an interceptor; left
alone when two sides attack (sentences written for these tests)."""

from __future__ import annotations

from truce.extract.pipeline import extract, lend_attacker
from truce.model import ActorRef, Event


def _events(text: str, published: str) -> list[Event]:
    return extract(text, published, use_classifier=False)


def _attack(actor: str | None, recipient: str | None, killed: int | None = None) -> Event:
    return Event(id="e", report_id="r", type="ASSAULT",
                 actor=ActorRef(actor, country=actor) if actor else None,
                 recipient=ActorRef(recipient, country=recipient) if recipient else None,
                 fatalities=killed)


def test_bare_toll_takes_the_reports_only_attacker() -> None:
    text = ("Ethiopian troops shelled the town of Badme on Monday, residents said.\n\n"
            "Local officials said 14 people had been killed.")
    tolls = [e for e in _events(text, "2025-03-12") if e.type == "ASSAULT" and e.fatalities == 14]
    assert tolls
    assert tolls[0].actor is not None and tolls[0].actor.country == "ETH"


def test_bare_toll_takes_the_attacker_of_the_other_side() -> None:
    events = [_attack("ETH", "ERI"), _attack("ERI", "ETH"), _attack(None, "ERI", killed=14)]
    lend_attacker(events)
    assert events[2].actor is not None and events[2].actor.country == "ETH"


def test_bare_toll_left_alone_when_two_sides_attack() -> None:
    events = [_attack("ETH", None), _attack("ERI", None), _attack(None, None, killed=14)]
    lend_attacker(events)
    assert events[2].actor is None


def test_interceptor_is_not_the_attacker_of_the_toll() -> None:
    text = ("The army said two soldiers were killed and four wounded near the border, "
            "and said air defences had shot down several missiles.")
    events = _events(text, "2019-06-03")
    tolls = [e for e in events if e.type == "ASSAULT" and e.fatalities == 2]
    assert all(e.actor is None or "defence" not in e.actor.text for e in tolls)
    assert tolls, events


def test_bare_toll_takes_the_place_of_the_reports_attack() -> None:
    text = ("ODESA, May 3 - A Russian missile hit a warehouse in Odesa on Thursday, the governor said.\n\n"
            "Eleven people were wounded in the strike, among them two children, he said.")
    events = _events(text, "2024-05-03")
    tolls = [e for e in events if e.type == "ASSAULT" and e.injured == 11]
    assert tolls, events
    assert tolls[0].location is not None and tolls[0].location.name == "Odesa"
