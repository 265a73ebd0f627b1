"""JSON (.json: one object or a list of objects) and JSON Lines (.jsonl: one object per line).

An object with `observed_at` is a field/sensor observation; any other object is a report and
needs `text`. Each object is read on its own: a malformed line or a bad object is one Rejection
and the others still load. `raw` is the object's text exactly as it stands in the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from truce.errors import InputRejected
from truce.ingest.dates import parse_published
from truce.ingest.items import (
    E_EMPTY,
    E_JSON,
    E_KIND,
    E_NO_TEXT,
    E_NOT_OBJECT,
    E_TOO_LARGE,
    ParsedItem,
    Rejection,
    reject,
)
from truce.ingest.observations import describe, read_observation
from truce.ingest.reports import make_item, optional_str, parse_kind
from truce.model import ReportKind

OBSERVATION_KINDS = ("field", "sensor")


def parse_json(content: str, where: str, *, kind: ReportKind | None,
               published: datetime | None) -> Iterator[ParsedItem | Rejection]:
    """Items of a .json document: one object, or each object of a top-level list."""
    start = _skip_space(content, 0)
    if not content.startswith("[", start):
        try:
            value = json.loads(content)
        except json.JSONDecodeError as err:
            yield Rejection(f"{where}:{err.lineno}", f"malformed JSON: {err.msg} (column {err.colno})",
                            "fix the JSON (one object, or a list of objects)", E_JSON)
            return
        yield _item(value, content.strip(), where, kind=kind, published=published)
        return
    # A list: read element by element so one bad element does not lose the others, and so each
    # keeps its verbatim text and line number.
    decoder = json.JSONDecoder()
    index, line, counted_to = start + 1, 1, 0
    while True:
        index = _skip_space(content, index)
        if content.startswith("]", index):
            return
        line += content.count("\n", counted_to, index)
        counted_to = index
        try:
            value, end = decoder.raw_decode(content, index)
        except json.JSONDecodeError as err:
            yield Rejection(f"{where}:{err.lineno}", f"malformed JSON: {err.msg} (column {err.colno}); "
                            "the rest of the list cannot be read", "fix the JSON at that line", E_JSON)
            return
        yield _item(value, content[index:end], f"{where}:{line}", kind=kind, published=published)
        index = _skip_space(content, end)
        if content.startswith(",", index):
            index += 1
        elif not content.startswith("]", index):
            line += content.count("\n", counted_to, index)
            yield Rejection(f"{where}:{line}", "malformed JSON: expected ',' or ']' after a list element; "
                            "the rest of the list cannot be read", "fix the JSON at that line", E_JSON)
            return


def parse_jsonl(lines: Iterable[str], where: str, *, kind: ReportKind | None, published: datetime | None,
                max_bytes: int) -> Iterator[ParsedItem | Rejection]:
    """Items of a JSON Lines stream: one object per line; blank lines are skipped."""
    seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen = True
        line_where = f"{where}:{number}"
        raw = line.rstrip("\r\n")
        if len(raw.encode("utf-8")) > max_bytes:
            yield Rejection(line_where, f"line is larger than {max_bytes} bytes",
                            "split the item, or raise TRUCE_MAX_REPORT_BYTES", E_TOO_LARGE)
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as err:
            yield Rejection(line_where, f"malformed JSON: {err.msg} (column {err.colno})",
                            "fix the line: each line must be one complete JSON object", E_JSON)
            continue
        yield _item(value, raw, line_where, kind=kind, published=published)
    if not seen:
        yield Rejection(where, "the file has no JSON lines (only white space)", "remove it or give it content",
                        E_EMPTY)


def read_object(value: Any, raw: str, where: str, *, kind: ReportKind | None,
                published: datetime | None) -> ParsedItem:
    """One report or observation from a decoded JSON value; raises InputRejected when bad."""
    if not isinstance(value, dict):
        raise reject(E_NOT_OBJECT, f"expected a JSON object, got {type(value).__name__}",
                     'write each item as an object, e.g. {"text": "..."}', where)
    item_published = parse_published(value.get("published"), where) or published
    source_name = optional_str(value.get("source_name"), where, "source_name")
    if "observed_at" in value:
        default_kind: ReportKind = kind if kind in OBSERVATION_KINDS else "field"
        item_kind = parse_kind(value.get("kind"), where, default_kind)
        if item_kind not in OBSERVATION_KINDS:
            raise reject(E_KIND, f"an observation's kind must be field or sensor, not {item_kind!r}",
                         "set kind to field or sensor, or remove observed_at if this is a report", where)
        observation = read_observation(value, where, source_name=source_name)
        return make_item(kind=item_kind, text=describe(observation, sensor=item_kind == "sensor"), raw=raw,
                         where=where, published=item_published,
                         source_name=source_name or observation.observer, language="en",
                         observations=[observation])
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = "has no `text`" if text is None else "has an empty or non-string `text`"
        raise reject(E_NO_TEXT, f"report object {problem}",
                     'add "text": "..." with the report\'s text (or "observed_at" for an observation)', where)
    return make_item(kind=parse_kind(value.get("kind"), where, kind or "news"), text=text, raw=raw, where=where,
                     title=optional_str(value.get("title"), where, "title"),
                     url=optional_str(value.get("url"), where, "url"),
                     published=item_published, source_name=source_name)


def _item(value: Any, raw: str, where: str, *, kind: ReportKind | None,
          published: datetime | None) -> ParsedItem | Rejection:
    try:
        return read_object(value, raw, where, kind=kind, published=published)
    except InputRejected as err:
        return Rejection.from_error(err, where)


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n\ufeff":
        index += 1
    return index
