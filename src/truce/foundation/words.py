"""The form texts and names are compared in, wherever they are compared."""

from __future__ import annotations

import re

from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalise(text: str | None) -> str:
    """Lower-case ASCII words separated by single spaces: the form texts and names are compared in."""
    if not text:
        return ""
    return _NON_WORD.sub(" ", unidecode(text).lower()).strip()
