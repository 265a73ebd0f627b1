"""What a UCDP GED headline lets us score: a stated death toll, and the GED places it names.

Headlines were not written for the labels (UCDP coded from full articles), so a label is scored
only where the text itself carries it:
- deaths: the text states a toll (`states_deaths`: a number, in digits or as a word, followed
  within five words by killed / dead / died / deaths); `numbers_in` lists every number it writes;
- place: the GED place name (`where_coordinates` up to any '(' or ',') occurs in the text as whole
  words (`place_key`, `contains_words`), compared folded: accents and apostrophes dropped, case
  folded, trailing feature words (village, district, ...) and Arabic/French articles removed; the
  key is the first word left, or the first two when the first is generic (Deir, Tell, North, ...)
  or shorter than three letters. These word lists are the ones `shared/tools/dev_eval.py` uses,
  so the eligible texts are the same there and here.
"""

from __future__ import annotations

import re
import unicodedata


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string (easier to read and sort than a list of quoted words)."""
    return tuple(text.split())


_NUMBER_WORDS = _words("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                       "fifteen sixteen seventeen eighteen nineteen twenty")
NUMBER_WORDS = {word: value for value, word in enumerate(_NUMBER_WORDS)} | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}

# a toll: digits (with thousands commas) or a number word other than zero
_TOLL = "|".join([r"\d[\d,]*", *sorted((w for w in NUMBER_WORDS if w != "zero"), key=len, reverse=True)])
_DEATHS = re.compile(rf"\b(?:{_TOLL})\b(?:[\s-]+[\w'’,-]+){{0,5}}?[\s-]+(?:killed|dead|died|deaths)\b",
                     re.IGNORECASE)

ARTICLES = frozenset(_words("ad adh al an ar as ash at ath az de des du ed el es et ez l la le les the"))
FEATURES = frozenset(_words(
    "area camp city commune county department district division governorate hamlet lga locality "
    "mintaqat municipality nahiya neighborhood neighbourhood prefecture province quarter region "
    "settlement state sub subdistrict subprefecture suburb town village zone"))
GENERIC = frozenset(_words(
    "abu ain ayn bab bayt beit bir central dayr deir east eastern ein greater jabal jabel jebel jisr "
    "kafar kafr kfar khan khirbat khirbet lake lower maarat maarrat markaz mazraat mount new north "
    "northern old port qasr ras reef rif saint san santa shaykh sheikh south southern st tal tall "
    "tell um umm upper wadi west western"))


def states_deaths(text: str) -> bool:
    """Whether the text states a death toll (a number shortly before killed/dead/died/deaths)."""
    return _DEATHS.search(text) is not None


def numbers_in(text: str) -> set[int]:
    """Every number the text writes, in digits ('1,200' is 1200) or as a number word."""
    digits = re.findall(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?!\d)|\d+", text)
    words = re.findall(r"[a-z]+", text.casefold())
    return {int(d.replace(",", "")) for d in digits} | {NUMBER_WORDS[w] for w in words if w in NUMBER_WORDS}


def fold_words(text: str) -> list[str]:
    """Lower-case ASCII words, accents and apostrophes dropped ('Ma’arrat' -> 'maarrat')."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"['’ʼ`´]", "", plain.casefold())
    return re.findall(r"[a-z0-9]+", plain)


def place_key(where: str) -> list[str]:
    """The words of a GED `where_coordinates` value that the text must contain (empty: none)."""
    words = fold_words(re.split(r"[(,]", where, maxsplit=1)[0])
    while words and words[-1] in FEATURES:
        words.pop()
    words = [w for w in words if w not in ARTICLES]
    if len(words) > 1 and (words[0] in GENERIC or len(words[0]) < 3):
        return words[:2]
    return words[:1]


def contains_words(haystack: list[str], needle: list[str]) -> bool:
    """Whether `needle` occurs as consecutive words of `haystack` (an empty needle never does)."""
    size = len(needle)
    return size > 0 and any(haystack[i:i + size] == needle for i in range(len(haystack) - size + 1))
