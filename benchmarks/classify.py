"""Benchmark the event-type classifier (truce.extract.classify).

Prints accuracy and macro-F1 on the PLOVER gold-standard records (../shared/data/plover-gsr, a
development set we never train on), the same on a held-out split of our own sentences, model load
time and sentences per second, with machine information.

    .venv/bin/python benchmarks/classify.py [--gsr PATH] [--no-holdout] [--confusion]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/machine.py
from machine import describe

if TYPE_CHECKING:
    from truce.extract.classify import TypePrediction

REPO = Path(__file__).resolve().parents[1]
GSR = REPO.parent / "shared" / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
PLOVER_05_TO_20 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Macro-F1 over the gold labels' classes (a label never in gold is not averaged in)."""
    scores = []
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label and g != label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def report(title: str, gold: list[str], pred: list[str], confusion: bool) -> None:
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    print(f"{title}: n={len(gold)} accuracy={accuracy:.3f} macro-F1={macro_f1(gold, pred):.3f}")
    if confusion:
        per_type = Counter(gold)
        for label in sorted(per_type):
            wrong = Counter(p for g, p in zip(gold, pred, strict=True) if g == label and p != label)
            right = per_type[label] - sum(wrong.values())
            print(f"  {label:10s} {right:3d}/{per_type[label]:3d}  confused with: {dict(wrong.most_common(4))}")


def gsr(path: Path, confusion: bool) -> None:
    from truce.extract.classify import predict

    records = [r for r in json.loads(path.read_text()) if r.get("event") != "DOCUMENT"]
    gold = [PLOVER_05_TO_20.get(r["event"], r["event"]) for r in records]
    predictions = predict([r["eventText"] for r in records])
    report("PLOVER-GSR (type, NONE counts as wrong)", gold,
           [p.type or "NONE" for p in predictions], confusion)
    modes(records, gold, predictions)
    best_type = [max((k for k in p.scores if k != "NONE"), key=p.scores.__getitem__) for p in predictions]
    report("PLOVER-GSR (best event type, NONE excluded)", gold, best_type, False)


def modes(records: list[dict[str, Any]], gold: list[str], predictions: list[TypePrediction]) -> None:
    """Mode agreement where the gold record has a mode our model can name and the type is right."""
    from truce.extract.classify import _load

    known = {(t, str(m)) for t, clf in _load().modes.items() for m in clf.classes_ if m}
    tally: Counter[str] = Counter()
    for record, want, got in zip(records, gold, predictions, strict=True):
        if (want, record.get("mode") or "") in known and got.type == want:
            tally["same" if got.mode == record["mode"] else "none" if got.mode is None else "other"] += 1
    print(f"PLOVER-GSR modes (type right, gold mode nameable): n={sum(tally.values())} "
          f"same={tally['same']} left None={tally['none']} different={tally['other']}")


def holdout(confusion: bool) -> None:
    """Train on 80% of our sentences (stratified, seeded) and score the other 20%."""
    from truce.extract.training.generate import read_tsv
    from truce.extract.training.train import GENERATED, HANDWRITTEN, fit

    hand, generated = read_tsv(HANDWRITTEN), read_tsv(GENERATED)
    rng = random.Random(7)
    test_hand = set(rng.sample(range(len(hand)), len(hand) // 5))
    test_gen = set(rng.sample(range(len(generated)), len(generated) // 5))
    train = [e for i, e in enumerate(hand) if i not in test_hand]
    train += [e for i, e in enumerate(generated) if i not in test_gen]
    model = fit(train)
    for title, rows in (("held-out hand-written", [hand[i] for i in sorted(test_hand)]),
                        ("held-out generated", [generated[i] for i in sorted(test_gen)])):
        if not rows:
            continue
        pred = model.types.predict(model.vectoriser.transform([e.text for e in rows]))
        report(title, [e.type for e in rows], [str(p) for p in pred], confusion and "hand" in title)


def speed() -> None:
    import truce.extract.classify as classify
    from truce.extract.training.generate import read_tsv
    from truce.extract.training.train import HANDWRITTEN

    classify.predict(["warm-up: the model is built or read from the cache"])
    import joblib

    started = time.perf_counter()
    joblib.load(classify.model_path())
    print(f"model load: {time.perf_counter() - started:.2f} s ({classify.model_path().stat().st_size / 1e6:.1f} MB)")
    sentences = [e.text for e in read_tsv(HANDWRITTEN)] * 3
    started = time.perf_counter()
    classify.predict(sentences)
    elapsed = time.perf_counter() - started
    print(f"throughput: {len(sentences) / elapsed:.0f} sentences/s (batch of {len(sentences)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gsr", type=Path, default=GSR)
    parser.add_argument("--no-holdout", action="store_true")
    parser.add_argument("--confusion", action="store_true", help="per-type counts and confusions")
    args = parser.parse_args()
    print(describe())
    speed()
    if args.gsr.exists():
        gsr(args.gsr, args.confusion)
    else:
        print(f"PLOVER-GSR: {args.gsr} absent, skipped")
    if not args.no_holdout:
        holdout(args.confusion)


if __name__ == "__main__":
    main()
