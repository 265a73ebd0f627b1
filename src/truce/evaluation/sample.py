"""Fixed, seeded samples: the same items in the same order on every machine and every run.

Each sample is an ordering: sort the items by their id (shorter ids first, so numeric ids sort
as numbers), then shuffle with `random.Random(SEED)`. A run uses a prefix, so a smaller run
(`--limit`) measures a subset of the larger one. UCDP units are stratified: each violence type is
ordered that way on its own (by folded text) and the strata are dealt in turn, so every prefix
holds the types in equal shares. `shared/tools/dev_eval.py` draws its samples by the same rule,
which is what makes its figures and ours comparable.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import TypeVar

SEED = 20240601
WIKTOR_SAMPLE = 300  # WikToR articles drawn (of about 5,000): the rest adds little and takes long
UCDP_SAMPLE = 1500  # UCDP texts drawn: 500 per violence type

T = TypeVar("T")


def id_order(key: str) -> tuple[int, str]:
    """Sort key for ids: by length, then text (numeric ids in numeric order)."""
    return len(key), key


def seeded(items: Sequence[T], key: Callable[[T], str], size: int | None = None) -> list[T]:
    """`items` sorted by `id_order(key(item))`, shuffled with SEED, cut to `size`."""
    ordered = sorted(items, key=lambda item: id_order(key(item)))
    random.Random(SEED).shuffle(ordered)
    return ordered if size is None else ordered[:size]


def dealt(strata: dict[int, list[str]], size: int) -> list[tuple[int, str]]:
    """Up to `size` (stratum, key) pairs: each stratum sorted and shuffled (one shared Random(SEED),
    strata in key order), then dealt one from each stratum in turn, skipping exhausted ones."""
    rng = random.Random(SEED)
    shuffled = {}
    for name in sorted(strata):
        keys = sorted(strata[name])
        rng.shuffle(keys)
        shuffled[name] = keys
    chosen: list[tuple[int, str]] = []
    depth = 0
    while len(chosen) < size and any(depth < len(keys) for keys in shuffled.values()):
        for name, keys in shuffled.items():
            if depth < len(keys) and len(chosen) < size:
                chosen.append((name, keys[depth]))
        depth += 1
    return chosen
