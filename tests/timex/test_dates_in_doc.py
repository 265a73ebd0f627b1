"""dates_in_doc() / find_dates(): every date phrase of a paragraph, with spans."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from truce.model import DateRef
from truce.timex import dates_in_doc, find_dates

THU = date(2023, 9, 21)


def _by_text(refs: list[DateRef]) -> dict[str, DateRef]:
    return {ref.text: ref for ref in refs}


def _spans_point_at_their_text(text: str, refs: list[DateRef]) -> None:
    for ref in refs:
        assert ref.span is not None
        assert text[ref.span[0]:ref.span[1]] == ref.text


@pytest.mark.shared
def test_seed_article_dates(shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "karabakh-2023-09-21.txt").read_text(encoding="utf-8")
    refs = find_dates(text, THU)
    _spans_point_at_their_text(text, refs)
    found = _by_text(refs)
    assert found["Sept. 19"].start == date(2023, 9, 19) and found["Sept. 19"].precision == "day"
    assert found["late on Sep. 20"].start == found["late on Sep. 20"].end == date(2023, 9, 20)
    assert found["Sept. 21"].start == THU
    nineties = found["since the 1990s"]
    assert nineties.background and (nineties.start, nineties.end) == (date(1990, 1, 1), date(1999, 12, 31))
    assert "24-hour" not in found  # a duration, not a date
    assert all(ref.end is None or ref.end <= THU for ref in refs)  # nothing after publication
    assert [ref.span for ref in refs] == sorted(ref.span for ref in refs if ref.span)


def test_paragraph_with_phrases_the_small_model_misses() -> None:
    text = ("Shelling resumed overnight near the border, two days after talks collapsed on Monday. "
            "Earlier this week, monitors said positions were hit on the 19th. "
            "The conflict has simmered for decades.")
    refs = find_dates(text, THU)
    _spans_point_at_their_text(text, refs)
    found = _by_text(refs)
    assert (found["overnight"].start, found["overnight"].precision) == (date(2023, 9, 20), "day")
    assert found["Monday"].start == date(2023, 9, 18)
    assert (found["Earlier this week"].start, found["Earlier this week"].end) == (date(2023, 9, 18), THU)
    assert found["the 19th"].start == date(2023, 9, 19)
    assert found["for decades"].background and found["for decades"].precision == "unknown"


def test_paragraph_with_ranges_and_months() -> None:
    text = ("Fighting raged from 19 to 21 September, and again between Sept. 19 and 20 near the lake. "
            "Clashes in mid-September followed a quiet month; a truce was signed in March "
            "and broken last week.")
    refs = find_dates(text, THU)
    _spans_point_at_their_text(text, refs)
    spans = {(str(r.start), str(r.end), r.precision) for r in refs}
    assert ("2023-09-19", "2023-09-21", "day") in spans
    assert ("2023-09-19", "2023-09-20", "day") in spans
    assert ("2023-09-11", "2023-09-20", "month") in spans
    assert ("2023-03-01", "2023-03-31", "month") in spans
    assert ("2023-09-11", "2023-09-17", "day") in spans


def test_without_publication_only_explicit_years_resolve() -> None:
    text = "On Sept. 19, 2023, troops advanced. Fighting resumed on Monday and continued yesterday."
    refs = find_dates(text, None)
    _spans_point_at_their_text(text, refs)
    found = _by_text(refs)
    assert found["Sept. 19, 2023"].start == date(2023, 9, 19)
    assert found["Monday"].precision == "unknown" and found["Monday"].start is None
    assert found["yesterday"].precision == "unknown"


def test_ordinals_that_are_not_days_are_left_alone() -> None:
    text = "The 19th century fort, on the 19th floor of history, was shelled on the 20th."
    found = _by_text(find_dates(text, THU))
    assert "the 19th" not in found
    assert found["the 20th"].start == date(2023, 9, 20)


def test_dates_in_doc_works_on_the_shared_doc() -> None:
    from truce.nlp import load_nlp

    doc = load_nlp()("Talks collapsed yesterday. Azerbaijan attacked on Sept. 19.")
    refs = dates_in_doc(doc, THU)
    assert [(r.text, r.start) for r in refs] == [("yesterday", date(2023, 9, 20)),
                                                 ("Sept. 19", date(2023, 9, 19))]


def test_empty_text_gives_no_dates() -> None:
    assert find_dates("", THU) == []
    assert find_dates("No dates here at all.", THU) == []
