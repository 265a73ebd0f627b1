"""Extraction entry points: text (or Report records) -> Event records.

The text is cut into paragraphs (blank lines, and line breaks after a finished sentence or a
headline) which go through one `nlp.pipe` stream, so a headline never merges with the first
sentence and every offset is shifted back into the whole text. Paragraphs are read as they come
out of the parser and the extraction components (truce.extract.components), a chunk at a time
(the classifier sees a chunk's sentences in one call), and their Docs are dropped once read:
memory stays bounded however long a report is, and a report's events wait only for the
report-level passes (truce.extract.passes).
Places come from the geo stage (literal mentions become locations, metonymic ones stay actors),
dates from the time stage (background periods are never event dates). A sentence with no date of
its own takes the date of the last dated event of its paragraph; otherwise the date stays empty —
the publication date is never assumed. An event dated after publication is a plan (aux `future`,
no date); one dated more than BACKGROUND_DAYS before publication is background and left out, one
dated more than RECENT_DAYS before is kept with aux `historical` (assemble.py says why). A
dateline ("KIGALI, May 29 (Reuters) -") is never an event location.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from spacy.tokens import Doc

from truce.extract import classify
from truce.extract.citations import cited_headlines
from truce.extract.components import extraction_nlp
from truce.extract.context import ReportContext
from truce.extract.means import drop_means_actors
from truce.extract.monitor_targets import distinct_target_ids, speaker_sides
from truce.extract.paragraph import Paragraph, classify_paragraphs, paragraph_events, prepare
from truce.extract.passes import answer_attacks, fold_casualties, lend_attacker, lend_places
from truce.extract.period import reporting_period
from truce.extract.reactions import aim_at_doers, deny_charges, drop_protested_acts
from truce.extract.same_act import refer_back
from truce.extract.scene import place_from_report
from truce.extract.story_tolls import lead_with_violence, share_story_toll
from truce.language import detect_language
from truce.model import Event, Report
from truce.nlp import load_nlp

__all__ = ["ReportInput", "answer_attacks", "extract", "extract_many", "fold_casualties", "lend_attacker",
           "lend_places", "paragraphs", "to_date"]

_BREAK = re.compile(r"\n[ \t]*\n+|\n(?=[ \t]*[\"“A-Z0-9])|;(?=[\"“A-Z0-9])")
_ENTITY = re.compile(r"&#?\w{1,8}$")  # "&amp;" before a semicolon: an HTML entity, not a break
_END = re.compile(r"[.!?\"”’:)]\s*$")
MAX_PARAGRAPH = 20_000  # characters; longer runs are cut at sentence-like breaks
_ENGLISH = {"en", None}

# What `extract_many` reads: a Report record (its language, as ingestion detected it, is trusted),
# or the older (text, published) / (text, published, report_id) tuples (language detected here).
Published = date | datetime | str | None
ReportInput = Report | tuple[str, Published] | tuple[str, Published, str | None]


def to_date(published: Published) -> date | None:
    """Publication date from a date, datetime or ISO string; None when unknown."""
    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    return date.fromisoformat(str(published).strip()[:10])


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) pieces of `text`. A single line break splits only after a finished
    sentence or a short headline-like line, so hard-wrapped prose stays whole; a semicolon with no
    space after it ends a headline."""
    start = 0
    for match in _BREAK.finditer(text):
        piece = text[start:match.start()]
        if match.group(0) == ";":
            # headlines of one story joined by a bare semicolon ("10 killed in CAR;Rebels kill 10"):
            # each is a text of its own (prose puts a space after a semicolon)
            if not _ENTITY.search(piece):
                yield from _cut_long(start, piece)
                start = match.end()
            continue
        blank = "\n" in match.group(0)[1:] or match.group(0).count("\n") > 1
        last_line = piece.rsplit("\n", 1)[-1]
        if blank or _END.search(piece) or (len(last_line) < 120 and not last_line.rstrip().endswith(",")):
            yield from _cut_long(start, piece)
            start = match.end()
    yield from _cut_long(start, text[start:])


def _cut_long(offset: int, piece: str) -> Iterator[tuple[int, str]]:
    while len(piece) > MAX_PARAGRAPH:
        cut = piece.rfind(". ", 0, MAX_PARAGRAPH)
        cut = cut + 2 if cut > 0 else MAX_PARAGRAPH
        yield offset, piece[:cut]
        offset, piece = offset + cut, piece[cut:]
    if piece.strip():
        yield from cited_headlines(offset, piece)  # a source list's citations are no headline text


def extract(text: str, published: Published = None, report_id: str | None = None,
            use_classifier: bool | None = None) -> list[Event]:
    """Events in `text`, dates read relative to `published`. Non-English text yields none.
    `use_classifier`: combine the rules with the learned classifier (default: when available)."""
    if not text.strip():
        return []
    return next(extract_many([(text, published, report_id)], use_classifier=use_classifier))


def classifier_default() -> bool:
    """Use the learned classifier when it is available (a broken model fails loudly on first use)."""
    return bool(classify.available())


def _context(text: str, published: Published, report_id: str | None, use_classifier: bool) -> ReportContext:
    day = to_date(published)
    return ReportContext(report_id=report_id or Report.make_id("news", text), published=day,
                         use_classifier=use_classifier, reporting_period=reporting_period(text, day), text=text)


def _unpack(item: ReportInput) -> tuple[str, Published, str | None, bool]:
    """(text, published, report id, English?) of one input; a Report's language is trusted."""
    if isinstance(item, Report):
        return item.text, item.published, item.id, bool(item.text.strip()) and item.language in _ENGLISH
    text, published = item[0], item[1]
    report_id = item[2] if len(item) > 2 else None
    return text, published, report_id, bool(text.strip()) and detect_language(text) in _ENGLISH


@dataclass(slots=True)
class _Open:
    """A report being read: its context, the events of its paragraphs read so far."""

    ctx: ReportContext
    events: list[Event] = field(default_factory=list)
    paragraphs: int = 0


def extract_many(reports: Iterable[ReportInput], batch_size: int = 64,
                 use_classifier: bool | None = None, n_process: int = 1) -> Iterator[list[Event]]:
    """Events of many reports, in input order, piping all their paragraphs through one nlp.pipe.

    Each report is a Report record or a (text, published[, report_id]) tuple; the id, when given,
    is the events' report_id. Paragraphs are read a chunk of `batch_size` at a time (one classifier
    call per chunk) and then dropped, so memory does not grow with a report's length. `n_process`
    > 1 parses in that many spaCy worker processes while this one reads the parses; the results
    are the same."""
    use = classifier_default() if use_classifier is None else use_classifier
    contexts: dict[int, ReportContext | None] = {}

    def stream() -> Iterator[tuple[str, tuple[int, int]]]:
        for number, item in enumerate(reports):
            text, published, report_id, english = _unpack(item)
            if not english:
                contexts[number] = None
                yield "", (number, -1)  # keeps the report's place in the order
                continue
            contexts[number] = _context(text, published, report_id, use)
            for offset, piece in paragraphs(text):
                yield piece, (number, offset)

    def parsed() -> Iterator[tuple[Doc, tuple[int, int]]]:
        for doc, (number, offset) in load_nlp().pipe(stream(), as_tuples=True, batch_size=batch_size,
                                                     n_process=n_process):
            ctx = contexts.get(number)
            doc._.truce_published = ctx.published if ctx is not None else None  # what truce_dates reads
            yield doc, (number, offset)

    reader = _Reader(contexts)
    # The model parses (in `n_process` workers), then the extraction components run here, in this
    # process, through their own Language: their results are our own types, which spaCy's transfer
    # of Docs from worker processes would not carry (truce.extract.components says more).
    for doc, (number, offset) in extraction_nlp().pipe(parsed(), as_tuples=True, batch_size=batch_size):
        reader.parsed_up_to(number)
        if offset >= 0:
            reader.chunk.append((number, prepare(doc, offset, use)))
        if len(reader.chunk) >= batch_size:
            yield from reader.read_chunk()
    reader.parsed_up_to(None)
    yield from reader.read_chunk()


class _Reader:
    """Reads parsed paragraphs a chunk at a time, in order, and hands out each report's events once
    all its paragraphs are read (reports stay in input order)."""

    def __init__(self, contexts: dict[int, ReportContext | None]) -> None:
        self.contexts = contexts
        self.chunk: list[tuple[int, Paragraph]] = []
        self.open: dict[int, _Open] = {}
        self.next_out = 0  # the number of the next report to hand out
        self.complete = 0  # every report before this one is wholly parsed

    def parsed_up_to(self, number: int | None) -> None:
        """A paragraph of report `number` came out of the parser (None: the stream ended)."""
        self.complete = max(self.contexts, default=-1) + 1 if number is None else max(self.complete, number)

    def read_chunk(self) -> Iterator[list[Event]]:
        """Classify the chunk's sentences in one call, read its paragraphs in order, then hand out
        the reports that are complete."""
        classify_paragraphs([para for _, para in self.chunk])
        for number, para in self.chunk:
            report = self.open.get(number)
            if report is None:
                ctx = self.contexts[number]
                if ctx is None:
                    raise RuntimeError(f"extract_many: a paragraph of report {number} has no context")
                report = self.open[number] = _Open(ctx)
            report.events.extend(paragraph_events(para, report.paragraphs, report.ctx))
            report.paragraphs += 1
        self.chunk.clear()
        for done in range(self.next_out, self.complete):
            finished = self.open.pop(done, None)
            self.contexts.pop(done, None)
            events = finished.events if finished is not None else []
            lend_attacker(events)
            answer_attacks(events)
            refer_back(events)
            aim_at_doers(events)  # "the SDF opposed the withdrawal": aimed at whoever withdrew
            deny_charges(events)  # "X accused Y of shelling. Y denied the charge.": Y denies it
            drop_protested_acts(events)  # "protested against Turkish strikes": no new attack
            share_story_toll(events)
            lead_with_violence(events)
            place_from_report(events)  # PLACES': a placeless act in a report of one scene happened there
            speaker_sides(events)
            drop_means_actors(events)  # after the claims and sides passes, which read a weapon subject
            distinct_target_ids(events)  # last: after every pass that adds or copies events
            yield events
        self.next_out = max(self.next_out, self.complete)
