"""The whole job over the store: ingest, extract (with places and time), fuse, adjudicate.

Each step reads records from the store a page at a time, calls one stage's entry function, and
writes records back in short whole transactions, so every step is incremental, runs in bounded
memory, and can be interrupted and re-run (the result equals an uninterrupted run's):
- `ingest(store, paths)`: each text once, each outlet's copy as a sighting;
- `extract_pending(store)`: reports this extractor has not read;
- `fuse_pending(store)`: new items into the stored incidents, then every decision in force;
- `judge_pending(store)`: incidents that changed, or all when an agreement changed;
- `refresh(store, incident_ids)`: right after a reviewer's decision.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from truce.fusion.incremental import FuseSummary
from truce.model import Event, Incident, Observation, Report, Verdict, content_id
from truce.settings import get_settings
from truce.store import Store

# Bump when extraction changes behaviour: reports extracted by an older version are re-read.
EXTRACTOR = "truce.extract.v2"

Progress = Callable[[int], None]


@dataclass(slots=True)
class IngestSummary:
    ingested: int = 0
    already_present: int = 0
    copies: int = 0  # already stored texts carried by another outlet: a sighting was kept
    rejected: int = 0
    observations: int = 0
    problems: list[str] = field(default_factory=list)  # one line per rejected item or notice
    notices: list[str] = field(default_factory=list)


def ingest(
    store: Store,
    paths: list[str],
    *,
    kind: str | None = None,
    published: datetime | None = None,
    column_map: Path | None = None,
    on_item: Progress | None = None,
    on_problem: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Read every source and store each good report once; bad items are named and skipped."""
    from truce.ingest import ParsedItem, read_sources

    settings = get_settings()
    summary = IngestSummary()
    batch: list[tuple[Report, list[Observation]]] = []

    def flush() -> None:
        result = store.add_reports(batch)
        summary.ingested += len(result.added)
        summary.already_present += len(result.present)
        summary.copies += len(result.sighted)
        added = set(result.added)
        summary.observations += sum(len(obs) for r, obs in batch if r.id in added)
        if on_item:
            on_item(len(batch))
        batch.clear()

    items = read_sources(paths, kind=kind, published=published,  # type: ignore[arg-type]
                         column_map=column_map or settings.column_map)
    for item in items:
        if isinstance(item, ParsedItem):
            for notice in item.notices:
                line = str(notice)
                summary.notices.append(line)
                if on_problem:
                    on_problem("notice: " + line)
            batch.append((item.report, list(item.observations)))
            if len(batch) >= settings.ingest_batch_size:
                flush()
        else:
            summary.rejected += 1
            line = f"[{item.code}] {item.where}: {item.message} — {item.hint}"
            summary.problems.append(line)
            if on_problem:
                on_problem("rejected: " + line)
            if on_item:
                on_item(1)
    if batch:
        flush()
    return summary


def extract_pending(store: Store, *, on_item: Progress | None = None, batch: int = 50) -> tuple[int, int]:
    """Extract events from every news report not yet read by this extractor; returns (reports, events).

    Reports are read a page at a time and each batch's events are committed before the next page
    is read (no read cursor is open while writing); a run killed half-way resumes where it stopped.
    Once a second batch is due, the rest is read in worker processes (TRUCE_EXTRACT_WORKERS), so a
    large store uses every core while a small one pays no start-up."""
    from truce.extract.pipeline import extract_many
    from truce.extract.workers import ExtractionWorkers, worker_count

    n_reports = n_events = 0
    page: list[Report] = []
    workers = worker_count(get_settings().extract_workers)
    with ExitStack() as stack:
        pool: ExtractionWorkers | None = None
        flushed = 0

        def flush() -> None:
            nonlocal n_reports, n_events, pool, flushed
            if pool is None and workers > 1 and flushed and len(page) >= batch:
                pool = stack.enter_context(ExtractionWorkers(workers))
            read = pool.extract_many if pool is not None else extract_many
            # Observations are already structured; extraction reads the prose of news and allegations,
            # in the language ingestion detected (other languages get no English reading).
            english = [r for r in page if r.kind in ("news", "allegation") and r.language in (None, "en")]
            chosen = {r.id for r in english}
            results: list[tuple[str, list[Event]]] = [(r.id, []) for r in page if r.id not in chosen]
            extracted = read(english) if english else []
            results += [(report.id, events) for report, events in zip(english, extracted, strict=True)]
            n_events += store.save_extraction(results, EXTRACTOR)
            n_reports += sum(1 for r in page if r.kind in ("news", "allegation"))
            flushed += 1
            if on_item:
                on_item(len(page))
            page.clear()

        for report in store.reports(unextracted_by=EXTRACTOR, batch=max(batch, get_settings().store_page_size)):
            page.append(report)
            if len(page) >= batch:
                flush()
        if page:
            flush()
    return n_reports, n_events


def fuse_pending(store: Store) -> FuseSummary:
    """Fuse new events and observations into the stored incidents, then put every reviewer's
    decision in force (see `truce.fusion.incremental` and `truce.fusion.decisions`)."""
    from truce.fusion.decisions import apply_decisions, rebuild_stale
    from truce.fusion.incremental import fuse_pending as fuse_new

    rebuild_stale(store)  # incidents that lost members to a new extraction of their reports
    summary = fuse_new(store)
    apply_decisions(store)
    return summary


def agreements_signature(agreements: list[Any]) -> str:
    """One value that changes when any agreement or the adjudication rules change."""
    from truce.agreements import RULES_VERSION

    parts = [RULES_VERSION, *(f"{a.id}@{a.version or ''}" for a in sorted(agreements, key=lambda a: a.id))]
    return content_id("ag", *parts)[:40]


@dataclass(slots=True)
class JudgeSummary:
    judged: int = 0  # incidents judged in this run
    changed: int = 0  # verdicts that joined the history


def judge_pending(store: Store, agreements_dir: Path | None = None, *, page: int | None = None) -> JudgeSummary:
    """Judge the incidents that changed since they were last judged (or all, when an agreement or
    the rules changed), a page at a time; each page's verdicts commit with the incidents' marks."""
    from truce.agreements import AdjudicationContext, adjudicate_all, load_agreements

    agreements = load_agreements(agreements_dir or get_settings().agreements_dir)
    for agreement in agreements:
        store.save_agreement(agreement.id, agreement.version or "", agreement.name, agreement.source_text or "")
    signature = agreements_signature(agreements)
    size = page or get_settings().store_page_size
    summary = JudgeSummary()
    after = ""
    while batch := store.unjudged(signature, size, after):
        after = batch[-1][0].id
        incidents = [inc for inc, _ in batch]
        events = store.events(ids=[e for inc in incidents for e in inc.event_ids])
        observations = store.observations(ids=[o for inc in incidents for o in inc.observation_ids])
        heads = store.report_heads({r for inc in incidents for r in inc.report_ids})
        # The events behind each incident tell who claimed and who denied what, for attribution.
        context = AdjudicationContext.of(events, observations, heads)
        verdicts = [_attributed(v, incidents) for v in adjudicate_all(incidents, agreements, evidence=context)]
        summary.changed += store.record_verdicts(verdicts, judged={inc.id: (signature, stamp) for inc, stamp in batch})
        summary.judged += len(batch)
    return summary


def _attributed(verdict: Verdict, incidents: list[Incident]) -> Verdict:
    """A reviewer's attribution replaces the machine's (the reason is said in the explanation)."""
    incident = next(i for i in incidents if i.id == verdict.incident_id)
    party = incident.corrections.get("attribution")
    if not party:
        return verdict
    verdict.party = "unattributed" if party == "unattributable" else str(party)
    verdict.explanation += (" A reviewer judged it unattributable." if party == "unattributable"
                            else f" A reviewer attributed it to {party}.")
    return verdict


def refresh(store: Store, incident_ids: list[str], agreements_dir: Path | None = None) -> list[Incident]:
    """Right after a reviewer's decision: put the decisions naming these incidents in force and
    judge what changed, so the correction shows at once. Returns the live incidents concerned
    (a merged-away id gives its survivor; a split adds the new incident)."""
    from truce.fusion.decisions import apply_decisions

    touched: set[str] = set(incident_ids)
    decisions = {d.id: d for i in incident_ids for d in store.decisions(i)}
    touched |= apply_decisions(store, sorted(decisions.values(), key=lambda d: (d.made_at or datetime.min, d.id)))
    judge_pending(store, agreements_dir)
    found = store.incidents_by_ids(touched)
    live: dict[str, Incident] = {}
    for record, _, status in found.values():
        if status == "live":
            live[record.id] = record
        elif record.merged_into and (survivor := store.incident(record.merged_into)) is not None:
            live[survivor.id] = survivor
    return [live[i] for i in sorted(live)]


def fuse_store(store: Store) -> list[Incident]:
    """Fuse what is new (see `fuse_pending`) and return every live incident (small stores, tests)."""
    fuse_pending(store)
    return list(store.incidents())


def adjudicate_store(store: Store, agreements_dir: Path | None = None) -> list[Verdict]:
    """Judge what changed (see `judge_pending`) and return every current verdict (small stores, tests)."""
    judge_pending(store, agreements_dir)
    return store.verdicts()
