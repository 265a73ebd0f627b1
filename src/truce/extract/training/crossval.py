"""Cross-validated figures of the shipped recipe on the dev split: honest numbers for a model that
was trained on the whole dev split. Each text's fold is a hash of its folded text
(`corpus.fold_of`); the model for fold k is trained on the other folds with `shipped.assemble`
and scores only fold k. The test split is never read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from truce.extract.training.artifact import LinearModel
from truce.extract.training.corpus import CIVILIAN, Sample, fold_of
from truce.extract.training.evaluate import Score
from truce.extract.training.fit import fit
from truce.extract.training.shipped import assemble, sources

FOLDS = 5


def fold_model(parts: dict[str, list[Sample]], k: int, folds: int = FOLDS) -> LinearModel:
    """The shipped recipe trained on every fold of `parts` (samples by source) but `k`."""
    train = {name: [s for s in samples if fold_of(s.text, folds) != k] for name, samples in parts.items()}
    return fit(assemble(train), info={"name": f"crossval-fold-{k}", "version": "cv"})


def fold_models(data: Path, folds: int = FOLDS) -> Iterator[tuple[int, LinearModel, dict[str, list[Sample]]]]:
    """(fold, model trained without it, that fold's samples by source), fold by fold."""
    parts = sources(data)
    for k in range(folds):
        held = {name: [s for s in samples if fold_of(s.text, folds) == k] for name, samples in parts.items()}
        yield k, fold_model(parts, k, folds), held


def classifier_figures(data: Path, civilian_min: float, folds: int = FOLDS) -> dict[str, Score]:
    """Per source: type accuracy on held-out folds (for UCDP: the share read as ASSAULT, i.e.
    violence found); and the target's balanced accuracy on UCDP at `civilian_min`."""
    from truce.extract.classify import predict

    scores: dict[str, Score] = {}
    for _k, model, held in fold_models(data, folds):
        for name, samples in held.items():
            for s, p in zip(samples, predict([s.text for s in samples], model=model), strict=True):
                scores.setdefault(f"{name} type", Score()).add(str(s.type), (p.type or "NONE") == s.type)
                if s.target is not None and p.civilian is not None:
                    said = CIVILIAN if p.civilian >= civilian_min else "armed"
                    scores.setdefault(f"{name} target", Score()).add(s.target, said == s.target)
    return scores
