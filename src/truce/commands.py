"""Store-level commands: ingest, run, fuse, adjudicate, and listing what the store holds."""

from __future__ import annotations

import json
import sys
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from truce.errors import InputRejected
from truce.settings import get_settings

err = Console(stderr=True, highlight=False, soft_wrap=True)
# Piped output (CI logs, files) gets a wide page rather than 80 columns.
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 140)


class Kind(StrEnum):
    news = "news"
    field = "field"
    sensor = "sensor"
    allegation = "allegation"


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def parse_published(value: str | None) -> datetime | None:
    """--published: an ISO date or date-time; a date alone means that day (UTC)."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise InputRejected("E114", f"--published '{value}' is not an ISO 8601 date",
                            hint="write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM+HH:MM", where="--published") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@contextmanager
def progress(label: str, total: int | None = None) -> Any:
    """A rich progress bar on a terminal; silent when output is piped (CI, scripts)."""
    if not err.is_terminal:
        yield lambda n: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


def _store() -> Any:
    from truce.store import open_store

    return open_store()


def print_incidents(incidents: list[Any], verdicts: list[Any]) -> None:
    """A table of incidents with their verdicts, one row per incident × agreement."""
    from rich.table import Table

    by_incident: dict[str, list[Any]] = {}
    for v in verdicts:
        by_incident.setdefault(v.incident_id, []).append(v)
    table = Table(show_lines=False, title=f"{len(incidents)} incidents")
    for col in ("when", "what", "where", "actor", "srcs", "obs", "verdict", "agreement"):
        table.add_column(col)
    for inc in incidents:
        when = inc.start.strftime("%Y-%m-%d %H:%M") if inc.start else "?"
        where = (inc.location.name or inc.location.text) if inc.location else "?"
        what = inc.type + (f"/{inc.mode}" if inc.mode else "")
        rows = by_incident.get(inc.id) or [None]
        for v in rows:
            table.add_row(when, what, where, inc.actor_country or "?", str(inc.independent_sources),
                          str(inc.observation_count or ""), v.verdict if v else "-", v.agreement_id if v else "-")
    out.print(table)


# Above this many incidents `truce run` prints counts, not the whole summary (`truce incidents` lists them).
SUMMARY_MAX_INCIDENTS = 500


def _print_json(store: Any) -> None:
    """{"incidents": [...], "verdicts": [...]} written as it is read, a page at a time."""
    sys.stdout.write('{"incidents": [')
    for n, incident in enumerate(store.incidents()):
        sys.stdout.write((",\n" if n else "\n") + json.dumps(incident.to_dict()))
    sys.stdout.write('\n], "verdicts": [')
    for n, verdict in enumerate(store.iter_verdicts()):
        sys.stdout.write((",\n" if n else "\n") + json.dumps(verdict.to_dict()))
    sys.stdout.write("\n]}\n")


def _print_store(store: Any, format: ListFormat, agreements: Path | None) -> None:
    """What `truce run` and `truce adjudicate` show: the summary per agreement, or JSON."""
    if format is ListFormat.json:
        _print_json(store)
        return
    live = store.count_live_incidents()
    if live <= SUMMARY_MAX_INCIDENTS:
        from truce.agreements import load_agreements
        from truce.report.console import print_summary

        print_summary(out, list(store.incidents()), store.verdicts(),
                      load_agreements(agreements or get_settings().agreements_dir))
    else:
        out.print(f"{live} incidents — too many for a summary here", markup=False)
    out.print(f"store: {store.label} — `truce incidents`, `truce events` and `truce verdicts` list what it holds",
              markup=False)


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursively), feed URLs, or - for stdin.")],
    kind: Annotated[Kind | None, typer.Option(help="Report kind when the input does not say.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date when the input does not say.")] = None,
    column_map: Annotated[Path | None, typer.Option(help="YAML column map for CSV field reports.")] = None,
) -> None:
    """Store reports verbatim (content-addressed: re-ingesting adds nothing); bad items are named and skipped."""
    from truce.pipeline import ingest as run_ingest

    store = _store()
    with progress("ingesting") as advance:
        summary = run_ingest(store, paths, kind=kind.value if kind else None,
                             published=parse_published(published), column_map=column_map,
                             on_item=advance, on_problem=lambda line: err.print(line, markup=False))
    copies = f", {summary.copies} more outlets' copies kept" if summary.copies else ""
    err.print(f"{summary.ingested} ingested, {summary.already_present} already present, "
              f"{summary.rejected} rejected ({summary.observations} observations){copies}", markup=False)
    if summary.rejected:
        raise typer.Exit(1)


def run(
    paths: Annotated[list[str] | None, typer.Argument(help="Sources to ingest first (optional).")] = None,
    agreements: Annotated[Path | None, typer.Option(help="Folder of agreement YAML files.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date when the input does not say.")] = None,
    format: Annotated[ListFormat, typer.Option(help="table or json")] = ListFormat.table,
) -> None:
    """Ingest, extract (places and time), fuse and adjudicate over the store, incrementally."""
    from truce import pipeline

    store = _store()
    rejected = 0
    clock = time.monotonic()

    def took() -> str:
        nonlocal clock
        elapsed, clock = time.monotonic() - clock, time.monotonic()
        return f" ({elapsed:.1f} s)"

    if paths:
        with progress("ingesting") as advance:
            summary = pipeline.ingest(store, paths, published=parse_published(published), on_item=advance,
                                      on_problem=lambda line: err.print(line, markup=False))
        rejected = summary.rejected
        copies = f", {summary.copies} more outlets' copies kept" if summary.copies else ""
        err.print(f"ingest: {summary.ingested} ingested, {summary.already_present} already present, "
                  f"{summary.rejected} rejected{copies}{took()}", markup=False)
    with progress("extracting") as advance:
        n_reports, n_events = pipeline.extract_pending(store, on_item=advance)
    err.print(f"extract: {n_reports} reports read, {n_events} events{took()}", markup=False)
    fused = pipeline.fuse_pending(store)
    err.print(f"fuse: {fused.items} items fused, {fused.new_incidents} new incidents, "
              f"{fused.changed_incidents} grown{took()}", markup=False)
    judged = pipeline.judge_pending(store, agreements)
    err.print(f"adjudicate: {judged.judged} incidents judged, {judged.changed} verdicts changed{took()}",
              markup=False)
    _print_store(store, format, agreements)
    if rejected:
        raise typer.Exit(1)


def fuse() -> None:
    """Fuse new events and observations into the stored incidents; apply reviewers' decisions."""
    from truce.pipeline import fuse_pending

    fused = fuse_pending(_store())
    err.print(f"{fused.items} items fused, {fused.new_incidents} new incidents, "
              f"{fused.changed_incidents} grown", markup=False)


def adjudicate(
    agreements: Annotated[Path | None, typer.Option(help="Folder of agreement YAML files.")] = None,
) -> None:
    """Judge the incidents that changed (all, when an agreement changed); changed verdicts join the history."""
    from truce.pipeline import judge_pending

    store = _store()
    judged = judge_pending(store, agreements)
    err.print(f"{judged.judged} incidents judged, {judged.changed} verdicts changed", markup=False)
    _print_store(store, ListFormat.table, agreements)


def events(
    type: Annotated[str | None, typer.Option(help="Only this PLOVER type.")] = None,
    format: Annotated[ListFormat, typer.Option(help="table or json")] = ListFormat.table,
) -> None:
    """List the events the store holds."""
    from rich.table import Table

    rows = _store().events(type=type)
    if format is ListFormat.json:
        print(json.dumps([e.to_dict() for e in rows], indent=2))
        return
    table = Table(title=f"{len(rows)} events")
    for col in ("date", "type", "mode", "status", "actor", "recipient", "place", "evidence"):
        table.add_column(col)
    for e in rows:
        table.add_row(e.date.start.isoformat() if e.date and e.date.start else "?", e.type, e.mode or "",
                      e.status, (e.actor.country or e.actor.text) if e.actor else "",
                      (e.recipient.country or e.recipient.text) if e.recipient else "",
                      (e.location.name or e.location.text) if e.location else "",
                      (e.evidence.sentence[:70] if e.evidence else ""))
    out.print(table)


def incidents(
    format: Annotated[ListFormat, typer.Option(help="table or json")] = ListFormat.table,
) -> None:
    """List the incidents the store holds, with their current verdicts."""
    store = _store()
    if format is ListFormat.json:
        _print_json(store)
        return
    print_incidents(list(store.incidents()), store.verdicts())


def verdicts(
    history: Annotated[bool, typer.Option(help="Include superseded verdicts.")] = False,
) -> None:
    """Print verdicts as JSON lines (current ones, or the whole history)."""
    for v in _store().verdicts(history=history):
        print(json.dumps(v.to_dict()))


def setup() -> None:
    """Build the offline assets from installed packages: the gazetteer index and the event classifier."""
    from truce.extract.training.train import build_asset
    from truce.geo.build import build_gazetteer

    current = get_settings()
    err.print(build_gazetteer(current.gazetteer_file, current.gazetteer_min_population).summary(),
              markup=False)
    err.print(f"classifier: {build_asset()}", markup=False)


def settings() -> None:
    """Show every setting, its value in force and what it does."""
    from truce.settings import Settings, get_settings

    current = get_settings()
    for name, info in Settings.model_fields.items():
        out.print(f"TRUCE_{name.upper()} = {getattr(current, name)!s}\n    {info.description}", markup=False)


def register(app: typer.Typer) -> None:
    """The store-level commands, each a function of this module named as its command."""
    for command in (ingest, run, fuse, adjudicate, events, incidents, verdicts, setup, settings):
        app.command()(command)
