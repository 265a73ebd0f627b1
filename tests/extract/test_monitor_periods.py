"""Monitoring-mission sentences: the previous reporting period's tally is background, an observed
thing the parser hangs on a following clause is still observed, and the monitors' own position is
not where the explosions were."""
from __future__ import annotations

from datetime import date

from truce.extract.pipeline import extract

_PERIOD = "The reporting period runs from the evening of 13 March to the evening of 14 March.\n\n"


def _observed(text: str) -> list:
    return [e for e in extract(text, published=date(2021, 3, 15)) if e.observation is not None]


def test_previous_reporting_period_tally_is_not_this_periods_observation() -> None:
    events = _observed(_PERIOD + "In Donetsk region, the SMM recorded 40 ceasefire violations. "
                       "In the previous reporting period, it recorded 64 ceasefire violations in the region.")
    counts = [e.count for e in events]
    assert 40 in counts, f"this period's tally lost: {counts}"
    assert 64 not in counts, "the previous period's tally was read as this period's observation"


def test_comparison_with_previous_period_keeps_the_observation() -> None:
    events = _observed(_PERIOD + "In Luhansk region, the SMM recorded 12 ceasefire violations, compared with "
                       "22 ceasefire violations in the previous reporting period.")
    assert [e.count for e in events] == [12]
    assert events[0].date is not None and events[0].date.start == date(2021, 3, 13)


def test_since_the_previous_report_is_this_period() -> None:
    events = _observed("Since the previous report, the SMM recorded 43 ceasefire violations in Donetsk region.")
    assert [e.count for e in events] == [43]


def test_observed_thing_parsed_as_subject_of_assessed_clause() -> None:
    events = _observed("Positioned in Svitlodarsk, the SMM heard six explosions 6-8 km south-east, "
                       "assessed as outgoing.")
    assert len(events) == 1, "the explosions were not read as observed"
    obs = events[0].observation
    assert events[0].count == 6 and obs["how"] == "heard" and obs["direction"] == "outgoing"
    assert obs["distance_km"] == 7.0 and obs["bearing_deg"] == 135


def test_monitors_position_distance_is_not_the_explosions() -> None:
    events = _observed("Positioned 1.5km south-east of Kreminna, the SMM heard 11 explosions 3-5km south, "
                       "assessed as outgoing.")
    assert len(events) == 1
    obs = events[0].observation
    assert obs["distance_range_km"] == [3.0, 5.0] and obs["bearing_deg"] == 180


def test_statement_header_day_dates_its_undated_acts() -> None:
    # a party's daily statement: what it tells without a date lies in the day before it and that day
    text = ("Press service of the Southern Command, Odesa, 9 April 2022\n\n"
            "Enemy artillery shelled our positions near Mykolaiv with 122mm guns.")
    events = [e for e in extract(text, published=date(2022, 4, 9)) if e.type == "ASSAULT"]
    assert events, "no attack read"
    assert all(e.date is not None and e.date.start == date(2022, 4, 8) and e.date.end == date(2022, 4, 9)
               for e in events), [e.date for e in events]


def test_periodic_report_header_and_wire_dateline_date_nothing() -> None:
    from truce.extract.period import reporting_period

    day = date(2022, 4, 9)
    assert reporting_period("Report of the Secretary-General on the mission, 9 April 2022\n\nText.", day) is None
    assert reporting_period("KYIV, 9 April 2022 - Shelling hit the city.", day) is None
    assert reporting_period("Statement of the General Staff, 2 March 2022\n\nText.", day) is None  # weeks before
