"""A generated monitoring workload of varied shapes, for the volume tests and `benchmarks/run.py`.

`write_corpus(folder, n, seed)` writes about `n` reports: news as JSON Lines and as plain-text
files with front matter (several outlets, some stories carried word for word by two or three
outlets, as wire copy is), KoboToolbox CSV exports of field teams, and sensor JSON Lines. Texts are
short (extraction dominates the run time) but every one differs in place, day, actor and numbers.
`theatre` picks the region and year, so a second batch can be unrelated to the first.
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

THEATRES = {
    "karabakh": {
        "start": datetime(2023, 9, 1, tzinfo=UTC),
        "places": [("Stepanakert", 39.8153, 46.7519), ("Shusha", 39.7586, 46.7492), ("Martuni", 39.7920, 47.1110),
                   ("Askeran", 39.9333, 46.8333), ("Aghdam", 39.9911, 46.9290), ("Kalbajar", 40.1050, 46.0380),
                   ("Martakert", 40.2030, 46.8120), ("Lachin", 39.6400, 46.5470)],
        "sides": [("Azerbaijani", "Armenian"), ("Armenian", "Azerbaijani")],
    },
    "sahel": {
        "start": datetime(2024, 3, 1, tzinfo=UTC),
        "places": [("Djibo", 14.1022, -1.6306), ("Gao", 16.2666, -0.0400), ("Menaka", 15.9182, 2.4022),
                   ("Tillaberi", 14.2117, 1.4531), ("Dori", 14.0354, -0.0345)],
        "sides": [("Malian", "jihadist"), ("Burkinabe", "jihadist")],
    },
}
OUTLETS = ["Caucasus Wire", "Global Wire Service", "Regional Observer", "Evening Post", "Daily Monitor",
           "Frontline News", "Capital Herald"]
ACTS = ["shelled", "fired mortars at", "struck positions near", "attacked a checkpoint outside"]
WEAPONS = ["artillery", "mortar", "mlrs", "small-arms"]
KOBO_HEADER = ["start", "end", "today", "team", "observation/observed_at", "observation/observed_until",
               "observation/what", "observation/how", "observation/count", "observation/direction",
               "observation/weapon", "observation/bearing_deg", "observation/distance_km",
               "_observer_position_latitude", "_observer_position_longitude", "_observer_position_altitude",
               "_observer_position_precision", "observation/location_name", "notes", "_uuid", "_submission_time"]


@dataclass(slots=True)
class Written:
    reports: int  # items written (every outlet's copy counts)
    news_items: int
    wire_copies: int  # items that repeat another outlet's text word for word
    field_rows: int
    sensor_lines: int


def _story(rng: random.Random, theatre: dict, i: int, tag: str, days: int) -> tuple[str, str, datetime]:
    place, _, _ = rng.choice(theatre["places"])
    actor, target = rng.choice(theatre["sides"])
    day = theatre["start"] + timedelta(days=i % days)
    act = rng.choice(ACTS)
    wounded = rng.randint(1, 9)
    title = f"{actor} forces {act.split()[0]} {place} ({i})"
    text = (f"{title}\n\n{actor} forces {act} {place} on {day:%-d %B %Y}, wounding {wounded} people, "
            f"{target} officials said in statement {tag}-{i}. Residents reported damage to {rng.randint(2, 30)} "
            f"homes in the {rng.choice(['northern', 'southern', 'eastern', 'western'])} district.")
    return title, text, day + timedelta(hours=rng.randint(20, 30))


def _news(folder: Path, rng: random.Random, theatre: dict, n: int, tag: str) -> tuple[int, int]:
    """Write about `n` news items; about one story in four is carried by two or three outlets."""
    lines: list[str] = []
    written = copies = i = 0
    days = max(40, n // 60)  # a bigger archive covers more time, at a steady density
    while written < n:
        title, text, published = _story(rng, theatre, i, tag, days)
        carriers = rng.sample(OUTLETS, rng.choice([1, 1, 1, 2, 3]))
        for k, outlet in enumerate(carriers[: n - written]):
            url = f"https://{outlet.lower().replace(' ', '-')}.example/{tag}/{i}"
            when = (published + timedelta(minutes=17 * k)).isoformat()
            if i % 5 == 0:  # a plain-text file with front matter
                (folder / f"{tag}-news-{i:05d}-{k}.txt").write_text(
                    f"---\ntitle: {json.dumps(title)}\nurl: {url}\npublished: {when}\nsource_name: {outlet}\n---\n"
                    f"{text}\n", encoding="utf-8")
            else:
                lines.append(json.dumps({"title": title, "text": text, "url": url, "published": when,
                                         "source_name": outlet}))
            written += 1
            copies += 1 if k else 0
        i += 1
    if lines:
        (folder / f"{tag}-news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written, copies


def _field(folder: Path, rng: random.Random, theatre: dict, n: int, tag: str) -> None:
    if not n:
        return
    with (folder / f"{tag}-kobo.csv").open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(KOBO_HEADER)
        for i in range(n):
            place, lat, lon = rng.choice(theatre["places"])
            at = theatre["start"] + timedelta(days=i % 40, hours=rng.randint(5, 18), minutes=rng.randint(0, 59))
            until = at + timedelta(minutes=rng.randint(5, 40))
            out.writerow([at.isoformat(), until.isoformat(), at.date().isoformat(), f"Team {i % 4 + 1}",
                          at.isoformat(), until.isoformat(), rng.choice(["explosion", "explosion", "small_arms"]),
                          "heard", rng.randint(1, 30), "incoming", rng.choice(WEAPONS), rng.randint(0, 359),
                          round(rng.uniform(1, 6), 1), round(lat + rng.uniform(-0.03, 0.03), 4),
                          round(lon + rng.uniform(-0.03, 0.03), 4), 800, 5, place,
                          f"Impacts heard from the post, log entry {tag}-{i}", f"{tag}-uuid-{i:06d}",
                          until.isoformat()])


def _sensors(folder: Path, rng: random.Random, theatre: dict, n: int, tag: str) -> None:
    if not n:
        return
    lines = []
    for i in range(n):
        place, lat, lon = rng.choice(theatre["places"])
        at = theatre["start"] + timedelta(days=i % 40, hours=rng.randint(0, 23), seconds=rng.randint(0, 3599))
        lines.append(json.dumps({
            "kind": "sensor", "observed_at": at.isoformat().replace("+00:00", "Z"), "what": "explosion",
            "how": "acoustic", "count": 1, "direction": "incoming", "weapon": rng.choice(WEAPONS[:3]),
            "bearing_deg": rng.randint(0, 359), "distance_km": round(rng.uniform(0.5, 4), 1),
            "observer": f"ACU-{i % 6:02d}", "lat": round(lat + 0.02, 4), "lon": round(lon + 0.02, 4),
            "target_lat": round(lat + rng.uniform(-0.01, 0.01), 4),
            "target_lon": round(lon + rng.uniform(-0.01, 0.01), 4),
            "location_name": place, "source_name": f"{tag} sensor network", "notes": f"impulsive event {tag}-{i}"}))
    (folder / f"{tag}-sensors.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_corpus(folder: Path, n: int, *, seed: int = 7, theatre: str = "karabakh", tag: str = "a",
                 news_share: float = 0.3) -> Written:
    """Write about `n` reports under `folder` (see the module docstring)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    spec = THEATRES[theatre]
    n_news = max(1, int(n * news_share))
    n_field = (n - n_news) // 2
    n_sensor = n - n_news - n_field
    news, copies = _news(folder, rng, spec, n_news, tag)
    _field(folder, rng, spec, n_field, tag)
    _sensors(folder, rng, spec, n_sensor, tag)
    return Written(news + n_field + n_sensor, news, copies, n_field, n_sensor)
