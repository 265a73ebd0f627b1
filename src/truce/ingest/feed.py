"""RSS and Atom feeds, from a file or an http(s) URL: one report per entry.

An entry's text is its full content when the feed carries it, else its summary, as plain text
(HTML tags dropped, paragraphs kept); an entry with neither keeps its title as text. `raw` is the
entry as feedparser read it, in JSON (a feed holds many entries; slicing the XML would not be
verbatim either). `published` is the entry's published (else updated) date, in UTC.
"""

from __future__ import annotations

import io
import json
import re
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

from truce.errors import InputRejected
from truce.ingest.items import E_FEED, E_FEED_ENTRIES, E_NO_TEXT, ParsedItem, Rejection
from truce.ingest.reports import make_item
from truce.model import ReportKind

FETCH_TIMEOUT_S = 30.0
MAX_FEED_ENTRIES = 10_000  # a news feed carries tens to hundreds; more is an archive, better split
_ENTRY_TAG = re.compile(rb"<(?:[\w-]+:)?(?:item|entry)[\s>/]", re.I)
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
               "tr", "table", "section", "article", "pre"}


def fetch_url(url: str, *, max_bytes: int) -> bytes:
    """The feed at `url`, at most `max_bytes` + 1 bytes (so the caller can tell it was too large).

    The one place Truce reaches the network while ingesting; tests replace it.
    Raises OSError (urllib's URLError is one) when the fetch fails.
    """
    from truce import __version__

    request = urllib.request.Request(url, headers={"User-Agent": f"truce/{__version__} (feed reader)"})
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:
        data: bytes = response.read(max_bytes + 1)
    return data


def parse_feed(data: bytes, where: str, *, kind: ReportKind | None,
               published: datetime | None) -> Iterator[ParsedItem | Rejection]:
    """One report per entry of an RSS/Atom document (bytes: feedparser honours its declared charset)."""
    import feedparser

    # Counted before parsing: feedparser holds every entry in memory and takes ~0.1 ms each.
    entries_seen = len(_ENTRY_TAG.findall(data))
    if entries_seen > MAX_FEED_ENTRIES:
        yield Rejection(where, f"the feed has {entries_seen} entries, more than the {MAX_FEED_ENTRIES} Truce reads "
                        "from one feed", "split it into smaller feeds, or fetch the source more often", E_FEED_ENTRIES)
        return
    # A file-like object, never a str: feedparser would treat a short string as a path or URL.
    parsed = feedparser.parse(io.BytesIO(data))
    entries = list(parsed.get("entries") or [])
    if not entries:
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        message = f"not a readable RSS/Atom feed: {problem}" if problem else "the feed has no entries"
        yield Rejection(where, message, "check that this is an RSS or Atom feed with items", E_FEED)
        return
    feed_title = (parsed.get("feed") or {}).get("title") or None
    for number, entry in enumerate(entries, start=1):
        entry_where = f"{where}:entry {number}"
        title = (entry.get("title") or "").strip() or None
        text = _entry_text(entry) or title
        if not text:
            yield Rejection(entry_where, "the entry has no title, summary or content",
                            "nothing to store; check the feed", E_NO_TEXT)
            continue
        try:
            yield make_item(kind=kind or "news", text=text, raw=_entry_json(entry), where=entry_where, title=title,
                            url=entry.get("link") or None, published=_entry_date(entry) or published,
                            source_name=feed_title)
        except InputRejected as err:
            yield Rejection.from_error(err, entry_where)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML snippet: tags dropped, block elements separated by blank lines."""
    parser = _TextCollector()
    parser.feed(markup)
    parser.close()
    paragraphs = ["".join(chunk).strip() for chunk in parser.paragraphs]
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[str]] = [[]]
        self._skip = 0  # inside <script>/<style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.paragraphs.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.paragraphs.append([])

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.paragraphs[-1].append(data)


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    markup = contents[0].get("value", "") if contents else ""
    return html_to_text(markup or entry.get("summary") or "")


def _entry_date(entry: Any) -> datetime | None:
    # dict.get: feedparser's own get() maps `updated` to `published` with a deprecation warning.
    moment = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if not moment:
        return None
    year, month, day, hour, minute, second = moment[:6]
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def _entry_json(entry: Any) -> str:
    keys = ("id", "title", "link", "published", "updated", "author", "summary")
    record: dict[str, Any] = {k: dict.get(entry, k) for k in keys if dict.get(entry, k)}
    contents = entry.get("content") or []
    if contents:
        record["content"] = [c.get("value", "") for c in contents]
    return json.dumps(record, ensure_ascii=False, sort_keys=True)
