"""Sentences the tagger or parser reads awkwardly still give the right actor and date: a month
abbreviation inside a place name, a participle after "had", a sentence rooted in a noun
(sentences written for these tests)."""

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


def test_noun_rooted_sentence_gives_its_participle_a_subject() -> None:
    text = ("On 3 June, units of the Armed Forces of Azerbaijan, using mortars, subjected to fire the "
            "positions of the Armenian army near the village of Sotk.")
    events = _events(text, "2023-06-04")
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert assaults, events
    assert any(e.actor is not None and e.actor.country == "AZE" for e in assaults)
