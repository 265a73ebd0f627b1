"""The `truce` command. Each stage registers its own commands; this module only assembles them
and turns every `TruceError` into one clear line and a non-zero exit status."""

from __future__ import annotations

import importlib
import sys

import typer

from truce.errors import TruceError

app = typer.Typer(
    name="truce",
    help="Ceasefire monitoring: ingest reports, extract events, fuse incidents, adjudicate.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Modules that define `register(app)`. Heavy imports stay inside the command bodies so that
# `truce --help` is instant.
COMMAND_MODULES = (
    "truce.commands",
    "truce.extract.commands",
    "truce.extract.training.commands",  # truce train, truce eval-model
    "truce.geo.commands",
    "truce.agreements.commands",
    "truce.publish.commands",  # truce report, export, import, compare
    "truce.web.commands",  # truce serve, truce users
)


def _register_all() -> None:
    # Every stage is part of the package: a module that fails to import fails `truce` at start,
    # rather than its commands silently vanishing.
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)


_register_all()


def main() -> None:
    try:
        app()
    except TruceError as err:
        print(f"error: {err}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
