"""Every report of tests/extract/expect/ is scored against its expectation file (DESIGN.md rules).

Acceptance wants every expectation met. Until then the expectations not yet met are listed, one
`report-name expectation-id` a line, in `corpus_known_failures.txt`, and the list works as a
ratchet: a report fails when it misses an expectation that is not listed (a regression), and also
when it meets one that is listed (take it off the list, so it can never silently break again).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from truce.extract.evaluate import score_file

EXPECT_DIR = Path(__file__).parent / "expect"
KNOWN = Path(__file__).parent / "corpus_known_failures.txt"
CASES = sorted(EXPECT_DIR.glob("*.expect.json")) if EXPECT_DIR.is_dir() else []


def _known_failures() -> set[str]:
    if not KNOWN.exists():
        return set()
    lines = (line.split("#", 1)[0].strip() for line in KNOWN.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line}


@pytest.mark.slow
@pytest.mark.skipif(not CASES, reason="no expectation corpus in tests/extract/expect yet")
@pytest.mark.parametrize("expect_path", CASES, ids=[p.name.removesuffix(".expect.json") for p in CASES])
def test_report_meets_expectations(expect_path: Path) -> None:
    name = expect_path.name.removesuffix(".expect.json")
    result = score_file(expect_path)
    assert result.items, "an expectation file with no items checks nothing"
    known = {k.split(" ", 1)[1] for k in _known_failures() if k.split(" ", 1)[0] == name}
    failing = {i.id for i in result.items if not i.ok}
    regressions = [f"{i.kind} {i.id}: {i.why}" for i in result.items if not i.ok and i.id not in known]
    now_met = sorted(known - failing)
    assert not regressions, f"expectations missed (not in {KNOWN.name}): {regressions}"
    assert not now_met, f"now met: remove '{name} <id>' for {now_met} from {KNOWN.name}"


def test_known_failures_name_real_expectations() -> None:
    import json

    ids = {
        f"{p.name.removesuffix('.expect.json')} {item['id']}"
        for p in CASES
        for kind in ("must", "must_not")
        for item in json.loads(p.read_text(encoding="utf-8")).get(kind, [])
    }
    stale = sorted(_known_failures() - ids)
    assert not stale, f"{KNOWN.name} lists expectations that do not exist: {stale}"
