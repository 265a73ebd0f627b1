"""Who speaks: a reporting verb in a side clause, and a known agency the tagger reads as a verb,
make the event a claim of that speaker (sentences written for these tests)."""

from __future__ import annotations

from truce.extract.pipeline import extract
from truce.model import Event


def _events(text: str, published: str) -> list[Event]:
    return extract(text, published, use_classifier=False)


def test_reporting_verb_as_side_clause_attributes_the_event() -> None:
    text = "Instead, the Ethiopian army said, shells fired by the rebels had hit the town of Adigrat on Tuesday."
    events = _events(text, "2022-11-17")
    hits = [e for e in events if e.type == "ASSAULT"]
    assert hits, events
    assert hits[0].status == "claimed"
    assert hits[0].source is not None and hits[0].source.country == "ETH"


def test_known_agency_tagged_as_verb_is_the_speaker() -> None:
    # the tagger reads "SANA" as a verb, so "said" has no subject of its own
    text = "Syria's official news agency SANA, citing a security source, said one soldier was wounded."
    events = _events(text, "2021-03-04")
    tolls = [e for e in events if e.type == "ASSAULT"]
    assert tolls, events
    assert tolls[0].status == "claimed"
    assert tolls[0].source is not None and tolls[0].source.country == "SYR"


def test_fronted_reported_clause_is_the_speakers_claim_and_not_the_speakers_act() -> None:
    # the parser hangs "shelling" on "added" as a side clause and lends it the speaker as subject
    text = "Separately, shelling damaged several houses in a village, the governor added."
    hits = [e for e in _events(text, "2024-05-14") if e.type == "ASSAULT"]
    assert hits, "no attack read"
    assert hits[0].status == "claimed" and hits[0].source is not None and hits[0].source.text == "the governor"
    assert hits[0].actor is None, "the governor is who says so, not who shelled"
