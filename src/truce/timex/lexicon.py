"""Words and regular-expression fragments for English date phrases.

Kept apart from the rules so that the rules read as grammar and the vocabulary can grow
(more abbreviations, number words) without touching the logic.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip

# Abbreviations as newswires write them ("Sept.", "Sep.", "Oct."); expanded before matching.
MONTH_ABBREVIATIONS: dict[str, str] = {
    "jan": "january", "feb": "february", "febr": "february", "mar": "march", "apr": "april",
    "jun": "june", "jul": "july", "aug": "august", "sep": "september", "sept": "september",
    "oct": "october", "nov": "november", "dec": "december",
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

WEEKDAY_ABBREVIATIONS: dict[str, str] = {
    "mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday", "thu": "thursday",
    "thur": "thursday", "thurs": "thursday", "fri": "friday", "sat": "saturday", "sun": "sunday",
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "a couple of": 2, "a few": 3, "few": 3, "several": 3,
}  # fmt: skip

DECADE_WORDS: dict[str, int] = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
    "eighties": 80, "nineties": 90,
}  # fmt: skip

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
    "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
    "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
}  # fmt: skip

MONTH_RE = "(?:" + "|".join(MONTHS) + ")"
WEEKDAY_RE = "(?:" + "|".join(WEEKDAYS) + ")"
NUMBER_RE = "(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|\d{1,3})"
# A day of the month: "19", "19th", "the 19th", "nineteenth".
DAY_RE = r"(?:\d{1,2}(?:st|nd|rd|th)?|" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + ")"
# Parts of the day that say nothing about which day it was.
DAYPART_RE = r"(?:morning|afternoon|evening|night|overnight|dawn|daybreak|dusk|midday|noon|midnight)"

# Clock times and zones carry no calendar information at our precision; they are removed.
CLOCK_TIME = re.compile(
    r"\b(?:at|around|about|from|by|after|before|shortly after|shortly before|until)?\s*"
    r"(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d{2}|\d{4}\s*(?:gmt|utc|hrs|hours|h)\b)"
    r"(?:\s*\((?:[^)]*)\))?(?:\s*(?:local time|gmt|utc|et|edt|est|cet|cest|msk))?"
)  # fmt: skip
# "at noon", "before dawn": a time of day said in words, as uninformative as a clock time.
TIME_OF_DAY_WORDS = re.compile(
    r"\b(?:at|around|about|before|after|shortly before|shortly after|just before|just after|until)\s+"
    r"(?:noon|midday|midnight|dawn|daybreak|dusk|sunset|sunrise|nightfall)\b"
)


def expand_abbreviations(text: str) -> str:
    """Lower-case text with "Sept." → "september", "Tues." → "tuesday"; dots after words removed."""

    def month_or_weekday(m: re.Match[str]) -> str:
        word = m.group(1)
        return MONTH_ABBREVIATIONS.get(word) or WEEKDAY_ABBREVIATIONS.get(word) or word

    return re.sub(r"\b([a-z]+)\b\.?", month_or_weekday, text)


def number_value(word: str) -> int | None:
    """ "three" → 3, "12" → 12, "a couple of" → 2; None when it is not a count."""
    word = word.strip()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def day_value(word: str) -> int | None:
    """ "19th" → 19, "nineteenth" → 19; None when it is not a day of the month."""
    word = word.strip().removeprefix("the ").strip()
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", word)
    if m:
        day = int(m.group(1))
        return day if 1 <= day <= 31 else None
    return ORDINAL_WORDS.get(word)
