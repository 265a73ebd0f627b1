"""Source citations before quoted headlines ('AFP, 2000-11-15, "Israeli troops kill two
Palestinians", Reuters, 2000-11-15, "Four Palestinians killed"'): a source list writes each
headline after the wire that carried it and the day it ran. The citation is no part of the
headline (the wire is not a subject, its date no count of people) and the next citation ends the
headline before it, so each quoted headline is read as a text of its own. A wire's slug before a
headline ("UPDATE 2-", "CORRECTED-") is no part of it either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A wire's name (capitalised words), an ISO day, then the headline's opening quote; commas optional.
_CITATION = re.compile(r"[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,5},? (?:19|20)\d\d-\d\d-\d\d,? [\"“]")
_CLOSING = " \t\n,\"”"  # what ends a quoted headline before the next citation


# A wire's slug before a headline ("UPDATE 2-", "CORRECTED-", "REFILE-"): the story's version, whose
# number is no count ("UPDATE 1-Nine rebels killed" counts nine).
_SLUG = re.compile(r"\s*(?:(?:UPDATE|WRAPUP|RPT)(?: \d+)?|CORRECTED|REFILE|URGENT)\s?-\s*")


def _unslugged(offset: int, text: str) -> tuple[int, str]:
    slug = _SLUG.match(text)
    return (offset + slug.end(), text[slug.end():]) if slug and text[slug.end():].strip() else (offset, text)


def cited_headlines(offset: int, piece: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each quoted headline in `piece`, without its citation or a wire's slug
    ("UPDATE 2-"); `piece` itself when it cites no source."""
    for start, text in _cited(offset, piece):
        yield _unslugged(start, text)


def _cited(offset: int, piece: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each quoted headline in `piece` without its citation; `piece` itself when
    it cites no source. A citation counts only at the start of the piece or right after the
    closing quote of the headline before it (a name and a date inside prose are left alone)."""
    starts = [m for m in _CITATION.finditer(piece) if _opens_headline(piece, m.start())]
    if not starts:
        yield offset, piece
        return
    if piece[: starts[0].start()].strip():
        yield offset, piece[: starts[0].start()]
    for here, after in zip(starts, [*starts[1:], None], strict=True):
        end = after.start() if after is not None else len(piece)
        text = piece[here.end(): end]
        if after is not None:
            text = text.rstrip(_CLOSING)
        if text.strip():
            yield offset + here.end(), text


def _opens_headline(piece: str, start: int) -> bool:
    before = piece[:start].rstrip(" \t\n,")
    return not before or before.endswith(("\"", "”"))
