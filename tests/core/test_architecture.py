"""The import contract of docs/architecture.md: each stage imports only what it may.

A stage is the first package under `truce` (`truce.extract.assemble` belongs to `extract`). The
rules below are the table in docs/architecture.md; KNOWN lists the crossings that exist today and
are to be removed, so the list can only shrink: a new crossing fails, and so does a listed one
that is gone (take it off the list).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "truce"

FOUNDATION = frozenset({"model", "records", "errors", "error_codes", "settings", "language", "nlp",
                        "nlp_fast", "nlp_ops", "nlp_clauses", "foundation", "error_entries"})
STAGES_BELOW_PIPELINE = frozenset({"ingest", "timex", "geo", "extract", "fusion", "agreements", "store"})
MAY_IMPORT: dict[str, frozenset[str]] = {
    **{name: FOUNDATION for name in FOUNDATION},
    "ingest": FOUNDATION,
    "timex": FOUNDATION,
    "geo": FOUNDATION,
    "store": FOUNDATION,
    "report": FOUNDATION,
    "extract": FOUNDATION | {"geo", "timex"},
    "fusion": FOUNDATION | {"geo"},
    "agreements": FOUNDATION | {"geo"},
    "evaluation": FOUNDATION | {"geo", "timex", "extract"},
    "pipeline": FOUNDATION | STAGES_BELOW_PIPELINE,
    "publish": FOUNDATION | STAGES_BELOW_PIPELINE | {"report", "pipeline"},
    "web": FOUNDATION | STAGES_BELOW_PIPELINE | {"pipeline", "publish", "report"},
}
# Entry points that wire everything together import freely.
FREE = frozenset({"__init__", "__main__", "cli", "commands", "fuse", "truce"})

# Crossings that exist today and are to go (module, imported stage); none is left: fusion reaches
# the store through its port `truce.fusion.ports.FusionStore`, the shared vocabulary lives in
# `truce.foundation.fusion_state`.
KNOWN: frozenset[tuple[str, str]] = frozenset()


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "truce"


def imported_stages(module: str, source: str) -> set[str]:
    """The other stages a module's source imports (top level or inside functions)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found |= {_stage(n) for n in names if n == "truce" or n.startswith("truce.")}
    return found - {_stage(module)}


def crossings(module: str, source: str) -> set[tuple[str, str]]:
    """(module, stage) pairs the contract forbids."""
    stage = _stage(module)
    # A stage's `commands` module is its part of the command line: wiring, like `truce.commands`.
    if stage in FREE or module.rsplit(".", 1)[-1] == "commands":
        return set()
    allowed = MAY_IMPORT.get(stage)
    assert allowed is not None, f"stage '{stage}' of {module} is not in the contract: add it to MAY_IMPORT"
    # The package root holds only the version and the public `extract`/`places`: anyone may read it.
    return {(module, other) for other in imported_stages(module, source) if other not in allowed | {"truce"}}


def _all_crossings() -> set[tuple[str, str]]:
    modules = sorted(SRC.rglob("*.py"))
    assert len(modules) > 50
    found: set[tuple[str, str]] = set()
    for path in modules:
        found |= crossings(_module_name(path), path.read_text(encoding="utf-8"))
    return found


def test_no_stage_imports_what_it_must_not() -> None:
    new = _all_crossings() - KNOWN
    assert not new, f"imports the contract forbids (docs/architecture.md): {sorted(new)}"


def test_the_known_crossings_only_shrink() -> None:
    gone = KNOWN - _all_crossings()
    assert not gone, f"these crossings are gone: take them off KNOWN: {sorted(gone)}"


def test_a_forbidden_import_is_caught() -> None:
    source = "from truce.store import open_store\n\ndef f():\n    import truce.fusion.cluster\n"
    assert crossings("truce.extract.assemble", source) == {
        ("truce.extract.assemble", "store"), ("truce.extract.assemble", "fusion")}
    assert crossings("truce.pipeline", source) == set()
    assert crossings("truce.extract.commands", source) == set()
    assert crossings("truce.records.text", source) == {
        ("truce.records.text", "store"), ("truce.records.text", "fusion")}


def test_fusion_may_not_reach_the_store_even_for_types() -> None:
    # Fusion is written against its port; an import of the store, even one mypy alone would
    # follow, is a crossing.
    for source in ("from truce.store import Store\n", "from typing import TYPE_CHECKING\n"
                   "if TYPE_CHECKING:\n    from truce.store.incidents import ITEM_TABLES\n"):
        assert crossings("truce.fusion.incremental", source) == {("truce.fusion.incremental", "store")}
    assert crossings("truce.fusion.incremental", "from truce.foundation.fusion_state import Conflict\n") == set()
    assert crossings("truce.fuse", "from truce.store import Store\n") == set()  # the wiring may


def test_every_stage_is_documented() -> None:
    docs = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for stage in MAY_IMPORT:
        if stage not in FOUNDATION:
            assert f"`{stage}`" in docs, f"docs/architecture.md does not describe `{stage}`"
