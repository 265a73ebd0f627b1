"""The seed article's expectations, checked with our evaluator and with the reference checker."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from truce.extract.evaluate import check_expectations, load_expectation
from truce.extract.pipeline import extract


@pytest.mark.shared
def test_seed_article_meets_every_expectation(shared_dir: Path) -> None:
    seed = shared_dir / "seed"
    expect = load_expectation(seed / "karabakh-2023-09-21.expect.json")
    text = (seed / "karabakh-2023-09-21.txt").read_text(encoding="utf-8")
    events = [e.to_dict() for e in extract(text, published="2023-09-21")]
    result = check_expectations(expect, events)
    assert [i.id for i in result.items if not i.ok] == []
    assert len(result.items) == len(expect["must"]) + len(expect["must_not"])


@pytest.mark.shared
@pytest.mark.slow
def test_seed_via_cli_and_reference_checker(shared_dir: Path, tmp_path: Path) -> None:
    seed = shared_dir / "seed"
    truce = Path(sys.executable).with_name("truce")
    if not truce.exists():
        pytest.skip("the truce console script is not installed beside this Python")
    out = subprocess.run([str(truce), "extract", str(seed / "karabakh-2023-09-21.txt"),
                          "--published", "2023-09-21", "--format", "json"],
                         capture_output=True, text=True, check=True)
    events = tmp_path / "e.json"
    events.write_text(out.stdout, encoding="utf-8")
    assert json.loads(out.stdout)["report"]["published"] == "2023-09-21"
    check = subprocess.run([sys.executable, str(shared_dir / "tools" / "check_expect.py"),
                            str(seed / "karabakh-2023-09-21.expect.json"), str(events)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
