"""Hostile input (issue 8, item 7): each bad file or item is named with its location, everything
else in the batch is read, and nothing escapes as an exception. Inputs are generated at test time."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from truce.ingest import ParsedItem, Rejection, read_sources
from truce.ingest.csv_field import MAX_CSV_COLUMNS
from truce.ingest.feed import MAX_FEED_ENTRIES
from truce.ingest.json_stream import MAX_JSON_DEPTH

GOOD = "Shelling near Martuni\n\nArtillery fire was reported near Martuni on Thursday, officials said.\n"
MB = 1 << 20


def _good_files(folder: Path, count: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"good-{number:02d}.txt"
        path.write_text(GOOD.replace("Thursday", f"day {number}"), encoding="utf-8")
        paths.append(str(path))
    return paths


def _write_repeated(path: Path, head: bytes, unit: bytes, total: int, tail: bytes) -> None:
    """A file of about `total` bytes: head, `unit` repeated, tail; written a megabyte at a time."""
    block = unit * max(1, MB // len(unit))
    with path.open("wb") as handle:
        handle.write(head)
        written = 0
        while written < total:
            handle.write(block)
            written += len(block)
        handle.write(tail)


def _split(results: list[ParsedItem | Rejection]) -> tuple[list[ParsedItem], list[Rejection]]:
    assert results, "the reader yields something for every input"
    return ([r for r in results if isinstance(r, ParsedItem)], [r for r in results if isinstance(r, Rejection)])


def test_json_nested_100000_deep_is_named_and_the_40_good_files_still_load(read, tmp_path: Path) -> None:
    """Regression: a 100,000-deep JSON file raised RecursionError and none of 40 good files was stored."""
    good = _good_files(tmp_path / "inbox", 40)
    deep = tmp_path / "inbox" / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    items, rejections = read(tmp_path / "inbox")
    assert sorted(i.where for i in items) == sorted(good)
    assert [(r.where, r.code) for r in rejections] == [(f"{deep}:1", "E109")]
    assert str(MAX_JSON_DEPTH) in rejections[0].message


def test_deep_nesting_in_a_list_element_a_json_line_and_front_matter(read, tmp_path: Path) -> None:
    listed = tmp_path / "a-list.json"
    listed.write_text('[\n{"text": "Gunfire was heard near Askeran overnight."},\n'
                      + '{"text": "x", "extra": ' + "[" * 50_000 + "]" * 50_000 + "},\n"
                      + '{"text": "Drones were seen over Stepanakert on Monday."}\n]\n', encoding="utf-8")
    lines = tmp_path / "b-lines.jsonl"
    lines.write_text(json.dumps({"text": "Mortar fire hit Martakert."}) + "\n"
                     + '{"text": "y", "z": ' + "{\"a\": " * 5_000 + "1" + "}" * 5_000 + "}\n", encoding="utf-8")
    front = tmp_path / "c-front.txt"
    front.write_text("---\ntitle: " + "[" * 5_000 + "]" * 5_000 + "\n---\nBody about shelling.\n", encoding="utf-8")
    just_over = tmp_path / "d-just-over.json"
    just_over.write_text(json.dumps({"text": "z", "n": json.loads("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH)}))
    items, rejections = read([listed, lines, front, just_over])
    assert [i.where for i in items] == [f"{listed}:2", f"{listed}:4", f"{lines}:1"]
    assert [(r.where, r.code) for r in rejections] == [
        (f"{listed}:3", "E109"), (f"{lines}:2", "E109"), (str(front), "E109"), (f"{just_over}:1", "E109"),
    ]


@pytest.mark.slow
def test_a_json_list_of_a_million_items_is_streamed(tmp_path: Path, truce_home: Path) -> None:
    """About 110 MB of JSON, read in a child process whose memory must stay far below the file's size."""
    path = tmp_path / "million.json"
    pad = "p" * 80
    with path.open("w", encoding="utf-8") as handle:
        handle.write("[\n")
        handle.writelines(f'{{"text": "Shelling {n}", "pad": "{pad}"}},\n' for n in range(1_000_000))
        handle.write('{"title": "the last element has no text"}\n]\n')
    assert path.stat().st_size > 100 * MB
    script = textwrap.dedent(f"""
        import json, resource
        from truce.ingest import ParsedItem, read_sources
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        items, rejected, first = 0, [], None
        for result in read_sources([{str(path)!r}]):
            if isinstance(result, ParsedItem):
                items += 1
                first = first or (result.where, result.report.text)
            else:
                rejected.append((result.where, result.code))
        grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024
        print(json.dumps({{"items": items, "rejected": rejected, "first": first, "grown_mb": grown_mb}}))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ))
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["items"] == 1_000_000
    assert result["first"] == [f"{path}:2", "Shelling 0"]
    assert result["rejected"] == [[f"{path}:1000002", "E112"]]
    assert result["grown_mb"] < 40, result  # the file is 110 MB; loading it whole needs several times that


def test_one_100_mb_line_is_rejected_alone(read, tmp_path: Path) -> None:
    path = tmp_path / "huge-line.jsonl"
    before = json.dumps({"text": "Gunfire was heard near Askeran overnight."}).encode() + b"\n"
    after = b"\n" + json.dumps({"text": "Drones were seen over Stepanakert on Monday."}).encode() + b"\n"
    _write_repeated(path, before + b'{"text": "', b"shelling ", 100 * MB, b'"}' + after)
    assert path.stat().st_size > 100 * MB
    items, rejections = read(path)
    assert [i.where for i in items] == [f"{path}:1", f"{path}:3"]
    assert [(r.where, r.code) for r in rejections] == [(f"{path}:2", "E104")]


def test_a_100_mb_line_on_standard_input_is_rejected_alone(read, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = (json.dumps({"text": "Gunfire was heard near Askeran overnight."}) + "\n"
             + '{"text": "' + "x" * (100 * MB) + '"}\n'
             + json.dumps({"text": "Drones were seen over Stepanakert on Monday."}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", _Stdin(lines))
    items, rejections = read("-")
    assert [i.where for i in items] == ["<stdin>:1", "<stdin>:3"]
    assert [(r.where, r.code) for r in rejections] == [("<stdin>:2", "E104")]


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_nul_characters_and_lone_surrogates_are_rejected_where_they_are(read, tmp_path: Path) -> None:
    lines = tmp_path / "a-escapes.jsonl"
    lines.write_text('{"text": "Shelling near Martuni\\u0000 at night."}\n'
                     '{"text": "Gunfire near Askeran \\ud800 overnight."}\n'
                     '{"text": "Drones over Stepanakert.", "title": "\\udfff"}\n'
                     '{"text": "Mortar fire hit Martakert, officials said."}\n', encoding="utf-8")
    utf16 = tmp_path / "b-utf16.txt"
    utf16.write_bytes("Title\n\nShelling\x00 near Shusha.\n".encode("utf-16"))
    raw_nul = tmp_path / "c-binary.txt"
    raw_nul.write_bytes(b"Shelling near Shusha\x00\x00 was reported.\n")
    long_number = tmp_path / "d-number.jsonl"
    long_number.write_text('{"text": "A report.", "count": ' + "9" * 10_000 + "}\n", encoding="utf-8")
    good = _good_files(tmp_path / "e-good", 1)
    items, rejections = read([lines, utf16, raw_nul, long_number, *good])
    assert [i.where for i in items] == [f"{lines}:4", *good]
    assert [(r.where, r.code) for r in rejections] == [
        (f"{lines}:1", "E127"), (f"{lines}:2", "E127"), (f"{lines}:3", "E127"),
        (str(utf16), "E127"), (str(raw_nul), "E102"), (f"{long_number}:1", "E110"),
    ]
    assert "NUL" in rejections[0].message and "U+D800" in rejections[1].message and "title" in rejections[2].message


def test_a_csv_with_100000_columns_is_refused_and_a_row_of_100000_values_alone(read, tmp_path: Path) -> None:
    wide = tmp_path / "a-wide.csv"
    wide.write_text("team,observed_at,what,how," + ",".join(f"c{n}" for n in range(100_000)) + "\n"
                    "Team 1,2023-09-21T14:05:00+04:00,explosion,heard\n", encoding="utf-8")
    long_row = tmp_path / "b-long-row.csv"
    long_row.write_text("team,observed_at,what,how\n"
                        "Team 1,2023-09-21T14:05:00+04:00,explosion,heard\n"
                        "Team 1,2023-09-21T14:06:00+04:00,explosion,heard," + ",".join(["x"] * 100_000) + "\n"
                        "Team 2,2023-09-21T14:07:00+04:00,small-arms,heard\n", encoding="utf-8")
    items, rejections = read([wide, long_row])
    assert [i.where for i in items] == [f"{long_row}:row 2", f"{long_row}:row 4"]
    assert [(r.where, r.code) for r in rejections] == [(f"{wide}:row 1", "E125"), (f"{long_row}:row 3", "E120")]
    assert "100004 columns" in rejections[0].message and str(MAX_CSV_COLUMNS) in rejections[0].message


def test_a_csv_with_a_10_mb_field_rejects_that_row_only(read, tmp_path: Path) -> None:
    path = tmp_path / "big-field.csv"
    header = b"team,observed_at,what,how,notes\n"
    first = b"Team 1,2023-09-21T14:05:00+04:00,explosion,heard,short note\n"
    _write_repeated(path, header + first + b'Team 1,2023-09-21T14:06:00+04:00,explosion,heard,"', b"long note ",
                    10 * MB, b'"\nTeam 2,2023-09-21T14:07:00+04:00,small-arms,heard,\n')
    items, rejections = read(path)
    assert [i.where for i in items] == [f"{path}:row 2", f"{path}:row 4"]
    assert [(r.where, r.code) for r in rejections] == [(f"{path}:row 3", "E104")]


def test_a_compressed_file_that_expands_a_thousandfold_is_refused_unread(read, tmp_path: Path) -> None:
    bomb = tmp_path / "a-reports.jsonl.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as handle:
        handle.write(b'{"text": "Shelling near Martuni')
        for _ in range(100):
            handle.write(b" " * MB)  # one 100 MB JSON line of spaces: the best a gzip bomb does
        handle.write(b'"}\n')
    assert bomb.stat().st_size * 900 < 100 * MB  # it would expand about a thousandfold
    disguised = tmp_path / "b-notes.txt"
    disguised.write_bytes(bomb.read_bytes())
    good = _good_files(tmp_path / "c-good", 2)
    items, rejections = read([bomb, disguised, *good])
    assert [i.where for i in items] == good
    assert [(r.where, r.code) for r in rejections] == [(str(bomb), "E108"), (str(disguised), "E108")]
    assert "gzip" in rejections[0].message and "decompress" in rejections[0].hint


def test_a_50_mb_html_page_is_refused_unread(read, tmp_path: Path) -> None:
    page = tmp_path / "a-page.html"
    _write_repeated(page, b"<html><body>", b"<p>Shelling was reported near the town.</p>\n", 50 * MB,
                    b"</body></html>")
    good = _good_files(tmp_path / "b-good", 1)
    items, rejections = read([page, *good])
    assert [i.where for i in items] == good
    assert [(r.where, r.code) for r in rejections] == [(str(page), "E104")]
    assert "TRUCE_MAX_REPORT_BYTES" in rejections[0].hint


def test_a_50_mb_page_on_standard_input_is_refused_after_reading_only_the_limit(
        read, monkeypatch: pytest.MonkeyPatch) -> None:
    from truce.settings import get_settings

    stdin = _Stdin(b"<html><body>" + b"<p>Shelling was reported near the town.</p>\n" * (50 * MB // 45))
    monkeypatch.setattr(sys, "stdin", stdin)
    items, [rejection] = read("-")
    assert items == [] and (rejection.where, rejection.code) == ("<stdin>", "E104")
    assert stdin.buffer.tell() <= get_settings().max_report_bytes + 1


def test_a_feed_with_100000_entries_is_refused_before_parsing(read, tmp_path: Path) -> None:
    feed = tmp_path / "a-feed.rss"
    entries = "".join(f"<item><title>Shelling {n}</title></item>" for n in range(100_000))
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{entries}</channel></rss>',
                    encoding="utf-8")
    good = _good_files(tmp_path / "b-good", 1)
    items, rejections = read([feed, *good])
    assert [i.where for i in items] == good
    assert [(r.where, r.code) for r in rejections] == [(str(feed), "E126")]
    assert "100000 entries" in rejections[0].message and str(MAX_FEED_ENTRIES) in rejections[0].message


def test_every_hostile_result_is_an_item_or_a_rejection(tmp_path: Path, truce_home: Path) -> None:
    """The reader itself, not the test's helper: nothing but ParsedItem or Rejection comes out."""
    (tmp_path / "deep.json").write_text("{" * 10_000, encoding="utf-8")
    (tmp_path / "open.json").write_text('[{"text": "a"}, {"text": "b"', encoding="utf-8")
    items, rejections = _split(list(read_sources([str(tmp_path)])))
    assert [Path(i.where).name for i in items] == ["open.json:1"]  # the element before the cut
    assert [(Path(r.where).name, r.code) for r in rejections] == [("deep.json:1", "E109"), ("open.json:1", "E110")]


def test_a_file_name_that_is_not_utf8_is_read_and_named_printably(read, tmp_path: Path) -> None:
    """Regression: such a name reached the store as lone surrogates and `truce ingest` died on it."""
    name = os.path.join(os.fsencode(tmp_path), b"report-\xff.txt")
    with open(name, "w", encoding="utf-8") as handle:
        handle.write(GOOD)
    [item], rejections = read(tmp_path)
    assert rejections == []
    assert item.where == f"{tmp_path}/report-\ufffd.txt" == item.report.origin
    item.report.origin.encode("utf-8")  # storable and printable
