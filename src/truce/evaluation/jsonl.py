"""Reading JSON Lines data files: every object with its line number, every bad line named."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from truce.evaluation.records import Bad


def brief(exc: BaseException) -> str:
    """An exception as one short line (for a `Bad` reason)."""
    text = f"{type(exc).__name__}: {exc}".replace("\n", " ")
    return text if len(text) <= 100 else text[:97] + "..."


def read_jsonl(path: Path) -> tuple[list[tuple[int, dict[str, Any]]], list[Bad]]:
    """(line number, object) for every JSON object line; a `Bad` for each line that is not one."""
    records: list[tuple[int, dict[str, Any]]] = []
    bad: list[Bad] = []
    for number, line in _lines(path):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            bad.append(Bad(f"{path.name}:{number}", f"not JSON ({brief(exc)})"))
            continue
        if isinstance(record, dict):
            records.append((number, record))
        else:
            bad.append(Bad(f"{path.name}:{number}", "not a JSON object"))
    return records, bad


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    # errors="replace": one bad byte spoils one record's text, not the whole file
    with path.open(encoding="utf-8", errors="replace") as handle:
        yield from enumerate(handle, 1)


def as_float(value: Any) -> float | None:
    """A finite number, or None for anything else (missing, text, NaN)."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def as_date(value: Any) -> date | None:
    """The date at the start of an ISO date or timestamp, or None."""
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None
