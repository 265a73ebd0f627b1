"""Throughput of event extraction against a bare spaCy pass over the same texts.

Usage: .venv/bin/python benchmarks/extract.py [--articles 240] [--words 500] [--dense-words 40000]
       [--data ../shared/data] [--megabyte] [--n-process 1]

Three kinds of text, each timed as a bare `nlp.pipe` pass over its paragraphs and as the whole
extraction (`extract_many`: parse + triggers + arguments + actors + places + dates + classifier):
- event-dense: monitoring-style prose in which every sentence reports an event (observations,
  tallies, shelling, tolls, ministry statements), generated here from templates with a fixed seed,
  in articles of about --words words;
- real: the Wikinews conflict articles of the shared data (read from --data at run time, never
  copied into the repository); skipped with a note when the folder is absent;
- corpus: articles recombined from paragraphs of tests/extract/expect/*.txt (fixed seed).
`--megabyte` also extracts one 1 MB event-dense text in a child process and prints its wall time
and the child's peak memory (issue 8: under 2 minutes on 2 cores, under 1 GB).
Prints the machine, then per kind: articles/s, words/s, the ratio whole/bare (target <= 1.5; must
stay within 3) and the process's peak memory.
"""

from __future__ import annotations

import argparse
import os
import random
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


def real_articles(data: Path) -> list[str]:
    folder = data / "wikinews-conflict"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))] if folder.is_dir() else []


def _timed(run: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    n = run()
    return time.perf_counter() - start, n


def measure(name: str, articles: list[str], n_process: int) -> None:
    """Print bare and whole figures for one kind of text."""
    from truce.extract.pipeline import extract_many, paragraphs
    from truce.nlp import load_nlp

    if not articles:
        print(f"{name}: skipped (no texts)")
        return
    nlp = load_nlp()
    words = sum(len(a.split()) for a in articles)
    pieces = [p for a in articles for _, p in paragraphs(a)]
    bare, _ = _timed(lambda: sum(1 for _ in nlp.pipe(pieces, batch_size=64, n_process=n_process)))
    whole, events = _timed(lambda: sum(len(evs) for evs in extract_many(((a, PUBLISHED) for a in articles),
                                                                        batch_size=64, n_process=n_process)))
    print(f"{name}: {len(articles)} articles, {words} words ({words / len(articles):.0f} per article), "
          f"n_process={n_process}")
    print(f"  bare nlp.pipe:    {bare:7.2f} s  {len(articles) / bare:7.1f} articles/s  {words / bare:8.0f} words/s")
    print(f"  whole extraction: {whole:7.2f} s  {len(articles) / whole:7.1f} articles/s  {words / whole:8.0f} words/s"
          f"  ({events} events, {events / len(articles):.1f} per article)")
    print(f"  ratio whole/bare: {whole / bare:.2f} (goal <= 1.5, must stay <= 3)")


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
    parser.add_argument("--articles", type=int, default=240, help="recombined corpus articles")
    parser.add_argument("--words", type=int, default=500, help="words per generated article")
    parser.add_argument("--dense-words", type=int, default=40_000, help="words of event-dense text")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data", help="shared data folder")
    parser.add_argument("--megabyte", action="store_true", help="also time one 1 MB event-dense text")
    parser.add_argument("--n-process", type=int, default=1, help="spaCy worker processes")
    parser.add_argument("--megabyte-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.megabyte_child:
        megabyte_child()
        return

    from truce.extract.pipeline import extract

    print(describe())
    extract("Government forces shelled the town on Monday, killing two civilians.", published=PUBLISHED)  # warm up
    measure("event-dense (generated monitoring prose)", dense_articles(args.dense_words, args.words), args.n_process)
    measure(f"real (Wikinews conflict articles, {args.data / 'wikinews-conflict'})", real_articles(args.data),
            args.n_process)
    measure("corpus (recombined tests/extract/expect paragraphs)", corpus_articles(args.articles, args.words),
            args.n_process)
    print(f"peak memory of this process (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if args.megabyte:
        subprocess.run([sys.executable, __file__, "--megabyte-child"], check=True)
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (other work on the machine skews figures)")


if __name__ == "__main__":
    main()
