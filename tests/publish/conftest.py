"""The demo scenario run once through the real `truce run` command into a store under a temporary
TRUCE_HOME; tests that change the store work on a copy of it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from truce.store import Store, open_store

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "demo"
SOURCES = [str(DEMO / d) for d in ("news", "feeds", "field", "sensors")]
DAY = "2023-09-21"  # the demo's day with a violation (Shusha) and field observations


def truce(*args: str, home: Path, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    """Run the real `truce` command with TRUCE_HOME set."""
    env = {**os.environ, "TRUCE_HOME": str(home)}
    env.pop("TRUCE_DB_URL", None)
    done = subprocess.run([sys.executable, "-m", "truce", *args], env=env, capture_output=True, timeout=600)
    if check and done.returncode != 0:
        raise AssertionError(f"truce {' '.join(args)} failed: {done.stderr.decode(errors='replace')[-2000:]}")
    return done


@pytest.fixture(scope="session")
def cli() -> Callable[..., subprocess.CompletedProcess[bytes]]:
    """The real `truce` command: cli(*args, home=TRUCE_HOME, check=True)."""
    return truce


@pytest.fixture(scope="session")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("publish-demo")
    truce("run", *SOURCES, home=home)
    assert (home / "truce.sqlite").exists()
    return home


@pytest.fixture(scope="session")
def demo_store(demo_home: Path) -> Iterator[Store]:
    store = open_store(f"sqlite:///{demo_home / 'truce.sqlite'}")
    yield store
    store.close()


@pytest.fixture
def store_copy(demo_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Store, Path]]:
    """A private copy of the demo store (and its TRUCE_HOME) a test may change."""
    from truce.settings import get_settings

    home = tmp_path / "home"
    home.mkdir()
    source = sqlite3.connect(demo_home / "truce.sqlite")
    target = sqlite3.connect(home / "truce.sqlite")
    source.backup(target)
    source.close()
    target.close()
    monkeypatch.setenv("TRUCE_HOME", str(home))
    monkeypatch.delenv("TRUCE_DB_URL", raising=False)
    get_settings.cache_clear()
    store = open_store(f"sqlite:///{home / 'truce.sqlite'}")
    yield store, home
    store.close()
    get_settings.cache_clear()
