"""Ingestion throughput: 10,000 generated reports into SQLite and into PostgreSQL.

Prints reports/s for a full `truce ingest` pass (parse JSONL + store in batched transactions)
and for a second pass over the same file (everything already present), and the machine.
usage: python benchmarks/ingest.py [N]
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1] / "tests"))  # the throwaway PostgreSQL cluster
from machine import describe

from throwaway_postgres import postgres_bindir, throwaway_cluster
from truce.pipeline import ingest
from truce.store import open_store

PLACES = ["Shusha", "Khankendi", "Askeran", "Horlivka", "Avdiivka", "Idlib", "Rafah", "Kherson", "Gao", "Mekelle"]
ACTS = ["shelled", "fired mortars at", "struck with drones", "attacked positions near", "reported gunfire in"]
SIDES = ["Azerbaijani forces", "Armenian forces", "Russian troops", "Ukrainian units", "rebel fighters"]


def generate(path: Path, n: int) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(
                f"{rng.choice(SIDES)} {rng.choice(ACTS)} {rng.choice(PLACES)} on day {rng.randint(1, 28)}, "
                f"the officials of the monitoring mission said, and they added that the fire had come from "
                f"positions which were held by the other side (item {i}, paragraph {p})."
                for p in range(rng.randint(3, 8))
            )
            f.write(json.dumps({"text": text, "title": f"Report {i}", "source_name": "Bench Wire",
                                "published": f"2023-09-{1 + i % 28:02d}"}) + "\n")


def measure(url: str, source: Path, n: int) -> tuple[float, float]:
    store = open_store(url)
    t0 = time.perf_counter()
    first = ingest(store, [str(source)])
    t1 = time.perf_counter()
    second = ingest(store, [str(source)])
    t2 = time.perf_counter()
    assert first.ingested == n and second.already_present == n, (first, second)
    store.close()
    return n / (t1 - t0), n / (t2 - t1)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    print(f"machine: {describe()}")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "reports.jsonl"
        generate(source, n)
        new, again = measure(f"sqlite:///{tmp}/bench.sqlite", source, n)
        print(f"sqlite      {n} reports: {new:8.0f} reports/s new, {again:8.0f} reports/s already present")
        bindir = postgres_bindir()
        if bindir is None:
            print("postgresql  skipped: no PostgreSQL server binaries on this machine")
            return
        with throwaway_cluster(bindir) as url:
            new, again = measure(url, source, n)
        print(f"postgresql  {n} reports: {new:8.0f} reports/s new, {again:8.0f} reports/s already present")


if __name__ == "__main__":
    main()
