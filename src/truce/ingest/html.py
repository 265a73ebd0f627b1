"""HTML pages: the main text through trafilatura (boilerplate, menus and comments dropped);
title, publication date and canonical URL from the page's metadata when present.

`raw` is the page as received (decoded); `text` is what trafilatura keeps.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from truce.errors import InputRejected
from truce.ingest.dates import parse_published
from truce.ingest.items import E_NO_TEXT, ParsedItem, reject
from truce.ingest.reports import make_item
from truce.model import ReportKind

PUBLISHED_META = ("article:published_time", "og:published_time", "datePublished", "pubdate", "date")


def _published_time_meta(content: str) -> str | None:
    """The publication timestamp from the page's <meta> tags, when one carries a time of day."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(content)
    except (ValueError, SyntaxError):  # lxml's parser errors derive from these
        return None
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        value = (meta.get("content") or "").strip()
        if key in PUBLISHED_META and "T" in value:
            return value
    return None


def parse_html(content: str, where: str, *, kind: ReportKind, published: datetime | None) -> Iterator[ParsedItem]:
    """One report from an HTML page; raises InputRejected when it has no main text."""
    import trafilatura  # heavy: imported only when a page is read

    document = trafilatura.bare_extraction(content, with_metadata=True, include_comments=False,
                                           include_tables=True, favor_recall=True)
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        raise reject(E_NO_TEXT, "no main text found in this HTML page",
                     "check that the page holds the article (not a login wall or a script-only page)", where)
    # trafilatura keeps only the day; the page's own timestamp (with its zone) matters when a
    # ceasefire takes effect at a given hour, so it is preferred when present.
    page_date = _published_time_meta(content) or getattr(document, "date", None)
    try:
        page_published = parse_published(page_date, where)
    except InputRejected:
        # A metadata date we cannot read is not the author's fault; fall back as if absent.
        page_published = None
    yield make_item(
        kind=kind,
        text=text,
        raw=content,
        where=where,
        title=(getattr(document, "title", None) or None),
        url=(getattr(document, "url", None) or None),
        published=page_published or published,
        source_name=(getattr(document, "sitename", None) or None),
    )

