"""`truce report`, `truce export`, `truce import` and `truce compare`."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from truce.errors import InputRejected

if TYPE_CHECKING:
    from truce.store import Store

err = Console(stderr=True, highlight=False, soft_wrap=True)
OUT_HELP = "File to write; standard output when absent."


class ExportFormat(StrEnum):
    csv = "csv"
    acled = "acled"
    plover = "plover"
    geojson = "geojson"
    kml = "kml"
    xlsx = "xlsx"


class ReportFormat(StrEnum):
    html = "html"
    pdf = "pdf"


class Audience(StrEnum):
    public = "public"
    parties = "parties"
    mission = "mission"


class ImportFormat(StrEnum):
    acled = "acled"


def _write(chunks: Iterable[bytes], out: Path | None) -> int:
    """Write chunks to the file (through a temporary name, so a failed export leaves no half file)
    or to standard output; returns the bytes written."""
    total = 0
    if out is None:
        for chunk in chunks:
            sys.stdout.buffer.write(chunk)
            total += len(chunk)
        sys.stdout.buffer.flush()
        return total
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    try:
        with partial.open("wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
                total += len(chunk)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return total


def _store() -> Store:
    from truce.store import open_store

    return open_store()


def export(
    format: Annotated[ExportFormat, typer.Option(help="csv, acled, plover, geojson, kml or xlsx")],
    out: Annotated[Path | None, typer.Option("--out", "--output", help=OUT_HELP)] = None,
    start: Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD, UTC).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD, UTC), included.")] = None,
    bbox: Annotated[str | None, typer.Option(help="min_lon,min_lat,max_lon,max_lat")] = None,
    type: Annotated[str | None, typer.Option(help="Only this PLOVER type.")] = None,
    party: Annotated[str | None, typer.Option(help="Actor country or the party a verdict names.")] = None,
    verdict: Annotated[str | None, typer.Option(help="Only incidents with this current verdict.")] = None,
    agreement: Annotated[str | None, typer.Option(help="With --verdict: under this agreement.")] = None,
    source: Annotated[str, typer.Option(help="truce (incidents) or imported (ACLED events imported).")] = "truce",
) -> None:
    """Export incidents as CSV, ACLED, PLOVER, GeoJSON, KML or XLSX, streamed page by page."""
    from truce.publish.export import stream
    from truce.publish.pages import Filters, day_end, day_start, parse_bbox, parse_day

    filters = Filters(start=day_start(parse_day(start, "--from")) if start else None,
                      end=day_end(parse_day(end, "--to")) if end else None,
                      bbox=parse_bbox(bbox) if bbox else None, type=type, party=party, verdict=verdict,
                      agreement=agreement)
    if format is ExportFormat.xlsx and out is None and sys.stdout.isatty():
        raise InputRejected("E709", "an XLSX workbook is binary and standard output is a terminal",
                            hint="name a file with --out incidents.xlsx", where="--out")
    written = _write(stream(_store(), format.value, filters, source=source), out)
    if out is not None:
        err.print(f"{out}: {written:,} bytes", markup=False)


def import_(
    file: Annotated[Path, typer.Argument(help="An ACLED CSV export.")],
    format: Annotated[ImportFormat, typer.Option(help="acled")] = ImportFormat.acled,
) -> None:
    """Import an ACLED export beside Truce's own incidents (never mixed into them)."""
    from truce.publish.imports import import_acled

    summary = import_acled(_store(), file)
    for line in summary.problems:
        err.print("rejected: " + line, markup=False)
    err.print(f"{summary.added} imported, {summary.replaced} replaced by a later version, "
              f"{summary.unchanged} already present, {summary.rejected} rejected", markup=False)
    if summary.rejected:
        raise typer.Exit(1)


def compare(
    start: Annotated[str, typer.Option("--from", help="First day (YYYY-MM-DD, UTC).")],
    end: Annotated[str, typer.Option("--to", help="Last day (YYYY-MM-DD, UTC), included.")],
    km: Annotated[float, typer.Option(help="Largest distance between a matched pair.")] = 25.0,
) -> None:
    """Set Truce's incidents beside the imported ACLED events of the same days."""
    from truce.publish.compare import compare as run_compare
    from truce.publish.compare import print_comparison
    from truce.publish.pages import parse_day

    result = run_compare(_store(), parse_day(start, "--from"), parse_day(end, "--to"), km=km)
    print_comparison(Console(highlight=False, soft_wrap=True), result)


def report(
    date: Annotated[str | None, typer.Option(help="The day reported on (YYYY-MM-DD, UTC).")] = None,
    start: Annotated[str | None, typer.Option("--from", help="First day of the period.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day of the period, included.")] = None,
    area: Annotated[str | None, typer.Option(help="An agreement id, or a region or admin1 name.")] = None,
    audience: Annotated[Audience, typer.Option(help="public (published findings only), parties or mission")]
    = Audience.mission,
    format: Annotated[ReportFormat, typer.Option(help="html or pdf")] = ReportFormat.html,
    out: Annotated[Path | None, typer.Option("--out", "--output", help=OUT_HELP)] = None,
) -> None:
    """A situation report (HTML or PDF): counts, violations, claims, field observations, map, trend, sources."""
    from truce.publish.period import Period
    from truce.publish.report import render

    period = Period.from_options(date, start, end)
    if format is ReportFormat.pdf and out is None and sys.stdout.isatty():
        raise InputRejected("E709", "a PDF is binary and standard output is a terminal",
                            hint="name a file with --out report.pdf", where="--out")
    written = _write([render(_store(), period, area, audience.value, format.value)], out)
    if out is not None:
        err.print(f"{out}: {written:,} bytes ({period.label}, {audience.value})", markup=False)


def register(app: typer.Typer) -> None:
    """Add `export`, `import`, `compare` and `report` to the `truce` app."""
    app.command()(export)
    app.command("import")(import_)
    app.command()(compare)
    app.command()(report)
