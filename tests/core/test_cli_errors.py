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


def _run_with(env_extra: dict[str, str], *args: str, home: Path, stdin: str | None = None,
              ) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "TRUCE_HOME": str(home), **env_extra}
    env.pop("TRUCE_DB_URL", None)
    return subprocess.run([sys.executable, "-m", "truce", *args], capture_output=True, text=True, env=env,
                          input=stdin, timeout=120)


def test_extract_refuses_a_file_over_the_report_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Shelling was reported near Martuni. " * 100, encoding="utf-8")
    result = _run_with({"TRUCE_MAX_REPORT_BYTES": "1000"}, "extract", str(big), home=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "[E104]" in result.stderr and str(big) in result.stderr and "TRUCE_MAX_REPORT_BYTES" in result.stderr


def test_extract_refuses_standard_input_over_the_report_size_limit(tmp_path: Path) -> None:
    result = _run_with({"TRUCE_MAX_REPORT_BYTES": "1000"}, "extract", "-", home=tmp_path,
                       stdin="Shelling was reported near Martuni. " * 100)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "[E104] <stdin>:" in result.stderr


def test_extract_refuses_text_over_extract_max_chars(tmp_path: Path) -> None:
    text = tmp_path / "long.txt"
    text.write_text("Шелинг " * 300, encoding="utf-8")  # 2,100 characters, 3,900 bytes: characters count
    result = _run_with({"TRUCE_EXTRACT_MAX_CHARS": "2000", "TRUCE_MAX_REPORT_BYTES": "100000"}, "extract",
                       str(text), home=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "[E160]" in result.stderr and "2100 characters" in result.stderr
    assert "TRUCE_EXTRACT_MAX_CHARS" in result.stderr


def test_ingest_refuses_standard_input_over_the_report_size_limit(tmp_path: Path) -> None:
    result = _run_with({"TRUCE_MAX_REPORT_BYTES": "1000"}, "ingest", "-", home=tmp_path,
                       stdin="Shelling near Martuni\n\n" + "Artillery fire was reported. " * 100)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "[E104] <stdin>:" in result.stderr and "0 ingested" in result.stderr
