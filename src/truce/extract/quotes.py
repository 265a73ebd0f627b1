"""Quotation marks: which characters of a text are inside a quotation (truce.extract.attribution
gives a quoted trigger to the speaker of the quotation)."""

from __future__ import annotations

import re

_QUOTE_RE = re.compile(r"[\"“”]")


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks; an unclosed quote runs to the end of the text."""
    marks = [m.start() for m in _QUOTE_RE.finditer(text)]
    regions = [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
    if len(marks) % 2 == 1:
        regions.append((marks[-1], len(text)))
    return regions


def in_quote(char: int, regions: list[tuple[int, int]]) -> bool:
    return any(a < char < b for a, b in regions)
