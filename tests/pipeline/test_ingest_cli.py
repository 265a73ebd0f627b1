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
