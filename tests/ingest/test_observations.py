"""Observation records: the generated sentence, and robustness against any values at all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from truce.errors import InputRejected
from truce.ingest.observations import OBSERVATION_FIELDS, describe, read_observation
from truce.model import Observation


def _observation(**changes: object) -> Observation:
    base = read_observation({"observed_at": "2023-09-21T14:05:00+04:00", "what": "explosion", "how": "heard"},
                            "test")
    for name, value in changes.items():
        setattr(base, name, value)
    return base


def test_sentence_for_a_single_unnamed_observation() -> None:
    assert describe(_observation()) == "A monitor heard an explosion, from 21 Sep 2023 14:05 +04:00."
    assert describe(_observation(what="uav", how="seen"), sensor=True) == (
        "A sensor saw a UAV, from 21 Sep 2023 14:05 +04:00.")


def test_weapon_that_repeats_what_is_said_once() -> None:
    text = describe(_observation(what="small-arms", weapon="small-arms", count=3))
    assert text == "A monitor heard 3 bursts of small-arms fire, from 21 Sep 2023 14:05 +04:00."
    assert "mortar" in describe(_observation(weapon="mortar"))


def test_sentence_spanning_two_days_names_both() -> None:
    start = datetime(2023, 9, 21, 23, 50, tzinfo=UTC)
    text = describe(_observation(observed_from=start, observed_until=start + timedelta(minutes=20), count=2,
                                 how="radar", observer="Radar 1"))
    assert text == "Radar 1 detected 2 explosions on radar, from 21 Sep 2023 23:50 +00:00 to 22 Sep 2023 00:10 +00:00."


def test_time_only_until_takes_the_start_day_and_zone() -> None:
    obs = read_observation({"observed_at": "2023-09-21T14:05:00+04:00", "observed_until": "14:20",
                            "what": "small-arms", "how": "heard"}, "test")
    assert obs.observed_until == datetime(2023, 9, 21, 14, 20, tzinfo=timezone(timedelta(hours=4)))


_values = st.one_of(st.none(), st.text(max_size=30), st.integers(), st.floats(allow_nan=True), st.booleans(),
                    st.lists(st.integers(), max_size=2))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(OBSERVATION_FIELDS), _values))
def test_any_values_give_an_observation_or_an_input_rejection(values: dict[str, object]) -> None:
    try:
        obs = read_observation(values, "fuzz")
    except InputRejected as err:
        assert err.code.startswith("E1") and err.where == "fuzz" and err.hint
        return
    assert obs.observed_from.tzinfo is not None
    assert describe(obs)
