"""HTML pages through trafilatura: main text, metadata, pages without text, declared charsets."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path


def test_article_main_text_and_metadata(read, data_dir: Path) -> None:
    [item], rejections = read(data_dir / "article.html", published=datetime(2000, 1, 1, tzinfo=UTC))
    assert rejections == []
    report = item.report
    assert "Armed forces exchanged fire near the Lachin corridor" in report.text
    assert "Log in" not in report.text and "Copyright" not in report.text
    assert report.title == "Ceasefire broken near Lachin"
    assert report.url == "https://news.example.org/2023/09/21/lachin"
    assert report.published is not None and report.published.date().isoformat() == "2023-09-21"
    assert report.raw is not None and report.raw.startswith("<!DOCTYPE html>")
    assert report.kind == "news" and report.language == "en"


def test_page_without_main_text_is_rejected(read, tmp_path: Path) -> None:
    path = tmp_path / "empty-page.html"
    path.write_text("<html><head><title>Login</title></head><body><script>var x = 1;</script></body></html>")
    items, [rejection] = read(path)
    assert items == []
    assert rejection.code == "E112" and rejection.where == str(path)


def test_page_without_date_takes_the_published_argument(read, tmp_path: Path) -> None:
    path = tmp_path / "nodate.html"
    body = "<p>" + "Monitors reported small-arms fire near the line of contact during the night. " * 4 + "</p>"
    path.write_text(f"<html><body><article>{body}</article></body></html>")
    given = datetime(2023, 9, 22, tzinfo=UTC)
    [item], _ = read(path, published=given)
    assert item.report.published == given


def test_page_timestamp_keeps_its_time_and_zone(tmp_path: Path) -> None:
    """Regression: trafilatura's metadata date dropped the hour, moving an 18:05+04:00 article to midnight UTC."""
    from truce.ingest import ParsedItem, read_sources

    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Ceasefire agreed</title>"
        '<meta property="article:published_time" content="2023-09-20T18:05:00+04:00"></head>'
        "<body><article><p>" + "Azerbaijan and the Karabakh Armenian forces agreed to a ceasefire on Wednesday. " * 5
        + "</p></article></body></html>", encoding="utf-8")
    (item,) = list(read_sources([str(page)]))
    assert isinstance(item, ParsedItem)
    assert item.report.published is not None
    assert item.report.published.isoformat() == "2023-09-20T18:05:00+04:00"
