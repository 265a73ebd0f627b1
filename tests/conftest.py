"""Fixtures shared by the whole suite. Stage-specific fixtures live beside their tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """`../shared` beside the checkout; tests that need it skip when it is absent."""
    if not (SHARED / "DESIGN.md").exists():
        pytest.skip("../shared is absent (it lives beside the checkout, not in the product)")
    return SHARED


@pytest.fixture
def truce_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh TRUCE_HOME (and SQLite store) for one test; settings re-read from the environment."""
    from truce.settings import get_settings

    home = tmp_path / "truce-home"
    home.mkdir()
    monkeypatch.setenv("TRUCE_HOME", str(home))
    monkeypatch.delenv("TRUCE_DB_URL", raising=False)
    get_settings.cache_clear()
    yield home
    get_settings.cache_clear()
