"""How place names are compared: ASCII folding and a transliteration skeleton.

Every name in the gazetteer is stored under two keys. `fold` is the name lower-cased and
reduced to ASCII ("Laçın" -> "lacin", "Donets'k" -> "donetsk"). `skeleton` further merges the
spelling choices that transliterations of the same name differ by ("Xankendi" / "Khankendi",
"Lachin" / "Lacin", "Shusha" / "Susa"), so a spelling the gazetteer lacks still finds its place;
a skeleton match counts as weaker evidence than a folded one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

# Letters unidecode renders unhelpfully for place names (Azerbaijani schwa becomes "@").
_PRE = str.maketrans({"ə": "e", "Ə": "E", "ı": "i", "ʼ": "", "’": "", "‘": "", "`": "", "´": "", "ʻ": "",
                      "ʿ": "", "ʾ": ""})
_SEPARATORS = re.compile(r"[\s\-_.,/()]+")
_DROP = re.compile(r"[^a-z0-9 ]")

# Applied in order; digraphs before single letters.
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("kh", "x"), ("gh", "g"), ("ch", "c"), ("sh", "s"), ("zh", "z"), ("tch", "c"), ("dzh", "j"),
    ("dj", "j"), ("ts", "c"), ("tz", "c"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("q", "k"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ey", "i"), ("iy", "i"), ("yi", "i"), ("y", "i"), ("w", "v"),
    ("'", ""),
)
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=262_144)  # a text's names are folded again by every ranking pass and rule
def fold(name: str) -> str:
    """Lower-case ASCII form of a name, words separated by single spaces; '' if nothing is left."""
    text = unidecode(name.translate(_PRE)).lower()
    text = _SEPARATORS.sub(" ", text)
    text = _DROP.sub("", text)
    return " ".join(text.split())


def skeleton(key: str) -> str:
    """Transliteration-neutral form of a folded key (no spaces, merged digraphs, no doubled letters)."""
    text = key.replace(" ", "")
    for old, new in _SKELETON_RULES:
        text = text.replace(old, new)
    text = _REPEATS.sub(r"\1", text)
    if len(text) > 3 and text.endswith("h"):
        text = text[:-1]
    return text


def is_latin(name: str) -> bool:
    """True when every letter of `name` is Latin script (alternate names in other scripts are skipped)."""
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in name if ch.isalpha())
