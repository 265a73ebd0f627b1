"""The Current Events Portal reader and measures, on invented summaries of its format."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from truce.evaluation.cep import read_cep
from truce.evaluation.records import CepSummary
from truce.evaluation.score_cep import CepTally, score_summary


def test_conflict_and_quiet_summaries_are_read_and_bad_lines_named(fixture_data: Path) -> None:
    loaded = read_cep(fixture_data / "wikitimes-cep-2015-09" / "cep_2015_09.jsonl")
    assert [(s.text.split()[0], s.conflict) for s in loaded.items] == [("Militants", True), ("A", False), ("A", False)]
    assert loaded.items[0].published == date(2031, 5, 2)
    # Politics is neither a conflict nor a quiet category: left out, not bad
    assert sorted(b.where for b in loaded.bad) == ["cep_2015_09.jsonl:4", "cep_2015_09.jsonl:5",
                                                   "cep_2015_09.jsonl:7"]


def _event(acled_type: str | None, start: str | None = None) -> dict[str, object]:
    return {"type": "ASSAULT" if acled_type in ("Battles", "Violence against civilians") else "PROTEST",
            "acled": {"event_type": acled_type} if acled_type else None, "date": {"start": start}}


def test_conflict_found_quiet_kept_and_dates_after_the_day_counted() -> None:
    day = date(2031, 5, 2)
    tally = CepTally()
    tally.add(score_summary(CepSummary("a", "x", day, True), [_event("Battles", "2031-05-01")]))
    tally.add(score_summary(CepSummary("b", "x", day, True), [_event("Protests", "2031-05-09")]))
    tally.add(score_summary(CepSummary("c", "x", day, True), []))
    tally.add(score_summary(CepSummary("d", "x", day, False), [_event("Violence against civilians")]))
    tally.add(score_summary(CepSummary("e", "x", day, False), []))
    lines = [f.line() for f in tally.figures()]
    assert lines == ["cep/conflict found: 0.667 (2/3)", "cep/quiet kept: 0.500 (1/2)", "cep/balanced: 0.583",
                     "cep/not dated after the day: 0.500 (1/2)"]


def test_no_summaries_give_no_share() -> None:
    assert [f.share for f in CepTally().figures()] == [None, None, None, None]
