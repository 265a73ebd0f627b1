"""Actors named by reference: "we" in a quote, "the group", "its troops" in reported speech,
"militants in the enclave", "the two countries", passive agents of bare participles and small
clauses ("hold X responsible"). Reports written for these tests."""

from __future__ import annotations

from truce.model import Event


def _events(text: str) -> list[Event]:
    from truce.extract.pipeline import extract

    return extract(text, published="2022-05-10")


def _find(events: list[Event], etype: str) -> Event:
    found = [e for e in events if e.type == etype]
    assert found, f"no {etype} in {[e.type for e in events]}"
    return found[0]


def test_we_in_a_quote_is_the_speakers_side() -> None:
    text = ('Turkish jets struck positions in northern Iraq overnight, a Turkish defence ministry spokesman said. '
            '"We hold the Iraqi government responsible for every attack launched from its soil," he said.')
    accuse = _find(_events(text), "ACCUSE")
    assert accuse.actor is not None and accuse.actor.country == "TUR"
    assert accuse.recipient is not None and accuse.recipient.country == "IRQ"


def test_by_agent_of_a_bare_participle_acts() -> None:
    text = "Kenya said it had intercepted rockets launched by Somali militants at its border posts on Sunday."
    hits = [e for e in _events(text) if e.type == "ASSAULT" and e.actor is not None]
    assert any(e.actor is not None and e.actor.country == "SOM" for e in hits)


def test_reported_possessive_belongs_to_the_speaker() -> None:
    text = "Russia said on Monday that some of its troops were returning to their bases after exercises."
    retreat = _find(_events(text), "RETREAT")
    assert retreat.actor is not None and retreat.actor.country == "RUS"


def test_militants_in_the_enclave_take_the_place_named_before() -> None:
    text = ("Israeli aircraft struck a building in Gaza City on Tuesday. Militants in the enclave "
            "fired dozens of rockets at Tel Aviv on Wednesday.")
    fired = [e for e in _events(text) if e.type == "ASSAULT" and e.recipient is not None
             and e.recipient.country == "ISR"]
    assert fired and fired[0].actor is not None and fired[0].actor.country == "PSE"


def test_the_two_countries_name_both_sides() -> None:
    text = "India and Pakistan have fought three wars. On Wednesday the army chiefs of the two countries held talks."
    talks = _find(_events(text), "CONSULT")
    have = {talks.actor.country if talks.actor else None, talks.recipient.country if talks.recipient else None}
    assert have == {"IND", "PAK"}


def test_pronoun_in_reported_clause_is_the_named_sayer() -> None:
    text = "Japan said on Tuesday it had halted economic aid to Serbia."
    event = max(_events(text), key=lambda e: e.confidence)
    assert event.actor is not None and event.actor.country == "JPN" and event.actor.text == "Japan"
