"""Extraction entry points: text (or Doc) -> Event records.

The text is cut into paragraphs (blank lines, and line breaks after a finished sentence or a
headline) which go through `nlp.pipe` one by one, so memory stays bounded for long texts and a
headline never merges with the first sentence; every offset is shifted back into the whole text.
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
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from truce.extract import crosswalk
from truce.extract.assemble import Draft, code_actor, events_in_sentence
from truce.extract.attribution import quote_regions, reporting_speaker
from truce.extract.context import ReportContext
from truce.extract.helpers import bearing_places, dates_for, places_for
from truce.extract.language import detect_language
from truce.extract.lexicon import load_lexicon
from truce.extract.scene import scene_of
from truce.extract.timing import on_word_bounds, reread_future
from truce.extract.triggers import Trigger, find_triggers
from truce.model import DateRef, Event, Evidence, PlaceMention, Report, content_id

if TYPE_CHECKING:
    from truce.extract.classify import TypePrediction

_BREAK = re.compile(r"\n[ \t]*\n+|\n(?=[ \t]*[\"“A-Z0-9])")
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'’/-]{2,40}(?:,\s*[A-Z][\w .'’-]{1,40}){0,2}\s*(?:\([^)]{1,40}\))?\s*[-–—]+\s")
_END = re.compile(r"[.!?\"”’:)]\s*$")
MAX_PARAGRAPH = 20_000  # characters; longer runs are cut at sentence-like breaks


def to_date(published: date | datetime | str | None) -> date | None:
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
    sentence or a short headline-like line, so hard-wrapped prose stays whole."""
    start = 0
    for match in _BREAK.finditer(text):
        piece = text[start:match.start()]
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
        yield offset, piece



def extract(text: str, published: date | datetime | str | None = None,
            report_id: str | None = None, use_classifier: bool | None = None) -> list[Event]:
    """Events in `text`, dates read relative to `published`. Non-English text yields none.
    `use_classifier`: combine the rules with the learned classifier (default: when available)."""
    if not text.strip():
        return []
    lang = detect_language(text)
    if lang not in {"en", None}:
        return []
    from truce.nlp import load_nlp

    nlp = load_nlp()
    ctx = _context(text, published, report_id, use_classifier)
    pieces = list(paragraphs(text))
    docs = nlp.pipe((p for _, p in pieces), batch_size=32)
    prepared = [_prepare(doc, offset, ctx.use_classifier) for (offset, _), doc in zip(pieces, docs, strict=True)]
    _classify(prepared)
    events: list[Event] = []
    for index, para in enumerate(prepared):
        events.extend(_paragraph_events(para, index, ctx))
    lend_attacker(events)
    answer_attacks(events)
    return events


def extract_doc(doc: Doc, published: date | datetime | str | None = None,
                report_id: str | None = None, use_classifier: bool | None = None) -> list[Event]:
    """Events of a Doc the caller already parsed (one paragraph context per Doc)."""
    ctx = _context(doc.text, published, report_id, use_classifier)
    para = _prepare(doc, 0, ctx.use_classifier)
    _classify([para])
    return _paragraph_events(para, 0, ctx)


ReportInput = tuple[str, date | datetime | str | None] | tuple[str, date | datetime | str | None, str | None]


def extract_many(reports: Iterable[ReportInput], batch_size: int = 64,
                 use_classifier: bool | None = None, n_process: int = 1) -> Iterator[list[Event]]:
    """Events of many reports, in input order, piping all their paragraphs through one nlp.pipe.
    Each report is (text, published) or (text, published, report_id); the id, when given, is the
    events' report_id. The classifier runs once per chunk of about `batch_size` paragraphs.
    `n_process` > 1 parses in that many spaCy worker processes while this one reads the parses;
    the results are the same."""
    from truce.nlp import load_nlp

    nlp = load_nlp()

    def stream() -> Iterator[tuple[str, tuple[int, int, ReportContext | None]]]:
        for number, item in enumerate(reports):
            text, published = item[0], item[1]
            report_id = item[2] if len(item) > 2 else None
            english = bool(text.strip()) and detect_language(text) in {"en", None}
            if not english:
                yield "", (number, -1, None)
                continue
            ctx = _context(text, published, report_id, use_classifier)
            for offset, piece in paragraphs(text):
                yield piece, (number, offset, ctx)

    # reports whose paragraphs are all parsed wait here until the chunk is full, so that the
    # classifier sees all their sentences in one call
    pending: list[tuple[ReportContext | None, list[_Paragraph]]] = []
    current = -1

    def flush() -> Iterator[list[Event]]:
        _classify([para for _, paras in pending for para in paras])
        for ctx, paras in pending:
            events: list[Event] = []
            if ctx is not None:
                for index, para in enumerate(paras):
                    events.extend(_paragraph_events(para, index, ctx))
                lend_attacker(events)
                answer_attacks(events)
            yield events
        pending.clear()

    size = 0
    parsed = nlp.pipe(stream(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, (number, offset, ctx) in parsed:
        if number != current:
            if size >= batch_size:
                yield from flush()
                size = 0
            for _ in range(current + 1, number):
                pending.append((None, []))  # reports that produced no paragraphs at all
            current = number
            pending.append((ctx, []))
        if ctx is None:
            continue
        pending[-1][1].append(_prepare(doc, offset, ctx.use_classifier))
        size += 1
    yield from flush()


@dataclass(slots=True)
class _Paragraph:
    """A parsed paragraph with its sentences' lexicon triggers and, for sentences the rules leave
    without a trigger, the classifier's reading (filled in by `_classify`, batched)."""

    doc: Doc
    offset: int
    sents: list[Span]
    triggers: list[list[Trigger]]
    wanted: list[int] = field(default_factory=list)
    predictions: dict[int, TypePrediction] = field(default_factory=dict)


def _prepare(doc: Doc, offset: int, use_classifier: bool) -> _Paragraph:
    lex = load_lexicon()
    sents = list(doc.sents)
    triggers = [find_triggers(s, lex) for s in sents]
    para = _Paragraph(doc, offset, sents, triggers)
    if use_classifier:
        from truce.extract.combine import wants_classifier

        para.wanted = [i for i, (s, t) in enumerate(zip(sents, triggers, strict=True)) if wants_classifier(s, t)]
    return para


def _classify(paras: list[_Paragraph]) -> None:
    """One classifier call for every sentence of `paras` that asks for it."""
    texts = [para.sents[i].text for para in paras for i in para.wanted]
    if not texts:
        return
    from truce.extract import classify

    found = iter(classify.predict(texts))
    for para in paras:
        para.predictions = {i: next(found) for i in para.wanted}


def _context(text: str, published: date | datetime | str | None, report_id: str | None,
             use_classifier: bool | None = None) -> ReportContext:
    if use_classifier is None:
        use_classifier = classifier_default()
    from truce.extract.period import reporting_period

    day = to_date(published)
    return ReportContext(report_id=report_id or Report.make_id("news", text), published=day,
                         use_classifier=use_classifier, reporting_period=reporting_period(text, day))


def classifier_default() -> bool:
    """Use the learned classifier when its module and training data are present."""
    try:
        from truce.extract import classify
    except ImportError:
        return False
    return bool(classify.available())


def _shift_place(p: PlaceMention, offset: int) -> PlaceMention:
    return replace(p, start=p.start + offset, end=p.end + offset)


def _shift_date(d: DateRef, offset: int) -> DateRef:
    span = (d.span[0] + offset, d.span[1] + offset) if d.span else None
    return replace(d, span=span)


def _paragraph_events(para: _Paragraph, index: int, ctx: ReportContext) -> list[Event]:
    lex = load_lexicon()
    doc, offset, sents = para.doc, para.offset, para.sents
    ctx.new_paragraph(index)
    found = places_for(doc)
    found = sorted(found + bearing_places(doc, found), key=lambda p: p.start)
    places = [_shift_place(p, offset) for p in found]
    dates = [_shift_date(d, offset) for d in reread_future(doc, on_word_bounds(doc, dates_for(doc, ctx.published)),
                                                           ctx.published)]
    regions = quote_regions(doc.text)
    speakers = [reporting_speaker(s, lex, regions) for s in sents]
    para_speaker = next((s for s in speakers if s is not None), None)
    if regions:
        if para_speaker is not None:
            ctx.quote_speaker = code_actor(para_speaker, offset, ctx)
        elif not doc.text.lstrip().startswith(("\"", "“")):
            ctx.quote_speaker = None
    dateline = _DATELINE.match(doc.text)
    if dateline is not None:  # "KIGALI, May 29 (Reuters) -": where the story was filed, not where it happened
        places = [p for p in places if p.start >= offset + dateline.end()]
        # the dateline's date is when the story was filed, never an event's date
        dates = [d for d in dates if d.span is None or d.span[0] >= offset + dateline.end()]
    out: list[Event] = []
    per_sentence: list[list[Draft]] = []
    for sent, speaker, triggers in zip(sents, speakers, para.triggers, strict=True):
        per_sentence.append(events_in_sentence(sent, offset, ctx, lex, places, dates, regions,
                                               speaker or para_speaker, triggers))
    if para.predictions:
        from truce.extract.combine import combine_with_classifier

        combine_with_classifier(sents, per_sentence, offset, ctx, lex, places, dates, regions,
                                [s or para_speaker for s in speakers], para.predictions)
    fold_casualties(per_sentence)
    lend_places(per_sentence)
    for sent, drafts in zip(sents, per_sentence, strict=True):
        scene = scene_of(sent, drafts) if drafts else None
        out.extend(_event(d, sent.text, sent.start_char + offset, sent.end_char + offset, ctx, scene)
                   for d in drafts if not d.background)
    return out


# Casualty words: a sentence whose only event is people killed or hurt ("Three civilians were
# killed", "Two soldiers were wounded") reports a toll, usually of the attack just told.
_CASUALTY_LEMMAS = {"kill", "die", "wound", "injure", "hurt", "death", "dead", "toll", "casualty", "perish"}
_NOT_HAPPENED = {"negation", "future", "hypothetical"}


def fold_casualties(per_sentence: list[list[Draft]]) -> None:
    """Fold actorless casualty reports into the attack told before them in the paragraph.

    Rule: an ASSAULT with no actor whose trigger is a casualty word and which counts dead or
    injured, in a sentence after one with an ASSAULT that happened (not denied, negated, planned or
    supposed), is that attack's toll when nothing in it says otherwise: no place or the same place,
    no date or an overlapping one. The attack takes the counts (a later, larger count replaces an
    earlier one: tolls are revised upward, "rose to 12") and the casualty event is dropped, so one
    attack is one event. A casualty report with a place or date of its own stays apart, as before.
    """
    last: Draft | None = None
    for drafts in per_sentence:
        keep: list[Draft] = []
        for d in drafts:
            if last is not None and _is_toll_of(d, last):
                _adopt_counts(last, d)
                continue
            keep.append(d)
        drafts[:] = keep
        attacks = [d for d in drafts if d.type == "ASSAULT" and d.actor is not None and d.status != "denied"
                   and d.aux not in _NOT_HAPPENED and not d.background]
        if attacks:
            last = max(attacks, key=lambda d: d.confidence)


_SCENE_TYPES = {"ASSAULT", "COERCE"}


def lend_places(per_sentence: list[list[Draft]]) -> None:
    """Give a placeless act of force the place of the paragraph's story so far.

    Rule: an ASSAULT or COERCE with no place of its own, in a sentence after one whose events
    happened somewhere (not denied, planned or supposed), happened there too: "In Niamey, thousands
    rallied ... Some marched to the embassy before security forces fired tear gas" - the paragraph
    tells one scene until it names another place. A sentence's own place always wins.
    """
    last: PlaceMention | None = None
    for drafts in per_sentence:
        for d in drafts:
            if d.location is None and d.type in _SCENE_TYPES and last is not None and not d.background:
                d.location = last
        here = [d.location for d in drafts if d.location is not None and d.status != "denied"
                and d.aux not in _NOT_HAPPENED and not d.background]
        if here:
            last = here[-1]


def lend_attacker(events: list[Event]) -> None:
    """Give a report's bare toll the report's attacker.

    Rule: an ASSAULT with a count of dead or injured but no actor and no place of its own ("the
    death toll had risen to 35") counts the victims of the attack the report is about. When the
    report's attacks that happened name exactly one attacking country - leaving out the victims'
    own country when more than one attacks - the toll takes that attack's actor (and its
    recipient when the toll names none), and the place of that attacker's attacks when they name
    one place only. Two or more candidate attackers: left as it is.
    """
    tolls = [e for e in events if e.type == "ASSAULT" and e.actor is None and e.location is None
             and (e.fatalities is not None or e.injured is not None)]
    if not tolls:
        return
    attacks = [e for e in events if e.type == "ASSAULT" and e.actor is not None and e.actor.country
               and e.status != "denied" and e.aux not in _NOT_HAPPENED]
    for toll in tolls:
        countries = {e.actor.country for e in attacks if e.actor is not None}
        victims = toll.recipient.country if toll.recipient is not None else None
        if len(countries) > 1 and victims is not None:
            countries.discard(victims)  # "Gaza's toll": the side hit is not the attacker
        if len(countries) != 1:
            continue
        main = max((e for e in attacks if e.actor is not None and e.actor.country in countries),
                   key=lambda e: e.confidence)
        toll.actor = main.actor
        if toll.recipient is None:
            toll.recipient = main.recipient
        # and where: when that attacker's attacks were all told at one place ("Forty-three people
        # were wounded in the strike", the city named a paragraph before), the toll is counted there
        places = {e.location.name: e.location for e in attacks
                  if e.actor is not None and e.actor.country in countries and e.location is not None}
        if len(places) == 1:
            toll.location = next(iter(places.values()))


_RETALIATION = ("retaliat", "respon", "reprisal", "counterattack", "counter-attack")


def answer_attacks(events: list[Event]) -> None:
    """Give a retaliation the attack it answers.

    Rule: an ASSAULT named as retaliation ("took retaliatory measures", "retaliated") whose actor
    has a country but which names no recipient of another country answers the attacks on that
    country told before it in the report: the last such attack's actor is its recipient, and,
    when it has no date of its own, it takes the date of the last such attack that has one.
    """
    for n, event in enumerate(events):
        if event.type != "ASSAULT" or event.actor is None or not event.actor.country:
            continue
        if event.recipient is not None and event.recipient.country:
            continue
        ev = event.evidence
        at = ev.spans.get("trigger") if ev is not None and ev.spans else None
        if ev is None or not at:
            continue
        word = ev.sentence[int(at[0]) - ev.start:int(at[1]) - ev.start].lower()
        if not word.startswith(_RETALIATION):
            continue
        side = event.actor.country
        before = [e for e in events[:n] if e.type == "ASSAULT" and e.actor is not None and e.actor.country
                  and e.actor.country != side and e.recipient is not None and e.recipient.country == side
                  and e.status != "denied" and e.aux not in _NOT_HAPPENED]
        if not before:
            continue
        answered = before[-1].actor
        if answered is not None:
            event.recipient = replace(answered, span=None)
            ev.spans.pop("recipient", None)  # the answered attacker is named in another sentence
        dates = [e.date for e in before if e.date is not None and e.date.start is not None]
        if event.date is None and dates:
            event.date = replace(dates[-1], span=None)


def _is_toll_of(d: Draft, attack: Draft) -> bool:
    if d.type != "ASSAULT" or d.actor is not None or d.lemma not in _CASUALTY_LEMMAS:
        return False
    if (d.fatalities is None and d.injured is None) or d.aux in _NOT_HAPPENED or d.status == "denied":
        return False
    if d.location is not None and attack.location is not None and d.location.name != attack.location.name:
        return False
    if d.date is None or attack.date is None or None in (d.date.start, d.date.end, attack.date.start,
                                                          attack.date.end):
        return True
    return d.date.start <= attack.date.end and attack.date.start <= d.date.end  # type: ignore[operator]


def _adopt_counts(attack: Draft, toll: Draft) -> None:
    spans = attack.spans if attack.spans is not None else {}
    theirs = toll.spans or {}
    for field_name in ("fatalities", "injured"):
        count = getattr(toll, field_name)
        if count is not None and (getattr(attack, field_name) or 0) <= count:
            setattr(attack, field_name, count)
            if field_name in theirs:
                spans[field_name] = theirs[field_name]
    attack.spans = spans


def _event(d: Draft, sentence: str, start: int, end: int, ctx: ReportContext,
           scene: crosswalk.Scene | None = None) -> Event:
    spans = d.spans or {}
    trigger_at = str(spans.get("trigger", [start])[0])
    actor_sector = d.actor.sector if d.actor else None
    recipient_sector = d.recipient.sector if d.recipient else None
    return Event(
        id=content_id("ev", ctx.report_id, str(start), d.type, trigger_at),
        report_id=ctx.report_id, type=d.type, mode=d.mode, aux=d.aux,  # type: ignore[arg-type]
        status=d.status,  # type: ignore[arg-type]
        actor=d.actor, recipient=d.recipient, source=d.source,
        location=d.location.to_place() if d.location else None, date=d.date,
        fatalities=d.fatalities, injured=d.injured, weapons=list(d.weapons),
        acled=crosswalk.acled(d.type, d.mode, actor_sector, recipient_sector, list(d.weapons), d.territorial,
                             scene),
        cameo_root=crosswalk.cameo_root(d.type, d.mode, actor_sector, recipient_sector, d.lemma),
        evidence=Evidence(sentence=sentence.strip(), start=start, end=end, spans=spans),
        confidence=d.confidence,
    )
