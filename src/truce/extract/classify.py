"""A learned sentence-level event-type classifier: PLOVER type (or no event) and mode per sentence.

The rule-based extractor asks this module what kind of event, if any, a sentence reports. The model
is trained from the sentences under `training/` (our own writing, see `training/train.py`) and
cached under TRUCE_HOME; it is built by `python -m truce.extract.training.train` at set-up or, when
absent, at first use (a few seconds). It is loaded once per process.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from truce.errors import ConfigError
from truce.model import PLOVER_TYPES
from truce.settings import get_settings

if TYPE_CHECKING:
    from truce.extract.training.train import EventTypeModel

NONE_LABEL = "NONE"
LABELS: tuple[str, ...] = (*PLOVER_TYPES, NONE_LABEL)
MODE_MIN_PROBABILITY = 0.6  # below this the mode is left to the rules (None)

_lock = threading.Lock()
_model: EventTypeModel | None = None


@dataclass(frozen=True)
class TypePrediction:
    """What one sentence reports: a PLOVER type (None: no event), its mode, and the scores."""

    type: str | None  # one of PLOVER_TYPES, or None when the sentence reports no event
    mode: str | None  # PLOVER mode when confidently predictable, else None
    probability: float  # of `type` (of NONE when `type` is None)
    scores: dict[str, float]  # every label's probability: the 16 types and "NONE"


def model_path() -> Path:
    """Where the model for the current training data is cached: TRUCE_MODEL_DIR (or TRUCE_HOME/models)."""
    from truce.extract.training.train import MODEL_NAME, fingerprint

    return get_settings().models_folder / f"{MODEL_NAME}-{fingerprint()}.joblib"


def _load() -> EventTypeModel:
    """The process-wide model: read from the cache, else trained now and cached."""
    global _model
    with _lock:
        if _model is not None:
            return _model
        try:
            import joblib

            from truce.extract.training import train
        except ImportError as exc:  # scikit-learn is a declared dependency; this is a broken install
            raise ConfigError("E251", f"the event-type classifier cannot load: {exc}",
                              hint="run `make setup` to install Truce's pinned dependencies") from exc
        path = model_path()
        model: EventTypeModel | None = None
        if path.exists():
            try:
                model = joblib.load(path)
            except Exception:  # a truncated or foreign file: rebuild rather than fail
                model = None
        if model is None:
            try:
                model = train.build(path)
            except OSError as exc:
                raise ConfigError("E252", f"cannot write the event-type model to {path}: {exc}",
                                  hint="set TRUCE_HOME to a writable folder",
                                  where=str(path)) from exc
        _model = model
        return model


def unload() -> None:
    """Forget the loaded model; the next `predict` reads it again (after TRUCE_HOME changes, in tests)."""
    global _model
    with _lock:
        _model = None


def available() -> bool:
    """True when the classifier can be used: its model is cached, or its data and library are present."""
    if _model is not None:
        return True
    try:
        import joblib  # noqa: F401
        import sklearn  # noqa: F401

        from truce.extract.training.train import DATA_FILES
    except ImportError:
        return False
    return all(path.exists() for path in DATA_FILES)


def predict(sentences: list[str]) -> list[TypePrediction]:
    """Classify each sentence; the list is in the same order. Loads the model on first call."""
    if not sentences:
        return []
    model = _load()
    matrix = model.vectoriser.transform(sentences)
    classes = [str(c) for c in model.types.classes_]
    type_probs = model.types.predict_proba(matrix)
    results: list[TypePrediction] = []
    for row, probs in enumerate(type_probs):
        scores = {label: 0.0 for label in LABELS}
        scores.update({c: float(p) for c, p in zip(classes, probs, strict=True)})
        best = max(classes, key=lambda c: scores[c])
        type_ = None if best == NONE_LABEL else best
        results.append(TypePrediction(type_, _mode(model, type_, matrix[row]), scores[best], scores))
    return results


def _mode(model: EventTypeModel, type_: str | None, features: object) -> str | None:
    clf = model.modes.get(type_) if type_ else None
    if clf is None:
        return None
    probs = clf.predict_proba(features)[0]
    best = int(probs.argmax())
    mode = str(clf.classes_[best])
    return mode if mode and probs[best] >= MODE_MIN_PROBABILITY else None
