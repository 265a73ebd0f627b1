"""Benchmark: fuse 10,000, 30,000 and 100,000 synthetic events into incidents.

Run: `.venv/bin/python benchmarks/fuse.py [N ...]`. Prints machine info, the time of each run,
the ratio of each time to the previous and what an n log n growth would predict.

The synthetic world: happenings scattered over a 700 × 800 km theatre, 10,000 events a year (a
bigger archive covers more years, as real archives do); each happening
is reported by a few outlets (with jittered places and dates, some without coordinates, a tenth
of them wire reprints of another outlet's text), so about four events fuse into each incident.
"""

from __future__ import annotations

import math
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from truce.fuse import fuse
from truce.model import ActorRef, DateRef, Event, Evidence, PlaceRef, Report, content_id

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/machine.py
from machine import describe

TYPES = ["ASSAULT"] * 7 + ["MOBILIZE"] * 2 + ["CONSULT"]
COUNTRIES = ["AZE", "ARM", "RUS", "UKR", "LBY", "TUR"]
OUTLETS = [f"Outlet {i}" for i in range(60)]
WORDS = ["shelling", "artillery", "town", "village", "forces", "army", "ministry", "said", "report",
         "residents", "killed", "wounded", "attack", "drone", "strike", "positions", "line", "front",
         "ceasefire", "violation", "overnight", "morning"]
EVENTS_PER_YEAR = 10_000  # the archive grows by covering more time, at a steady density


def synthetic(n: int, seed: int = 42) -> tuple[list[Event], dict[str, Report]]:
    """n events about n/4 happenings, with their reports."""
    rng = random.Random(seed)
    days = max(1, round(365 * n / EVENTS_PER_YEAR))
    happenings = []
    for _ in range(max(1, n // 4)):
        happenings.append((rng.choice(TYPES), rng.uniform(44.0, 50.5), rng.uniform(30.0, 40.0),
                           date(2000, 1, 1) + timedelta(days=rng.randrange(days)),
                           rng.choice(COUNTRIES), rng.choice(COUNTRIES)))
    events: list[Event] = []
    reports: dict[str, Report] = {}
    texts: list[str] = []
    for i in range(n):
        type_, lat, lon, day, actor, recipient = rng.choice(happenings)
        if texts and rng.random() < 0.1:
            text = rng.choice(texts)  # a wire reprint
        else:
            text = " ".join(rng.choices(WORDS, k=40)) + f" #{i}"
            texts.append(text)
        outlet = rng.choice(OUTLETS)
        report = Report(id=content_id("rp", str(i)), kind="news", text=text, source_name=outlet,
                        published=datetime.combine(day, datetime.min.time(), tzinfo=UTC)
                        + timedelta(hours=20))
        reports[report.id] = report
        jlat, jlon = lat + rng.gauss(0, 0.03), lon + rng.gauss(0, 0.04)
        coords = rng.random() > 0.1
        place = PlaceRef(text=f"P{round(lat, 1)}:{round(lon, 1)}", name=f"P{round(lat, 1)}:{round(lon, 1)}",
                         lat=jlat if coords else None, lon=jlon if coords else None,
                         precision="city" if coords else None)
        when = day + timedelta(days=rng.choice([0, 0, 0, -1]))
        sentence = " ".join(rng.choices(WORDS, k=12))
        events.append(Event(
            id=content_id("ev", str(i)), report_id=report.id, type=type_, mode=None,
            status=rng.choice(["asserted", "asserted", "claimed"]),
            actor=ActorRef(text=actor, country=actor), recipient=ActorRef(text=recipient, country=recipient),
            source=ActorRef(text="ministry", country=actor), location=place,
            date=DateRef(text="", start=when, end=when, precision="day"),
            evidence=Evidence(sentence=sentence, start=0, end=len(sentence)),
        ))
    return events, reports


def main(sizes: list[int]) -> None:
    print(f"machine: {describe()}")
    print(f"{'events':>8} {'incidents':>9} {'seconds':>8} {'ratio':>6} {'n log n ratio':>13}")
    previous: tuple[int, float] | None = None
    for n in sizes:
        events, reports = synthetic(n)
        t = time.perf_counter()
        incidents = fuse(events, [], reports, window_hours=36.0, distance_km=25.0)
        elapsed = time.perf_counter() - t
        ratio = nlogn = ""
        if previous is not None:
            pn, pt = previous
            ratio = f"{elapsed / pt:.2f}"
            nlogn = f"{(n * math.log(n)) / (pn * math.log(pn)):.2f}"
        print(f"{n:>8} {len(incidents):>9} {elapsed:>8.2f} {ratio:>6} {nlogn:>13}", flush=True)
        previous = (n, elapsed)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 30_000, 100_000])
