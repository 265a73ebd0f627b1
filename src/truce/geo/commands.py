"""`truce places` and `truce gazetteer build|import|info`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from truce.errors import InputRejected, TruceError

gazetteer_app = typer.Typer(help="Build, extend and describe the offline gazetteer.", no_args_is_help=True)


def _read_text(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputRejected("E306", f"no such file: {path}", hint="give a text file, or - to read stdin",
                            where=str(path)) from exc
    except (UnicodeDecodeError, IsADirectoryError, PermissionError) as exc:
        raise InputRejected("E307", f"cannot read {path} as UTF-8 text ({exc.__class__.__name__})",
                            hint="convert it to UTF-8 text first", where=str(path)) from exc


def places_command(
    source: Annotated[str, typer.Argument(metavar="FILE|-", help="Text file to read, or - for stdin.")],
    format: Annotated[str, typer.Option("--format", "-f", help="json or table.")] = "table",
) -> None:
    """Every place mention in a text: where it is, how sure, and why."""
    if format not in ("json", "table"):
        raise TruceError("E308", f"unknown format '{format}'", hint="use --format json or --format table")
    text = _read_text(source)
    from truce.geo.resolve import places

    mentions = places(text)
    if format == "json":
        print(json.dumps([m.to_dict() for m in mentions], ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("text", "at", "place", "lat", "lon", "country", "precision", "usage", "reason")
    for m in mentions:
        table.add_row(m.text, str(m.start), m.name or "", f"{m.lat:.4f}" if m.lat is not None else "",
                      f"{m.lon:.4f}" if m.lon is not None else "", m.country or "", m.precision or "",
                      m.usage, m.reason)
    Console(width=200).print(table)


@gazetteer_app.command("build")
def build_command() -> None:
    """Build (or rebuild) the gazetteer index from the installed GeoNames data packages."""
    from truce.geo.build import build_gazetteer
    from truce.geo.gazetteer import get_gazetteer
    from truce.settings import get_settings

    settings = get_settings()
    report = build_gazetteer(settings.gazetteer_file, settings.gazetteer_min_population)
    get_gazetteer.cache_clear()
    print(report.summary())


@gazetteer_app.command("import")
def import_command(
    files: Annotated[list[Path], typer.Argument(help="GeoNames dumps: AZ.txt-style files or alternateNamesV2.txt.")],
) -> None:
    """Add places from full GeoNames dumps for village-level coverage; bad lines are reported and skipped."""
    from truce.geo.gazetteer import get_gazetteer
    from truce.geo.geonames_import import import_geonames

    path = get_gazetteer().path  # builds the index first when it is missing
    get_gazetteer.cache_clear()
    for file in files:
        report = import_geonames(file, path)
        for warning in report.warnings[:50]:
            print(f"warning: {warning}", file=sys.stderr)
        if len(report.warnings) > 50:
            print(f"warning: ... and {len(report.warnings) - 50:,} more", file=sys.stderr)
        print(report.summary())


@gazetteer_app.command("info")
def info_command() -> None:
    """Where the gazetteer is, when it was built, what it holds and whose data it is."""
    from truce.geo.gazetteer import get_gazetteer

    for key, value in get_gazetteer().info().items():
        print(f"{key}: {value}")


def register(app: typer.Typer) -> None:
    """Add the places and gazetteer commands to the `truce` command."""
    app.command("places")(places_command)
    app.add_typer(gazetteer_app, name="gazetteer")
