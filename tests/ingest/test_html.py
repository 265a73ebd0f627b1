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
