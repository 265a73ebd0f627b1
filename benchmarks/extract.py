"""Throughput of event extraction against a bare spaCy pass over the same texts.

Usage: .venv/bin/python benchmarks/extract.py [--articles 240] [--words 500]
Articles are built by recombining paragraphs of the expectation corpus (tests/extract/expect/*.txt)
with a fixed seed, each about --words words. Prints machine info, articles/s and words/s for the
bare `nlp.pipe` pass and for the whole extraction (`extract_many`: parse + triggers + arguments +
places + dates), their ratio, and peak memory (resource.getrusage).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/machine.py
from machine import describe

ROOT = Path(__file__).resolve().parents[1]


def build_articles(count: int, words: int) -> list[str]:
    paras: list[str] = []
    for path in sorted((ROOT / "tests" / "extract" / "expect").glob("*.txt")):
        paras += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 8]
    if not paras:
        paras = ["Russian forces shelled the village on Monday, killing two civilians, officials said.",
                 "Azerbaijan announced a ceasefire on Tuesday after talks in Brussels.",
                 "Protesters blocked the main road to the capital, demanding the release of detainees."]
    rng = random.Random(20240605)
    articles = []
    for _ in range(count):
        chosen: list[str] = []
        while sum(len(p.split()) for p in chosen) < words:
            chosen.append(rng.choice(paras))
        articles.append("\n\n".join(chosen))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--n-process", type=int, default=1,
                        help="also time a bare nlp.pipe pass with this many processes")
    args = parser.parse_args()

    from truce.extract.pipeline import extract, extract_many, paragraphs
    from truce.nlp import load_nlp

    nlp = load_nlp()
    articles = build_articles(args.articles, args.words)
    total_words = sum(len(a.split()) for a in articles)
    extract(articles[0], published="2024-01-01")  # warm up: model, gazetteer, lexicons, classifier

    start = time.perf_counter()
    for _ in nlp.pipe((p for a in articles for _, p in paragraphs(a)), batch_size=64):
        pass
    bare = time.perf_counter() - start

    multi = None
    if args.n_process > 1:
        start = time.perf_counter()
        for _ in nlp.pipe((p for a in articles for _, p in paragraphs(a)), batch_size=64,
                          n_process=args.n_process):
            pass
        multi = time.perf_counter() - start

    start = time.perf_counter()
    n_events = sum(len(evs) for evs in extract_many(((a, "2024-01-01") for a in articles), batch_size=64))
    whole = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    whole_multi = None
    if args.n_process > 1:
        start = time.perf_counter()
        multi_events = sum(len(evs) for evs in extract_many(((a, "2024-01-01") for a in articles), batch_size=64,
                                                            n_process=args.n_process))
        whole_multi = time.perf_counter() - start
        assert multi_events == n_events, "parsing in worker processes must not change the events"

    print(describe())
    print(f"articles: {len(articles)}, words: {total_words} ({total_words / len(articles):.0f} per article)")
    print(f"bare nlp.pipe:    {bare:7.2f} s  {len(articles) / bare:7.1f} articles/s  {total_words / bare:9.0f} words/s")
    print(f"whole extraction: {whole:7.2f} s  {len(articles) / whole:7.1f} articles/s  "
          f"{total_words / whole:9.0f} words/s  ({n_events} events)")
    if multi is not None:
        print(f"bare nlp.pipe, n_process={args.n_process}: {multi:7.2f} s  {len(articles) / multi:7.1f} articles/s")
    if whole_multi is not None and multi is not None:
        print(f"whole extraction, n_process={args.n_process}: {whole_multi:7.2f} s  "
              f"{len(articles) / whole_multi:7.1f} articles/s  {total_words / whole_multi:9.0f} words/s  "
              f"(ratio to bare n_process={args.n_process}: {whole_multi / multi:.2f})")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (other work on the machine skews figures)")
    print(f"ratio whole/bare: {whole / bare:.2f} (target <= 1.5)")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB (target < 1024)")


if __name__ == "__main__":
    main()
