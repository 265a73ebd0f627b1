"""Benchmark the event classifier (truce.extract.classify): size, load time, cost per sentence, and
with --data, cross-validated accuracy on the dev split of the shared data (never its test split).

    .venv/bin/python benchmarks/classify.py [--data ../shared/data] [--folds 5]

The figures docs/classifier.md reports come from this script.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/machine.py
from machine import describe


def speed() -> None:
    from truce.extract import classify
    from truce.extract.training import artifact
    from truce.extract.training.corpus import team_samples

    folder = classify.model_folder()
    size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    started = time.perf_counter()
    model = artifact.load(folder)
    print(f"model {model.name} at {folder}: {size:.1f} MB on disk, load {time.perf_counter() - started:.2f} s, "
          f"{len(model.vocabulary.terms)} features, heads {', '.join(model.heads)}")
    sentences = [s.text for s in team_samples()[:3000]]
    classify.predict(sentences[:10], model=model)
    started = time.perf_counter()
    classify.predict(sentences, model=model)
    elapsed = time.perf_counter() - started
    print(f"cost: {elapsed / len(sentences) * 1e6:.0f} µs per sentence ({len(sentences) / elapsed:.0f} sentences/s, "
          f"batch of {len(sentences)}, one core)")


def crossval(data: Path, folds: int) -> None:
    from truce.extract import classify
    from truce.extract.training.crossval import classifier_figures

    started = time.perf_counter()
    scores = classifier_figures(data, classify.CIVILIAN_MIN, folds)
    print(f"cross-validated on the dev split, {folds} folds by text hash ({time.perf_counter() - started:.0f} s):")
    for name, score in sorted(scores.items()):
        balanced = name.endswith("target")
        print("  " + score.line(name, balanced=balanced)
              + (f" at P(civilian) >= {classify.CIVILIAN_MIN}" if balanced else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="the shared data folder (../shared/data)")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    print(describe())
    speed()
    if args.data is not None:
        crossval(args.data, args.folds)


if __name__ == "__main__":
    main()
