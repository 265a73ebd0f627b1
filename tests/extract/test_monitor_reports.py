"""Monitoring-mission report sentences: what the observers recorded, located where they stood."""
from __future__ import annotations

from datetime import date

from truce.extract.pipeline import extract


def test_observer_position_locates_recorded_explosions() -> None:
    text = ("On 12 May, while positioned at the Donetsk central bus station (non-government-controlled), "
            "the mission camera recorded 12 undetermined explosions and about 40 bursts of "
            "heavy-machine-gun fire 2-4 km north.")
    events = [e for e in extract(text, published=date(2022, 5, 13)) if e.type == "ASSAULT"]
    assert events, "no ASSAULT read"
    assert any(e.location is not None and e.location.name == "Donetsk" for e in events)


def test_reporting_period_dates_an_undated_attack() -> None:
    text = ("The reporting period runs from the evening of 3 June to the evening of 4 June.\n\n"
            "The mission followed up on reports that a woman had been injured by shelling in Horlivka.")
    events = [e for e in extract(text, published=date(2022, 6, 5)) if e.type == "ASSAULT"]
    assert events, "no ASSAULT read"
    dated = [e for e in events if e.date is not None]
    assert dated, "the attack got no date"
    assert dated[0].date.start == date(2022, 6, 3) and dated[0].date.end == date(2022, 6, 4)
    assert dated[0].date.precision == "day"


def test_daily_report_as_of_time_dates_its_undated_observations() -> None:
    text = ("Latest from the monitoring mission, based on information received as of 19:30, 20 April 2022\n\n"
            "Positioned near Popasna, the mission heard five undetermined explosions 4-6km north-east.")
    events = [e for e in extract(text, published=date(2022, 4, 21)) if e.type == "ASSAULT"]
    assert events, "no ASSAULT read"
    assert events[0].date is not None, "the observation got no date"
    assert events[0].date.start == date(2022, 4, 19) and events[0].date.end == date(2022, 4, 20)
