"""normalise(): one phrase against a publication date, table-driven.

Expected values are worked out by hand from a calendar (2023-09-21 is a Thursday; 2024-01-03 a
Wednesday), not copied from the code's output.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from truce.timex import RULES_VERSION, normalise

THU = date(2023, 9, 21)  # the seed article's publication day
NEW_YEAR = date(2024, 1, 3)
LEAP = date(2024, 3, 1)

D = date.fromisoformat

# phrase, published, start, end, precision
CASES: list[tuple[str, date, str, str, str]] = [
    # named days, with and without year, in newswire spellings
    ("on Sept. 19", THU, "2023-09-19", "2023-09-19", "day"),
    ("Sep. 20", THU, "2023-09-20", "2023-09-20", "day"),
    ("late on Sep. 20", THU, "2023-09-20", "2023-09-20", "day"),
    ("September 19, 2023", THU, "2023-09-19", "2023-09-19", "day"),
    ("19 September", THU, "2023-09-19", "2023-09-19", "day"),
    ("2023-09-19", THU, "2023-09-19", "2023-09-19", "day"),
    ("19.09.2023", THU, "2023-09-19", "2023-09-19", "day"),
    ("09/19/2023", THU, "2023-09-19", "2023-09-19", "day"),
    ("Tuesday, Sept. 19", THU, "2023-09-19", "2023-09-19", "day"),
    ("the 19th of September", THU, "2023-09-19", "2023-09-19", "day"),
    ("September 19th", THU, "2023-09-19", "2023-09-19", "day"),
    ("Sept 19th 2023", THU, "2023-09-19", "2023-09-19", "day"),
    ("at 3 a.m. on Sept. 20", THU, "2023-09-20", "2023-09-20", "day"),
    ("20 Sept 2023 at 0600 GMT", THU, "2023-09-20", "2023-09-20", "day"),
    ("in the early hours of Sept. 20", THU, "2023-09-20", "2023-09-20", "day"),
    ("Sept. 25", THU, "2022-09-25", "2022-09-25", "day"),  # past preference: never after publication
    ("Dec. 30", NEW_YEAR, "2023-12-30", "2023-12-30", "day"),
    ("Feb. 29", LEAP, "2024-02-29", "2024-02-29", "day"),
    ("Feb. 29", date(2025, 3, 15), "2024-02-29", "2024-02-29", "day"),
    # weekdays
    ("on Monday", THU, "2023-09-18", "2023-09-18", "day"),
    ("Monday night", THU, "2023-09-18", "2023-09-18", "day"),
    ("Wednesday evening", THU, "2023-09-20", "2023-09-20", "day"),
    ("on Thursday", THU, "2023-09-21", "2023-09-21", "day"),
    ("on Friday", THU, "2023-09-15", "2023-09-15", "day"),
    ("last Monday", THU, "2023-09-18", "2023-09-18", "day"),
    ("last Thursday", THU, "2023-09-14", "2023-09-14", "day"),
    ("this past Monday", THU, "2023-09-18", "2023-09-18", "day"),
    ("next Monday", THU, "2023-09-25", "2023-09-25", "day"),
    ("on Friday", NEW_YEAR, "2023-12-29", "2023-12-29", "day"),
    # days counted from publication
    ("yesterday", THU, "2023-09-20", "2023-09-20", "day"),
    ("yesterday morning", THU, "2023-09-20", "2023-09-20", "day"),
    ("today", THU, "2023-09-21", "2023-09-21", "day"),
    ("early this morning", THU, "2023-09-21", "2023-09-21", "day"),
    ("last night", THU, "2023-09-20", "2023-09-20", "day"),
    ("overnight", THU, "2023-09-20", "2023-09-20", "day"),
    ("the day before yesterday", THU, "2023-09-19", "2023-09-19", "day"),
    ("two days ago", THU, "2023-09-19", "2023-09-19", "day"),
    ("a week ago", THU, "2023-09-14", "2023-09-14", "day"),
    ("three weeks ago", THU, "2023-08-31", "2023-08-31", "day"),
    ("a fortnight ago", THU, "2023-09-07", "2023-09-07", "day"),
    ("two months ago", THU, "2023-07-01", "2023-07-31", "month"),
    ("on the 19th", THU, "2023-09-19", "2023-09-19", "day"),
    ("on the 25th", THU, "2023-08-25", "2023-08-25", "day"),
    # weeks, months, years around publication
    ("last week", THU, "2023-09-11", "2023-09-17", "day"),
    ("last week", NEW_YEAR, "2023-12-25", "2023-12-31", "day"),
    ("earlier this week", THU, "2023-09-18", "2023-09-21", "day"),
    ("this week", THU, "2023-09-18", "2023-09-21", "day"),
    ("next week", THU, "2023-09-25", "2023-10-01", "day"),
    ("the weekend", THU, "2023-09-16", "2023-09-17", "day"),
    ("last weekend", THU, "2023-09-16", "2023-09-17", "day"),
    ("the past three days", THU, "2023-09-18", "2023-09-21", "day"),
    ("the past week", THU, "2023-09-14", "2023-09-21", "day"),
    ("in recent days", THU, "2023-09-14", "2023-09-21", "day"),
    ("the past two months", LEAP, "2024-01-01", "2024-03-01", "month"),
    ("this month", THU, "2023-09-01", "2023-09-21", "month"),
    ("earlier this month", THU, "2023-09-01", "2023-09-21", "month"),
    ("last month", THU, "2023-08-01", "2023-08-31", "month"),
    ("last month", NEW_YEAR, "2023-12-01", "2023-12-31", "month"),
    ("this year", THU, "2023-01-01", "2023-09-21", "year"),
    ("this year", NEW_YEAR, "2024-01-01", "2024-01-03", "year"),
    ("last year", THU, "2022-01-01", "2022-12-31", "year"),
    ("late last year", THU, "2022-09-01", "2022-12-31", "year"),
    ("September of last year", THU, "2022-09-01", "2022-09-30", "month"),
    # months and years by name
    ("in March", THU, "2023-03-01", "2023-03-31", "month"),
    ("in October", THU, "2022-10-01", "2022-10-31", "month"),
    ("in September", THU, "2023-09-01", "2023-09-21", "month"),
    ("in December", NEW_YEAR, "2023-12-01", "2023-12-31", "month"),
    ("September 2023", THU, "2023-09-01", "2023-09-21", "month"),
    ("mid-September", THU, "2023-09-11", "2023-09-20", "month"),
    ("early October", THU, "2022-10-01", "2022-10-10", "month"),
    ("end of August", THU, "2023-08-21", "2023-08-31", "month"),
    ("in 2022", THU, "2022-01-01", "2022-12-31", "year"),
    ("in 2023", THU, "2023-01-01", "2023-09-21", "year"),
    ("late 2022", THU, "2022-09-01", "2022-12-31", "year"),
    ("mid-2023", THU, "2023-05-01", "2023-08-31", "year"),
    # ranges
    ("from 19 to 21 September", THU, "2023-09-19", "2023-09-21", "day"),
    ("between Sept. 19 and 20", THU, "2023-09-19", "2023-09-20", "day"),
    ("19-21 Sept", THU, "2023-09-19", "2023-09-21", "day"),
    ("Sept. 19-21", THU, "2023-09-19", "2023-09-21", "day"),
    ("19 \u2013 21 September", THU, "2023-09-19", "2023-09-21", "day"),
    ("September 19 to 21, 2023", THU, "2023-09-19", "2023-09-21", "day"),
    ("from Sept. 29 to Oct. 2", date(2023, 10, 5), "2023-09-29", "2023-10-02", "day"),
    ("Dec. 30 to Jan. 2", NEW_YEAR, "2023-12-30", "2024-01-02", "day"),
    ("1 September 2022 - 5 October 2022", THU, "2022-09-01", "2022-10-05", "day"),
    ("between March and May", THU, "2023-03-01", "2023-05-31", "month"),
    ("2019-20", THU, "2019-01-01", "2020-12-31", "year"),
    # decades and centuries
    ("the 1990s", THU, "1990-01-01", "1999-12-31", "year"),
    ("in the 1990s", THU, "1990-01-01", "1999-12-31", "year"),
    ("the early 1990s", THU, "1990-01-01", "1993-12-31", "year"),
    ("the '90s", THU, "1990-01-01", "1999-12-31", "year"),
    ("the nineties", THU, "1990-01-01", "1999-12-31", "year"),
    ("the 20th century", THU, "1901-01-01", "2000-12-31", "year"),
    ("since the 1990s", THU, "1990-01-01", "1999-12-31", "year"),
    ("since 2020", THU, "2020-01-01", "2020-12-31", "year"),
    ("since Monday", THU, "2023-09-18", "2023-09-21", "day"),
]


@pytest.mark.parametrize(("phrase", "published", "start", "end", "precision"), CASES,
                         ids=[f"{c[0]}@{c[1]}" for c in CASES])
def test_phrase_resolves_against_publication(phrase: str, published: date, start: str, end: str,
                                             precision: str) -> None:
    ref = normalise(phrase, published)
    assert ref is not None, phrase
    assert (ref.start, ref.end, ref.precision) == (D(start), D(end), precision)
    assert ref.text == phrase.strip()


def test_table_is_wide_enough() -> None:
    assert len({c[0] for c in CASES}) >= 60


@pytest.mark.parametrize("phrase", ["since the 1990s", "since 2020", "throughout 2022", "for decades",
                                    "decades", "for many years", "for a long time"])
def test_background_periods_are_flagged(phrase: str) -> None:
    ref = normalise(phrase, THU)
    assert ref is not None and ref.background


@pytest.mark.parametrize("phrase", ["the 1990s", "in the 1990s", "Sept. 19", "since Monday", "in 2022"])
def test_event_dates_are_not_background(phrase: str) -> None:
    ref = normalise(phrase, THU)
    assert ref is not None and not ref.background


@pytest.mark.parametrize("phrase", ["for decades", "for years", "the following day", "a day earlier",
                                    "two days later", "the next day"])
def test_phrases_without_an_anchor_are_unknown(phrase: str) -> None:
    ref = normalise(phrase, THU)
    assert ref is not None
    assert (ref.start, ref.end, ref.precision) == (None, None, "unknown")


def test_ambiguous_numeric_date_spans_both_readings() -> None:
    ref = normalise("3/4/2023", THU)
    assert ref is not None
    assert (ref.start, ref.end, ref.precision) == (date(2023, 3, 4), date(2023, 4, 3), "month")


def test_datetime_publication_uses_its_own_calendar_day() -> None:
    late = datetime(2023, 9, 21, 23, 30, tzinfo=timezone(timedelta(hours=4)))  # Baku time
    ref = normalise("yesterday", late)
    assert ref is not None and ref.start == date(2023, 9, 20)


def test_rules_version_is_named() -> None:
    assert RULES_VERSION == "truce.timex.v1"


@pytest.mark.parametrize("phrase", ["the 9th day", "the third week", "the 40th day of the siege",
                                    "the twentieth month"])
def test_an_ordinal_count_of_days_is_no_calendar_date(phrase: str) -> None:
    assert normalise(phrase, THU) is None


def test_an_ordinal_week_of_a_named_month_still_reads() -> None:
    ref = normalise("the second week of this month", THU)
    assert ref is not None and ref.start is not None


def test_since_a_month_in_running_text_is_the_window_to_publication() -> None:
    from truce.timex import find_dates

    found = find_dates("the number of people killed by the group since late March 2023", THU)
    assert found and (found[0].start, found[0].end, found[0].background) == (date(2023, 3, 21), THU, False)


def test_a_part_of_an_ordinal_campaign_day_is_no_calendar_date() -> None:
    assert normalise("the end of the 30th day", THU) is None


@pytest.mark.parametrize("phrase", ["one year", "a year", "two months", "several days"])
def test_a_bare_length_of_time_is_no_date(phrase: str) -> None:
    assert normalise(phrase, THU) is None


def test_a_length_of_time_ago_still_reads() -> None:
    ref = normalise("a year ago", THU)
    assert ref is not None and ref.start is not None and ref.start.year == 2022
