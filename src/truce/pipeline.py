"""The whole job over the store: ingest, extract (with places and time), fuse, adjudicate.

Each step reads records from the store, calls one stage's entry function, and writes records
back in whole transactions, so every step is incremental and can be interrupted and re-run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from truce.model import Event, Incident, Observation, Report, Verdict
from truce.settings import get_settings
from truce.store import Store

# Bump when extraction changes behaviour: reports extracted by an older version are re-read.
EXTRACTOR = "truce.extract.v1"

Progress = Callable[[int], None]


@dataclass(slots=True)
class IngestSummary:
    ingested: int = 0
    already_present: int = 0
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


def _chunks(items: Iterable[Report], size: int) -> Iterator[list[Report]]:
    chunk: list[Report] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_pending(store: Store, *, on_item: Progress | None = None, batch: int = 50) -> tuple[int, int]:
    """Extract events from every news report not yet read by this extractor; returns (reports, events)."""
    from truce.extract.pipeline import extract_many

    n_reports = n_events = 0
    # Observations are already structured; extraction reads the prose of news and allegations.
    pending = (r for r in store.reports(unextracted_by=EXTRACTOR) if r.kind in ("news", "allegation"))
    for chunk in _chunks(pending, batch):
        # Ingestion already detected each report's language; other languages get no English reading.
        english = [r for r in chunk if r.language in (None, "en")]
        results: list[tuple[str, list[Event]]] = [(r.id, []) for r in chunk if r.language not in (None, "en")]
        extracted = extract_many([(r.text, r.published, r.id) for r in english])
        results += [(report.id, events) for report, events in zip(english, extracted, strict=True)]
        n_events += store.save_extraction(results, EXTRACTOR)
        n_reports += len(chunk)
        if on_item:
            on_item(len(chunk))
    # Field and sensor reports carry no prose events: mark them read so they are not revisited.
    rest = [r.id for r in store.reports(unextracted_by=EXTRACTOR)]
    if rest:
        store.save_extraction([(rid, []) for rid in rest], EXTRACTOR)
    return n_reports, n_events


def fuse_store(store: Store) -> list[Incident]:
    """Fuse all events and observations into incidents and store them (deterministic)."""
    from truce.fuse import fuse

    events = store.events()
    observations = store.observations()
    report_ids = {e.report_id for e in events} | {o.report_id for o in observations}
    reports = {r.id: r for r in store.reports() if r.id in report_ids}
    incidents = fuse(events, observations, reports, existing=store.incidents())
    store.replace_incidents(incidents)
    return incidents


def adjudicate_store(store: Store, agreements_dir: Path | None = None) -> list[Verdict]:
    """Judge every incident against every agreement; new or changed verdicts join the history."""
    from truce.agreements import AdjudicationContext, adjudicate_all, load_agreements

    agreements = load_agreements(agreements_dir or get_settings().agreements_dir)
    for agreement in agreements:
        store.save_agreement(agreement.id, agreement.version or "", agreement.name, agreement.source_text or "")
    incidents = store.incidents()
    events, observations = store.events(), store.observations()
    report_ids = {e.report_id for e in events} | {o.report_id for o in observations}
    reports = {r.id: r for r in store.reports() if r.id in report_ids}
    # The events behind each incident tell who claimed and who denied what, for attribution.
    context = AdjudicationContext.of(events, observations, reports)
    verdicts = adjudicate_all(incidents, agreements, evidence=context)
    store.record_verdicts(verdicts)
    return verdicts
