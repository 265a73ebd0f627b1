"""JSON (.json: one object or a list of objects) and JSON Lines (.jsonl: one object per line).

An object with `observed_at` is a field/sensor observation; any other object is a report and
needs `text`. Each object is read on its own: a malformed line or a bad object is one Rejection
and the others still load. `raw` is the object's text exactly as it stands in the file.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterable, Iterator
from datetime import datetime
from typing import Any, TextIO

from truce.errors import InputRejected
from truce.ingest import json_stream
from truce.ingest.dates import parse_published
from truce.ingest.items import (
    E_DEPTH,
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
from truce.ingest.lines import LongLine
from truce.ingest.observations import describe, read_observation
from truce.ingest.reports import make_item, optional_str, parse_kind
from truce.model import ReportKind

OBSERVATION_KINDS = ("field", "sensor")
_FAILED: Any = object()  # what _decode returns after yielding its rejection


def parse_json(handle: TextIO, where: str, *, kind: ReportKind | None, published: datetime | None,
               max_bytes: int) -> Iterator[ParsedItem | Rejection]:
    """Items of a .json document: one object, or each object of a top-level list (streamed).

    A list is read element by element, so one bad element does not lose the others, each keeps
    its verbatim text and line number, and a list of any length loads in bounded memory; the
    size limit applies to each element. A single object is limited as a whole.
    """
    head = handle.read(json_stream.CHUNK_CHARS)
    body = head.lstrip(" \t\r\n\ufeff")
    if body.startswith("["):
        yield from _json_list(handle, head, where, kind=kind, published=published, max_bytes=max_bytes)
        return
    content = head + handle.read(max_bytes + 1 - len(head)) if len(head) <= max_bytes else head
    if len(content) > max_bytes or _bytes(content) > max_bytes:
        yield Rejection(where, f"the JSON document is larger than {max_bytes} bytes",
                        "split it into smaller files (a list of objects may be any size), or raise "
                        "TRUCE_MAX_REPORT_BYTES", E_TOO_LARGE)
        return
    if not content.strip():
        yield Rejection(where, "the file is empty (only white space)", "remove it or give it content", E_EMPTY)
        return
    value = yield from _decode(content, where, 1, "fix the JSON (one object, or a list of objects)")
    if value is not _FAILED:
        yield _item(value, content.strip(), where, kind=kind, published=published)


def _json_list(handle: TextIO, head: str, where: str, *, kind: ReportKind | None, published: datetime | None,
               max_bytes: int) -> Iterator[ParsedItem | Rejection]:
    for piece in json_stream.list_elements(handle, max_chars=max_bytes, first=head):
        if isinstance(piece, json_stream.Broken):
            yield Rejection(f"{where}:{piece.line}", f"malformed JSON: {piece.message}; the rest of the list "
                            "cannot be read", "fix the JSON at that line", E_JSON)
            return
        at = f"{where}:{piece.line}"
        if piece.too_deep:
            yield _too_deep(at)
            continue
        if piece.text is None or _bytes(piece.text) > max_bytes:
            yield Rejection(at, f"the list element is larger than {max_bytes} bytes",
                            "split the item, or raise TRUCE_MAX_REPORT_BYTES", E_TOO_LARGE)
            continue
        value = piece.value if piece.decoded else (
            yield from _decode(piece.text, where, piece.line, "fix the JSON at that line", rest_lost=True))
        if value is _FAILED:
            return
        yield _item(value, piece.text, at, kind=kind, published=published)


def _decode(text: str, where: str, line: int, hint: str, *, rest_lost: bool = False) -> Generator[Rejection, None, Any]:
    """The value of `text` (starting at `line`), or _FAILED after yielding its one Rejection."""
    deep = json_stream.too_deep_at(text)
    if deep is not None:
        yield _too_deep(f"{where}:{line + text.count(chr(10), 0, deep)}")
        return _FAILED
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        rest = "; the rest of the list cannot be read" if rest_lost else ""
        yield Rejection(f"{where}:{line + err.lineno - 1}", f"malformed JSON: {err.msg} (column {err.colno}){rest}",
                        hint, E_JSON)
    except ValueError as err:  # e.g. an integer of more digits than Python converts
        yield Rejection(f"{where}:{line}", f"JSON value Truce cannot read: {err}", hint, E_JSON)
    return _FAILED


def _too_deep(where: str) -> Rejection:
    return Rejection(where, f"JSON nested more than {json_stream.MAX_JSON_DEPTH} levels deep",
                     "a report or observation is a flat object; fix or remove this item", E_DEPTH)


def _bytes(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def parse_jsonl(lines: Iterable[str | LongLine], where: str, *, kind: ReportKind | None,
                published: datetime | None, max_bytes: int) -> Iterator[ParsedItem | Rejection]:
    """Items of a JSON Lines stream: one object per line; blank lines are skipped."""
    seen = False
    for number, line in enumerate(lines, start=1):
        line_where = f"{where}:{number}"
        if isinstance(line, LongLine) or _bytes(line.rstrip("\r\n")) > max_bytes:
            seen = True
            yield Rejection(line_where, f"line is larger than {max_bytes} bytes",
                            "split the item, or raise TRUCE_MAX_REPORT_BYTES", E_TOO_LARGE)
            continue
        if not line.strip():
            continue
        seen = True
        raw = line.rstrip("\r\n")
        deep = json_stream.too_deep_at(raw)
        if deep is not None:
            yield _too_deep(line_where)
            continue
        try:
            value = json.loads(raw)
        except ValueError as err:  # JSONDecodeError, or an integer of more digits than Python converts
            message = (f"malformed JSON: {err.msg} (column {err.colno})" if isinstance(err, json.JSONDecodeError)
                       else f"JSON value Truce cannot read: {err}")
            yield Rejection(line_where, message, "fix the line: each line must be one complete JSON object",
                            E_JSON)
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
