"""Throughput of event extraction against a bare spaCy pass over the same texts.

Usage: .venv/bin/python benchmarks/extract.py [--kinds real,dense,corpus] [--articles 240] [--words 500]
       [--dense-words 40000] [--data ../shared/data] [--repeat 2] [--profile FILE] [--megabyte] [--n-process 1]

Three kinds of text, each timed as a bare `nlp.pipe` pass over its paragraphs (the same spaCy
pipeline extraction loads) and as the whole extraction (`extract_many`: parse + triggers +
arguments + actors + places + dates + classifier), back to back in this process, so the ratio
holds on a machine shared with other work even when the articles/s do not:
- real: news the team never wrote, read from --data at run time (never copied into the
  repository): the Wikinews conflict articles (each ~450 words, with its own publication date) and
  the GeoVirus Wikinews articles grouped or cut at sentence ends into articles of about --words
  words; skipped with a note when the folder is absent;
- event-dense: monitoring-style prose in which every sentence reports an event (observations,
  tallies, shelling, tolls, ministry statements), generated here from templates with a fixed seed,
  in articles of about --words words;
- corpus: articles recombined from paragraphs of tests/extract/expect/*.txt (fixed seed).
`--n-process N` times the bare pass with spaCy's N parse processes and the whole extraction in N
extraction workers (truce.extract.workers, what `truce run` uses), each reading whole reports.
`--repeat N` times each pass N times, alternating, and keeps each one's fastest run (contention
only ever slows a run down). `--profile FILE` writes a cProfile of one whole extraction of the
real articles. `--megabyte` also extracts one 1 MB event-dense text in a child process and prints
its wall time and the child's peak memory (issue 8: under 2 minutes on 2 cores, under 1 GB).
Prints the machine and its load, then per kind: articles/s, words/s, the ratio whole/bare
(target <= 1.5) and the process's peak memory.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/machine.py
from machine import describe

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = "2022-05-20"

_PLACES = ["Horlivka", "Avdiivka", "Donetsk", "Shyrokyne", "Stanytsia Luhanska", "Popasna", "Yasynuvata",
           "Marinka", "Krasnohorivka", "Zolote", "Svitlodarsk", "Debaltseve", "Mariupol", "Luhansk"]
_WEAPONS = ["mortar", "artillery", "tank", "heavy-machine-gun", "automatic-grenade-launcher", "small-arms"]
_TEMPLATES = [
    "On {d} May, the SMM recorded {n} ceasefire violations, including {m} explosions, in Donetsk region.",
    "Positioned in {p}, the SMM heard {n} undetermined explosions {k} km south-west of its position.",
    "The SMM heard {n} bursts of {w} fire {k}-{k2} km north of {p}, assessed as outgoing.",
    "Government forces fired {w} rounds at the positions of the armed formations near {p} on {d} May.",
    "The bodies of {n} civilians with gunshot wounds were found near {p}, local officials said.",
    "Shelling killed {n} civilians and wounded {m} others in {p} on Tuesday, the regional governor said.",
    "A mini-UAV operated by the SMM was targeted by small-arms fire near {p}.",
    "The SMM did not register any ceasefire violations in {p}.",
    "Russian forces shelled {p} overnight with {w}, damaging three houses, the defence ministry said.",
    "From positions in {p} and {p2}, fire was opened on our positions near {p3}, the ministry said.",
    "Rebels attacked a checkpoint near {p}, killing {n} soldiers, officials said on {d} May.",
    "An artillery strike hit a school in {p}, wounding {m} children, according to the local administration.",
]


def _dense_sentence(rng: random.Random) -> str:
    p, p2, p3 = rng.sample(_PLACES, 3)
    k = rng.randint(1, 6)
    return rng.choice(_TEMPLATES).format(d=rng.randint(1, 19), n=rng.randint(2, 60), m=rng.randint(1, 30), p=p,
                                         p2=p2, p3=p3, k=k, k2=k + rng.randint(1, 3), w=rng.choice(_WEAPONS))


def dense_articles(total_words: int, words: int, seed: int = 20240607) -> list[str]:
    """Event-dense articles of about `words` words (paragraphs of three to six event sentences)."""
    rng = random.Random(seed)
    articles: list[str] = []
    made = 0
    while made < total_words:
        paras: list[str] = []
        while sum(len(p.split()) for p in paras) < words:
            paras.append(" ".join(_dense_sentence(rng) for _ in range(rng.randint(3, 6))))
        article = "\n\n".join(paras)
        articles.append(article)
        made += len(article.split())
    return articles


def corpus_articles(count: int, words: int) -> list[str]:
    paras: list[str] = []
    for path in sorted((ROOT / "tests" / "extract" / "expect").glob("*.txt")):
        paras += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 8]
    rng = random.Random(20240605)
    articles = []
    for _ in range(count if paras else 0):
        chosen: list[str] = []
        while sum(len(p.split()) for p in chosen) < words:
            chosen.append(rng.choice(paras))
        articles.append("\n\n".join(chosen))
    return articles


Article = tuple[str, str | None]  # (text, publication date)


def real_articles(data: Path, words: int) -> list[Article]:
    """Wikinews conflict articles as they are, then GeoVirus articles grouped to about `words` words."""
    out: list[Article] = []
    folder = data / "wikinews-conflict"
    for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
        expect = path.with_name(path.stem + ".expect.json")
        published = json.loads(expect.read_text(encoding="utf-8"))["report"]["published"] if expect.is_file() else None
        out.append((path.read_text(encoding="utf-8"), published or PUBLISHED))
    geovirus = data / "geovirus" / "geovirus.jsonl"
    if geovirus.is_file():
        texts = [json.loads(line)["text"] for line in geovirus.read_text(encoding="utf-8").splitlines() if line.strip()]
        out += [(text, PUBLISHED) for text in grouped(texts, words)]
    return out


def grouped(texts: list[str], words: int) -> list[str]:
    """Texts joined as paragraphs into articles of about `words` words; a longer text is cut at
    sentence ends into pieces of about that size first."""
    pieces: list[str] = []
    for text in texts:
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text.strip())
        current: list[str] = []
        for sentence in sentences:
            current.append(sentence)
            if sum(len(s.split()) for s in current) >= words:
                pieces.append(" ".join(current))
                current = []
        if current:
            pieces.append(" ".join(current))
    articles: list[str] = []
    current = []
    for piece in pieces:
        current.append(piece)
        if sum(len(p.split()) for p in current) >= words * 0.8:
            articles.append("\n\n".join(current))
            current = []
    if current:
        articles.append("\n\n".join(current))
    return articles


def _timed(run: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    n = run()
    return time.perf_counter() - start, n


def _best(runs: list[Callable[[], int]], repeat: int) -> list[tuple[float, int]]:
    """Each run's fastest time over `repeat` alternating rounds (and what it counted)."""
    best: list[tuple[float, int]] = [(float("inf"), 0)] * len(runs)
    for _ in range(max(1, repeat)):
        for i, run in enumerate(runs):
            took, n = _timed(run)
            best[i] = min(best[i], (took, n))
    return best


def measure(name: str, articles: list[Article], n_process: int, repeat: int = 1) -> None:
    """Print bare and whole figures for one kind of text."""
    from truce.extract.pipeline import extract_many, paragraphs
    from truce.extract.workers import ExtractionWorkers
    from truce.nlp import load_nlp

    if not articles:
        print(f"{name}: skipped (no texts)")
        return
    nlp = load_nlp()
    words = sum(len(a.split()) for a, _ in articles)
    pieces = [p for a, _ in articles for _, p in paragraphs(a)]

    def bare() -> int:
        return sum(1 for _ in nlp.pipe(pieces, batch_size=64, n_process=n_process))

    def whole() -> int:
        if n_process == 1:
            return sum(len(evs) for evs in extract_many(articles, batch_size=64))
        # What `truce run` does with TRUCE_EXTRACT_WORKERS: whole reports in worker processes
        # (the pool's start is timed too).
        with ExtractionWorkers(n_process) as workers:
            return sum(len(evs) for evs in workers.extract_many(articles))

    (bare_s, _), (whole_s, events) = _best([bare, whole], repeat)
    n = len(articles)
    print(f"{name}: {n} articles, {words} words ({words / n:.0f} per article), n_process={n_process}, "
          f"best of {max(1, repeat)}")
    print(f"  bare nlp.pipe:    {bare_s:7.2f} s  {n / bare_s:7.1f} articles/s  {words / bare_s:8.0f} words/s")
    print(f"  whole extraction: {whole_s:7.2f} s  {n / whole_s:7.1f} articles/s  {words / whole_s:8.0f} words/s"
          f"  ({events} events, {events / n:.1f} per article)")
    print(f"  ratio whole/bare: {whole_s / bare_s:.2f} (goal <= 1.5)   load average now {os.getloadavg()[0]:.2f}")


def profile(articles: list[Article], path: Path) -> None:
    """cProfile of one whole extraction of `articles`, written to `path` (read with pstats)."""
    from truce.extract.pipeline import extract_many

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in extract_many(articles, batch_size=64):
        pass
    profiler.disable()
    profiler.dump_stats(str(path))
    print(f"profile of the real articles written to {path}")


def megabyte_child() -> None:
    """Extract one 1 MB event-dense text (run in a child process, so its peak memory is its own)."""
    from truce.extract.pipeline import extract

    text = "\n\n".join(dense_articles(200_000, 2_000, seed=20240608))
    text = text.encode("utf-8")[:1_000_000].decode("utf-8", "ignore")
    start = time.perf_counter()
    events = extract(text, published=PUBLISHED)
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"1 MB event-dense text ({len(text.split())} words): {took:.1f} s, {len(events)} events, "
          f"{len(text.split()) / took:.0f} words/s, peak memory {peak:.0f} MB (targets: < 120 s, < 1024 MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kinds", default="real,dense,corpus", help="which texts, comma-separated")
    parser.add_argument("--articles", type=int, default=240, help="recombined corpus articles")
    parser.add_argument("--words", type=int, default=500, help="words per generated or grouped article")
    parser.add_argument("--dense-words", type=int, default=40_000, help="words of event-dense text")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data", help="shared data folder")
    parser.add_argument("--repeat", type=int, default=1, help="time each pass this many times, keep the fastest")
    parser.add_argument("--profile", type=Path, help="write a cProfile of extracting the real articles here")
    parser.add_argument("--megabyte", action="store_true", help="also time one 1 MB event-dense text")
    parser.add_argument("--n-process", type=int, default=1,
                        help="worker processes: spaCy's for the bare pass, Truce's extraction workers for the whole")
    parser.add_argument("--megabyte-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.megabyte_child:
        megabyte_child()
        return

    from truce.extract.pipeline import extract

    kinds = set(args.kinds.split(","))
    print(describe())
    print(f"load average at the start: {os.getloadavg()[0]:.2f} (other work on the machine slows both passes)")
    extract("Government forces shelled the town on Monday, killing two civilians.", published=PUBLISHED)  # warm up
    real = real_articles(args.data, args.words) if "real" in kinds or args.profile else []
    if "real" in kinds:
        if not real:
            print(f"real: skipped ({args.data} holds no wikinews-conflict/ or geovirus/ texts)")
        measure(f"real (Wikinews conflict articles and GeoVirus articles grouped to ~{args.words} words, {args.data})",
                real, args.n_process, args.repeat)
    if "dense" in kinds:
        measure("event-dense (generated monitoring prose)",
                [(a, PUBLISHED) for a in dense_articles(args.dense_words, args.words)], args.n_process, args.repeat)
    if "corpus" in kinds:
        measure("corpus (recombined tests/extract/expect paragraphs)",
                [(a, PUBLISHED) for a in corpus_articles(args.articles, args.words)], args.n_process, args.repeat)
    if args.profile and real:
        profile(real, args.profile)
    print(f"peak memory of this process (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
          f", of its largest worker: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")
    if args.megabyte:
        subprocess.run([sys.executable, __file__, "--megabyte-child"], check=True)
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (other work on the machine skews figures)")


if __name__ == "__main__":
    main()
