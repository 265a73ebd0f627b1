"""The classifier's on-disk format: numbers and words only, nothing that runs code when read.

A model is a folder:
- `model.json`: format name and version, the model's name and version, the heads (labels, and for
  a mode head the type it refines), the SHA-256 of every other file, training facts and figures;
- `vocabulary.txt`: one feature n-gram a line (word features first, then character features);
- `weights.npz`: `idf`, and per head `<head>.coef` (features x labels) and `<head>.intercept`,
  read with `numpy.load(allow_pickle=False)`, which refuses object arrays.
Reading checks the format, the hashes, and that every shape agrees; any fault is a TruceError.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from truce.errors import ConfigError
from truce.extract.training.features import Row, Vocabulary

FORMAT = "truce.linear-text-classifier"
FORMAT_VERSION = 1
FILES = ("vocabulary.txt", "weights.npz")


@dataclass(frozen=True)
class Head:
    """One linear classifier over the shared features: softmax over `labels` (two labels: the
    logistic function of one column, for the second label)."""

    name: str
    labels: tuple[str, ...]
    coef: np.ndarray  # float32, (features, labels) or (features, 1) for two labels
    intercept: np.ndarray  # float32, (labels,) or (1,)
    of_type: str | None = None  # a mode head refines the sentences of this PLOVER type

    def probabilities(self, matrix: sparse.csr_matrix) -> np.ndarray:
        return self._normalised(np.asarray(matrix @ self.coef) + self.intercept)

    def row_probabilities(self, rows: Sequence[Row]) -> np.ndarray:
        """Probabilities for `Vocabulary.rows` output: a gather of weight rows, no sparse matrix
        to build (the cheaper path for the few sentences of one paragraph)."""
        width = self.coef.shape[1]
        scores = np.stack([vals @ self.coef[cols] if len(cols) else np.zeros(width, np.float32)
                           for cols, vals in rows]) + self.intercept
        return self._normalised(scores)

    def _normalised(self, scores: np.ndarray) -> np.ndarray:
        if len(self.labels) == 2 and scores.shape[1] == 1:
            positive = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.stack([1.0 - positive, positive], axis=1)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class LinearModel:
    """A vocabulary and the heads over it; `info` is model.json without the head weights."""

    vocabulary: Vocabulary
    heads: dict[str, Head]
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.info.get('name', '?')}@{self.info.get('version', '?')}"

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        return self.vocabulary.transform(texts)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save(model: LinearModel, folder: Path) -> None:
    """Write `model` into `folder`; model.json is written last and atomically, so a reader sees
    either the previous complete model or the new one (a crash leaves a hash mismatch, not junk)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vocabulary.txt").write_text("\n".join(model.vocabulary.terms) + "\n", encoding="utf-8")
    arrays: dict[str, np.ndarray] = {"idf": model.vocabulary.idf.astype(np.float32)}
    heads = {}
    for name, head in model.heads.items():
        arrays[f"{name}.coef"] = head.coef.astype(np.float32)
        arrays[f"{name}.intercept"] = head.intercept.astype(np.float32)
        heads[name] = {"labels": list(head.labels), "of_type": head.of_type}
    with (folder / "weights.npz").open("wb") as handle:
        np.savez_compressed(handle, **arrays)  # type: ignore[arg-type]
    info = {**model.info, "format": FORMAT, "format_version": FORMAT_VERSION,
            "features": {"terms": len(model.vocabulary.terms), "word_terms": model.vocabulary.n_words},
            "heads": heads, "files": {name: _sha256(folder / name) for name in FILES}}
    partial = folder / f"model.json.{os.getpid()}.{time.time_ns()}.tmp"
    partial.write_text(json.dumps(info, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    partial.replace(folder / "model.json")


def _broken(folder: Path, what: str) -> ConfigError:
    return ConfigError("E261", f"the event classifier model is unusable: {what}", where=str(folder),
                       hint="rebuild it (`truce train`, or `scripts/train_classifier.py` for the shipped one) "
                            "or unset TRUCE_MODEL_DIR to use the model shipped with Truce")


def read_info(folder: Path) -> dict[str, Any]:
    """model.json of the model in `folder`, checked for format and file hashes."""
    meta = folder / "model.json"
    if not meta.is_file():
        raise ConfigError("E260", "no event classifier model here (model.json is missing)", where=str(folder),
                          hint="reinstall Truce, or run `truce train` to build one into this folder")
    try:
        info = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _broken(folder, f"model.json does not read: {exc}") from exc
    if not isinstance(info, dict) or info.get("format") != FORMAT or info.get("format_version") != FORMAT_VERSION:
        raise _broken(folder, f"model.json is not a {FORMAT} v{FORMAT_VERSION} model")
    for name in FILES:
        path = folder / name
        if not path.is_file():
            raise _broken(folder, f"{name} is missing")
        if _sha256(path) != info.get("files", {}).get(name):
            raise _broken(folder, f"{name} does not match the hash in model.json (partly written or changed)")
    return info


def load(folder: Path) -> LinearModel:
    """The model in `folder`; a missing, partial or inconsistent model raises E260/E261."""
    info = read_info(folder)
    terms = tuple((folder / "vocabulary.txt").read_text(encoding="utf-8").split("\n")[:-1])
    try:
        with np.load(folder / "weights.npz", allow_pickle=False) as arrays:
            weights = {key: arrays[key] for key in arrays.files}
    except (OSError, ValueError) as exc:
        raise _broken(folder, f"weights.npz does not read: {exc}") from exc
    idf = weights.get("idf")
    n_words = int(info.get("features", {}).get("word_terms", -1))
    if idf is None or idf.shape != (len(terms),) or not 0 <= n_words <= len(terms):
        raise _broken(folder, "the vocabulary and its IDF weights disagree in length")
    heads = {}
    for name, spec in info.get("heads", {}).items():
        coef, intercept = weights.get(f"{name}.coef"), weights.get(f"{name}.intercept")
        labels = tuple(spec.get("labels", ()))
        width = 1 if len(labels) == 2 else len(labels)
        if coef is None or intercept is None or coef.shape not in {(len(terms), width), (len(terms), len(labels))} \
                or intercept.shape != (coef.shape[1],):
            raise _broken(folder, f"head '{name}' has weights of the wrong shape")
        heads[name] = Head(name, labels, coef.astype(np.float32), intercept.astype(np.float32), spec.get("of_type"))
    if "type" not in heads:
        raise _broken(folder, "it has no 'type' head")
    return LinearModel(Vocabulary(terms, idf.astype(np.float32), n_words), heads, info)
