"""`truce agreements check FILE...` and `truce agreements list`."""

from __future__ import annotations

from pathlib import Path

import typer

agreements_app = typer.Typer(help="Ceasefire agreements as data: validate and list them.", no_args_is_help=True)


@agreements_app.command("check")
def check(files: list[Path] = typer.Argument(..., help="Agreement YAML files to validate.")) -> None:
    """Validate agreement files: one line per problem, exit status 1 if any file has one."""
    from truce.agreements.load import check_agreement

    failed = False
    for path in files:
        agreement, problems = check_agreement(path)
        for problem in problems:
            typer.echo(f"error: {problem}", err=True)
        if agreement is not None:
            typer.echo(f"ok: {path}: {agreement.id} — {len(agreement.parties)} parties, "
                       f"{len(agreement.clauses)} clauses, in force from {agreement.effective_from.isoformat()}")
        failed = failed or bool(problems)
    if failed:
        raise typer.Exit(1)


@agreements_app.command("list")
def list_(directory: Path | None = typer.Option(
        None, "--dir", help="Folder of agreement files (default: TRUCE_AGREEMENTS_DIR, else the examples).")
          ) -> None:
    """List the agreements in force for `truce run` and `truce adjudicate`."""
    from truce.agreements.load import load_agreements

    for a in load_agreements(directory):
        until = a.effective_until.isoformat() if a.effective_until else "open-ended"
        parties = ", ".join(p.id for p in a.parties if p.role == "party")
        typer.echo(f"{a.id}\t{a.name}\t{a.effective_from.isoformat()} → {until}\tparties: {parties}"
                   f"\tclauses: {len(a.clauses)}\t{a.path}")


def register(app: typer.Typer) -> None:
    """Add the `agreements` command group to the `truce` command."""
    app.add_typer(agreements_app, name="agreements")
