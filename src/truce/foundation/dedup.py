"""Near-duplicate texts in linear time: sampled shingle sketches, matched by lookup, never by
comparing whole texts pairwise.

A text's sketch is the set of 64-bit hashes of its 5-word shingles (normalised words) whose value
is divisible by `modulus` — 1 for texts up to `SKETCH_SIZE` shingles, a power of two chosen so that
longer texts keep about `SKETCH_SIZE` hashes. Two sketches are compared at the coarser of their
two moduli (a power of two divides the other, so the coarser sample of each is a subset of its
own). Containment — the share of the smaller text's sampled shingles found in the other — of at
least `CONTAINMENT` (0.8) makes two texts copies of one story: a reprint, a lightly edited copy, a
shortened one. The store files every sketch's hashes in a lookup table, so a new text finds its
candidate originals with one indexed query, whatever the size of the store.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from truce.foundation.words import normalise

SHINGLE = 5
SKETCH_SIZE = 256  # about this many hashes per text, whatever its length
CONTAINMENT = 0.8  # one edited word changes five shingles: a 40-word copy with two edits still matches
MIN_SHARED = 4  # sketches smaller than this match only when equal
_MASK = (1 << 63) - 1  # signed 64-bit columns: keep hashes non-negative


@dataclass(frozen=True, slots=True)
class Sketch:
    modulus: int
    hashes: frozenset[int]

    def at(self, modulus: int) -> frozenset[int]:
        """The sample at a coarser modulus (a multiple of this one)."""
        if modulus == self.modulus:
            return self.hashes
        return frozenset(h for h in self.hashes if h % modulus == 0)

    def dumps(self) -> str:
        return json.dumps({"m": self.modulus, "h": sorted(self.hashes)})

    @classmethod
    def loads(cls, text: str) -> Sketch:
        d = json.loads(text)
        return cls(int(d["m"]), frozenset(int(h) for h in d["h"]))


def _hash(words: list[str]) -> int:
    digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") & _MASK


def sketch(text: str) -> Sketch:
    """The sketch of a text (see the module docstring). Texts shorter than one shingle are one hash."""
    words = normalise(text).split()
    if len(words) < SHINGLE:
        return Sketch(1, frozenset({_hash(words)}) if words else frozenset())
    hashes = {_hash(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    modulus = 1
    while len(hashes) // modulus > SKETCH_SIZE:
        modulus *= 2
    return Sketch(modulus, frozenset(h for h in hashes if h % modulus == 0))


def containment(a: Sketch, b: Sketch) -> float:
    """Share of the smaller sample found in the other, compared at the coarser modulus; 0 when the
    samples are too small to tell and not equal."""
    modulus = max(a.modulus, b.modulus)
    sa, sb = a.at(modulus), b.at(modulus)
    if not sa or not sb:
        return 0.0
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    if len(small) < MIN_SHARED:
        return 1.0 if sa == sb else 0.0
    return len(small & large) / len(small)


def near_duplicates(a: Sketch, b: Sketch) -> bool:
    """True when two texts are copies of one story (reprints, light edits, cuts)."""
    return containment(a, b) >= CONTAINMENT
