"""Every error code raised in src/ is in the registry and in docs/errors.md, the way settings are."""

from __future__ import annotations

import re
from pathlib import Path

from truce.error_codes import REGISTRY, render_markdown

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "truce"
CODE = re.compile(r"[\"'](E\d{3})[\"']")


def codes_in(source: str) -> set[str]:
    """Error codes written as string literals in Python source."""
    return set(CODE.findall(source))


def codes_used() -> dict[str, str]:
    used: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "error_codes.py":
            continue
        for code in codes_in(path.read_text(encoding="utf-8")):
            used.setdefault(code, str(path.relative_to(ROOT)))
    return used


def test_every_code_raised_is_registered() -> None:
    used = codes_used()
    assert len(used) > 50, "the scan found almost no codes: is the pattern still right?"
    missing = {code: where for code, where in used.items() if code not in REGISTRY}
    assert not missing, f"codes raised but not in src/truce/error_codes.py: {missing}"


def test_every_registered_code_is_still_raised() -> None:
    stale = sorted(set(REGISTRY) - set(codes_used()))
    assert not stale, f"codes in the registry that no code raises any more: {stale}"


def test_every_entry_says_what_went_wrong() -> None:
    assert REGISTRY
    vague = [e.code for e in REGISTRY.values() if len(e.summary) < 8]
    assert not vague, f"entries without a summary: {vague}"


def test_the_docs_are_rendered_from_the_registry() -> None:
    docs = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    assert docs == render_markdown(), "docs/errors.md is stale: run `python -m truce.error_codes > docs/errors.md`"
    for code in REGISTRY:
        assert f"| {code} |" in docs


def test_the_scan_sees_a_new_code() -> None:
    # The check can fail: a source line raising an unregistered code is found.
    source = 'raise TruceError("E998", "something new", hint="do this")'
    assert codes_in(source) == {"E998"}
    assert "E998" not in REGISTRY
