"""Every report of tests/extract/expect/ meets its expectation file (our evaluator, DESIGN.md rules)."""

from __future__ import annotations

from pathlib import Path

import pytest

from truce.extract.evaluate import score_file

EXPECT_DIR = Path(__file__).parent / "expect"
CASES = sorted(EXPECT_DIR.glob("*.expect.json")) if EXPECT_DIR.is_dir() else []


@pytest.mark.slow
@pytest.mark.skipif(not CASES, reason="no expectation corpus in tests/extract/expect yet")
@pytest.mark.parametrize("expect_path", CASES, ids=[p.name.removesuffix(".expect.json") for p in CASES])
def test_report_meets_expectations(expect_path: Path) -> None:
    result = score_file(expect_path)
    failures = [f"{i.kind} {i.id}: {i.why}" for i in result.items if not i.ok]
    assert result.items, "an expectation file with no items checks nothing"
    assert failures == []
