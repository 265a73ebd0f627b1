"""What happens without a publication date, with prefer="future", and on bad input."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from truce.timex import normalise
from truce.timex.calendar import safe_date

THU = date(2023, 9, 21)


@pytest.mark.parametrize("phrase", ["Sept. 19", "Monday", "on Monday", "yesterday", "last night", "overnight",
                                    "last week", "earlier this week", "this month", "in March", "on the 19th",
                                    "two days ago", "the past three days", "last year", "Sept. 19-21",
                                    "mid-September"])
def test_without_publication_yearless_phrases_are_unknown(phrase: str) -> None:
    ref = normalise(phrase, None)
    assert ref is not None, phrase
    assert (ref.start, ref.end, ref.precision) == (None, None, "unknown")


@pytest.mark.parametrize(("phrase", "start", "end", "precision"), [
    ("September 19, 2023", "2023-09-19", "2023-09-19", "day"),
    ("2023-09-19", "2023-09-19", "2023-09-19", "day"),
    ("in 2022", "2022-01-01", "2022-12-31", "year"),
    ("September 2023", "2023-09-01", "2023-09-30", "month"),  # no publication: nothing to cut at
    ("the 1990s", "1990-01-01", "1999-12-31", "year"),
    ("from 19 to 21 September 2023", "2023-09-19", "2023-09-21", "day"),
])
def test_without_publication_explicit_years_still_resolve(phrase: str, start: str, end: str,
                                                          precision: str) -> None:
    ref = normalise(phrase, None)
    assert ref is not None
    assert (ref.start, ref.end, ref.precision) == (date.fromisoformat(start), date.fromisoformat(end), precision)


def test_without_publication_since_decade_is_still_background() -> None:
    ref = normalise("since the 1990s", None)
    assert ref is not None and ref.background and ref.start == date(1990, 1, 1)


def test_without_publication_the_clock_never_leaks_through_dateparser() -> None:
    # Shapes our rules do not know go to dateparser; with no anchor they must not become "now".
    for phrase in ["in a week", "a while back", "Thursday at noon"]:
        ref = normalise(phrase, None)
        assert ref is None or ref.start is None


@pytest.mark.parametrize(("phrase", "start", "end"), [
    ("Monday", "2023-09-25", "2023-09-25"),
    ("on Thursday", "2023-09-21", "2023-09-21"),
    ("Sept. 19", "2024-09-19", "2024-09-19"),
    ("Sept. 25", "2023-09-25", "2023-09-25"),
    ("this month", "2023-09-21", "2023-09-30"),
    ("this week", "2023-09-21", "2023-09-24"),
    ("in March", "2024-03-01", "2024-03-31"),
    ("on the 19th", "2023-10-19", "2023-10-19"),
    ("yesterday", "2023-09-20", "2023-09-20"),  # explicit past stays past
])
def test_prefer_future_reads_yearless_phrases_forward(phrase: str, start: str, end: str) -> None:
    ref = normalise(phrase, THU, prefer="future")
    assert ref is not None
    assert (ref.start, ref.end) == (date.fromisoformat(start), date.fromisoformat(end))


@pytest.mark.parametrize("phrase", ["", "   ", "banana", "the", "19", "24-hour", "annual", "before Monday",
                                    "Feb. 30, 2023", "2023-13-45", "in the spring of discontent", "x" * 500])
def test_bad_or_dateless_input_is_none(phrase: str) -> None:
    assert normalise(phrase, THU) is None


def test_wrong_types_are_none_not_errors() -> None:
    assert normalise(None, THU) is None  # type: ignore[arg-type]
    assert normalise(42, THU) is None  # type: ignore[arg-type]
    assert normalise("Monday", THU, prefer="sideways") is None  # type: ignore[arg-type]
    ref = normalise("Monday", "not a date")  # type: ignore[arg-type]
    assert ref is not None and ref.precision == "unknown"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_normalise_never_raises(phrase: str, published: date) -> None:
    normalise(phrase, published)
    normalise(phrase, None)


_MONTH_NAMES = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
_RELATIVE = ["Monday", "on Friday", "yesterday", "overnight", "last week", "earlier this week", "this month",
             "this year", "in 2023", "the past three days", "on the 19th", "recent weeks", "over the weekend"]


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 11), st.integers(1, 31), st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)))
def test_yearless_day_is_never_after_publication(month: int, day: int, published: date) -> None:
    ref = normalise(f"{_MONTH_NAMES[month]} {day}", published)
    if safe_date(2000, month + 1, day) is None:
        assert ref is None
        return
    assert ref is not None and ref.start is not None and ref.end is not None
    assert ref.end <= published
    assert (ref.start.month, ref.start.day) == (month + 1, day)
    assert (published - ref.start).days < 366 * 8  # the latest such day, not some older one
    if not (month + 1 == 2 and day == 29):
        assert (published - ref.start).days < 366


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_RELATIVE), st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)))
def test_relative_phrases_stay_on_or_before_publication(phrase: str, published: date) -> None:
    ref = normalise(phrase, published)
    assert ref is not None and ref.start is not None and ref.end is not None
    assert ref.start <= ref.end
    if phrase != "in 2023" or published.year >= 2023:
        assert ref.end <= published


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Sep 19 23", date(2023, 9, 19)),  # a shape only dateparser knows
    ("19 Sep 23", date(2023, 9, 19)),
    ("Thursday at noon", THU),  # our weekday convention, not dateparser's
    ("before dawn on Sept. 20", date(2023, 9, 20)),
])
def test_time_words_and_dateparser_fallback(phrase: str, expected: date) -> None:
    ref = normalise(phrase, THU)
    assert ref is not None and ref.start == ref.end == expected


def test_full_date_after_publication_is_kept_as_written() -> None:
    # The text spells the year out; whether the sentence is about the future is the caller's call.
    spelled = normalise("September 25, 2023", THU)
    assert spelled is not None and spelled.start == date(2023, 9, 25)
    yearless = normalise("Sept. 25", THU)
    assert yearless is not None and yearless.start == date(2022, 9, 25)
