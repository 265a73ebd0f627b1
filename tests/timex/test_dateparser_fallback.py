"""dateparser as last resort: a phrase it cannot read is None; an error it should never raise surfaces."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from truce.timex import fallback

PUBLISHED = date(2024, 3, 5)

ODD = ["31 February 2024", "99999999999 days ago", "in 99999999999 years", "2024-13-45", "0 January 2024",
       "Monday 99999999999999999999"]


@pytest.mark.parametrize("phrase", ODD)
def test_odd_date_phrases_are_unread_not_raised(phrase: str) -> None:
    fallback.resolve_with_dateparser.cache_clear()
    assert fallback.resolve_with_dateparser(phrase, PUBLISHED, "past") is None


def test_a_readable_phrase_still_reads() -> None:
    fallback.resolve_with_dateparser.cache_clear()
    found = fallback.resolve_with_dateparser("3 days ago", PUBLISHED, "past")
    assert found == (date(2024, 3, 2), date(2024, 3, 2), "day")


class _Raising:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def get_date_data(self, text: str) -> Any:
        raise self.error


ARITHMETIC = [ValueError("day is out of range for month"), OverflowError("date value out of range")]


@pytest.mark.parametrize("error", ARITHMETIC)
def test_calendar_arithmetic_errors_mean_unread(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    fallback.resolve_with_dateparser.cache_clear()
    monkeypatch.setattr(fallback, "_parser", lambda prefer, base: _Raising(error))
    assert fallback.resolve_with_dateparser("3 days ago", PUBLISHED, "past") is None
    fallback.resolve_with_dateparser.cache_clear()


def test_any_other_error_surfaces(monkeypatch: pytest.MonkeyPatch) -> None:
    # A broken dateparser (or our call to it) must not turn every fallback date into "no date".
    fallback.resolve_with_dateparser.cache_clear()
    monkeypatch.setattr(fallback, "_parser", lambda prefer, base: _Raising(AttributeError("broken")))
    with pytest.raises(AttributeError):
        fallback.resolve_with_dateparser("3 days ago", PUBLISHED, "past")
    fallback.resolve_with_dateparser.cache_clear()
