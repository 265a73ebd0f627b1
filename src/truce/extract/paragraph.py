"""One parsed paragraph -> Event records: places, dates, speakers, each sentence's drafts, then the
paragraph-level passes (truce.extract.passes).

A paragraph's Doc comes through the extraction components (truce.extract.components: sentences,
triggers, places, dates on `Doc._` extensions) and is then prepared (`prepare`); the classifier
reads the sentences the rules want read in one batched call for many paragraphs
(`classify_paragraphs`); `paragraph_events` then reads the paragraph in the report's context:
offsets shifted into the report, the dateline left out, speakers, each sentence's drafts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from truce.extract import crosswalk
from truce.extract.assemble import code_actor, events_in_sentence
from truce.extract.attribution import quote_regions, reporting_speaker
from truce.extract.claims import blame_back, sentence_claims
from truce.extract.coding import coded_mode, forced_taking, scene_coded, territorial
from truce.extract.combine import (
    combine_with_classifier,
    drop_acts_of_another,
    drop_countless_toll_events,
    wants_classifier,
)
from truce.extract.context import ReportContext
from truce.extract.draft import Draft
from truce.extract.lexicon import load_lexicon
from truce.extract.monitor import monitor_passes, read_observations
from truce.extract.passes import fold_casualties, fold_stated_zeros, lend_places
from truce.extract.repeated_dates import per_repeated_date
from truce.extract.scene import place_unplaced, scene_of
from truce.extract.told_tolls import fold_told_tolls
from truce.extract.triggers import Trigger
from truce.model import AcledTypes, DateRef, Event, Evidence, PlaceMention, content_id

if TYPE_CHECKING:
    from truce.extract.classify import TypePrediction

# "KIGALI, May 29 (Reuters) -": where and when the story was filed, never an event's place or date
DATELINE = re.compile(r"\s*[A-Z][A-Z .'’/-]{2,40}(?:,\s*[A-Z][\w .'’-]{1,40}){0,2}\s*(?:\([^)]{1,40}\))?\s*[-–—]+\s")


@dataclass(slots=True)
class Paragraph:
    """A parsed paragraph with its sentences' lexicon triggers and, for the sentences the rules
    want read, the classifier's reading (filled in by `classify_paragraphs`, batched)."""

    doc: Doc
    offset: int
    text: str  # `doc.text`, which spaCy joins afresh from the tokens on every access
    sents: list[Span]
    triggers: list[list[Trigger]]
    wanted: list[int] = field(default_factory=list)
    predictions: dict[int, TypePrediction] = field(default_factory=dict)


def prepare(doc: Doc, offset: int, use_classifier: bool) -> Paragraph:
    """A paragraph whose text starts at `offset` in the report, its Doc through the extraction
    components (its sentences and triggers from `Doc._.truce_sents` and `Doc._.truce_triggers`)."""
    if doc._.truce_triggers is None:
        raise RuntimeError("prepare: the Doc has not been through the extraction components")
    sents = list(doc._.truce_sents.spans)
    triggers = doc._.truce_triggers
    para = Paragraph(doc, offset, doc.text, sents, triggers)
    if use_classifier:
        para.wanted = [i for i, (s, t) in enumerate(zip(sents, triggers, strict=True)) if wants_classifier(s, t)]
    return para


def classify_paragraphs(paras: list[Paragraph]) -> None:
    """One classifier call for every sentence of `paras` that asks for it."""
    texts = [para.sents[i].text for para in paras for i in para.wanted]
    if not texts:
        return
    from truce.extract import classify  # the classifier imports the training package: loaded on first use

    found = iter(classify.predict(texts))
    for para in paras:
        para.predictions = {i: next(found) for i in para.wanted}


def _shift_place(p: PlaceMention, offset: int) -> PlaceMention:
    return replace(p, start=p.start + offset, end=p.end + offset)


def _shift_date(d: DateRef, offset: int) -> DateRef:
    span = (d.span[0] + offset, d.span[1] + offset) if d.span else None
    return replace(d, span=span)


def _places_and_dates(para: Paragraph) -> tuple[list[PlaceMention], list[DateRef]]:
    """The paragraph's places and dates (`Doc._.truce_places`, `truce_bearing_places`,
    `truce_dates`), shifted into the report text, the dateline's left out."""
    doc, offset = para.doc, para.offset
    found = sorted(doc._.truce_places + doc._.truce_bearing_places, key=lambda p: p.start)
    places = [_shift_place(p, offset) for p in found]
    dates = [_shift_date(d, offset) for d in doc._.truce_dates]
    dateline = DATELINE.match(para.text)
    if dateline is not None:
        places = [p for p in places if p.start >= offset + dateline.end()]
        dates = [d for d in dates if d.span is None or d.span[0] >= offset + dateline.end()]
    return places, dates


def paragraph_events(para: Paragraph, index: int, ctx: ReportContext) -> list[Event]:
    """Events of the `index`-th paragraph of the report `ctx` describes."""
    lex = load_lexicon()
    offset, sents = para.offset, para.sents
    ctx.new_paragraph(index)
    places, dates = _places_and_dates(para)
    regions = quote_regions(para.text)
    speakers = [reporting_speaker(s, lex, regions) for s in sents]
    para_speaker = next((s for s in speakers if s is not None), None)
    if regions:
        if para_speaker is not None:
            ctx.quote_speaker = code_actor(para_speaker, offset, ctx)
        elif not para.text.lstrip().startswith(("\"", "“")):
            ctx.quote_speaker = None
    per_sentence: list[list[Draft]] = []
    for sent, speaker, triggers in zip(sents, speakers, para.triggers, strict=True):
        voice = speaker or para_speaker
        drafts = events_in_sentence(sent, offset, ctx, lex, places, dates, regions, voice, triggers)

        def make(trigs: list[Trigger], sent: Span = sent, voice: Token | None = voice) -> list[Draft]:
            return events_in_sentence(sent, offset, ctx, lex, places, dates, regions, voice, trigs)

        drafts = read_observations(sent, drafts, offset, places, make)
        drafts = sentence_claims(sent, drafts, offset, ctx, places)
        per_sentence.append(per_repeated_date(sent, drafts, offset, dates))  # "on 2 April and again on 4 April"
    if para.predictions:
        combine_with_classifier(sents, per_sentence, offset, ctx, lex, places, dates, regions,
                                [s or para_speaker for s in speakers], para.predictions)
    monitor_passes(sents, per_sentence, offset, ctx)  # MONITOR's: tallies by times; the mission never attacks
    blame_back(sents, per_sentence, offset)  # "Shells hit a school. Officials blamed X.": X fired
    fold_told_tolls(sents, per_sentence)  # "... Fatalities: 7.": a toll sentence with no event
    fold_casualties(per_sentence)
    fold_stated_zeros(sents, per_sentence)  # "... No one was hurt.": the attack's known zero
    drop_countless_toll_events(sents, per_sentence)  # "Looters ransacked X. Casualties unknown."
    drop_acts_of_another(per_sentence)  # "dispersed the rally by firing into the air": no attack
    place_unplaced(sents, per_sentence, places, offset)  # a sentence's own place before the paragraph's
    lend_places(per_sentence)
    out: list[Event] = []
    scenes: dict[int, crosswalk.Scene | None] = {}  # by sentence start: what the rules saw of the target
    for sent, drafts in zip(sents, per_sentence, strict=True):
        scene = scene_of(sent, drafts) if drafts else None
        scenes[sent.start_char + offset] = scene
        # an observation's kind comes from what was observed, not from who else the sentence names
        out.extend(to_event(d, sent.text, sent.start_char + offset, sent.end_char + offset, ctx,
                            scene if d.observation is None else None)
                   for d in drafts if not d.background)
    if para.predictions:  # the sentence's reading decides civilian or armed target of the rules' attacks
        from truce.extract.classify import refine_event

        starts = {sent.start_char + offset: i for i, sent in enumerate(sents)}
        # (an observation's kind is what the monitors observed: no target to weigh)
        out = [ev if ev.observation is not None or ev.evidence is None else
               refine_event(ev, para.predictions.get(starts.get(ev.evidence.start, -1)), scenes.get(ev.evidence.start))
               for ev in out]
    return out


def to_event(d: Draft, sentence: str, start: int, end: int, ctx: ReportContext,
             scene: crosswalk.Scene | None = None) -> Event:
    """The Event record of a finished draft, its ACLED and CAMEO codes from the crosswalk."""
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
        acled=AcledTypes.from_dict(crosswalk.acled(d.type, coded_mode(d), actor_sector, recipient_sector,
                                                   list(d.weapons), territorial(d, sentence),
                                                   scene_coded(scene, d),
                                                   forced=forced_taking(d, sentence))),
        cameo_root=crosswalk.cameo_root(d.type, d.mode, actor_sector, recipient_sector, d.lemma),
        evidence=Evidence(sentence=sentence.strip(), start=start, end=end, spans=spans),
        confidence=d.confidence, count=d.count, observation=d.observation,
    )
