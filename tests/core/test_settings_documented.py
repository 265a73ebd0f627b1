"""Every setting and every command is documented in the README, and every setting is read by code."""

from __future__ import annotations

import ast
from pathlib import Path

from typer.main import get_command

from truce.cli import app
from truce.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PACKAGE = ROOT / "src" / "truce"
SETTINGS_MODULE = PACKAGE / "settings.py"


def test_every_setting_is_in_the_readme_table() -> None:
    missing = [name for name in Settings.model_fields if f"`TRUCE_{name.upper()}`" not in README]
    assert not missing, f"settings missing from README: {missing}"


def test_every_setting_has_help_text() -> None:
    assert all((info.description or "").strip() for info in Settings.model_fields.values())


def test_every_command_is_named_in_the_readme() -> None:
    commands = get_command(app).commands  # type: ignore[attr-defined]
    missing = [name for name in commands if f"truce {name}" not in README]
    assert not missing, f"commands missing from README: {missing}"


def settings_reads(tree: ast.AST) -> set[str]:
    """Attribute names read from a settings object (`settings.x`, `get_settings().x`, `self.settings.x`)."""
    return {node.attr for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load)
            and "settings" in ast.unparse(node.value).lower()}


def property_reads() -> dict[str, set[str]]:
    """For each property of Settings, the fields it reads (`self.x`): reading the property reads them."""
    tree = ast.parse(SETTINGS_MODULE.read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(ast.unparse(d) == "property" for d in node.decorator_list):
            found[node.name] = {a.attr for a in ast.walk(node) if isinstance(a, ast.Attribute)
                                and isinstance(a.value, ast.Name) and a.value.id == "self"}
    return found


def unread_settings(sources: list[str]) -> list[str]:
    """The Settings fields that none of `sources` (module texts) reads, directly or through a property."""
    read: set[str] = set()
    for source in sources:
        read |= settings_reads(ast.parse(source))
    for name, fields in property_reads().items():
        if name in read:
            read |= fields
    return [name for name in Settings.model_fields if name not in read]


def test_every_setting_is_read_by_code() -> None:
    """A documented setting no code reads misleads its user (TRUCE_EXTRACT_MAX_CHARS once did)."""
    sources = [path.read_text(encoding="utf-8") for path in sorted(PACKAGE.rglob("*.py")) if path != SETTINGS_MODULE]
    assert len(sources) > 20
    unread = unread_settings(sources)
    assert not unread, f"settings that no code reads: {unread}"


def test_the_read_check_fails_for_a_setting_no_code_reads() -> None:
    """The check itself can fail: with the one reader of TRUCE_EXTRACT_MAX_CHARS removed, it names it."""
    sources = [path.read_text(encoding="utf-8") for path in sorted(PACKAGE.rglob("*.py")) if path != SETTINGS_MODULE]
    without = [s.replace(".extract_max_chars", ".something_else") for s in sources]
    assert unread_settings(without) == ["extract_max_chars"]
    assert unread_settings(["x = 1"]) == list(Settings.model_fields)
