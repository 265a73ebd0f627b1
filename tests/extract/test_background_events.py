"""Background narrative, attacked places as locations, and casualty sentences folded into attacks."""

from __future__ import annotations

from datetime import date

import pytest

from truce.extract.pipeline import extract


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUCE_CLASSIFIER", "0")


def _assaults(text: str, published: date) -> list:  # type: ignore[type-arg]
    return [e for e in extract(text, published) if e.type == "ASSAULT"]


def test_season_anaphoric_to_an_old_year_makes_the_event_background() -> None:
    text = ("The balance shifted decisively in 2020. In a 44-day war that autumn, Azerbaijan, armed with "
            "drones, retook the surrounding districts and the town of Shusha.")
    assert _assaults(text, date(2023, 9, 22)) == []
    # the same sentence dated this month is news
    recent = text.replace("2020", "September 2023")
    assert _assaults(recent, date(2023, 9, 22)) != []


def test_undated_past_narrative_after_an_old_year_is_background() -> None:
    text = "The war broke out in 2016. Rebels attacked the town of Djibo, killing five soldiers."
    assert _assaults(text, date(2023, 3, 3)) == []


def test_counterfactual_is_no_event_that_happened() -> None:
    text = ("Protesters have gathered outside government buildings every evening this week, while he argues "
            "that Armenia could not have fought a war it would have lost.")
    fought = text.index("fought")
    events = [e for e in extract(text, date(2023, 9, 22)) if e.evidence.spans["trigger"][0] == fought]
    # neither a denial nor a threat: an argued-about past that did not happen
    assert events and all(e.type == "ASSAULT" and e.aux == "hypothetical" and e.status != "denied" for e in events)


def test_attacked_place_is_the_location_when_it_is_the_only_place() -> None:
    events = _assaults("Russian forces struck Kharkiv overnight.", date(2024, 5, 14))
    assert events and events[0].location is not None and events[0].location.name == "Kharkiv"


def test_casualty_sentence_is_folded_into_the_attack_before_it() -> None:
    text = ("RSF fighters shelled El Fasher on Monday, hitting a market. "
            "Three civilians were killed and five wounded, a local doctor said.")
    events = _assaults(text, date(2024, 5, 14))
    assert len(events) == 1
    assert (events[0].fatalities, events[0].injured) == (3, 5)
    assert events[0].actor is not None


def test_casualty_sentence_elsewhere_stays_apart() -> None:
    text = ("RSF fighters shelled El Fasher on Monday. "
            "In Omdurman, three civilians were killed on Sunday.")
    events = _assaults(text, date(2024, 5, 14))
    assert len(events) == 2


def test_a_clause_set_in_an_unbounded_past_is_background() -> None:
    pub = date(2024, 5, 14)
    lead = "Azerbaijani troops shelled the village of Sotk on Monday, the Armenian defence ministry said.\n\n"
    for later in ("In previous years, clashes along the border were frequent.",
                  "Over the years, militants have attacked the town several times.",
                  "In the past, both sides have shelled each other's positions."):
        events = _assaults(lead + later, pub)
        assert len(events) == 1 and events[0].location is not None and events[0].location.name == "Sotk", later


def test_a_bounded_recent_span_is_news() -> None:
    assert _assaults("In the past week, militants attacked the town twice.", date(2024, 5, 14))
    assert _assaults("Over two days, militants attacked the town of Djibo.", date(2024, 5, 14))
