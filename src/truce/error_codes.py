"""Every error code Truce raises: what it means and what to do. One entry per code.

A `TruceError` carries its own message (with the file, line or field that was wrong); this registry
is the reference behind it: `docs/errors.md` is rendered from it (`python -m truce.error_codes`),
and a test fails when code in `src/` raises a code that is missing here or from the docs.
Ranges: E100–E139 and E160–E179 ingestion, E140–E159 store, E200–E259 extraction, E260–E299
classifier and evaluation, E300–E399 places and time, E400–E449 and E480–E499 agreements and
adjudication, E450–E479 fusion, E600–E699 console, E700–E799 reports and exports, E900–E999
configuration.
"""

from __future__ import annotations

from itertools import groupby

from truce.error_entries import ENTRIES, ErrorCode

__all__ = ["REGISTRY", "STAGES", "ErrorCode", "render_markdown"]


def _stage(code: str) -> str:
    number = int(code[1:])
    return next((name for low, high, name in STAGES if low <= number <= high), "other")


STAGES: tuple[tuple[int, int, str], ...] = (
    (100, 139, "ingestion"),
    (140, 159, "store"),
    (160, 179, "ingestion"),
    (180, 199, "store"),
    (200, 259, "extraction"),
    (260, 299, "classifier and evaluation"),
    (300, 399, "places and time"),
    (400, 449, "agreements and adjudication"),
    (450, 479, "fusion"),
    (480, 499, "agreements and adjudication"),
    (600, 699, "console"),
    (700, 799, "reports and exports"),
    (900, 999, "configuration"),
)

REGISTRY: dict[str, ErrorCode] = {e.code: e for e in ENTRIES}


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown() -> str:
    """docs/errors.md: every code by stage, with its meaning and what to do."""
    lines = ["# Error codes", "",
             "Every error Truce reports is one line: `[CODE] where: what went wrong — what to do`.",
             "Rendered from `src/truce/error_codes.py` (`python -m truce.error_codes > docs/errors.md`).", ""]
    entries = sorted(REGISTRY.values(), key=lambda e: (_stage(e.code), e.code))
    for stage, group in groupby(entries, key=lambda e: _stage(e.code)):
        lines += [f"## {stage[0].upper()}{stage[1:]}", "", "| code | what went wrong | what to do |", "|---|---|---|"]
        lines += [f"| {e.code} | {_cell(e.summary)} | {_cell(e.hint or '—')} |" for e in group]
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(render_markdown(), end="")
