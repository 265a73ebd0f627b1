"""RSS/Atom feeds from files and from a (mocked) URL."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from truce.ingest import feed


def test_rss_file_one_report_per_entry(read, data_dir: Path) -> None:
    path = data_dir / "feed.rss"
    given = datetime(2023, 9, 25, tzinfo=UTC)
    items, rejections = read(path, published=given)
    assert rejections == []
    assert [i.where for i in items] == [f"{path}:entry 1", f"{path}:entry 2"]
    first, second = (i.report for i in items)
    assert first.title == "Shelling reported near Martuni"
    assert first.url == "https://example.org/news/1"
    assert first.text == ("Artillery fire was reported near Martuni on Thursday, local officials said.\n\n"
                          "No casualties were reported.")
    assert first.published == datetime(2023, 9, 21, 10, 5, tzinfo=UTC)
    assert first.source_name == "Caucasus Monitor" and first.kind == "news"
    assert json.loads(first.raw or "")["link"] == "https://example.org/news/1"
    assert second.published == given  # no date in the entry: the caller's
    assert second.text == "Representatives met in Yevlakh to discuss the ceasefire terms."


def test_atom_file(read, data_dir: Path) -> None:
    [item], rejections = read(data_dir / "feed.atom")
    assert rejections == []
    assert item.report.text == "Monitors heard several explosions north of Stepanakert during the night."
    assert item.report.published == datetime(2023, 9, 22, 6, 0, tzinfo=UTC)
    assert item.report.url == "https://example.org/updates/1"


def test_feed_url_is_fetched_through_one_function(read, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def fake_fetch(url: str, *, max_bytes: int) -> bytes:
        asked.append(url)
        return (data_dir / "feed.rss").read_bytes()

    monkeypatch.setattr(feed, "fetch_url", fake_fetch)
    url = "https://example.org/feed.xml"
    items, rejections = read(url)
    assert asked == [url] and rejections == []
    assert [i.where for i in items] == [f"{url}:entry 1", f"{url}:entry 2"]
    assert items[0].report.origin == f"{url}:entry 1"


def test_feed_url_that_fails_is_one_rejection(read, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def failing_fetch(url: str, *, max_bytes: int) -> bytes:
        raise OSError("connection refused")

    monkeypatch.setattr(feed, "fetch_url", failing_fetch)
    good = tmp_path / "a.txt"
    good.write_text("A report\n\nShelling near Martuni was reported on Thursday.")
    items, [rejection] = read(["https://example.org/feed.xml", good])
    assert rejection.code == "E105" and rejection.where == "https://example.org/feed.xml"
    assert "connection refused" in rejection.message
    assert len(items) == 1


def test_not_a_feed_and_empty_feed(read, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("these are just words, not XML")
    empty = tmp_path / "empty.rss"
    empty.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>Nothing</title></channel></rss>")
    items, rejections = read([broken, empty])
    assert items == []
    assert [(r.where, r.code) for r in rejections] == [(str(broken), "E124"), (str(empty), "E124")]
    assert "not a readable RSS/Atom feed" in rejections[0].message
    assert "no entries" in rejections[1].message


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    assert feed.html_to_text("<p>One &amp; two</p><script>x()</script><p>Three<br>four</p>") == (
        "One & two\n\nThree\n\nfour")
