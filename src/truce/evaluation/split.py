"""Which items of a data set are in a split: the split itself is `truce.foundation.split`.

A text is in `test` or `dev` by a hash of its folded text alone (`split_of`), the rule the
external tool `shared/tools/dev_eval.py` uses too, so figures from both are comparable; training
(`truce.extract.training`) splits by the same function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from truce.foundation.split import TEST_TENTHS, Split, fold_text, split_of

__all__ = ["SPLITS", "TEST_TENTHS", "Split", "fold_text", "in_split", "split_of"]

SPLITS = ("dev", "test", "all")

T = TypeVar("T")


def in_split(items: Iterable[T], split: str, text: Callable[[T], str]) -> list[T]:
    """The items whose text falls in `split` ('all' keeps every item), in their order."""
    if split == "all":
        return list(items)
    return [item for item in items if split_of(text(item)) == split]
