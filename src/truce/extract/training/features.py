"""Text features of the event classifier: TF-IDF over word 1-2-grams and character 3-5-grams.

Written here rather than taken from scikit-learn's vectoriser so that a model is only numbers and
a vocabulary (no pickled objects) and inference needs only numpy and scipy. Training and inference
call the same `ngrams`, so the features cannot drift apart between the two.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy import sparse

_DIGITS = re.compile(r"\d")
_WORD = re.compile(r"(?u)\b\w[\w'-]*\b")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-"})
CHAR_SIZES = (3, 4, 5)
Row = tuple[np.ndarray, np.ndarray]  # one text's feature indices (int32) and values (float32)
WORD_PREFIX = "w "  # a space cannot occur inside a word token, so the two blocks never collide
CHAR_PREFIX = "c "


def normalise(text: str) -> str:
    """Lowercase, straight quotes, every digit as 0: numbers say little about the event type."""
    return _DIGITS.sub("0", text.translate(_QUOTES).lower())


def ngrams(text: str) -> tuple[list[str], list[str]]:
    """The word 1-2-grams and the character 3-5-grams (within words, padded by a space) of `text`."""
    words = _WORD.findall(normalise(text))
    word_grams = [WORD_PREFIX + w for w in words]
    word_grams += [f"{WORD_PREFIX}{a} {b}" for a, b in itertools.pairwise(words)]
    char_grams: list[str] = []
    for word in words:
        char_grams += _char_grams(word)
    return word_grams, char_grams


@lru_cache(maxsize=16_384)  # the words of news repeat: their grams are cut once
def _char_grams(word: str) -> tuple[str, ...]:
    padded = f" {word} "
    return tuple(CHAR_PREFIX + padded[i:i + size] for size in CHAR_SIZES for i in range(len(padded) - size + 1))


@dataclass(frozen=True)
class Vocabulary:
    """Feature index and inverse document frequency of every kept n-gram. Word features come
    first (indices < `n_words`), then character features; each block is L2-normalised alone."""

    terms: tuple[str, ...]
    idf: np.ndarray  # float32, one per term
    n_words: int
    index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {term: i for i, term in enumerate(self.terms)})

    def rows(self, texts: Sequence[str]) -> list[Row]:
        """Each text's (feature indices, values): sublinear TF x IDF, each block of unit length."""
        lookup = self.index
        out: list[Row] = []
        for text in texts:
            parts_cols, parts_vals = [], []
            for grams in ngrams(text):
                found = [i for i in map(lookup.get, grams) if i is not None]
                if not found:
                    continue
                cols, counts = np.unique(np.array(found, dtype=np.int32), return_counts=True)
                row = (1.0 + np.log(counts.astype(np.float32))) * self.idf[cols]
                row /= float(np.sqrt(np.dot(row, row)))
                parts_cols.append(cols)
                parts_vals.append(row)
            if parts_cols:
                out.append((np.concatenate(parts_cols), np.concatenate(parts_vals).astype(np.float32)))
            else:
                out.append((np.zeros(0, np.int32), np.zeros(0, np.float32)))
        return out

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """The `rows` of `texts` as one sparse matrix (for training)."""
        rows = self.rows(texts)
        indptr = np.cumsum([0] + [len(cols) for cols, _ in rows])
        cols_all = np.concatenate([c for c, _ in rows]) if rows else np.zeros(0, np.int32)
        vals_all = np.concatenate([v for _, v in rows]) if rows else np.zeros(0, np.float32)
        return sparse.csr_matrix((vals_all, cols_all, indptr), shape=(len(texts), len(self.terms)), dtype=np.float32)


def build_vocabulary(texts: Iterable[str], min_df: int = 2, max_words: int = 60_000,
                     max_chars: int = 60_000) -> Vocabulary:
    """Keep the n-grams seen in at least `min_df` texts, the most frequent of each block first
    (ties by the term itself, so the result is deterministic)."""
    word_df: Counter[str] = Counter()
    char_df: Counter[str] = Counter()
    n = 0
    for text in texts:
        n += 1
        words, chars = ngrams(text)
        word_df.update(set(words))
        char_df.update(set(chars))
    kept: list[tuple[str, int]] = []
    n_words = 0
    for df, cap in ((word_df, max_words), (char_df, max_chars)):
        block = sorted((t for t, c in df.items() if c >= min_df), key=lambda t: (-df[t], t))[:cap]
        block.sort()
        kept += [(t, df[t]) for t in block]
        if df is word_df:
            n_words = len(block)
    idf = np.array([math.log((1 + n) / (1 + c)) + 1.0 for _, c in kept], dtype=np.float32)
    return Vocabulary(tuple(t for t, _ in kept), idf, n_words)
