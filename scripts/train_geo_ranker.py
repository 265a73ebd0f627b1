#!/usr/bin/env python3
"""Train the namesake ranker (src/truce/geo/ranker.json) on the dev splits of GeoVirus and WikToR.

usage (from the project root, with the project's virtual environment and gazetteer):
    TRUCE_GAZETTEER_PATH=.venv/gazetteer.sqlite .venv/bin/python scripts/train_geo_ranker.py \
        [--shared ../shared] [--out src/truce/geo/ranker.json] [--rounds 2]

Only texts that `split_of` (../shared/tools/dev_eval.py) puts in `dev` are read; the test split is
never opened. Each gold toponym the recogniser finds becomes one group: the gazetteer's candidates
for its name, described by `truce.geo.ranker.features` in the document's context, the candidate
nearest the gold point (if within 161 km) labelled 1 and the others 0. A logistic regression is
fitted on the groups (each distinct toponym of a text weighs the same, or with --per-mention each
gold mention; GeoVirus and WikToR weigh equally); the
first round's context comes from hand-set weights mirroring the old rules (`RULE_WEIGHTS`), each
later round's from the model of the round before, as it will at run time. Of the rounds' models
the one with the best end-to-end dev accuracy (resolved within 161 km, mean of both corpora) is
kept. Top-1 accuracy by 5-fold cross
validation over documents is printed and stored with the weights. Deterministic: same data, same
gazetteer, same weights.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

GOLD_KM = 161.0
ROOT = Path(__file__).resolve().parents[1]


def load_split_of(shared: Path) -> Callable[[str], str]:
    """`split_of` from the shared evaluation tool, so training and evaluation split alike."""
    spec = importlib.util.spec_from_file_location("dev_eval", shared / "tools" / "dev_eval.py")
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load {shared / 'tools' / 'dev_eval.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.split_of  # type: ignore[no-any-return]


Gold = list[tuple[int, int, float, float]]  # start, end, lat, lon


def dev_articles(shared: Path, split_of: Callable[[str], str]) -> list[tuple[str, str, Gold]]:
    """(corpus, text, gold spans with their point) of every dev article of both corpora."""
    articles = []
    for line in (shared / "data" / "geovirus" / "geovirus.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if split_of(record["text"]) == "dev":
            gold = [(g["start"], g["end"], float(g["lat"]), float(g["lon"])) for g in record["locations"]]
            articles.append(("geovirus", record["text"], gold))
    for line in (shared / "data" / "wiktor" / "wiktor.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("lat") is None or not record.get("mentions") or split_of(record["text"]) != "dev":
            continue
        gold = [(m["start"], m["end"], float(record["lat"]), float(record["lon"])) for m in record["mentions"]]
        articles.append(("wiktor", record["text"], gold))
    return articles


# The starting point of round 1: hand-set weights that mirror the rules the ranker replaced
# (truce.geo.rank.v1), so training never depends on the ranker it is about to overwrite.
RULE_WEIGHTS = {
    "kind_country": 4.0, "kind_region": 7.0, "kind_capital": 3.0, "kind_feature": -0.5, "kind_adm1": -2.5,
    "kind_adm2": -4.0, "log_population": 7.0, "loose": -2.0, "primary_name": 1.0, "hint_admin_match": 5.5,
    "hint_admin_other": -1.0, "hint_settlement_match": 3.0, "hint_settlement_other": -3.0, "country_named": 4.0,
    "other_countries_named": -1.5, "near_1000": 0.4, "near_400": 0.8, "near_100": 0.8, "near_25": 0.5, "far": -3.0,
    "admin1_named": 2.0,
}


def groups_of(doc: Any, gold: Gold) -> tuple[list[tuple[np.ndarray, np.ndarray, int]], int]:
    """(features, labels, mentions) of each distinct gold toponym the recogniser found, with a correct
    candidate (`mentions`: how many gold mentions share it, so each gold mention weighs the same);
    and how many gold mentions the active model resolves within 161 km, end to end."""
    from truce.geo.gazetteer import get_gazetteer
    from truce.geo.geometry import haversine_km
    from truce.geo.names import fold
    from truce.geo.rank import feature_rows
    from truce.geo.resolve import mentions_from, resolution_passes

    pending, seats, context = resolution_passes(doc, get_gazetteer())
    mentions = mentions_from(pending, seats, context)
    right = 0
    for start, end, lat, lon in gold:
        near = [haversine_km(lat, lon, m.lat, m.lon) for m in mentions
                if m.start < end and start < m.end and m.lat is not None and m.lon is not None]
        right += bool(near) and min(near) <= GOLD_KM
    groups, seen = [], set()
    counts: dict[tuple[str, tuple[float, float]], int] = {}
    for item in pending:
        t = item.toponym
        point = next(((lat, lon) for s, e, lat, lon in gold if t.start < e and s < t.end), None)
        if point is not None:
            counts[(t.lookup.casefold(), point)] = counts.get((t.lookup.casefold(), point), 0) + 1
    for item in pending:
        t = item.toponym
        point = next(((lat, lon) for s, e, lat, lon in gold if t.start < e and s < t.end), None)
        if point is None or (t.lookup.casefold(), point) in seen or len(item.candidates) < 2:
            continue
        seen.add((t.lookup.casefold(), point))
        distances = [haversine_km(point[0], point[1], c.lat, c.lon) for c in item.candidates]
        best = int(np.argmin(distances))
        if distances[best] > GOLD_KM:
            continue  # no candidate is right: nothing to learn about choosing
        own = context.contributed.get(fold(t.lookup))
        rows = feature_rows(item.candidates, t.lookup, t.hint, context, own, t.text)
        labels = np.zeros(len(rows))
        labels[best] = 1.0
        groups.append((np.array(rows), labels, counts[(t.lookup.casefold(), point)]))
    return groups, right


Group = tuple[str, int, np.ndarray, np.ndarray, int]  # corpus, document number, features, labels, mentions


def collect(docs: list[Any], articles: list[Any]) -> tuple[list[Group], dict[str, float]]:
    """Every group of every document, and the active model's end-to-end accuracy per corpus."""
    out = []
    right: dict[str, list[int]] = {}
    for number, (doc, (corpus, _, gold)) in enumerate(zip(docs, articles, strict=True)):
        groups, hits = groups_of(doc, gold)
        out.extend((corpus, number, x, y, n) for x, y, n in groups)
        tally = right.setdefault(corpus, [0, 0])
        tally[0] += hits
        tally[1] += len(gold)
    return out, {corpus: round(h / n, 4) for corpus, (h, n) in right.items()}


WEIGH_MENTIONS = [False]  # set by --per-mention: each gold mention weighs 1 instead of each distinct toponym


def fit(groups: list[Group], c_value: float) -> tuple[np.ndarray, float]:
    """Logistic regression over all candidates; each gold mention (or toponym) weighs the same, each
    corpus half the total."""
    from sklearn.linear_model import LogisticRegression

    per_corpus: dict[str, int] = {}
    for corpus, _, _, _, mentions in groups:
        per_corpus[corpus] = per_corpus.get(corpus, 0) + (mentions if WEIGH_MENTIONS[0] else 1)
    xs, ys, ws = [], [], []
    for corpus, _, x, y, count in groups:
        mentions = count if WEIGH_MENTIONS[0] else 1
        xs.append(x)
        ys.append(y)
        ws.append(np.full(len(y), mentions / len(y) / per_corpus[corpus]))
    model = LogisticRegression(C=c_value, max_iter=2000)
    weights = np.concatenate(ws)
    model.fit(np.vstack(xs), np.concatenate(ys), sample_weight=weights / weights.mean())
    return model.coef_[0], float(model.intercept_[0])


def top1(groups: list[Group], coef: np.ndarray, bias: float) -> dict[str, float]:
    hits: dict[str, list[int]] = {}
    for corpus, _, x, y, mentions in groups:
        h = hits.setdefault(corpus, [0, 0])
        h[0] += mentions * int(y[int(np.argmax(x @ coef + bias))] == 1.0)
        h[1] += mentions
    return {corpus: round(h[0] / h[1], 4) for corpus, h in hits.items()}


def cross_validate(groups: list[Group], c_value: float) -> dict[str, float]:
    """Top-1 accuracy of the right candidate per gold mention, 5 folds by document."""
    hits: dict[str, list[float]] = {}
    for fold in range(5):
        train = [g for g in groups if g[1] % 5 != fold]
        held = [g for g in groups if g[1] % 5 == fold]
        coef, bias = fit(train, c_value)
        for corpus, value in top1(held, coef, bias).items():
            hits.setdefault(corpus, []).append(value)
    return {corpus: round(float(np.mean(values)), 4) for corpus, values in hits.items()}


def parsed(articles: list[Any], cache: Path | None) -> list[Any]:
    """The articles parsed by the project's spaCy pipeline (from `cache` when it holds them)."""
    from spacy.tokens import DocBin

    from truce.nlp import load_nlp

    nlp = load_nlp()
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(articles):
            return docs
    docs = list(nlp.pipe([text for _, text, _ in articles], batch_size=64))
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "truce" / "geo" / "ranker.json")
    parser.add_argument("--rounds", type=int, default=2, help="fits; the best end to end on dev is kept")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--cache", type=Path, help="spaCy DocBin of the parsed articles, reused when present")
    parser.add_argument("--per-mention", action="store_true",
                        help="weigh each gold mention alike (default: each distinct toponym of a text)")
    args = parser.parse_args()
    WEIGH_MENTIONS[0] = args.per_mention

    from truce.geo.rank import use_model
    from truce.geo.ranker import FEATURES, MODEL_VERSION, Model

    articles = dev_articles(args.shared, load_split_of(args.shared))
    print(f"{len(articles)} dev articles; parsing", file=sys.stderr)
    docs = parsed(articles, args.cache)
    model = Model(tuple(RULE_WEIGHTS.get(name, 0.0) for name in FEATURES), 0.0)
    best: tuple[float, Model, dict[str, float], dict[str, float]] | None = None
    groups: list[Group] = []
    cv: dict[str, float] = {}
    for round_ in range(args.rounds + 1):
        use_model(model)
        groups, end_to_end = collect(docs, articles)  # the context of the next model comes from this one
        mean = float(np.mean(list(end_to_end.values())))
        print(f"round {round_}: end to end {end_to_end}" + (f" (5-fold top-1 {cv})" if round_ else " (rules)"),
              file=sys.stderr)
        if round_ and (best is None or mean > best[0]):
            best = (mean, model, end_to_end, cv)
        if round_ == args.rounds:
            break
        cv = cross_validate(groups, args.c)
        coef, bias = fit(groups, args.c)
        model = Model(tuple(float(w) for w in coef), bias)
    if best is None:
        sys.exit("--rounds must be at least 1")
    _, model, end_to_end, cv = best
    counts = {corpus: sum(1 for g in groups if g[0] == corpus) for corpus in ("geovirus", "wiktor")}
    data = {
        "version": MODEL_VERSION, "features": list(FEATURES), "weights": [round(w, 5) for w in model.weights],
        "bias": round(model.bias, 5),
        "trained_on": "GeoVirus (CC BY 2.5 texts, Gritta et al. 2018) and WikToR (CC BY-SA 3.0 texts, Gritta et "
                      "al. 2017) dev splits (split_of in shared/tools/dev_eval.py); see docs/geo.md",
        "groups": counts, "cv_top1": cv, "dev_acc161_end_to_end": end_to_end, "rounds": args.rounds, "c": args.c,
        "per_mention": args.per_mention,
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
