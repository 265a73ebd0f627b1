"""Is this text English? Extraction rules are English-only; other languages are reported, not
misread. A cheap function-word test decides most texts; lingua (offline) names the others."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ENGLISH = frozenset((
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by",
    "at", "from", "it", "his", "an", "were", "are", "which", "be", "this", "has", "have", "had",
    "not", "but", "its", "their", "they", "he", "said", "after", "who", "been", "will", "would",
    "also", "more", "than", "into", "about", "over", "against", "two", "when", "while",
))


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.RUSSIAN,
                 Language.ARABIC, Language.TURKISH, Language.ARMENIAN, Language.AZERBAIJANI,
                 Language.UKRAINIAN, Language.PORTUGUESE, Language.ITALIAN, Language.PERSIAN,
                 Language.CHINESE, Language.HEBREW, Language.GEORGIAN, Language.DUTCH, Language.POLISH]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language; None when there are too few words to tell."""
    sample = text[:5000]
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < 3:
        return "en" if words and all(w.isascii() for w in words) else None
    share = sum(w in _ENGLISH for w in words) / len(words)
    if share >= 0.12:
        return "en"
    try:
        found = _detector().detect_language_of(sample)
    except Exception:  # no detector: fall back on the function-word share alone
        return "en" if share >= 0.06 else None
    if found is None:
        return None
    return str(found.iso_code_639_1.name).lower()
