"""Benchmark the event classifier (truce.extract.classify): size, load time, cost per sentence, and
with --data, cross-validated accuracy on the dev split of the shared data (never its test split).

    .venv/bin/python benchmarks/classify.py [--data ../shared/data] [--folds 5]
    .venv/bin/python benchmarks/classify.py --data ../shared/data --pipeline [--cache DIR] [--dump FILE]

--pipeline scores whole extraction on the UCDP dev units of ../shared/tools/dev_eval.py (same
sample, same measures: violent event found, one-sided balanced accuracy), each unit read with the
model of the fold that never saw it, so the figure is honest for a model trained on the dev split.
--cache keeps the fold models (reused while the recipe is unchanged); --dump writes one JSON line
per unit (gold kind, primary event's ACLED pair, the learned P(civilian) and the rules' evidence)
for studying the decision offline. The figures docs/classifier.md reports come from this script.
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


def _dev_eval(tools: Path):  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location("_dev_eval", tools / "dev_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["_dev_eval"] = module
    spec.loader.exec_module(module)
    return module


_parts: dict[str, object] = {}


def _fold_model(data: Path, k: int, folds: int, cache: Path | None):  # type: ignore[no-untyped-def]
    from truce.extract.training import artifact
    from truce.extract.training.crossval import fold_model
    from truce.extract.training.shipped import sources

    folder = cache / f"fold-{k}" if cache else None
    if folder is not None and (folder / "model.json").exists():
        return artifact.load(folder)
    if "parts" not in _parts:  # parsing the UCDP headlines once for every fold
        _parts["parts"] = sources(data)
    model = fold_model(_parts["parts"], k, folds)  # type: ignore[arg-type]
    if folder is not None:
        artifact.save(model, folder)
    return model


def pipeline(data: Path, tools: Path, folds: int, cache: Path | None, dump: Path | None) -> None:
    import json

    from truce.extract import classify
    from truce.extract.pipeline import extract
    from truce.extract.training.corpus import fold_of

    ev = _dev_eval(tools)
    items, _population, _bad = ev.load_ucdp(data / "ucdp-ged" / "ged_events.jsonl", None)
    items = ev.in_split(items, "dev")
    seen: dict[str, dict[str, object]] = {}
    original = classify.refine_event

    def spy(event, prediction, scene=None):  # type: ignore[no-untyped-def]
        evidence = classify.TargetEvidence.of(event, scene)
        seen[event.id] = {"pair": [event.acled.event_type, event.acled.sub_event_type],
                          "civilian": prediction.civilian if prediction else None,
                          "armed_seen": evidence.armed, "civilian_seen": evidence.civilian}
        return original(event, prediction, scene)

    classify.refine_event = spy  # type: ignore[assignment]
    import truce.extract.paragraph  # noqa: F401  (imports refine_event lazily from classify)

    violent = {1: [0, 0], 2: [0, 0], 3: [0, 0]}
    confusion = {"tp": 0, "fn": 0, "tn": 0, "fp": 0}
    lines = []
    started = time.perf_counter()
    for k in range(folds):
        classify.install(_fold_model(data, k, folds, cache))
        for item in (i for i in items if fold_of(i["text"], folds) == k):
            seen.clear()
            events = [e.to_dict() for e in extract(item["text"], published=item["published"])]
            kind = item["type"]
            found = any(e["type"] == "ASSAULT" or (e.get("acled") or {}).get("event_type") in ev.VIOLENT_ACLED
                        for e in events)
            violent[kind][0] += found
            violent[kind][1] += 1
            primary = ev.primary_event(events)
            onesided = bool(primary and (primary.get("acled") or {}).get("event_type") == "Violence against civilians")
            confusion[("tp" if onesided else "fn") if kind == 3 else ("fp" if onesided else "tn")] += 1
            lines.append({"fold": k, "kind": kind, "text": item["text"], "violent": found, "onesided": onesided,
                          "primary": (primary or {}).get("acled"), "refine": seen.get((primary or {}).get("id", ""))})
    classify.refine_event = original  # type: ignore[assignment]
    classify.unload()
    units = sum(n for _, n in violent.values())
    recall = confusion["tp"] / max(confusion["tp"] + confusion["fn"], 1)
    specificity = confusion["tn"] / max(confusion["tn"] + confusion["fp"], 1)
    print(f"whole extraction, UCDP dev units read by the fold model that never saw them ({units} units, "
          f"{time.perf_counter() - started:.0f} s):")
    print(f"  violent event found {sum(h for h, _ in violent.values()) / units:.3f} "
          f"({', '.join(f'type {t} {h / max(n, 1):.3f} of {n}' for t, (h, n) in violent.items())})")
    print(f"  one-sided balanced accuracy {(recall + specificity) / 2:.3f} (type 3 recall {recall:.3f}, "
          f"types 1-2 specificity {specificity:.3f})")
    if dump is not None:
        dump.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="the shared data folder (../shared/data)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--pipeline", action="store_true", help="whole extraction on UCDP dev units, cross-validated")
    parser.add_argument("--tools", type=Path, default=Path("../shared/tools"), help="folder of dev_eval.py")
    parser.add_argument("--cache", type=Path, default=None, help="keep / reuse the fold models here")
    parser.add_argument("--dump", type=Path, default=None, help="one JSON line per unit (with --pipeline)")
    args = parser.parse_args()
    print(describe())
    if args.pipeline:
        pipeline(args.data or Path("../shared/data"), args.tools, args.folds, args.cache, args.dump)
        return
    speed()
    if args.data is not None:
        crossval(args.data, args.folds)


if __name__ == "__main__":
    main()
