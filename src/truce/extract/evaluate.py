"""Scoring extraction against expectation files (docs/expectations.md).

Semantics: a pattern is a set of conditions on one event's JSON; a dotted key reads a nested
field; a list means any of its values; null means absent (None, "" or []); strings compare
case-insensitively. Special keys: `near: [lat, lon, km]` (great-circle distance), `date_in:
[from, to]`, `date_after` (the event's end, else start, is after), `date_before` (start is before),
`parties: [A, B]` (actor and recipient countries in either order). A `must` item passes when some
event matches one of its `any_of` patterns; a `must_not` item passes when no event matches any.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from truce.errors import TruceError
from truce.geo.geometry import haversine_km
from truce.model import Event


def field_value(event: dict[str, Any], dotted: str) -> Any:
    """The value at a dotted path of an event dict; None if any step is missing."""
    node: Any = event
    for part in dotted.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres between two (lat, lon) points (truce.geo.geometry)."""
    return haversine_km(a[0], a[1], b[0], b[1])


def _equal(have: Any, want: Any) -> bool:
    if isinstance(have, str) and isinstance(want, str):
        return have.casefold() == want.casefold()
    return bool(have == want)


def condition_holds(event: dict[str, Any], key: str, want: Any) -> bool:
    """Whether one pattern condition holds for one event."""
    start = (field_value(event, "date.start") or "")[:10] or None
    if key == "near":
        lat, lon = field_value(event, "location.lat"), field_value(event, "location.lon")
        return lat is not None and lon is not None and distance_km((lat, lon), (want[0], want[1])) <= want[2]
    if key == "date_in":
        return start is not None and want[0] <= start <= want[1]
    if key == "date_before":
        return start is not None and start < want
    if key == "date_after":
        end = (field_value(event, "date.end") or "")[:10] or start
        return end is not None and end > want
    if key == "parties":
        have = {str(field_value(event, f"{r}.country") or "").upper() for r in ("actor", "recipient")}
        return have == {str(w).upper() for w in want}
    value = field_value(event, key)
    if want is None:
        return value in (None, "", [])
    if isinstance(want, list):
        return any(_equal(value, w) for w in want)
    return _equal(value, want)


def pattern_matches(event: dict[str, Any], pattern: dict[str, Any]) -> bool:
    """All conditions of a pattern hold for the event."""
    return all(condition_holds(event, k, v) for k, v in pattern.items())


@dataclass(slots=True)
class ItemResult:
    """Outcome of one must / must_not item."""

    kind: str
    id: str
    why: str
    ok: bool
    offending: dict[str, Any] | None = None


@dataclass(slots=True)
class FileResult:
    """Outcome of one expectation file."""

    name: str
    items: list[ItemResult] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(not i.ok for i in self.items)

    def met(self, kind: str) -> tuple[int, int]:
        """(items met, items) of one kind, "must" or "must_not"."""
        of_kind = [i for i in self.items if i.kind == kind]
        return sum(i.ok for i in of_kind), len(of_kind)


@dataclass(slots=True)
class FolderResult:
    """Outcome of a folder of expectation files."""

    files: list[FileResult] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(i.ok for f in self.files for i in f.items)

    @property
    def failed(self) -> int:
        return sum(f.failed for f in self.files)

    def met(self, kind: str) -> tuple[int, int]:
        """(items met, items) of one kind over every file."""
        tallies = [f.met(kind) for f in self.files]
        return sum(m for m, _ in tallies), sum(n for _, n in tallies)


def check_expectations(expect: dict[str, Any], events: list[dict[str, Any]], name: str = "") -> FileResult:
    """Check event dicts against one parsed expectation file."""
    result = FileResult(name)
    for kind in ("must", "must_not"):
        for item in expect.get(kind) or []:
            hits = [e for e in events if any(pattern_matches(e, p) for p in item.get("any_of") or [])]
            ok = bool(hits) if kind == "must" else not hits
            result.items.append(ItemResult(kind, str(item.get("id", "?")), str(item.get("why", "")), ok,
                                           hits[0] if hits and kind == "must_not" else None))
    return result


def load_expectation(path: Path) -> dict[str, Any]:
    """Read one *.expect.json, with a clear error naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise TruceError("E220", f"cannot read expectation file: {exc}", where=str(path),
                         hint="fix the JSON (format: docs/expectations.md)") from exc
    if not isinstance(data, dict) or not isinstance(data.get("must", []), list):
        raise TruceError("E221", "expectation file has no 'must' list", where=str(path),
                         hint="add a 'must' list of items (format: docs/expectations.md)")
    return data


def text_for(expect_path: Path, expect: dict[str, Any]) -> Path:
    """The report text an expectation file describes: report.file, else NAME.txt beside it."""
    named = (expect.get("report") or {}).get("file")
    candidate = expect_path.parent / named if named else None
    if candidate is not None and candidate.is_file():
        return candidate
    return expect_path.with_name(expect_path.name.removesuffix(".expect.json") + ".txt")


def score_file(expect_path: Path, use_classifier: bool | None = None) -> FileResult:
    """Extract the report an expectation file names and check it."""
    from truce.extract.pipeline import extract

    expect = load_expectation(expect_path)
    text_path = text_for(expect_path, expect)
    if not text_path.is_file():
        raise TruceError("E222", f"report text {text_path.name} not found", where=str(expect_path),
                         hint="put NAME.txt beside NAME.expect.json")
    published = (expect.get("report") or {}).get("published")
    events = [e.to_dict() for e in extract(text_path.read_text(encoding="utf-8"), published=published,
                                           use_classifier=use_classifier)]
    return check_expectations(expect, events, expect_path.name)


def score_folder(folder: Path, use_classifier: bool | None = None) -> FolderResult:
    """Score every *.expect.json in a folder (sorted by name)."""
    if not folder.is_dir():
        raise TruceError("E223", f"no such folder: {folder}", hint="give a folder of *.expect.json files")
    return FolderResult([score_file(p, use_classifier) for p in sorted(folder.glob("*.expect.json"))])


def format_folder(result: FolderResult, show_failures: bool = True) -> str:
    """One line per file, failures listed, and a closing 'N passed, N failed' line."""
    lines: list[str] = []
    for f in result.files:
        lines.append(f"{'ok  ' if f.failed == 0 else 'FAIL'} {f.name}: {len(f.items) - f.failed}/{len(f.items)}")
        if show_failures:
            for item in f.items:
                if not item.ok:
                    extra = f" <- {json.dumps({k: item.offending.get(k) for k in ('type', 'actor')})[:200]}" \
                        if item.offending else ""
                    lines.append(f"     {item.kind} {item.id}: {item.why}{extra}")
    lines.append(f"expectations: {result.passed} passed, {result.failed} failed")
    return "\n".join(lines)


def event_table(events: list[Event]) -> str:
    """A plain fixed-width table of events for the terminal."""
    rows = [("type", "mode", "status", "aux", "actor", "recipient", "where", "date", "conf")]
    for e in events:
        rows.append((e.type, e.mode or "", e.status, e.aux or "",
                     f"{e.actor.country or ''} {e.actor.text}"[:28] if e.actor else "",
                     f"{e.recipient.country or ''} {e.recipient.text}"[:28] if e.recipient else "",
                     (e.location.name or e.location.text)[:20] if e.location else "",
                     e.date.start.isoformat() if e.date and e.date.start else "", f"{e.confidence:.2f}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)
