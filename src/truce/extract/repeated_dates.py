"""One event per day of an act told as repeated: "militants attacked Kouri on 2 April and again on
4 April" is two attacks, "rebels ambushed convoys near Beni on Friday and Saturday" two, each dated
its own day. Monitors and coders count events per day (an ACLED row, a daily report's entry); one
event dated the first day would lose the second.

Only days joined by "and" (or a comma) with nothing but "again", "also" or "then" and a preposition
between them count: "attacked X on Monday and then shelled Y on Tuesday" names two acts, each its
own trigger and date. A span of days ("between 2 and 4 April", "from Friday to Sunday") is one
period, dated as such by the date reader. The toll stays on the first copy: the text does not say
how the dead fell by day.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from truce.extract.draft import Draft
from truce.extract.target_places import copy_draft
from truce.model import DateRef

# what may stand between two days of one repeated act
_JOINED = re.compile(r"^\s*,?\s*(?:and|as well as|,)\s*(?:(?:again|also|then|once more|later)\s+)*"
                     r"(?:(?:on|at|in)\s+)?$", re.I)
_REPEATED_TYPES = {"ASSAULT"}


def per_repeated_date(sent: Span, drafts: list[Draft], offset: int, dates: list[DateRef]) -> list[Draft]:
    """Each draft of `sent` dated by one of several joined days, copied once per further day."""
    dated_by_others = {id(d.date) for d in drafts}
    out: list[Draft] = []
    for d in drafts:
        out.append(d)
        if d.type not in _REPEATED_TYPES or d.background:
            continue
        for day in _joined_days(sent, d.date, offset, dates):
            if id(day) in dated_by_others:
                continue  # another act of the sentence is dated by that day
            out.append(_on_day(d, day))
    return out


def _joined_days(sent: Span, first: DateRef | None, offset: int, dates: list[DateRef]) -> list[DateRef]:
    """The days after `first` in the sentence joined to it, one after the other, by "and (again) on"."""
    if first is None or first.span is None or first.start is None or first.precision != "day":
        return []
    lo, hi = sent.start_char + offset, sent.end_char + offset
    later = sorted((d for d in dates if d.span is not None and first.span[1] <= d.span[0] < hi and d.span[0] >= lo),
                   key=lambda d: d.span[0] if d.span else 0)
    text = sent.doc.text
    days: list[DateRef] = []
    end = first.span[1]
    for d in later:
        span = d.span or (0, 0)
        if not _JOINED.match(text[end - offset:span[0] - offset]):  # (the Doc is the paragraph's)
            break
        if d.background or d.start is None or d.precision != "day" or d.start == first.start:
            break
        days.append(d)
        end = span[1]
    return days


def _on_day(d: Draft, day: DateRef) -> Draft:
    twin = copy_draft(d, date=day, fatalities=None, injured=None)
    spans = twin.spans if twin.spans is not None else {}
    for key in ("fatalities", "injured"):
        spans.pop(key, None)
    if day.span is not None:
        spans["date"] = [day.span[0], day.span[1]]
    twin.spans = spans
    return twin
