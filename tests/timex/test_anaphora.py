"""Seasons and period phrases that point back to an earlier year of the paragraph."""

from __future__ import annotations

from datetime import date

from truce.model import DateRef
from truce.timex import find_dates, normalise
from truce.timex.anaphora import pointing_dates, season_period

PUBLISHED = date(2023, 9, 22)


def _by_text(text: str) -> dict[str, DateRef]:
    return {d.text.lower(): d for d in find_dates(text, PUBLISHED)}


def test_season_with_year_is_read_whole() -> None:
    ref = normalise("the summer of 2014", PUBLISHED)
    assert ref is not None and (ref.start, ref.end, ref.precision) == (date(2014, 6, 1), date(2014, 8, 31), "month")
    assert season_period("winter", 2020) == (date(2020, 12, 1), date(2021, 2, 28))


def test_that_autumn_takes_the_year_named_before_it() -> None:
    found = _by_text("The balance shifted decisively in 2020. In a 44-day war that autumn, Azerbaijan retook Shusha.")
    ref = found["that autumn"]
    assert (ref.start, ref.end) == (date(2020, 9, 1), date(2020, 11, 30))


def test_following_and_same_year_count_from_the_anchor() -> None:
    found = _by_text("Fighting broke out in March 2016. The following year talks resumed; at the time few hoped.")
    assert (found["the following year"].start, found["the following year"].end) == (date(2017, 1, 1),
                                                                                  date(2017, 12, 31))
    # "at the time" takes the period read just before it
    assert found["at the time"].start == date(2017, 1, 1)


def test_pointing_phrase_without_anchor_is_left_out() -> None:
    assert "that autumn" not in _by_text("That autumn the army retook the town.")
    assert pointing_dates("that year", []) == []


def test_that_month_after_a_bare_year_names_no_month() -> None:
    anchor = DateRef(text="2020", start=date(2020, 1, 1), end=date(2020, 12, 31), precision="year", span=(0, 4))
    assert pointing_dates("2020. That month it rained.", [anchor]) == []


def test_year_naming_an_episode_is_a_date() -> None:
    found = _by_text("Shusha was captured by Azerbaijani forces in the final days of the 2020 war.")
    assert found["2020"].start == date(2020, 1, 1)
