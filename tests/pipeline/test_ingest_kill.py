"""A `truce ingest` killed with SIGKILL half-way loses nothing and duplicates nothing when re-run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

N = 4000


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("select count(*) from reports").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # schema not created yet


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_stores_every_report_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(N):
        (corpus / f"r{i:05d}.txt").write_text(
            f"Report {i}\n\nMonitors recorded {i % 50} explosions near the line of contact in sector {i}.\n",
            encoding="utf-8")
    home = tmp_path / "home"
    env = {**os.environ, "TRUCE_HOME": str(home), "TRUCE_INGEST_BATCH_SIZE": "20"}
    env.pop("TRUCE_DB_URL", None)
    db = home / "truce.sqlite"
    cmd = [sys.executable, "-m", "truce", "ingest", str(corpus), "--published", "2023-09-21"]

    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _count(db) < 200 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_at = _count(db)
    assert 0 < killed_at < N, f"the kill should land mid-run (stored {killed_at} of {N})"

    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{N - killed_at} ingested, {killed_at} already present, 0 rejected" in rerun.stderr

    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("select title, text, count(*) over (partition by title) from reports").fetchall()
    assert len(rows) == N
    for title, text, copies in rows:
        i = int(title.split()[1])
        assert copies == 1
        assert text.rstrip().endswith(f"in sector {i}."), "a report was stored incomplete"
