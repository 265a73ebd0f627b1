"""read_sources over folders, standard input and odd paths: the batch always carries on."""

from __future__ import annotations

import io
import json
import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from truce.ingest import ParsedItem, Rejection, read_sources

REPORT = "Shelling near Martuni\n\nArtillery fire was reported near Martuni on Thursday, officials said.\n"


def _mixed_folder(root: Path, data_dir: Path) -> Path:
    folder = root / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "a-article.txt").write_text(REPORT)
    shutil.copy(data_dir / "article.html", folder / "sub" / "b-page.html")
    (folder / "c-photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(64))
    (folder / "d-reports.jsonl").write_text(
        json.dumps({"text": "Monitors heard gunfire near Askeran."}) + "\n"
        + '{"text": broken}\n'
        + json.dumps({"kind": "field", "observed_at": "2023-09-21T14:05:00+04:00", "what": "explosion",
                      "how": "heard", "count": 2, "observer": "Team 5"}) + "\n")
    (folder / "e-field.csv").write_text(
        "team,observed_at,what,how,count\n"
        "Team 1,2023-09-21T14:05:00+04:00,explosion,heard,3\n"
        "Team 1,2023-09-21T14:07:00+04:00,explosion,heard,lots\n"
        "Team 2,2023-09-21T14:09:00+04:00,small-arms,heard,1\n")
    shutil.copy(data_dir / "feed.rss", folder / "f-feed.rss")
    (folder / ".hidden.txt").write_text(REPORT.replace("Martuni", "Hidden"))
    (folder / ".git").mkdir()
    (folder / ".git" / "config.txt").write_text(REPORT.replace("Martuni", "Git"))
    (folder / "g-empty.txt").write_bytes(b"")
    return folder


def test_mixed_folder_good_items_load_and_each_bad_one_is_located(read, tmp_path: Path, data_dir: Path) -> None:
    folder = _mixed_folder(tmp_path, data_dir)
    items, rejections = read(folder)
    assert [i.where for i in items] == [
        f"{folder}/a-article.txt",
        f"{folder}/d-reports.jsonl:1", f"{folder}/d-reports.jsonl:3",
        f"{folder}/e-field.csv:row 2", f"{folder}/e-field.csv:row 4",
        f"{folder}/f-feed.rss:entry 1", f"{folder}/f-feed.rss:entry 2",
        f"{folder}/sub/b-page.html",
    ]
    assert [(r.where, r.code) for r in rejections] == [
        (f"{folder}/c-photo.jpg", "E102"),
        (f"{folder}/d-reports.jsonl:2", "E110"),
        (f"{folder}/e-field.csv:row 3", "E118"),
        (f"{folder}/g-empty.txt", "E101"),
    ]
    assert all(r.message and r.hint for r in rejections)
    assert not any("Hidden" in i.report.text or "Git" in i.report.text for i in items)
    kinds = {i.where.rsplit("/", 1)[-1]: i.report.kind for i in items}
    assert kinds["d-reports.jsonl:3"] == "field" and kinds["e-field.csv:row 2"] == "field"
    assert sum(len(i.observations) for i in items) == 3


def test_reading_twice_gives_the_same_sequence(read, tmp_path: Path, data_dir: Path) -> None:
    folder = _mixed_folder(tmp_path, data_dir)
    first = list(read_sources([str(folder)]))
    second = list(read_sources([str(folder)]))

    def key(result: ParsedItem | Rejection) -> tuple[str, str]:
        return (result.where, result.report.id if isinstance(result, ParsedItem) else result.code)

    assert [key(r) for r in first] == [key(r) for r in second]


def test_missing_path_is_a_rejection_and_the_rest_goes_on(read, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT)
    missing = tmp_path / "nope.txt"
    items, [rejection] = read([missing, good])
    assert rejection.code == "E100" and rejection.where == str(missing)
    assert [i.where for i in items] == [str(good)]


def test_oversized_file_is_rejected(read, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from truce.settings import get_settings

    monkeypatch.setenv("TRUCE_MAX_REPORT_BYTES", "1000")
    get_settings.cache_clear()
    big = tmp_path / "big.txt"
    big.write_text("Title\n\n" + "Shelling was reported. " * 100)
    small = tmp_path / "small.txt"
    small.write_text(REPORT)
    items, [rejection] = read([big, small])
    assert rejection.code == "E104" and rejection.where == str(big)
    assert "TRUCE_MAX_REPORT_BYTES" in rejection.hint
    assert [i.where for i in items] == [str(small)]


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize("payload, expected_kind, count", [
    (REPORT.encode(), "news", 1),
    (json.dumps({"text": "Gunfire was heard near Askeran.", "kind": "allegation"}).encode(), "allegation", 1),
    (b'{"text": "One report about shelling."}\n{"text": "Another report about gunfire."}\n', "news", 2),
    (b"team,observed_at,what,how\nTeam 1,2023-09-21T14:05:00+04:00,explosion,heard\n", "field", 1),
])
def test_standard_input_is_sniffed(read, monkeypatch: pytest.MonkeyPatch, payload: bytes, expected_kind: str,
                                   count: int) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(payload))
    items, rejections = read("-")
    assert rejections == []
    assert len(items) == count
    assert all(i.report.kind == expected_kind and i.where.startswith("<stdin>") for i in items)


def test_empty_standard_input(read, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b""))
    items, [rejection] = read("-")
    assert items == [] and rejection.code == "E101" and rejection.where == "<stdin>"


def test_published_is_never_the_ingestion_time(read, tmp_path: Path, data_dir: Path) -> None:
    folder = _mixed_folder(tmp_path, data_dir)
    items, _ = read(folder)
    today = datetime.now(UTC).date()
    assert len(items) == 8, "the mixed folder holds eight good items"
    assert any(i.report.published is not None for i in items), "some items carry their own date"
    assert any(i.report.published is None for i in items), "and some carry none (it must stay unknown)"
    for item in items:
        assert item.report.received is None
        assert item.report.published is None or item.report.published.date() != today


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl", ".csv", ".rss", ""]))
def test_any_bytes_give_items_or_rejections_never_an_exception(truce_home: Path, data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        results = list(read_sources([str(path)]))
    assert results, "every input yields at least one item or rejection"
    for result in results:
        assert isinstance(result, (ParsedItem, Rejection))
        if isinstance(result, Rejection):
            assert result.code.startswith("E1") and result.where.startswith(str(path)) and result.hint
