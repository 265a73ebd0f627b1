"""Every setting and every command is documented in the README."""

from __future__ import annotations

from pathlib import Path

from typer.main import get_command

from truce.cli import app
from truce.settings import Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme_table() -> None:
    missing = [name for name in Settings.model_fields if f"`TRUCE_{name.upper()}`" not in README]
    assert not missing, f"settings missing from README: {missing}"


def test_every_setting_has_help_text() -> None:
    assert all((info.description or "").strip() for info in Settings.model_fields.values())


def test_every_command_is_named_in_the_readme() -> None:
    commands = get_command(app).commands  # type: ignore[attr-defined]
    missing = [name for name in commands if f"truce {name}" not in README]
    assert not missing, f"commands missing from README: {missing}"
