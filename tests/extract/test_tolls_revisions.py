"""Toll revisions: "the death toll rose to 14" gives a story's latest count, which replaces the
first headline's count rather than adding to it (truce.extract.casualties.revised_toll,
truce.extract.story_tolls); sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Span

from truce.extract.casualties import casualties, revised_toll
from truce.extract.pipeline import extract


def _span(sentence: str) -> Span:
    from truce.nlp import load_nlp

    return load_nlp()(sentence)[:]


@pytest.mark.parametrize(("sentence", "figure"), [
    ("The death toll from the market bombing rose to 14 on Tuesday.", 14),
    ("A wounded man died in hospital, raising the number of people killed in the bombing to 6.", 6),
    ("More deaths raise to 9, the number of people killed in the car bomb in Azaz.", 9),
    ("Rescuers raise the number of those who were killed by the shells during the past 24 hours to 12.", 12),
])
def test_a_verb_of_rising_on_a_tally_of_the_dead_is_a_revision(sentence: str, figure: int) -> None:
    assert revised_toll(_span(sentence)) == figure


@pytest.mark.parametrize("sentence", [
    "The death toll from the market bombing was 14 on Tuesday.",  # a toll, but no revision
    "The death toll rose to 450 since July.",  # a campaign's tally
    "Shelling raised the death toll to 410 people killed and injured in 70 days of escalation.",
    "Gunmen killed 3 villagers near the well.",
])
def test_no_revision_without_rising_or_for_a_campaign(sentence: str) -> None:
    assert revised_toll(_span(sentence)) is None


def test_a_figure_the_tagger_glues_to_a_period_is_still_a_count() -> None:
    # "the past 24 hours to 12" is one TIME entity to the tagger; 12 counts the dead
    sentence = "Rescuers raise the number of those who were killed by the shells during the past 24 hours to 12."
    assert casualties(_span(sentence))[0] == 12


def _first_attack_deaths(text: str) -> int | None:
    events = [e for e in extract(text, published=date(2024, 5, 6)) if e.type == "ASSAULT"
              and e.status == "asserted" and e.aux is None]
    assert events, "the headlines tell an attack"
    return events[0].fatalities


def test_a_later_revision_is_the_story_toll_not_a_sum() -> None:
    text = ("Car bomb kills 3 in Azaz market;A wounded man dies in hospital, raising the number of "
            "people killed in the Azaz car bomb to 4")
    assert _first_attack_deaths(text) == 4


def test_a_revision_never_lowers_the_first_count() -> None:
    text = "Car bomb kills 7 in Azaz market;Officials say the death toll in Azaz rose to 5"
    assert _first_attack_deaths(text) == 7


def test_a_toll_whose_own_phrase_names_a_long_period_is_a_campaigns() -> None:
    from truce.nlp import load_nlp

    sentence = "The death of a shepherd raises to 140, the number of people who were killed in 12 weeks."
    assert casualties(load_nlp()(sentence)[:])[0] == 1  # the shepherd, not the campaign's 140


def test_a_running_total_over_days_is_no_events_count() -> None:
    from truce.nlp import load_nlp

    nlp = load_nlp()
    for sentence in ("Shelling went on, raising the death toll in the two towns to about 600 in 20 days of fighting.",
                     "The raids raise the death toll to more than 90 in 3 days of bombardment."):
        assert casualties(nlp(sentence)[:])[0] is None, sentence
    assert casualties(nlp("The death toll from the ambush rose to 14 on Monday.")[:])[0] == 14
