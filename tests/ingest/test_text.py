"""Plain-text reports: title, front matter, published precedence, empty files, content ids."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from truce.model import Report

ARTICLE = (
    "Shelling reported near Martuni\n\n"
    "Artillery fire was reported near Martuni on Thursday, local officials said.\n\n"
    "No casualties were reported by either side.\n"
)


def test_plain_text_title_text_and_raw(read, tmp_path: Path) -> None:
    path = tmp_path / "martuni.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    items, rejections = read(path)
    assert rejections == []
    [item] = items
    report = item.report
    assert report.title == "Shelling reported near Martuni"
    assert report.kind == "news"
    assert report.text.startswith("Shelling reported near Martuni\n\nArtillery fire")
    assert report.raw == ARTICLE
    assert report.id == Report.make_id("news", report.text)
    assert report.published is None and report.received is None
    assert report.language == "en"
    assert item.where == str(path) and report.origin == str(path)
    assert item.observations == [] and item.notices == []


def test_front_matter_gives_metadata_and_is_kept_in_raw(read, tmp_path: Path) -> None:
    content = (
        "---\ntitle: Breach near Martuni\nurl: https://example.org/a\npublished: 2023-09-21T14:05:00+04:00\n"
        "source_name: Example Wire\nkind: allegation\n---\n" + ARTICLE
    )
    path = tmp_path / "a.txt"
    path.write_text(content, encoding="utf-8")
    [item], rejections = read(path, published=datetime(2020, 1, 1, tzinfo=UTC))
    assert rejections == []
    report = item.report
    assert report.title == "Breach near Martuni"
    assert report.url == "https://example.org/a"
    assert report.source_name == "Example Wire"
    assert report.kind == "allegation"
    assert report.published is not None and report.published.isoformat() == "2023-09-21T14:05:00+04:00"
    assert report.raw == content
    assert "---" not in report.text


def test_front_matter_title_defaults_to_first_line_after_block(read, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\nsource_name: Wire\n---\n\nFirst line title\n\nBody text of the report here.\n")
    [item], _ = read(path)
    assert item.report.title == "First line title"


def test_published_argument_used_when_item_has_none(read, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    given = datetime(2023, 9, 21, 12, 0, tzinfo=UTC)
    [item], _ = read(path, published=given)
    assert item.report.published == given


def test_date_without_zone_keeps_the_day_as_midnight_utc(read, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\npublished: 2023-09-21 14:05:00\n---\n" + ARTICLE)
    [item], _ = read(path)
    assert item.report.published == datetime(2023, 9, 21, tzinfo=UTC)
    path.write_text("---\npublished: '2023-09-21'\n---\n" + ARTICLE)
    [item], _ = read(path)
    assert item.report.published == datetime(2023, 9, 21, tzinfo=UTC)


def test_naive_published_argument_keeps_its_date(read, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    [item], _ = read(path, published=datetime(2023, 9, 21, 18, 30))
    assert item.report.published == datetime(2023, 9, 21, tzinfo=UTC)


def test_bad_front_matter_date_is_rejected(read, tmp_path: Path) -> None:
    path = tmp_path / "bad-date.txt"
    path.write_text("---\npublished: next Tuesday\n---\n" + ARTICLE)
    items, [rejection] = read(path)
    assert items == []
    assert rejection.code == "E114"
    assert rejection.where == str(path)
    assert "next Tuesday" in rejection.message and "ISO 8601" in rejection.hint


def test_unclosed_and_invalid_front_matter(read, tmp_path: Path) -> None:
    unclosed = tmp_path / "unclosed.txt"
    unclosed.write_text("---\ntitle: x\n" + ARTICLE)
    invalid = tmp_path / "invalid.txt"
    invalid.write_text("---\ntitle: [unclosed\n---\n" + ARTICLE)
    listed = tmp_path / "listed.txt"
    listed.write_text("---\n- a\n- b\n---\n" + ARTICLE)
    items, rejections = read([unclosed, invalid, listed])
    assert items == []
    assert [r.code for r in rejections] == ["E106", "E106", "E106"]
    assert [r.where for r in rejections] == [str(unclosed), str(invalid), str(listed)]


def test_unknown_front_matter_key_is_a_notice_not_a_rejection(read, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\nauthor: Someone\n---\n" + ARTICLE)
    [item], rejections = read(path)
    assert rejections == []
    assert [n.code for n in item.notices] == ["E131"]
    assert "author" in item.notices[0].message


def test_bad_kind_is_rejected(read, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\nkind: rumour\n---\n" + ARTICLE)
    _, [rejection] = read(path)
    assert rejection.code == "E107" and "rumour" in rejection.message


def test_kind_argument_applies_when_the_item_states_none(read, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    [item], _ = read(path, kind="allegation")
    assert item.report.kind == "allegation"
    assert item.report.id == Report.make_id("allegation", item.report.text)


def test_empty_whitespace_and_front_matter_only_files(read, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n\t\n")
    only_meta = tmp_path / "meta.txt"
    only_meta.write_text("---\ntitle: nothing\n---\n\n")
    items, rejections = read([empty, blank, only_meta])
    assert items == []
    assert [(r.where, r.code) for r in rejections] == [
        (str(empty), "E101"), (str(blank), "E101"), (str(only_meta), "E101")]
    assert all(r.hint for r in rejections)


def test_same_content_same_id_whatever_the_file_name(read, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE)
    (tmp_path / "two-other-name.txt").write_text(ARTICLE.replace("\n\n", "\n\n  "))  # whitespace only
    (tmp_path / "three.txt").write_text(ARTICLE.replace("Thursday", "Friday"))
    items, _ = read(tmp_path)
    ids = {Path(i.where).name: i.report.id for i in items}
    assert ids["one.txt"] == ids["two-other-name.txt"]
    assert ids["three.txt"] != ids["one.txt"]
    again, _ = read(tmp_path)
    assert [i.report.id for i in again] == [i.report.id for i in items]


def test_windows_line_ends_are_normalised_in_text_but_kept_in_raw(read, tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    [item], _ = read(path)
    assert "\r" not in item.report.text and item.report.title == "Shelling reported near Martuni"
    assert item.report.raw == ARTICLE.replace("\n", "\r\n")
