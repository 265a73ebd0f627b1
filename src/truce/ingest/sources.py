"""`read_sources`: files, folders, standard input and feed URLs in; parsed items and rejections out.

Folders are walked recursively in sorted order (hidden files and folders skipped) so two runs over
the same tree yield the same sequence. Each file goes to the parser for its format (extension,
else sniffed). A bad file, line or row becomes one Rejection and the rest carries on: nothing but
a programming error or a wrong column map (ConfigError, raised before anything is read) escapes.

Size limit (TRUCE_MAX_REPORT_BYTES): whole documents (text, HTML, a single JSON object, feeds) are
rejected above it, unread; JSON Lines, CSV and JSON lists are streamed — from a file or standard
input alike — so the limit applies to each line, row or list element, and archives of any size
load in bounded memory. Compressed files are refused (E108), never decompressed: a small archive
can expand a thousandfold.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from truce.errors import InputRejected
from truce.ingest import feed as feed_module
from truce.ingest.csv_field import ColumnMap, load_column_map, parse_csv
from truce.ingest.dates import parse_published
from truce.ingest.detect import (
    SNIFF_BYTES,
    Format,
    compression_of,
    decode,
    encoding_of,
    format_for,
    sniff_format,
)
from truce.ingest.html import parse_html
from truce.ingest.items import (
    E_CHARSET,
    E_COMPRESSED,
    E_EMPTY,
    E_FETCH,
    E_NOT_FOUND,
    E_TOO_LARGE,
    ParsedItem,
    Rejection,
    reject,
)
from truce.ingest.jsonl import parse_json, parse_jsonl
from truce.ingest.lines import bounded_lines
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
            yield from _guard(STDIN_WHERE, _read_stdin(options))
        elif path.lower().startswith(("http://", "https://")):
            yield from _guard(path, _read_url(path, options))
        else:
            for file_path in _walk(Path(path)):
                where = _display(file_path)
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
    except UnicodeDecodeError as err:  # a streamed JSON file whose later text leaves its charset
        yield Rejection(where, f"text past the start of the file is not valid {err.encoding} (the start is)",
                        "save the whole file in one charset, preferably UTF-8", E_CHARSET)
    except OSError as err:
        yield Rejection(where, f"cannot read: {err.strerror or err}", "check the path and its permissions",
                        E_NOT_FOUND)


def _display(path: Path) -> str:
    """The path as text that can be printed and stored: a name that is not valid UTF-8 (kept by
    Python as lone surrogates, which no store accepts) shows U+FFFD for its bad bytes."""
    text = str(path)
    if text.isascii():
        return text
    return os.fsencode(path).decode("utf-8", "replace")


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
        yield from _read_binary(handle, where, path.name, size, options)


def _read_stdin(options: _Options) -> Iterator[ParsedItem | Rejection]:
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None) if stream is not None else None
    if buffer is None:  # a text-only stream (embedding code): bounded all the same
        text = stream.read(options.max_bytes + 1) if stream is not None else ""
        buffer = io.BytesIO(text.encode("utf-8", "surrogatepass"))
    yield from _read_binary(buffer, STDIN_WHERE, "", None, options)


def _read_binary(handle: BinaryIO, where: str, name: str, size: int | None,
                 options: _Options) -> Iterator[ParsedItem | Rejection]:
    """One file or standard input: sniffed from its first bytes, then streamed or read bounded.

    JSON Lines, CSV and JSON are streamed (the size limit applies to each line, row or list
    element); any other format is one document, read only up to the size limit.
    """
    sample = handle.read(SNIFF_BYTES)
    complete = len(sample) < SNIFF_BYTES or (size is not None and size <= len(sample))
    if complete and not sample.strip():
        raise reject(E_EMPTY, "no data" if size is None else "the file is empty (only white space)",
                     "give some content" if size is None else "remove it or give it content", where)
    compression = compression_of(sample)
    if compression:
        raise reject(E_COMPRESSED, f"this is {compression}; Truce does not decompress input",
                     "decompress or unpack it first (e.g. `gunzip FILE`) and ingest what it holds", where)
    fmt = format_for(name, sample) if name else sniff_format(sample)
    if fmt in ("jsonl", "csv", "json"):
        encoding = encoding_of(sample, where, complete=complete)
        stream = io.TextIOWrapper(io.BufferedReader(_Prefixed(sample, handle)), encoding=encoding, newline="")
        yield from _parse_stream(stream, where, fmt, encoding, name.endswith(".tsv"), options)
        return
    if size is not None and size > options.max_bytes:
        raise _too_large(where, f"{size} bytes is", options.max_bytes)
    data = sample + handle.read(max(0, options.max_bytes + 1 - len(sample)))
    if len(data) > options.max_bytes:
        raise _too_large(where, "the input is", options.max_bytes)
    yield from _parse_document(data, where, fmt, options)


def _parse_stream(stream: TextIO, where: str, fmt: Format, encoding: str, tabs: bool,
                  options: _Options) -> Iterator[ParsedItem | Rejection]:
    if fmt == "json":
        yield from parse_json(stream, where, kind=options.kind, published=options.published,
                              max_bytes=options.max_bytes)
        return
    lines = bounded_lines(stream, max_chars=options.max_bytes, where=where, encoding=encoding)
    if fmt == "jsonl":
        yield from parse_jsonl(lines, where, kind=options.kind, published=options.published,
                               max_bytes=options.max_bytes)
    else:
        yield from parse_csv(lines, where, column_map=options.column_map, kind=options.kind,
                             max_bytes=options.max_bytes, delimiter="\t" if tabs else None)


class _Prefixed(io.RawIOBase):
    """A binary stream that first gives back bytes already read from it (the sniffed sample)."""

    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        self._prefix, self._rest = memoryview(prefix), rest

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        if self._prefix:
            count = min(len(target), len(self._prefix))
            target[:count] = self._prefix[:count]
            self._prefix = self._prefix[count:]
            return count
        data = self._rest.read(len(target))
        target[:len(data)] = data
        return len(data)


def _parse_document(data: bytes, where: str, fmt: Format, options: _Options) -> Iterator[ParsedItem | Rejection]:
    content = decode(data, where)  # also rejects empty, binary and undecodable data
    if fmt == "feed":
        yield from feed_module.parse_feed(data, where, kind=options.kind, published=options.published)
    elif fmt == "html":
        yield from parse_html(content, where, kind=options.kind or "news", published=options.published)
    else:
        yield from parse_text(content, where, kind=options.kind or "news", published=options.published)


def _read_url(url: str, options: _Options) -> Iterator[ParsedItem | Rejection]:
    try:
        data = feed_module.fetch_url(url, max_bytes=options.max_bytes)
    except (OSError, ValueError) as err:
        raise reject(E_FETCH, f"cannot fetch the feed: {err}",
                     "check the URL and the network, or save the feed to a file and ingest that", url) from None
    if len(data) > options.max_bytes:
        raise _too_large(url, "the feed is", options.max_bytes)
    if not data.strip():
        raise reject(E_EMPTY, "the URL returned nothing", "check the feed URL", url)
    compression = compression_of(data[:SNIFF_BYTES])
    if compression:
        raise reject(E_COMPRESSED, f"the URL returned {compression}; Truce does not decompress input",
                     "give the feed's plain URL, or save and decompress it, then ingest the file", url)
    decode(data, url)  # rejects binary or undecodable responses the same way as files
    yield from feed_module.parse_feed(data, url, kind=options.kind, published=options.published)


def _too_large(where: str, what: str, limit: int) -> InputRejected:
    return reject(E_TOO_LARGE, f"{what} larger than the {limit}-byte limit",
                  "split it into smaller files, or raise TRUCE_MAX_REPORT_BYTES", where)
