"""A date known only to the day is a day where the ceasefire is watched, not a UTC day.

Regression: "shelling on 14 February" under a ceasefire from 00:00 Kyiv time on 15 February was
judged a possible violation ("the ceasefire took effect within it"), a whole local day early.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from truce.agreements import Agreement, adjudicate, load_agreement
from truce.agreements.adjudicate import local_days
from truce.agreements.load import examples_dir
from truce.model import Incident

from .conftest import fake_regions

DONETSK = ("Donetsk", 48.0159, 37.8029)


def _minsk_in(tmp_path: Path, zone: str, effective: str) -> Agreement:
    """The Minsk example with its time zone and start moved (same parties, area and clauses)."""
    text = (examples_dir() / "minsk-2015-02-12.yaml").read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        if line.startswith("time_zone:"):
            line = f"time_zone: {zone}"
        elif line.startswith("effective_from:"):
            line = f'effective_from: "{effective}[{zone}]"'
        lines.append(line)
    path = tmp_path / "moved.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_agreement(path, fake_regions)


def _day(make_incident: Callable[..., Incident], day: str) -> Incident:
    """An incident known only to the day: fusion writes it 00:00:00 to 23:59:59 UTC."""
    return make_incident(start=f"{day}T00:00:00+00:00", end=f"{day}T23:59:59+00:00", place=DONETSK,
                         actor="UKR", recipient="CADLR", sources=2)


def test_the_day_before_a_local_midnight_ceasefire_is_before_it(tmp_path, make_incident):
    minsk = load_agreement(examples_dir() / "minsk-2015-02-12.yaml", fake_regions)
    v = adjudicate(_day(make_incident, "2015-02-14"), minsk)
    assert v.verdict == "not_a_violation"
    assert "came before" in v.explanation


def test_the_first_local_day_of_a_midnight_ceasefire_is_wholly_in_force(make_incident):
    minsk = load_agreement(examples_dir() / "minsk-2015-02-12.yaml", fake_regions)
    v = adjudicate(_day(make_incident, "2015-02-15"), minsk)
    assert v.verdict in ("violation", "possible_violation")
    assert "took effect within it" not in v.explanation


@pytest.mark.parametrize(("zone", "offset"), [("Asia/Baku", "+04:00"), ("America/Bogota", "-05:00")])
def test_a_ceasefire_from_a_local_hour_falls_within_that_local_day(tmp_path, make_incident, zone, offset):
    agreement = _minsk_in(tmp_path, zone, f"2015-02-15T13:00:00{offset}")
    same_day = adjudicate(_day(make_incident, "2015-02-15"), agreement)
    assert same_day.verdict == "possible_violation"
    assert "took effect within it" in same_day.explanation
    assert adjudicate(_day(make_incident, "2015-02-14"), agreement).verdict == "not_a_violation"
    after = adjudicate(_day(make_incident, "2015-02-16"), agreement)
    assert after.verdict == "violation", after.explanation


def test_west_of_utc_the_first_local_day_of_a_midnight_ceasefire_is_in_force(tmp_path, make_incident):
    # 00:00 in Bogota is 05:00 UTC: read as a UTC day, the 15th would straddle the start.
    agreement = _minsk_in(tmp_path, "America/Bogota", "2015-02-15T00:00:00-05:00")
    v = adjudicate(_day(make_incident, "2015-02-15"), agreement)
    assert v.verdict == "violation", v.explanation
    assert adjudicate(_day(make_incident, "2015-02-14"), agreement).verdict == "not_a_violation"


def test_a_span_with_a_clock_time_is_left_as_it_is():
    start = datetime.fromisoformat("2015-02-14T21:30:00+00:00")
    end = datetime.fromisoformat("2015-02-14T22:30:00+00:00")
    assert local_days(start, end, "Europe/Kyiv") == (start, end)
    day_start, day_end = local_days(datetime.fromisoformat("2015-02-14T00:00:00+00:00"),
                                    datetime.fromisoformat("2015-02-14T23:59:59+00:00"), "Europe/Kyiv")
    assert day_start is not None and day_end is not None
    assert day_start.isoformat() == "2015-02-14T00:00:00+02:00"
    assert day_end.isoformat() == "2015-02-14T23:59:59+02:00"
