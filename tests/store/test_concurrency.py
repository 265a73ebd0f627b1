"""Readers never hold the write lock; busy writers retry; database errors are one line naming the store."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from truce.errors import TruceError
from truce.model import Report
from truce.store import db, open_store


def _news(i: int) -> Report:
    text = f"Artillery shelled the village of Number{i} on 21 September, officials said; report {i}."
    return Report(id=Report.make_id("news", text), kind="news", text=text, source_name=f"Outlet {i % 3}",
                  published=datetime(2023, 9, 22, tzinfo=UTC))


def test_database_is_locked_no_more_with_over_fifty_pending_reports(tmp_path: Path) -> None:
    """Regression: every transaction took BEGIN IMMEDIATE, reads included, and extraction wrote while
    the reports iterator was open: past ~50 pending reports `truce run` died 'database is locked'."""
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite'}")
    store.add_reports([(_news(i), []) for i in range(120)])
    started = time.monotonic()
    seen = 0
    for report in store.reports(unextracted_by="x.v1", batch=10):  # writing while iterating
        store.save_extraction([(report.id, [])], "x.v1")
        seen += 1
    assert seen == 120
    assert list(store.reports(unextracted_by="x.v1")) == []
    assert time.monotonic() - started < 20, "no write waited for a lock"


def test_an_open_reader_does_not_block_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    store = open_store(f"sqlite:///{path}")
    store.add_reports([(_news(0), [])])
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("select count(*) from reports").fetchone()[0] == 1  # a snapshot is held
    started = time.monotonic()
    store.add_reports([(_news(1), [])])
    assert time.monotonic() - started < 2
    assert store.count("reports") == 2
    reader.execute("ROLLBACK")
    reader.close()


def test_a_writer_waits_for_another_and_then_succeeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    path = tmp_path / "s.sqlite"
    open_store(f"sqlite:///{path}").close()
    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.05)  # SQLite gives up waiting at once: the retries wait
    store = open_store(f"sqlite:///{path}")
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another process writing
    threading.Timer(0.3, lambda: holder.execute("COMMIT")).start()
    store.add_reports([(_news(2), [])])  # retried while the lock is held, then stored
    assert store.count("reports") == 1
    holder.close()


def test_a_store_locked_too_long_is_one_line_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.sqlite"
    open_store(f"sqlite:///{path}").close()
    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.05)
    monkeypatch.setattr(db, "WRITE_ATTEMPTS", 2)
    store = open_store(f"sqlite:///{path}")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    started = time.monotonic()
    with pytest.raises(TruceError) as caught:
        store.add_reports([(_news(3), [])])
    holder.execute("ROLLBACK")
    assert time.monotonic() - started < 10
    line = str(caught.value)
    assert caught.value.code == "E142" and str(path) in line and "\n" not in line
    assert "wait" in line


def test_an_unreachable_server_is_one_line_from_the_cli(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "TRUCE_HOME": str(tmp_path), "TRUCE_DB_URL": "postgresql://nobody@127.0.0.1:1/none"}
    done = subprocess.run([sys.executable, "-m", "truce", "incidents"], env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "[E140]" in done.stderr and "nobody@127.0.0.1:1/none" in done.stderr
