"""'last <weekday>' reaches past the day before publication; 'this past <weekday>' does not."""

from __future__ import annotations

from datetime import date

import pytest

from truce.timex import normalise

SAT = date(2025, 3, 15)  # a Saturday


@pytest.mark.parametrize(("phrase", "want"), [
    ("last Friday", "2025-03-07"),       # the day before publication is "yesterday", not "last Friday"
    ("last Thursday", "2025-03-13"),
    ("last Saturday", "2025-03-08"),
    ("this past Friday", "2025-03-14"),
    ("on Friday", "2025-03-14"),
])
def test_last_weekday(phrase: str, want: str) -> None:
    ref = normalise(phrase, SAT)
    assert ref is not None and ref.start is not None
    assert ref.start.isoformat() == want


def test_future_reading_of_a_bare_weekday() -> None:
    ref = normalise("on Thursday", SAT, "future")
    assert ref is not None and ref.start == date(2025, 3, 20)
