"""Extraction in worker processes gives what extraction in this process gives, in input order."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from truce.errors import InputRejected, TruceError
from truce.extract.pipeline import extract_many
from truce.extract.workers import REPORTS_PER_TASK, ExtractionWorkers, worker_count

EXPECT = Path(__file__).parent / "expect"


def _reports() -> list[tuple[str, str, str]]:
    texts = sorted(EXPECT.glob("*.txt"))[:3 * REPORTS_PER_TASK + 1]  # tasks of 4, 4, 4 and 1
    return [(p.read_text(encoding="utf-8"), "2023-09-21", p.stem) for p in texts]


def test_workers_read_like_this_process_in_order() -> None:
    reports = _reports()
    here = [[e.to_dict() for e in events] for events in extract_many(reports)]
    with ExtractionWorkers(2) as workers:
        there = [[e.to_dict() for e in events] for events in workers.extract_many(reports)]
    assert len(here) == len(reports) and sum(map(len, here)) > 10, "the corpus texts hold events"
    assert there == here
    assert [events[0]["report_id"] for events in there if events] == \
        [rid for (_, _, rid), events in zip(reports, here, strict=True) if events]


def test_worker_count_from_the_setting() -> None:
    assert worker_count(3) == 3
    assert 1 <= worker_count(0) <= 4
    with pytest.raises(ValueError):
        worker_count(-1)


def test_a_truce_error_keeps_its_fields_across_processes() -> None:
    error = InputRejected("E104", "too large", hint="split it", where="a.jsonl:3")
    back = pickle.loads(pickle.dumps(error))
    assert isinstance(back, InputRejected) and isinstance(back, TruceError)
    assert (back.code, back.message, back.hint, back.where) == ("E104", "too large", "split it", "a.jsonl:3")
    assert str(back) == str(error)
