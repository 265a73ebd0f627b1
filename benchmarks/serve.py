"""Benchmark: the console under 50 concurrent clients for 30 s on loopback, over a store of
100,000 incidents — listing with filters, an incident page, submitting observations.

Run: `.venv/bin/python benchmarks/serve.py [--incidents N] [--clients C] [--seconds S]`. Builds a
SQLite store of N synthetic incidents (with verdicts) in a temporary folder, starts the real
`truce serve` on a free loopback port, and for each workload runs C clients (asyncio + httpx, in
this process) for S seconds. Prints requests/s, p50 and p99 latency, errors, and — for
observations — how many the store holds afterwards against how many were accepted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/machine.py
from machine import describe

from truce.model import Incident, PlaceRef, Verdict, content_id
from truce.store import FusionWrite, open_store

PASSWORD = "benchmark password 1"
TYPES = ["ASSAULT"] * 6 + ["MOBILIZE", "CONSULT", "AGREE", "ACCUSE"]
VERDICTS = ["not_a_violation"] * 6 + ["possible_violation"] * 2 + ["violation", "out_of_scope"]


def build_store(url: str, n: int) -> list[str]:
    """N incidents over a 700 × 800 km theatre and two years, each judged under one agreement."""
    rng = random.Random(7)
    store = open_store(url)
    start = datetime(2022, 1, 1, tzinfo=UTC)
    ids: list[str] = []
    chunk = 5000
    for first in range(0, n, chunk):
        incidents, verdicts = [], []
        for i in range(first, min(n, first + chunk)):
            t0 = start + timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60))
            lat, lon = 38.5 + rng.random() * 7.0, 44.0 + rng.random() * 8.0
            iid = content_id("in", "bench", str(i))
            incidents.append((Incident(iid, rng.choice(TYPES), None, t0, t0 + timedelta(hours=1),
                                       PlaceRef(f"place {i % 997}", f"Place {i % 997}", lat, lon, "AZE"),
                                       rng.choice(["AZE", "ARM"]), rng.choice(["AZE", "ARM"]),
                                       independent_sources=rng.randint(1, 4),
                                       summary=f"Synthetic incident {i} near Place {i % 997}"), i))
            verdicts.append(Verdict(iid, "bench-agreement", rng.choice(VERDICTS), ["2"], rng.choice(["AZE", "ARM"]),
                                    0.7, f"Synthetic verdict {i}."))
            ids.append(iid)
        store.write_fusion(store.fusion_seq(), FusionWrite(incidents=incidents))
        store.record_verdicts(verdicts)
    store.close()
    return ids


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(home: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TRUCE_HOME": str(home), "TRUCE_ENV": "development"}
    env.pop("TRUCE_DB_URL", None)
    for name, role in (("analyst", "analyst"), ("monitor", "field_monitor")):
        subprocess.run([sys.executable, "-m", "truce", "users", "add", name, "--role", role], input=PASSWORD + "\n",
                       text=True, env=env, check=True, capture_output=True, timeout=120)
    process = subprocess.Popen([sys.executable, "-m", "truce", "serve", "--port", str(port), "--workers", str(workers)],
                               env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=5).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("truce serve did not start")


def _token(base: str, who: str) -> str:
    return str(httpx.post(f"{base}/api/login", json={"username": who, "password": PASSWORD}, timeout=30)
               .json()["token"])


async def load(base: str, clients: int, seconds: float, request: object) -> tuple[list[float], int, int]:
    """Run `clients` loops of `request(client, rng)` for `seconds`; (latencies, errors, accepted)."""
    latencies: list[float] = []
    errors = accepted = 0
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:

        async def one(k: int) -> None:
            nonlocal errors, accepted
            rng = random.Random(k)
            while time.monotonic() < stop:
                began = time.perf_counter()
                try:
                    status = await request(client, rng)  # type: ignore[operator]
                except httpx.HTTPError:
                    status = 0
                latencies.append(time.perf_counter() - began)
                if status >= 400 or status == 0:
                    errors += 1
                elif status == 201:
                    accepted += 1

        await asyncio.gather(*(one(k) for k in range(clients)))
    return latencies, errors, accepted


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes of `truce serve`")
    args = parser.parse_args()
    print(f"machine: {describe()}")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        began = time.monotonic()
        ids = build_store(f"sqlite:///{home / 'truce.sqlite'}", args.incidents)
        print(f"store: {len(ids):,} incidents with verdicts built in {time.monotonic() - began:.1f} s (SQLite)")
        port = _free_port()
        server = start_server(home, port, args.workers)
        base = f"http://127.0.0.1:{port}"
        try:
            analyst = {"Authorization": f"Bearer {_token(base, 'analyst')}"}
            monitor = {"Authorization": f"Bearer {_token(base, 'monitor')}"}

            async def listing(client: httpx.AsyncClient, rng: random.Random) -> int:
                day = datetime(2022, 1, 1) + timedelta(days=rng.randrange(0, 600))
                lon, lat = 44 + rng.random() * 5, 38.5 + rng.random() * 4
                url = (f"/api/incidents?type=ASSAULT&start={day:%Y-%m-%d}&end={day + timedelta(days=120):%Y-%m-%d}"
                       f"&bbox={lon:.2f},{lat:.2f},{lon + 3:.2f},{lat + 3:.2f}&limit=50")
                return (await client.get(url, headers=analyst)).status_code

            async def page(client: httpx.AsyncClient, rng: random.Random) -> int:
                return (await client.get(f"/incidents/{rng.choice(ids)}", headers=analyst)).status_code

            async def observe(client: httpx.AsyncClient, rng: random.Random) -> int:
                moment = datetime(2023, 9, 21, tzinfo=UTC) + timedelta(seconds=rng.randrange(0, 10**8))
                body = {"observed_at": moment.isoformat(), "what": "explosion", "how": "heard",
                        "count": rng.randint(1, 40), "bearing_deg": rng.randrange(0, 360),
                        "observer": f"team {rng.randrange(1000)}", "notes": f"{rng.random():.12f}"}
                return (await client.post("/api/observations", json=body, headers=monitor)).status_code

            print(f"{args.clients} clients, {args.seconds:.0f} s each, loopback, {args.workers} server workers")
            print(f"{'workload':<34} {'requests/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
            for name, request in (("list, filtered (type+time+bbox)", listing), ("incident page (HTML)", page),
                                  ("submit observation", observe)):
                latencies, errors, accepted = asyncio.run(load(base, args.clients, args.seconds, request))
                print(f"{name:<34} {len(latencies) / args.seconds:>10.1f} {_pct(latencies, 0.5):>8.1f} "
                      f"{_pct(latencies, 0.99):>8.1f} {errors:>7}")
                if request is observe:
                    store = open_store(f"sqlite:///{home / 'truce.sqlite'}")
                    held = len(store.observations())
                    store.close()
                    print(f"observations accepted {accepted}, in the store {held}: "
                          f"{'nothing lost' if held == accepted else 'MISMATCH'}")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
