"""A paragraph that opens on a day counted from another ("The following day, a convoy struck a
mine", "Two days later, gunmen attacked the post").

Within a paragraph the date reader counts such a day from the last date the paragraph named
(truce.timex.anaphora). A wire story often starts a paragraph with it, and then the paragraph has no
date to count from: the day is counted from the story's day, the date of the lead's attack
(truce.extract.timing), which is what the story tells next to. Only the sentence that says it,
and the undated acts of the rest of its paragraph, take the day; an act with a date of its own
keeps it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span

from truce.extract.draft import Draft
from truce.model import DateRef
from truce.timex.anaphora import DAY_CHAIN

_STEPS = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1, "the same": 0}
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10}


def _days(m: re.Match[str]) -> int | None:
    """Days a DAY_CHAIN match counts (+ after, - before)."""
    groups = m.groupdict()
    if groups.get("which"):
        return _STEPS.get(groups["which"].lower())
    if groups.get("side"):
        return 1 if groups["side"].lower() == "after" else -1
    n = groups.get("n")
    if not n:
        return None
    count = int(n) if n.isdigit() else _COUNTS.get(n.lower())
    if count is None:
        return None
    days = count * (7 if groups["unit"].lower() == "week" else 1)
    return -days if groups["dir"].lower() == "earlier" else days


def chain_from_story(sents: list[Span], per_sentence: list[list[Draft]], offset: int,
                     story: DateRef | None, published: date | None) -> None:
    """Date the undated acts of a paragraph that opens on a counted day, from the story's day."""
    if story is None or story.start is None or story.start != story.end or not sents:
        return
    m = DAY_CHAIN.search(sents[0].text)
    if m is None or m.start() > 3:
        return  # only a paragraph that opens on the counted day
    days = _days(m)
    if days is None:
        return
    day = story.start + timedelta(days=days)
    if published is not None and day > published:
        return  # a story does not tell a day after its own
    lo = sents[0].start_char + offset + m.start()
    ref = DateRef(text=m.group(0), start=day, end=day, precision="day", span=(lo, lo + len(m.group(0))))
    for drafts in per_sentence:
        for draft in drafts:
            if draft.date is None and draft.aux is None:
                draft.date = ref
                if draft.spans is not None:
                    draft.spans["date"] = [lo, lo + len(m.group(0))]
