"""`truce ingest` on a folder mixing good and bad files: every good item stored once, each bad one
named with its location, a non-zero exit status, and a closing summary."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CSV_HEADER = ("team,observation/observed_at,observation/what,observation/how,observation/count,"
              "observation/direction,_observer_position_latitude,_observer_position_longitude\n")


def _mixed_folder(root: Path) -> Path:
    folder = root / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Shelling reported near Shusha\n\nMonitors heard artillery fire.\n", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("Talks resume in Yevlakh\n\nDelegations met on Thursday.\n",
                                          encoding="utf-8")
    (folder / "blob.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "feed.jsonl").write_text(
        '{"text": "Drone strike hits depot near Kherson.", "source_name": "Wire"}\n'
        '{"text": "broken line", \n'
        '{"text": "Protesters gathered outside parliament in Yerevan.", "published": "2023-09-22"}\n',
        encoding="utf-8")
    (folder / "field.csv").write_text(
        CSV_HEADER
        + "Team 2,2023-09-21T14:05:00+04:00,explosion,heard,12,incoming,39.81,46.75\n"
        + "Team 2,not-a-date,explosion,heard,3,incoming,39.81,46.75\n"
        + "Team 2,2023-09-21T15:10:00+04:00,small-arms,heard,1,outgoing,39.81,46.75\n",
        encoding="utf-8")
    return folder


def _ingest(home: Path, *paths: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRUCE_HOME": str(home)}
    env.pop("TRUCE_DB_URL", None)
    return subprocess.run([sys.executable, "-m", "truce", "ingest", *paths], capture_output=True, text=True,
                          env=env, timeout=300)


def test_mixed_folder_stores_good_items_names_bad_ones_and_fails(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path)
    first = _ingest(tmp_path / "home", str(folder))
    assert first.returncode == 1
    assert "Traceback" not in first.stderr
    # 2 text files + 2 good JSONL lines + 2 good CSV rows; the binary file, 1 line and 1 row rejected.
    assert "6 ingested, 0 already present, 3 rejected" in first.stderr
    assert "blob.bin" in first.stderr
    assert "feed.jsonl:2" in first.stderr
    assert "field.csv:row 3" in first.stderr

    again = _ingest(tmp_path / "home", str(folder))
    assert "0 ingested, 6 already present, 3 rejected" in again.stderr


def test_a_clean_folder_exits_zero(tmp_path: Path) -> None:
    folder = tmp_path / "clean"
    folder.mkdir()
    (folder / "a.txt").write_text("Ceasefire holds\n\nNo incidents were recorded overnight.\n", encoding="utf-8")
    result = _ingest(tmp_path / "home", str(folder))
    assert result.returncode == 0, result.stderr
    assert "1 ingested, 0 already present, 0 rejected" in result.stderr


def test_problem_lines_are_not_wrapped_when_piped(tmp_path: Path) -> None:
    """Regression: rich wrapped long rejection lines at 80 columns, splitting file:line from its message."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / ("a-rather-long-file-name-" * 4 + ".jsonl")).write_text("{broken\n", encoding="utf-8")
    result = _ingest(tmp_path / "home", str(folder))
    line = next(x for x in result.stderr.splitlines() if x.startswith("rejected:"))
    assert ".jsonl:1" in line and "E110" in line


def test_a_100000_deep_json_file_beside_40_good_files_is_named_and_the_40_are_stored(tmp_path: Path) -> None:
    """Regression: `truce ingest` of this folder died with a RecursionError traceback, storing nothing."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for number in range(40):
        (folder / f"r{number:02d}.txt").write_text(f"Report {number}\n\nShelling was reported in sector {number}.\n",
                                                   encoding="utf-8")
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = _ingest(tmp_path / "home", str(folder))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert "40 ingested, 0 already present, 1 rejected" in result.stderr
    assert f"[E109] {folder / 'deep.json'}:1: JSON nested more than" in result.stderr


def _hostile_folder(root: Path) -> tuple[Path, list[str]]:
    """Every hostile input of issue 8 item 7 beside good ones; returns the folder and the located
    rejections `truce ingest` must print for it."""
    import gzip

    folder = root / "hostile"
    folder.mkdir()
    (folder / "a-good.txt").write_text("Shelling reported near Shusha\n\nMonitors heard artillery fire.\n",
                                       encoding="utf-8")
    (folder / "b-deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with (folder / "c-long-line.jsonl").open("w", encoding="utf-8") as handle:
        handle.write('{"text": "Drone strike hits depot near Kherson."}\n{"text": "')
        for _ in range(100):
            handle.write("x" * (1 << 20))
        handle.write('"}\n')
    (folder / "d-escapes.jsonl").write_text('{"text": "Gunfire near Askeran \\u0000."}\n'
                                            '{"text": "Gunfire near Askeran \\ud800."}\n'
                                            '{"text": "Protesters gathered outside parliament in Yerevan."}\n',
                                            encoding="utf-8")
    (folder / "e-wide.csv").write_text(CSV_HEADER.rstrip("\n") + "," + ",".join(f"c{n}" for n in range(100_000))
                                       + "\n", encoding="utf-8")
    with (folder / "f-field.csv").open("w", encoding="utf-8") as handle:
        handle.write(CSV_HEADER.replace("\n", ",observation/notes\n"))
        handle.write("Team 2,2023-09-21T14:05:00+04:00,explosion,heard,12,incoming,39.81,46.75,short\n")
        handle.write("Team 2,2023-09-21T14:06:00+04:00,explosion,heard,3,incoming,39.81,46.75," + "n" * (10 << 20)
                     + "\n")
    with gzip.open(folder / "g-archive.jsonl.gz", "wb") as gz:
        gz.write(b'{"text": "' + b" " * (100 << 20) + b'"}\n')
    with (folder / "h-page.html").open("w", encoding="utf-8") as handle:
        handle.write("<html><body>" + "<p>Shelling was reported near the town.</p>\n" * (50 * (1 << 20) // 45))
    entries = "".join(f"<item><title>Shelling {n}</title></item>" for n in range(100_000))
    (folder / "i-feed.rss").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel>{entries}</channel></rss>',
                                       encoding="utf-8")
    expected = [f"[E109] {folder}/b-deep.json:1", f"[E104] {folder}/c-long-line.jsonl:2",
                f"[E127] {folder}/d-escapes.jsonl:1", f"[E127] {folder}/d-escapes.jsonl:2",
                f"[E125] {folder}/e-wide.csv:row 1", f"[E104] {folder}/f-field.csv:row 3",
                f"[E108] {folder}/g-archive.jsonl.gz", f"[E104] {folder}/h-page.html", f"[E126] {folder}/i-feed.rss"]
    return folder, expected


def test_every_hostile_input_is_named_where_it_is_and_the_rest_is_stored(tmp_path: Path) -> None:
    folder, expected = _hostile_folder(tmp_path)
    result = _ingest(tmp_path / "home", str(folder))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    rejected = [line.removeprefix("rejected: ").split(": ", 1)[0] for line in result.stderr.splitlines()
                if line.startswith("rejected: ")]
    assert rejected == expected
    # a-good.txt, the Kherson line, the Yerevan line, the short CSV row
    assert f"4 ingested, 0 already present, {len(expected)} rejected" in result.stderr
