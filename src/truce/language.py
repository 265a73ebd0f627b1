"""The one language detector: which language a report is written in (ISO 639-1), or None.

Ingestion stores the result on every report; extraction reads English only and trusts it. Two
steps, cheapest first:
1. English function words. Running English prose has an eighth or more of its words from
   `ENGLISH_WORDS`; other languages almost none. This decides most reports in microseconds.
2. lingua (offline trigram models, 22 languages common in ceasefire monitoring) names the others;
   below `MIN_CONFIDENCE` the answer is None (unknown), never a guess.

Results are memoised on the sample read, so the stages that ask about the same text (ingestion,
`truce extract`, extraction) detect it once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

# The languages a ceasefire-monitoring mission most often meets; a closed list keeps the
# detector small (trigram models only, ~35 MB) and fast.
DETECTED_LANGUAGES = (
    "ENGLISH", "FRENCH", "GERMAN", "SPANISH", "PORTUGUESE", "ITALIAN", "DUTCH", "RUSSIAN",
    "UKRAINIAN", "POLISH", "TURKISH", "AZERBAIJANI", "ARMENIAN", "GEORGIAN", "ARABIC", "PERSIAN",
    "HEBREW", "URDU", "HINDI", "CHINESE", "SOMALI", "SWAHILI",
)  # fmt: skip

WORD_SAMPLE_CHARS = 5000  # words counted over this much of the text (cheap)
LINGUA_SAMPLE_CHARS = 1000  # ample for language ID; lingua's cost grows with length
MIN_LETTERS = 12  # fewer letters than this: any guess is noise
MIN_WORDS = 3  # fewer words than this: unknown (a headline fragment names no language)
ENGLISH_SHARE = 0.12  # share of words from ENGLISH_WORDS above which a text is English
MIN_CONFIDENCE = 0.6

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
ENGLISH_WORDS = frozenset((
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by",
    "at", "from", "it", "his", "an", "were", "are", "which", "be", "this", "has", "have", "had",
    "not", "but", "its", "their", "they", "he", "said", "after", "who", "been", "will", "would",
    "also", "more", "than", "into", "about", "over", "against", "two", "when", "while",
))  # fmt: skip


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in DETECTED_LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language `text` is written in, or None when too short or unsure."""
    return _detect_sample(text[:WORD_SAMPLE_CHARS])


# Keyed on the sample (at most WORD_SAMPLE_CHARS), so the cache stays small whatever the texts.
@lru_cache(maxsize=256)
def _detect_sample(sample: str) -> str | None:
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS or sum(len(w) for w in words) < MIN_LETTERS:
        return None
    if sum(w in ENGLISH_WORDS for w in words) / len(words) >= ENGLISH_SHARE:
        return "en"
    values = _detector().compute_language_confidence_values(sample[:LINGUA_SAMPLE_CHARS])
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return str(values[0].language.iso_code_639_1.name.lower())
