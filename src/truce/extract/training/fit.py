"""Fit the classifier's heads on samples: multinomial logistic regressions over shared TF-IDF features.

Heads: `type` (16 PLOVER types + NONE), `mode.<TYPE>` (the PLOVER mode among that type's samples;
"" = no specific mode), `target` (civilian or armed, for violent events), and `acled` / `sub`
(ACLED event and sub-event type) when the samples carry those labels for at least two classes.
scikit-learn fits them (fixed seed and data order, so a rebuild gives the same figures); only the
numbers are kept (truce.extract.training.artifact).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from truce.extract.training.artifact import Head, LinearModel
from truce.extract.training.corpus import Sample, check_types
from truce.extract.training.features import build_vocabulary

SEED = 13
MIN_PER_CLASS = 3  # a class with fewer samples than this is left out of its head


@dataclass(frozen=True)
class Settings:
    """Regularisation (C, larger = weaker) per head family, and the vocabulary size."""

    type_c: float = 5.0
    mode_c: float = 8.0
    target_c: float = 0.5
    acled_c: float = 4.0
    max_words: int = 60_000
    max_chars: int = 60_000


def _fit_head(name: str, matrix: sparse.csr_matrix, rows: list[int], labels: list[str],
              weights: np.ndarray, c: float, balanced: bool = False, of_type: str | None = None) -> Head | None:
    from sklearn.linear_model import LogisticRegression

    counts = Counter(labels)
    keep = [i for i, label in enumerate(labels) if counts[label] >= MIN_PER_CLASS]
    if len({labels[i] for i in keep}) < 2:
        return None
    y = [labels[i] for i in keep]
    w = weights[[rows[i] for i in keep]].copy()
    if balanced:  # each class weighs the same in total: the target head must not just learn the prior
        totals: dict[str, float] = {}
        for label, weight in zip(y, w, strict=True):
            totals[label] = totals.get(label, 0.0) + float(weight)
        w *= np.array([sum(totals.values()) / (len(totals) * totals[label]) for label in y])
    w *= len(w) / w.sum()  # mean weight 1: C means the same whatever the sources' weights
    model = LogisticRegression(C=c, max_iter=3000, random_state=SEED)
    model.fit(matrix[[rows[i] for i in keep]], y, sample_weight=w)
    classes = tuple(str(x) for x in model.classes_)
    coef = np.asarray(model.coef_, dtype=np.float32).T  # (features, 1) for two classes
    return Head(name, classes, coef, np.asarray(model.intercept_, dtype=np.float32), of_type)


def _labelled(samples: list[Sample], get: Callable[[Sample], str | None]) -> tuple[list[int], list[str]]:
    rows = [i for i, s in enumerate(samples) if get(s) is not None]
    return rows, [str(get(samples[i])) for i in rows]


def fit(samples: list[Sample], settings: Settings | None = None, info: dict[str, Any] | None = None) -> LinearModel:
    """A model with every head the samples can train (`type` must be trainable)."""
    settings = settings or Settings()
    check_types(samples)
    vocabulary = build_vocabulary((s.text for s in samples), max_words=settings.max_words,
                                  max_chars=settings.max_chars)
    matrix = vocabulary.transform([s.text for s in samples])
    weights = np.array([s.weight for s in samples], dtype=np.float64)
    heads: dict[str, Head] = {}
    rows, labels = _labelled(samples, lambda s: s.type)
    head = _fit_head("type", matrix, rows, labels, weights, settings.type_c)
    if head is None:
        raise ValueError("the samples need at least two PLOVER types (or NONE) with "
                         f"{MIN_PER_CLASS} or more texts each to train the type head")
    heads["type"] = head
    for type_ in sorted({s.type for s in samples if s.type and s.mode is not None}):
        rows, labels = _labelled(samples, lambda s, t=type_: s.mode if s.type == t else None)  # type: ignore[misc]
        mode_head = _fit_head(f"mode.{type_}", matrix, rows, labels, weights, settings.mode_c, of_type=type_)
        if mode_head is not None:
            heads[mode_head.name] = mode_head
    # Only the target head is class-balanced: its decision threshold is tuned for balanced accuracy.
    for name, get, c, balanced in (("target", lambda s: s.target, settings.target_c, True),
                                   ("acled", lambda s: s.acled, settings.acled_c, False),
                                   ("sub", lambda s: s.sub, settings.acled_c, False)):
        rows, labels = _labelled(samples, get)
        other = _fit_head(name, matrix, rows, labels, weights, c, balanced=balanced)
        if other is not None:
            heads[name] = other
    facts = {"samples": dict(sorted(Counter(s.source for s in samples).items()))}
    return LinearModel(vocabulary, heads, {**(info or {}), "trained_on": facts})
