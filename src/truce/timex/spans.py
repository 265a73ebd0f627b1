"""Every date phrase in a parsed Doc, with its character span, read against publication.

spaCy's small English model finds most DATE and TIME entities but misses some newswire shapes
("overnight", "earlier this week" after a preposition, bare weekdays, "on the 19th"), and cuts
qualifiers off ("late on" in "late on Sep. 20", "since" in "since the 1990s"). We add our own
patterns, merge overlapping candidates, extend them left over qualifiers, and keep the phrases
that name a date.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from truce.model import DateRef
from truce.timex.anaphora import SEASON_OF_YEAR, pointing_dates
from truce.timex.calendar import Prefer
from truce.timex.lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from truce.timex.phrase import normalise

if TYPE_CHECKING:
    from spacy.tokens import Doc

_ENTITY_LABELS = ("DATE", "TIME")
_MONTH_NAME = "(?:" + "|".join(m.capitalize() for m in (*MONTHS, *MONTH_ABBREVIATIONS)) + r")\.?"
_WEEKDAY_NAME = "(?:" + "|".join(w.capitalize() for w in WEEKDAYS) + ")"

# What the small model misses. Month and weekday names must be capitalised ("may", "march").
_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?i:\b(?:late |early )?(?:overnight|last night|tonight)\b)"),
    re.compile(r"(?i:\b(?:this|yesterday|tomorrow) (?:morning|afternoon|evening)\b)"),
    re.compile(r"(?i:\b(?:(?:earlier|later) this|this|last|next) (?:week|weekend|month|year)\b)"),
    re.compile(r"(?i:\bthe weekend\b)"),
    re.compile(rf"\b(?:(?i:last|next|this|past|coming) )?{_WEEKDAY_NAME}\b"
               r"(?:\s+(?i:morning|afternoon|evening|night))?"),
    # "on the 19th", not "the 19th century" or "the 19th round"
    re.compile(r"(?:(?<=\bon )|(?<=\bsince )|(?<=\buntil )|(?<=\bby ))the \d{1,2}(?:st|nd|rd|th)\b(?![-\w]|\s+"
               r"(?:century|centuries|anniversary|floor|round|time|minute|hour|day|birthday|session|"
               r"brigade|division|regiment|battalion|army|corps|street))"),
    re.compile(r"(?i:\brecent (?:days|weeks|months)\b)"),
    SEASON_OF_YEAR,
    # a year naming an episode ("the 2020 war", "the 1994 ceasefire"), which the model tags EVENT
    re.compile(r"(?<=\bthe )(?:1[89]|20)\d{2}(?= (?:war|wars|conflict|fighting|offensive|invasion|coup|"
               r"ceasefire|truce|agreement|accord|deal|election|elections|clashes|uprising|revolution|"
               r"crisis|protests|campaign|attack|attacks|massacre|genocide|talks|summit|peace)\b)"),
    re.compile(r"(?i:\bfor (?:many |several |a few )?(?:decades|years|centuries|generations)\b)"),
    re.compile(rf"\b{_MONTH_NAME} \d{{1,2}}(?:st|nd|rd|th)?\b(?:,? \d{{4}}\b)?"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTH_NAME}(?: \d{{4}}\b)?"),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b"),
    # a month name alone only after a word that makes it a time ("In May", not "May Day")
    re.compile(rf"(?:(?<=\b[Ii]n )|(?<=\b[Ss]ince )|(?<=\bduring )|(?<=\buntil )|(?<=\bof )|(?<=\bearly )|"
               rf"(?<=\blate )|(?<=\bmid-)){_MONTH_NAME}(?:,? \d{{4}}\b)?(?! [A-Z])"),
)
_DAY_QUALIFIER = re.compile(r"(?i:\b(?:late|early)\s+(?:on\s+|in\s+)?)$")
_BACKGROUND_OPENER = re.compile(r"(?i:\b(?:ever\s+since|since|for|throughout)\s+)$")


def dates_in_doc(doc: Doc, published: date | datetime | None, prefer: Prefer = "past") -> list[DateRef]:
    """Every date phrase of a parsed Doc, in text order, each with span = (start_char, end_char).

    Phrases that name no date ("24-hour", "annual") are left out; phrases that cannot be anchored
    (no publication date) come back with precision "unknown".
    """
    text = doc.text
    candidates = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in _ENTITY_LABELS]
    candidates += [m.span() for pattern in _PATTERNS for m in pattern.finditer(text)]
    found: list[DateRef] = []
    for group in _overlapping_groups(candidates):
        for start, end in _readable_spans(text, group, published, prefer):
            ref = _read(text, start, end, published, prefer)
            if ref is not None:
                found.append(ref)
    # "that autumn", "the following year": read against the last date named before them
    pointing = pointing_dates(text, found)
    found = [d for d in found if not any(_overlap(d, p) for p in pointing)] + pointing
    return sorted(found, key=lambda d: d.span or (0, 0))


def find_dates(text: str, published: date | datetime | None, prefer: Prefer = "past") -> list[DateRef]:
    """Parse `text` with the shared pipeline (truce.nlp.load_nlp) and return dates_in_doc of it."""
    if not isinstance(text, str) or not text.strip():
        return []
    from truce.nlp import load_nlp  # the model loads once per process, and only when needed

    return dates_in_doc(load_nlp()(text), published, prefer)


def _overlap(a: DateRef, b: DateRef) -> bool:
    return a.span is not None and b.span is not None and a.span[0] < b.span[1] and b.span[0] < a.span[1]


def _overlapping_groups(spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    groups: list[list[tuple[int, int]]] = []
    group_end = -1
    for start, end in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if groups and start < group_end:
            groups[-1].append((start, end))
            group_end = max(group_end, end)
        else:
            groups.append([(start, end)])
            group_end = end
    return groups


def _readable_spans(text: str, group: list[tuple[int, int]], published: date | datetime | None,
                    prefer: Prefer) -> list[tuple[int, int]]:
    """The union of a group when it reads as one date, else its longest members that read, apart."""
    union = (min(s for s, _ in group), max(e for _, e in group))
    if len(group) == 1 or normalise(text[union[0]:union[1]], published, prefer) is not None:
        return [union]
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(group, key=lambda s: s[0] - s[1]):
        if all(end <= s or start >= e for s, e in chosen) and normalise(text[start:end], published, prefer):
            chosen.append((start, end))
    return sorted(chosen)


def _read(text: str, start: int, end: int, published: date | datetime | None, prefer: Prefer) -> DateRef | None:
    qualifier = _DAY_QUALIFIER.search(text, 0, start)
    if qualifier is not None:
        start = qualifier.start()  # "late on Sep. 20": the qualifier belongs to the phrase
    ref = normalise(text[start:end], published, prefer)
    if ref is None:
        return None
    opener = _BACKGROUND_OPENER.search(text, 0, start)
    if opener is not None:
        # "since the 1990s": keep the opener when it makes the phrase background context; "since
        # late March" keeps it too: the window from then to publication, not the month alone
        wider = normalise(text[opener.start():end], published, prefer)
        if wider is not None and (wider.background or (
                opener.group(0).strip().lower().endswith("since") and wider.end != ref.end)):
            ref, start = wider, opener.start()
    ref.span = (start, end)
    return ref
