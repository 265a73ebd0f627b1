"""Errors reach the user as one line with a code and a non-zero exit status, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_truce(*args: str, env_home: Path) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "TRUCE_HOME": str(env_home)}
    env.pop("TRUCE_DB_URL", None)
    return subprocess.run([sys.executable, "-m", "truce", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_bad_published_date_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nBody text about shelling.\n", encoding="utf-8")
    result = run_truce("ingest", str(tmp_path / "a.txt"), "--published", "21/09/2023", env_home=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "[E114]" in result.stderr and "--published" in result.stderr


def test_unreachable_database_is_one_clear_line(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "TRUCE_HOME": str(tmp_path), "TRUCE_DB_URL": "postgresql://nobody@127.0.0.1:9/none"}
    result = subprocess.run([sys.executable, "-m", "truce", "events"], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "[E140]" in result.stderr
