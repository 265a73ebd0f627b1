"""One test per general rule added in the second round of final fixes (own sentences)."""

from __future__ import annotations

from truce.extract.pipeline import extract
from truce.model import Event


def _events(text: str, published: str) -> list[Event]:
    return extract(text, published, use_classifier=False)


def test_month_abbreviation_inside_a_word_is_no_date() -> None:
    # "Nov" inside "Novoselivka" once dated the advance to November of the year before, which
    # made it background and dropped it
    events = _events("Kyiv said its soldiers had advanced near the village of Novoselivka.", "2023-07-20")
    advances = [e for e in events if e.type == "ASSAULT"]
    assert advances, events
    assert all(e.date is None or e.date.start is None or e.date.start.month != 11 for e in advances)
    assert advances[0].actor is not None and advances[0].actor.country == "UKR"


def test_participle_after_had_takes_the_holder_as_actor() -> None:
    events = _events("Turkey had thousands of soldiers massed near the Syrian border.", "2020-02-12")
    mobilize = [e for e in events if e.type == "MOBILIZE"]
    assert mobilize, events
    assert mobilize[0].actor is not None and mobilize[0].actor.country == "TUR"


def test_reporting_verb_as_side_clause_attributes_the_event() -> None:
    text = "Instead, the Ethiopian army said, shells fired by the rebels had hit the town of Adigrat on Tuesday."
    events = _events(text, "2022-11-17")
    hits = [e for e in events if e.type == "ASSAULT"]
    assert hits, events
    assert hits[0].status == "claimed"
    assert hits[0].source is not None and hits[0].source.country == "ETH"


def test_noun_rooted_sentence_gives_its_participle_a_subject() -> None:
    text = ("On 3 June, units of the Armed Forces of Azerbaijan, using mortars, subjected to fire the "
            "positions of the Armenian army near the village of Sotk.")
    events = _events(text, "2023-06-04")
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert assaults, events
    assert any(e.actor is not None and e.actor.country == "AZE" for e in assaults)


def test_retaliation_answers_the_last_attack_on_its_side() -> None:
    text = ("On 2 March, Armenian forces shelled Azerbaijani positions near the village of Sotk.\n\n"
            "Units of the Azerbaijan Army took retaliatory measures.")
    events = _events(text, "2023-03-03")
    answers = [e for e in events if e.type == "ASSAULT" and e.actor is not None and e.actor.country == "AZE"]
    assert answers, events
    assert answers[0].recipient is not None and answers[0].recipient.country == "ARM"
    assert answers[0].date is not None and str(answers[0].date.start) == "2023-03-02"
