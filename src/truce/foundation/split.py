"""The shared dev/test split of every real data set: decided by the text alone.

A text is in `test` when the first 8 hex digits of the SHA-256 of its folded form (runs of
whitespace made one space, ends trimmed, case folded, UTF-8), read as a number, end in 0, 1 or 2
(mod 10); else in `dev`. So about 30% of texts are held out, copies of one text (a headline
shared by several events) always fall on the same side, and the rule needs no list of ids: the
external tool `shared/tools/dev_eval.py` uses the same rule, so figures from both are comparable.
Training (`truce.extract.training`) and evaluation (`truce.evaluation`) both split by it.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Split = Literal["dev", "test"]
TEST_TENTHS = 3  # tenths of every data set held out as the test split


def fold_text(text: str) -> str:
    """The form of a text that the split (and the grouping of UCDP rows) is decided on."""
    return " ".join(text.split()).casefold()


def split_of(text: str) -> Split:
    """'test' for about 30% of texts, else 'dev'; a function of the folded text only."""
    digest = hashlib.sha256(fold_text(text).encode("utf-8")).hexdigest()
    return "test" if int(digest[:8], 16) % 10 < TEST_TENTHS else "dev"
