"""Benchmark: generated news reports through `truce run` on SQLite, at several sizes.

Run: `.venv/bin/python benchmarks/run.py [N ...] [--incremental 1000]` (default sizes: 2000 5000;
the issue's sizes are 10000 25000 50000). For each size, in a fresh store: one `truce run` over N
generated news reports (several outlets, a quarter of the stories carried word for word by two
or three outlets; tests/pipeline/corpus.py), then one more `truce run` after `--incremental` new
reports. Prints the machine, each stage's reports/s, the run's wall time and peak RSS, and the
incremental run's time as a share of the first run's.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))  # benchmarks/machine.py
sys.path.insert(0, str(REPO / "tests" / "pipeline"))  # the workload generator
from corpus import write_corpus  # noqa: E402
from machine import describe  # noqa: E402

STAGE = re.compile(r"^(ingest|extract|fuse|adjudicate): .*\(([\d.]+) s\)$", re.M)


def _run(home: Path, folder: Path) -> tuple[float, float, dict[str, float], str]:
    """(wall seconds, peak RSS MiB, stage seconds, stderr) of one `truce run` in its own process."""
    env = {**os.environ, "TRUCE_HOME": str(home)}
    env.pop("TRUCE_DB_URL", None)
    venv = REPO / ".venv"
    env.setdefault("TRUCE_GAZETTEER_PATH", str(venv / "gazetteer.sqlite"))
    env.setdefault("TRUCE_MODEL_DIR", str(venv / "models"))
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "truce", "run", str(folder)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"truce run failed:\n{err}")
    stages = {m.group(1): float(m.group(2)) for m in STAGE.finditer(err)}
    return wall, usage.ru_maxrss / 1024, stages, err


def _line(label: str, n: int, wall: float, rss: float, stages: dict[str, float]) -> str:
    rates = "  ".join(f"{s} {n / t:7.0f}/s" if t > 0 else f"{s}      -" for s, t in stages.items())
    return f"{label:>14} {n:>7,} reports  {wall:7.1f} s  peak RSS {rss:6.0f} MiB   {rates}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[2000, 5000])
    parser.add_argument("--incremental", type=int, default=1000, help="new reports for the second run")
    args = parser.parse_args()
    print(describe())
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix="truce-bench-") as tmp:
            base = Path(tmp)
            first = write_corpus(base / "first", n, seed=n, tag="a", news_share=1.0)
            wall, rss, stages, _ = _run(base / "home", base / "first")
            print(_line("first run", first.reports, wall, rss, stages), flush=True)
            more = write_corpus(base / "more", args.incremental, seed=n + 1, tag="b", news_share=1.0)
            wall2, rss2, stages2, _ = _run(base / "home", base / "more")
            print(_line("incremental", more.reports, wall2, rss2, stages2)
                  + f"   {100 * wall2 / wall:.1f}% of the first run", flush=True)


if __name__ == "__main__":
    main()
