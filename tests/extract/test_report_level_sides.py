"""Report-level readings of sides: "the two countries" stands for the pair named before, a speaker
threatens the side whose act it names, calling an act an aggression accuses the side named, and a
retaliation answers the last attack on its side (sentences written for these tests)."""

from __future__ import annotations

from truce.extract.pipeline import extract
from truce.model import Event

PUB = "2025-03-12"  # a Wednesday


def _events(text: str, published: str = PUB) -> list[Event]:
    return extract(text, published, use_classifier=False)


def _country(ref: dict | None) -> str | None:
    return ref["country"] if ref else None


def _dicts(text: str) -> list[dict]:
    return [e.to_dict() for e in _events(text)]


def test_the_two_countries_are_the_pair_named_before() -> None:
    text = ("Greece accused Turkey on Tuesday of violating its airspace.\n\n"
            "The foreign ministers of the two countries held talks by phone on Monday.")
    hits = [e for e in _dicts(text) if e["type"] == "CONSULT"]
    assert hits
    assert {_country(hits[0]["actor"]), _country(hits[0]["recipient"])} == {"GRC", "TUR"}


def test_speaker_threatens_the_side_whose_act_it_names() -> None:
    text = "Moscow said any Finnish deployment on the frontier would be a grave provocation."
    hits = [e for e in _dicts(text) if e["type"] in {"THREATEN", "ACCUSE"}]
    assert hits
    assert _country(hits[0]["actor"]) == "RUS"
    assert _country(hits[0]["recipient"]) == "FIN"


def test_calling_an_act_an_aggression_accuses_the_named_side() -> None:
    text = "The ministry said five people died in what it called a Turkish aggression on the village."
    events = _events(text, "2021-03-04")
    accusations = [e for e in events if e.type == "ACCUSE"]
    assert accusations, events
    assert accusations[0].recipient is not None and accusations[0].recipient.country == "TUR"
    assert accusations[0].actor is None or accusations[0].actor.country != "TUR"


def test_retaliation_answers_the_last_attack_on_its_side() -> None:
    text = ("On 2 March, Armenian forces shelled Azerbaijani positions near the village of Sotk.\n\n"
            "Units of the Azerbaijan Army took retaliatory measures.")
    events = _events(text, "2023-03-03")
    answers = [e for e in events if e.type == "ASSAULT" and e.actor is not None and e.actor.country == "AZE"]
    assert answers, events
    assert answers[0].recipient is not None and answers[0].recipient.country == "ARM"
    assert answers[0].date is not None and str(answers[0].date.start) == "2023-03-02"
