"""`truce extract` and `truce eval`: extraction of one text without the store, and scoring."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from truce.errors import TruceError


def _read_text(path: str) -> tuple[str, str]:
    """The text to extract from and where it came from; bounded by TRUCE_MAX_REPORT_BYTES (as
    `truce ingest` is) and TRUCE_EXTRACT_MAX_CHARS, read only that far."""
    from truce import check_extract_length
    from truce.settings import get_settings

    limit = get_settings().max_report_bytes
    if path == "-":
        where = "<stdin>"
        stream = getattr(sys.stdin, "buffer", None)
        raw = stream.read(limit + 1) if stream is not None else sys.stdin.read(limit + 1).encode("utf-8")
        size = f"more than {limit} bytes" if len(raw) > limit else ""
    else:
        where, file = path, Path(path)
        if not file.is_file():
            raise TruceError("E210", f"no such file: {path}", hint="give a text file or '-' for standard input")
        size = f"{file.stat().st_size} bytes" if file.stat().st_size > limit else ""
        raw = b"" if size else file.read_bytes()
    if size:
        raise TruceError("E104", f"the input is {size}, larger than the {limit}-byte limit", where=where,
                         hint="split it into smaller texts, or raise TRUCE_MAX_REPORT_BYTES")
    text = _decode(raw, where)
    check_extract_length(text, where)
    return text, where


def _decode(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is None:
            raise TruceError("E211", "the file is not text in any encoding we can read",
                             where=where, hint="convert it to UTF-8 text") from None
        return str(best)


def _parse_published(value: str | None) -> str | None:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise TruceError("E212", f"--published '{value}' is not a date",
                         hint="write it as YYYY-MM-DD, e.g. --published 2023-09-21") from None


def extract_file(file: str, published: str | None, fmt: str) -> None:
    """`truce extract`: events of one text file (or standard input) printed as json, jsonl or a table."""
    if fmt not in {"json", "jsonl", "table"}:
        raise TruceError("E213", f"--format '{fmt}' is not known", hint="use json, jsonl or table")
    from truce.extract.pipeline import extract
    from truce.language import detect_language
    from truce.model import Report

    text, where = _read_text(file)
    day = _parse_published(published)
    # Detected once here; extraction's own check of the same text is answered from the
    # detector's memo (truce.language), not computed again.
    language = detect_language(text) if text.strip() else None
    report = Report(id=Report.make_id("news", text), kind="news", text=text,
                    title=next(iter(text.strip().splitlines()), None), language=language, origin=where)
    if language not in {"en", None}:
        print(f"{where}: the text is in language '{language}', not English; no events extracted "
              "(extraction rules are English-only)", file=sys.stderr)
        events = []
    else:
        events = extract(text, published=day, report_id=report.id)
    head = report.to_dict()
    head.pop("text", None)
    head["published"] = day
    if fmt == "json":
        print(json.dumps({"report": head, "events": [e.to_dict() for e in events]},
                         ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for event in events:
            print(json.dumps(event.to_dict(), ensure_ascii=False))
    else:
        from truce.extract.evaluate import event_table

        print(event_table(events))


def register(app: typer.Typer) -> None:
    """Add the extraction commands to the `truce` app."""

    @app.command("extract")
    def extract_command(
        file: Annotated[str, typer.Argument(help="text file to read, or '-' for standard input")],
        published: Annotated[str | None, typer.Option(help="publication date, YYYY-MM-DD")] = None,
        fmt: Annotated[str, typer.Option("--format", help="json, jsonl or table")] = "json",
    ) -> None:
        """Extract events from one text (no store access)."""
        extract_file(file, published, fmt)

    @app.command("eval")
    def eval_command(
        folder: Annotated[list[str] | None, typer.Argument(help="folders of NAME.txt + NAME.expect.json")] = None,
        gold: Annotated[str | None, typer.Option(help="PLOVER-GSR-style gold JSON file")] = None,
        classifier: Annotated[bool, typer.Option(help="combine rules with the learned classifier")] = True,
        show_failures: Annotated[bool, typer.Option(help="list failed expectations")] = True,
        data: Annotated[str | None, typer.Option(help="folder of the real data sets (default: ../shared/data "
                                                      "when no folder or --gold is given)")] = None,
        split: Annotated[str, typer.Option(help="dev (tune on it), test (report it) or all")] = "dev",
        only: Annotated[str | None, typer.Option(help="comma-separated: geo, ucdp, wikinews, re3d, gsr")] = None,
        limit: Annotated[int | None, typer.Option(help="score at most N items per data set")] = None,
        fmt: Annotated[str, typer.Option("--format", help="text or json (real data sets)")] = "text",
    ) -> None:
        """Score extraction against expectation files, a PLOVER gold file, or the real data sets (--data)."""
        from truce.extract import evaluate, plover

        real_data = data is not None or (not folder and not gold)
        options = None
        if real_data:  # checked first: a wrong option fails before any slow scoring starts
            from truce.evaluation import parse_options

            options = parse_options(data, split, only, limit, fmt)
        ok = True
        for path in folder or []:
            result = evaluate.score_folder(Path(path), use_classifier=classifier)
            print(evaluate.format_folder(result, show_failures))
            ok = ok and result.failed == 0
        if gold:
            scores = plover.score_gold(Path(gold), use_classifier=classifier)
            print(plover.format_scores(scores))
        if options is not None:
            from truce.evaluation.commands import print_eval

            print_eval(options)
        if not ok:
            raise typer.Exit(1)
