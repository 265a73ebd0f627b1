"""Plain-text reports (FORMATS.md, "Plain text"): the first line is the title, then the body.

An optional YAML front matter block (`---` ... `---`) may give title, url, published, source_name
and kind. `text` is everything after the front matter (title line included, as the file reads;
line ends normalised to `\n`); `raw` is the whole file as received.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import yaml

from truce.ingest.dates import parse_published
from truce.ingest.items import E_DEPTH, E_EMPTY, E_FRONT_MATTER, E_FRONT_MATTER_KEY, Notice, ParsedItem, reject
from truce.ingest.json_stream import MAX_JSON_DEPTH, too_deep_at
from truce.ingest.reports import make_item, optional_str, parse_kind
from truce.model import ReportKind

FRONT_MATTER_KEYS = ("title", "url", "published", "source_name", "kind")
MAX_FRONT_MATTER_CHARS = 65_536  # five short keys need a few hundred


def parse_text(content: str, where: str, *, kind: ReportKind, published: datetime | None) -> Iterator[ParsedItem]:
    """One report from a plain-text document; raises InputRejected when it cannot be read."""
    meta, body = split_front_matter(content, where)
    if not body.strip():
        raise reject(E_EMPTY, "there is no text after the front matter", "add the report's text", where)
    notices = [
        Notice(where, f"front-matter key {key!r} is not one Truce reads; ignored",
               f"use only {', '.join(FRONT_MATTER_KEYS)}", E_FRONT_MATTER_KEY)
        for key in meta if key not in FRONT_MATTER_KEYS
    ]
    # Line ends normalised in `text` (offsets into it then mean the same on every platform);
    # `raw` keeps them as received.
    text = body.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    first_line = next((ln.strip() for ln in text.splitlines() if ln.strip()), None)
    yield make_item(
        kind=parse_kind(meta.get("kind"), where, kind),
        text=text,
        raw=content,
        where=where,
        title=optional_str(meta.get("title"), where, "title") or first_line,
        url=optional_str(meta.get("url"), where, "url"),
        published=parse_published(meta.get("published"), where) or published,
        source_name=optional_str(meta.get("source_name"), where, "source_name"),
        notices=notices,
    )


def split_front_matter(content: str, where: str) -> tuple[dict[str, Any], str]:
    """(front matter mapping, body). No front matter: ({}, content)."""
    lines = content.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return {}, content
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            block = "".join(lines[1:index])
            body = "".join(lines[index + 1:])
            break
    else:
        raise reject(E_FRONT_MATTER, "the front matter starting with '---' is never closed",
                     "close it with a line '---' before the text", where)
    if len(block) > MAX_FRONT_MATTER_CHARS:
        raise reject(E_FRONT_MATTER, f"the front matter is longer than {MAX_FRONT_MATTER_CHARS} characters",
                     "keep only title, url, published, source_name and kind in it", where)
    deep = too_deep_at(block)  # YAML flow collections nest with the same brackets as JSON
    if deep is not None:
        line = block.count("\n", 0, deep) + 2  # the opening '---' is line 1
        raise reject(E_DEPTH, f"the front matter nests more than {MAX_JSON_DEPTH} levels deep (line {line})",
                     "write flat `key: value` lines between the two '---' lines", where)
    try:
        meta = yaml.safe_load(block) if block.strip() else {}
    except RecursionError:  # PyYAML recurses per level of indentation too: deep nesting is refused
        raise reject(E_DEPTH, "the front matter nests too deeply to read",
                     "write flat `key: value` lines between the two '---' lines", where) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f" (front-matter line {mark.line + 1})" if mark is not None else ""
        raise reject(E_FRONT_MATTER, f"the front matter is not valid YAML{at}",
                     "write `key: value` lines between the two '---' lines", where) from None
    if not isinstance(meta, dict):
        raise reject(E_FRONT_MATTER, "the front matter is not a YAML mapping",
                     "write `key: value` lines between the two '---' lines", where)
    return {str(k): v for k, v in meta.items()}, body
