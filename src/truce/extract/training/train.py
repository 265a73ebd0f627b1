"""Fit Truce's sentence-level event-type classifier from our own sentences.

The model (named `MODEL_NAME`; a new name whenever features or data change behaviour) is a TF-IDF
over word 1-2-grams and character 2-5-grams, with a multinomial logistic regression over the 16
PLOVER types plus NONE, and one logistic regression per type for its modes. Training is
deterministic (fixed seed, fixed data order) and takes seconds, so the model is not shipped: it is
built at set-up (`python -m truce.extract.training.train`) or at first use, and cached under
TRUCE_HOME keyed by a fingerprint of the data and library version.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from truce.extract.training.generate import DATA, GENERATED, Example, read_tsv

MODEL_NAME = "truce.event-types.v1"
HANDWRITTEN = DATA / "handwritten.txt"
DATA_FILES = (HANDWRITTEN, GENERATED)
NO_MODE = ""  # mode-model label for "no specific mode"
SEED = 13

_DIGITS = re.compile(r"\d")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-"})


def normalise(text: str) -> str:
    """Lowercase, straight quotes, every digit as 0: numbers say little about the event type."""
    return _DIGITS.sub("0", text.translate(_QUOTES).lower())


@dataclass
class EventTypeModel:
    """The fitted vectoriser, the type classifier and the per-type mode classifiers."""

    name: str
    fingerprint: str
    vectoriser: Any
    types: Any
    modes: dict[str, Any] = field(default_factory=dict)


def load_examples() -> list[Example]:
    """Every training sentence: hand-written first, then generated."""
    return [e for path in DATA_FILES for e in read_tsv(path)]


def fingerprint() -> str:
    """Hex digest of the model name, sklearn version and training data: the cache key."""
    import sklearn

    digest = hashlib.sha256(f"{MODEL_NAME}\x1f{sklearn.__version__}".encode())
    for path in DATA_FILES:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def make_vectoriser() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    words = TfidfVectorizer(preprocessor=normalise, ngram_range=(1, 2), sublinear_tf=True, min_df=1,
                            token_pattern=r"(?u)\b\w[\w'-]*\b")
    chars = TfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(2, 5),
                            sublinear_tf=True, min_df=2, max_features=120_000)
    return FeatureUnion([("words", words), ("chars", chars)])


def make_classifier(c: float = 8.0) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=3000, random_state=SEED)


def fit(examples: list[Example], name: str = MODEL_NAME, key: str = "") -> EventTypeModel:
    """Fit the vectoriser, type classifier and mode classifiers on `examples`."""
    vectoriser = make_vectoriser()
    matrix = vectoriser.fit_transform([e.text for e in examples])
    types = make_classifier().fit(matrix, [e.type for e in examples])
    modes: dict[str, Any] = {}
    for type_ in sorted({e.type for e in examples if e.mode}):
        rows = [i for i, e in enumerate(examples) if e.type == type_]
        labels = [examples[i].mode or NO_MODE for i in rows]
        if len(set(labels)) > 1:
            modes[type_] = make_classifier().fit(matrix[rows], labels)
    return EventTypeModel(name, key, vectoriser, types, modes)


def build(out: Path) -> EventTypeModel:
    """Train on all our sentences and write the model to `out` atomically."""
    import joblib

    model = fit(load_examples(), key=fingerprint())
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(f".{time.time_ns()}.tmp")
    joblib.dump(model, partial, compress=3)
    partial.replace(out)  # atomic: a concurrent reader never sees half a file
    return model


def build_asset() -> str:
    """`truce setup`: train the model into its cache unless the current one is already there."""
    from truce.extract.classify import model_path

    out = model_path()
    if out.exists():
        return f"{MODEL_NAME} already built at {out}"
    started = time.perf_counter()
    from truce.extract.training import train  # pickles must name importable classes

    model = train.build(out)
    return f"{model.name} trained in {time.perf_counter() - started:.1f} s -> {out}"


def main() -> None:
    from truce.extract.classify import model_path

    parser = argparse.ArgumentParser(description="Train Truce's event-type classifier.")
    parser.add_argument("--out", type=Path, default=None, help="model file (default: the TRUCE_HOME cache)")
    args = parser.parse_args()
    out = args.out or model_path()
    started = time.perf_counter()
    # Build through the imported module, not `__main__`: pickles must name importable classes.
    from truce.extract.training import train

    model = train.build(out)
    print(f"{model.name} [{model.fingerprint}] trained on {len(load_examples())} sentences "
          f"in {time.perf_counter() - started:.1f} s -> {out}")
    counts: dict[str, int] = {}
    for example in load_examples():
        counts[example.type] = counts.get(example.type, 0) + 1
    print(", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
