"""Benchmark the geoparser: gazetteer build, size and load time; articles per second beyond spaCy.

    .venv/bin/python benchmarks/geo.py [--articles 240] [--gazetteer PATH]

Without --gazetteer the index is built afresh in a temporary folder (about 30-45 s) so the build
time is measured too. The spaCy pass (nlp.pipe) is timed alone, then `places_in_doc` on the same
Docs: the second figure is what geoparsing adds to the extraction stage's own parse. Both are
measured on generated conflict articles and, when ../shared/data/geovirus is there, on the real
Wikinews articles of GeoVirus (texts only; no gold is read), whose place names the generator
does not choose.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/machine.py
from machine import describe

PLACES = [
    "Bakhmut", "Avdiivka", "Kherson", "Zaporizhzhia", "Kharkiv", "Odesa", "Mariupol", "Donetsk", "Luhansk",
    "Crimea", "Stepanakert", "Shusha", "Lachin", "Goris", "Yerevan", "Baku", "Ganja", "Tbilisi", "Gori",
    "Gaza", "Rafah", "Khan Younis", "Jenin", "Nablus", "Beirut", "Tyre", "Damascus", "Aleppo", "Idlib",
    "Gao", "Timbuktu", "Bamako", "Ouagadougou", "Niamey", "Maiduguri", "Mekelle", "Tigray", "Darfur",
    "El Fasher", "Khartoum", "Mogadishu", "Goma", "Srinagar", "Poonch", "Peshawar", "Sittwe", "Lashio",
    "Mandalay", "Transnistria", "Abkhazia", "Tripoli", "Benghazi", "Mosul", "Erbil",
]
COUNTRIES = ["Ukraine", "Russia", "Azerbaijan", "Armenia", "Georgia", "Israel", "Lebanon", "Syria", "Mali",
             "Niger", "Ethiopia", "Sudan", "Somalia", "India", "Pakistan", "Myanmar", "Libya", "Iraq", "Turkey"]
DEMONYMS = ["Turkish", "Russian", "Ukrainian", "Azeri", "Israeli", "Palestinian", "Sudanese", "Malian"]
TEMPLATES = [
    "{dem} forces shelled positions near {p1} on {day}, officials in {c1} said.",
    "Residents of {p1} reported explosions overnight, and power was cut in parts of {p2}.",
    "{cap} denied the claims and accused {c2} of violating the ceasefire around {p2}.",
    "Aid convoys waited outside {p1} while negotiators met in {p3}.",
    "A drone struck a fuel depot in {p1}, the {dem} defence ministry said in a statement.",
    "Fighting also continued around {p2} and {p3}, according to local monitors.",
    "The United Nations said more than {n} people had fled {p1} since the start of the month.",
    "{person} told reporters in {p3} that talks on {c1} would resume next week.",
    "Monitors recorded {n} explosions near {p2} between 18:00 and 22:00 local time.",
    "The ministry in {c2} said its troops had withdrawn from {p1} to positions closer to {p3}.",
]
PEOPLE = ["Ilham Aliyev", "Nikol Pashinyan", "Volodymyr Zelensky", "Abiy Ahmed", "Antonio Guterres"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CAPITALS = ["Moscow", "Kyiv", "Ankara", "Baku", "Yerevan", "Damascus", "Addis Ababa", "Islamabad"]


def make_articles(count: int, seed: int = 7) -> list[str]:
    """`count` varied articles of 8-16 sentences built from templates and real place names."""
    rng = random.Random(seed)
    articles = []
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(8, 16)):
            p1, p2, p3 = rng.sample(PLACES, 3)
            c1, c2 = rng.sample(COUNTRIES, 2)
            sentences.append(rng.choice(TEMPLATES).format(
                p1=p1, p2=p2, p3=p3, c1=c1, c2=c2, dem=rng.choice(DEMONYMS), cap=rng.choice(CAPITALS),
                day=rng.choice(DAYS), n=rng.randint(2, 5000), person=rng.choice(PEOPLE)))
        articles.append(" ".join(sentences))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--gazetteer", type=Path, default=None, help="use this index instead of building one")
    args = parser.parse_args()

    from truce.geo.build import build_gazetteer
    from truce.geo.gazetteer import Gazetteer
    from truce.geo.resolve import places_in_doc
    from truce.nlp import load_nlp

    print(f"machine: {describe()}")
    with tempfile.TemporaryDirectory() as folder:
        path = args.gazetteer
        if path is None:
            path = Path(folder) / "gazetteer.sqlite"
            report = build_gazetteer(path)
            print(f"gazetteer build: {report.seconds:.1f} s, {report.places:,} places, {report.aliases:,} names")
        print(f"gazetteer size on disk: {path.stat().st_size / 1e6:.1f} MB")
        started = time.perf_counter()
        gazetteer = Gazetteer(path)
        gazetteer.candidates("Stepanakert")
        print(f"gazetteer load (open + first lookup): {(time.perf_counter() - started) * 1000:.1f} ms")
        names = [f"{p}{i}" for i in range(20) for p in PLACES]  # distinct keys: no cache hits
        started = time.perf_counter()
        for name in names:
            gazetteer.candidates(name)
        print(f"lookup (uncached): {(time.perf_counter() - started) / len(names) * 1e6:.0f} µs per name")

        nlp = load_nlp()
        list(nlp.pipe(PLACES[:5]))  # warm up
        for label, articles in (("generated", make_articles(args.articles)), ("GeoVirus (real)", real_articles())):
            if not articles:
                print(f"{label}: skipped (../shared/data/geovirus/geovirus.jsonl not found)")
                continue
            words = sum(len(a.split()) for a in articles)
            started = time.perf_counter()
            docs = list(nlp.pipe(articles))
            spacy_s = time.perf_counter() - started
            started = time.perf_counter()
            mentions = sum(len(places_in_doc(doc, gazetteer)) for doc in docs)
            geo_s = time.perf_counter() - started
            print(f"{label}: {len(articles)} articles ({words / len(articles):.0f} words each), "
                  f"{mentions:,} place mentions")
            print(f"  spaCy pass alone (nlp.pipe): {spacy_s:.2f} s = {len(articles) / spacy_s:.1f} articles/s")
            print(f"  geoparsing beyond the spaCy pass: {geo_s:.2f} s = {len(articles) / geo_s:.1f} articles/s "
                  f"= {words / geo_s:,.0f} words/s (target >= 50 articles/s of 500 words)")
        gazetteer.close()


def real_articles() -> list[str]:
    """The texts of the GeoVirus articles (Wikinews, CC BY 2.5) beside the project, if present."""
    import json

    path = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geovirus" / "geovirus.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


if __name__ == "__main__":
    main()
