"""Benchmark: export N incidents (default 1,000,000) in each format; rows/s and peak memory.

Run: `.venv/bin/python benchmarks/export.py [N] [--formats csv,acled,...] [--store PATH]`.

The store is generated directly (not through extraction): N incidents with one event, one
verdict and a share of 20 reports each... written with the store's own row shapes, in a SQLite
file under a temporary folder (or `--store PATH`, kept for a second run). Each format is then
exported to /dev/null in a fresh process, which prints its rows/s, its peak RSS and its RSS at
each tenth of the rows (flat when memory does not grow with the export).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/machine.py
from machine import describe

from truce.model import ActorRef, DateRef, Event, Evidence, Incident, PlaceRef, Verdict, content_id

FORMATS = ("csv", "acled", "plover", "geojson", "kml", "xlsx")
TYPES = ["ASSAULT"] * 6 + ["MOBILIZE", "CONSULT", "AGREE", "PROTEST"]
VERDICTS = ["not_a_violation"] * 7 + ["violation", "possible_violation", "out_of_scope"]
OUTLETS = [f"Outlet {i}" for i in range(60)]
REPORTS_PER_INCIDENT_SHARE = 20  # one report for every 20 incidents (heads are looked up per page)
BATCH = 5000


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="utf-8") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _records(i: int, rng: random.Random, t0: datetime) -> tuple[Incident, Event, Verdict, str]:
    start = t0 + timedelta(minutes=rng.randrange(0, 60 * 24 * 365 * 3))
    lat, lon = 39.0 + rng.random() * 2, 45.5 + rng.random() * 2.5
    kind = rng.choice(TYPES)
    iid = content_id("in", "bench", str(i))
    rid = content_id("rp", "bench", str(i // REPORTS_PER_INCIDENT_SHARE))
    eid = content_id("ev", "bench", str(i))
    place = PlaceRef(f"Village {i % 5000}", f"Village {i % 5000}", round(lat, 5), round(lon, 5), "AZE",
                     f"District {i % 40}", None, "village")
    actor = ActorRef("Azerbaijani forces", "Azerbaijan", "AZE", "MIL")
    recipient = ActorRef("separatists", "Karabakh Armenian forces", "ARM", "REB")
    summary = f"{kind.title()} near {place.name} on {start:%d %b %Y}: 3 reports, 2 independent sources."
    if i % 997 == 0:
        summary = "=HYPERLINK(\"http://x.example\") " + summary  # formula-like text, as hostile input has
    incident = Incident(iid, kind, "heavy-weapons" if kind == "ASSAULT" else None, start,
                        start + timedelta(minutes=rng.randrange(0, 600)), place, "AZE", "ARM", [eid], [], [rid],
                        independent_sources=rng.randrange(1, 6), fatalities=rng.choice([None, 0, 1, 2]),
                        summary=summary)
    event = Event(eid, rid, kind, incident.mode, actor=actor, recipient=recipient, location=place,
                  date=DateRef("on Tuesday", start.date(), start.date(), "day"),
                  evidence=Evidence(f"Shelling was reported near {place.name}.", 0, 40, {}), confidence=0.8)
    verdict = Verdict(iid, "bench-agreement", rng.choice(VERDICTS), ["2"], "AZE", 0.8,
                      f"{summary} judged against the benchmark agreement.", derived_at=start)
    return incident, event, verdict, rid


def build(path: Path, n: int) -> None:
    """A SQLite store holding n generated incidents, each with one event and one current verdict."""
    from sqlalchemy import insert

    from truce.store import open_store
    from truce.store import tables as t
    from truce.store.incidents import incident_row
    from truce.store.reports import _event_row

    store = open_store(f"sqlite:///{path}")
    rng = random.Random(7)
    t0 = datetime(2021, 1, 1, tzinfo=UTC)
    now = datetime.now(UTC).isoformat()
    with store.engine.begin() as conn:
        conn.execute(insert(t.reports), [
            {"id": content_id("rp", "bench", str(r)), "kind": "news", "title": f"Report {r}", "text": "(bench)",
             "url": f"https://news.example/{r}", "published": (t0 + timedelta(hours=r)).isoformat(),
             "received": now, "source_name": OUTLETS[r % len(OUTLETS)], "language": "en", "raw": None,
             "origin": f"bench:{r}", "extracted_by": "bench"}
            for r in range(n // REPORTS_PER_INCIDENT_SHARE + 1)])
    for lo in range(0, n, BATCH):
        rows = [_records(i, rng, t0) for i in range(lo, min(n, lo + BATCH))]
        with store.engine.begin() as conn:
            conn.execute(insert(t.incidents), [incident_row(inc, 0, now) for inc, _, _, _ in rows])
            conn.execute(insert(t.events), [_event_row(ev) for _, ev, _, _ in rows])
            conn.execute(insert(t.verdicts), [
                {"incident_id": v.incident_id, "agreement_id": v.agreement_id, "verdict": v.verdict, "current": True,
                 "derived_at": now, "payload": json.dumps(v.to_dict()), "party": v.party} for _, _, v, _ in rows])
    store.close()


def _export(path: str, format: str, n: int, queue: multiprocessing.Queue) -> None:
    from truce.publish.export import stream
    from truce.store import open_store

    store = open_store(f"sqlite:///{path}")
    marks: list[float] = []
    rows = 0
    step = max(1, n // 10)
    clock = time.perf_counter()
    import truce.publish.pages as pages

    original = pages._fill

    def counted(s: object, items: list[object], with_events: bool = True) -> None:  # counts rows as read
        nonlocal rows
        original(s, items, with_events)  # type: ignore[arg-type]
        before = rows // step
        rows += len(items)
        if rows // step > before:
            marks.append(_rss_mb())

    pages._fill = counted  # type: ignore[assignment]
    written = 0
    with open(os.devnull, "wb") as sink:
        for chunk in stream(store, format):
            sink.write(chunk)
            written += len(chunk)
    elapsed = time.perf_counter() - clock
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put((format, rows, elapsed, peak, marks, written))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--store", type=Path, default=None, help="keep the generated store here (reused if present)")
    args = parser.parse_args()
    print(f"machine: {describe()}")
    folder = Path(tempfile.mkdtemp(prefix="truce-export-bench-"))
    path = args.store or folder / "bench.sqlite"
    if not path.exists():
        clock = time.perf_counter()
        build(path, args.n)
        print(f"store: {args.n:,} incidents (+ events, verdicts) generated in {time.perf_counter() - clock:.0f} s, "
              f"{path.stat().st_size / 1e6:,.0f} MB")
    context = multiprocessing.get_context("spawn")
    for format in args.formats.split(","):
        queue: multiprocessing.Queue = context.Queue()
        child = context.Process(target=_export, args=(str(path), format, args.n, queue))
        child.start()
        name, rows, elapsed, peak, marks, written = queue.get()
        child.join()
        flat = " ".join(f"{m:.0f}" for m in marks)
        print(f"{name:8s} {rows:>10,} rows in {elapsed:7.1f} s = {rows / elapsed:>8,.0f} rows/s; "
              f"{written / 1e6:8,.0f} MB written; peak RSS {peak:5.0f} MB; RSS at each tenth (MB): {flat}")
    if args.store is None:
        path.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
