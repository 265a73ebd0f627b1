"""`read_sources`: files, folders, standard input and feed URLs in; parsed items and rejections out.

Folders are walked recursively in sorted order (hidden files and folders skipped) so two runs over
the same tree yield the same sequence. Each file goes to the parser for its format (extension,
else sniffed). A bad file, line or row becomes one Rejection and the rest carries on: nothing but
a programming error or a wrong column map (ConfigError, raised before anything is read) escapes.

Size limit (TRUCE_MAX_REPORT_BYTES): whole documents (text, HTML, JSON, feeds, standard input) are
rejected above it; JSON Lines and CSV files are streamed, so the limit applies to each line or row
and archives of any size load.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from truce.errors import InputRejected
from truce.ingest import feed as feed_module
from truce.ingest.csv_field import ColumnMap, load_column_map, parse_csv
from truce.ingest.dates import parse_published
from truce.ingest.detect import SNIFF_BYTES, Format, decode, encoding_of, format_for, sniff_format
from truce.ingest.html import parse_html
from truce.ingest.items import (
    E_CHARSET,
    E_EMPTY,
    E_FETCH,
    E_NOT_FOUND,
    E_TOO_LARGE,
    ParsedItem,
    Rejection,
    reject,
)
from truce.ingest.jsonl import parse_json, parse_jsonl
from truce.ingest.text import parse_text
from truce.model import ReportKind
from truce.settings import get_settings

STDIN = "-"
STDIN_WHERE = "<stdin>"


@dataclass(frozen=True, slots=True)
class _Options:
    kind: ReportKind | None
    published: datetime | None
    column_map: ColumnMap
    max_bytes: int


def read_sources(paths: list[str], *, kind: ReportKind | None = None, published: datetime | None = None,
                 column_map: Path | None = None) -> Iterator[ParsedItem | Rejection]:
    """Parse every report and observation under `paths`; yield a ParsedItem or a Rejection for each.

    `paths`: files, folders (recursive, sorted, hidden entries skipped), `-` for standard input,
    http(s) URLs of RSS/Atom feeds. `kind` is the report kind for items that do not state one
    (default news; CSV rows: field). `published` is the publication date for items without one
    (a naive value keeps its date only: midnight UTC). `column_map` is a YAML map for CSV field
    reports (default: TRUCE_COLUMN_MAP, else the built-in Kobo map).

    Raises ConfigError (E123) at once when the column map is invalid; never for bad input.
    """
    settings = get_settings()
    options = _Options(
        kind=kind,
        published=parse_published(published, "--published") if published is not None else None,
        column_map=load_column_map(column_map or settings.column_map),
        max_bytes=settings.max_report_bytes,
    )
    return _read_all(list(paths), options)


def _read_all(paths: list[str], options: _Options) -> Iterator[ParsedItem | Rejection]:
    for path in paths:
        if path == STDIN:
            yield from _guard(STDIN_WHERE, _read_memory(_read_stdin(), STDIN_WHERE, options))
        elif path.lower().startswith(("http://", "https://")):
            yield from _guard(path, _read_url(path, options))
        else:
            for file_path in _walk(Path(path)):
                where = str(file_path)
                if not file_path.exists():
                    yield Rejection(where, "no such file or folder", "check the path", E_NOT_FOUND)
                    continue
                yield from _guard(where, _read_file(file_path, where, options))


def _guard(where: str, parsed: Iterator[ParsedItem | Rejection]) -> Iterator[ParsedItem | Rejection]:
    """Run one source's (lazy) parser; a file-level InputRejected or OSError becomes its Rejection."""
    try:
        yield from parsed
    except InputRejected as err:
        yield Rejection.from_error(err, where)
    except OSError as err:
        yield Rejection(where, f"cannot read: {err.strerror or err}", "check the path and its permissions",
                        E_NOT_FOUND)


def _walk(path: Path) -> Iterator[Path]:
    if not path.is_dir():
        yield path
        return
    for root, folders, files in os.walk(path):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _read_file(path: Path, where: str, options: _Options) -> Iterator[ParsedItem | Rejection]:
    size = path.stat().st_size
    if size == 0:
        raise reject(E_EMPTY, "the file is empty", "remove it or give it content", where)
    with path.open("rb") as handle:
        sample = handle.read(SNIFF_BYTES)
    fmt = format_for(path.name, sample)
    if fmt in ("jsonl", "csv"):
        yield from _read_stream(path, where, fmt, sample, size, options)
        return
    if size > options.max_bytes:
        raise _too_large(where, size, options.max_bytes)
    yield from _parse_document(path.read_bytes(), where, fmt, options)


def _read_stream(path: Path, where: str, fmt: Format, sample: bytes, size: int,
                 options: _Options) -> Iterator[ParsedItem | Rejection]:
    """JSON Lines and CSV, read line by line in the charset their first bytes show."""
    encoding = encoding_of(sample, where, complete=size <= len(sample))
    with path.open("r", encoding=encoding, newline="") as handle:
        lines = _decoded_lines(handle, where, encoding)
        if fmt == "jsonl":
            yield from parse_jsonl(lines, where, kind=options.kind, published=options.published,
                                   max_bytes=options.max_bytes)
        else:
            yield from parse_csv(lines, where, column_map=options.column_map, kind=options.kind,
                                 max_bytes=options.max_bytes, delimiter="\t" if path.suffix == ".tsv" else None)


def _decoded_lines(handle: io.TextIOBase, where: str, encoding: str) -> Iterator[str]:
    number = 0
    try:
        for number, line in enumerate(handle, start=1):  # noqa: B007 - number is read after the loop
            yield line
    except UnicodeDecodeError:
        raise reject(E_CHARSET, f"text after line {number} is not valid {encoding} (the start of the file is)",
                     "save the whole file in one charset, preferably UTF-8", f"{where}:{number + 1}") from None


def _read_memory(data: bytes, where: str, options: _Options) -> Iterator[ParsedItem | Rejection]:
    """A document already in memory (standard input, a fetched URL)."""
    if not data.strip():
        raise reject(E_EMPTY, "no data", "give some content", where)
    fmt = sniff_format(data[:SNIFF_BYTES])
    if fmt in ("jsonl", "csv"):
        lines = decode(data, where).splitlines(keepends=True)
        if fmt == "jsonl":
            yield from parse_jsonl(lines, where, kind=options.kind, published=options.published,
                                   max_bytes=options.max_bytes)
        else:
            yield from parse_csv(lines, where, column_map=options.column_map, kind=options.kind,
                                 max_bytes=options.max_bytes)
        return
    if len(data) > options.max_bytes:
        raise _too_large(where, len(data), options.max_bytes)
    yield from _parse_document(data, where, fmt, options)


def _parse_document(data: bytes, where: str, fmt: Format, options: _Options) -> Iterator[ParsedItem | Rejection]:
    content = decode(data, where)  # also rejects empty, binary and undecodable data
    if fmt == "feed":
        yield from feed_module.parse_feed(data, where, kind=options.kind, published=options.published)
    elif fmt == "html":
        yield from parse_html(content, where, kind=options.kind or "news", published=options.published)
    elif fmt == "json":
        yield from parse_json(content, where, kind=options.kind, published=options.published)
    elif fmt == "jsonl":  # pragma: no cover - streamed before reaching here
        yield from parse_jsonl(content.splitlines(), where, kind=options.kind, published=options.published,
                               max_bytes=options.max_bytes)
    elif fmt == "csv":  # pragma: no cover - streamed before reaching here
        yield from parse_csv(content.splitlines(keepends=True), where, column_map=options.column_map,
                             kind=options.kind, max_bytes=options.max_bytes)
    else:
        yield from parse_text(content, where, kind=options.kind or "news", published=options.published)


def _read_url(url: str, options: _Options) -> Iterator[ParsedItem | Rejection]:
    try:
        data = feed_module.fetch_url(url, max_bytes=options.max_bytes)
    except (OSError, ValueError) as err:
        raise reject(E_FETCH, f"cannot fetch the feed: {err}",
                     "check the URL and the network, or save the feed to a file and ingest that", url) from None
    if len(data) > options.max_bytes:
        raise _too_large(url, len(data), options.max_bytes)
    if not data.strip():
        raise reject(E_EMPTY, "the URL returned nothing", "check the feed URL", url)
    decode(data, url)  # rejects binary or undecodable responses the same way as files
    yield from feed_module.parse_feed(data, url, kind=options.kind, published=options.published)


def _read_stdin() -> bytes:
    stream = sys.stdin
    if stream is None:
        return b""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read()
        return data
    return stream.read().encode("utf-8")


def _too_large(where: str, size: int, limit: int) -> InputRejected:
    return reject(E_TOO_LARGE, f"{size} bytes is larger than the {limit}-byte limit",
                  "split it into smaller files, or raise TRUCE_MAX_REPORT_BYTES", where)
