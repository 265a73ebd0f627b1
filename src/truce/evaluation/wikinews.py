"""Wikinews conflict reader (`wikinews-conflict/*.txt` + `*.expect.json`).

Each expectation file names its text (`report.file`, else the same stem + '.txt') and its
`report.published` date, and lists `must` / `must_not` items (format: docs/expectations.md).
Texts CC BY 2.5 (Wikinews contributors); the expectation files are the team's own.
The seed article (`karabakh-2023-09-21`) and anything under a `seed` folder are left out: it is
the team's regression text, not held-out data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from truce.evaluation.jsonl import as_date, brief
from truce.evaluation.records import Bad, ExpectText, Loaded

FOLDER = "wikinews-conflict"
SEED_STEM = "karabakh-2023-09-21"


def read_expect_folder(folder: Path) -> Loaded[ExpectText]:
    """Every readable text + expectation file of a folder, sorted by file name."""
    files = [p for p in sorted(folder.glob("*.expect.json")) if not p.name.startswith(SEED_STEM)]
    if "seed" in folder.parts:
        files = []
    items: list[ExpectText] = []
    bad: list[Bad] = []
    for path in files:
        item = _read_one(path)
        if isinstance(item, Bad):
            bad.append(item)
        else:
            items.append(item)
    return Loaded(items, len(files), bad)


def _read_one(path: Path) -> ExpectText | Bad:
    try:
        expect = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return Bad(path.name, f"cannot read the expectation file ({brief(exc)})")
    if not isinstance(expect, dict):
        return Bad(path.name, "not a JSON object")
    problem = _items_problem(expect)
    if problem:
        return Bad(path.name, problem)
    given = expect.get("report")
    report: dict[str, Any] = given if isinstance(given, dict) else {}
    text_path = path.with_name(path.name.removesuffix(".expect.json") + ".txt")
    named = report.get("file")
    if isinstance(named, str) and (path.parent / named).is_file():
        text_path = path.parent / named
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Bad(path.name, f"cannot read its text {text_path.name} ({brief(exc)})")
    published = report.get("published")
    day = as_date(published)
    if published is not None and day is None:
        return Bad(path.name, f"report.published {published!r} is not a YYYY-MM-DD date")
    return ExpectText(path.name, text, day, expect)


def _items_problem(expect: dict[str, Any]) -> str:
    for kind in ("must", "must_not"):
        items = expect.get(kind) or []
        if not isinstance(items, list):
            return f"'{kind}' is not a list"
        for index, item in enumerate(items):
            if not isinstance(item, dict) or not isinstance(item.get("any_of"), list):
                return f"{kind}[{index}] has no 'any_of' list"
    return ""
