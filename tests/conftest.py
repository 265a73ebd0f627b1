"""Fixtures shared by the whole suite. Stage-specific fixtures live beside their tests."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# Test tooling (the throwaway PostgreSQL cluster) lives beside the tests, not in the product.
sys.path.insert(0, str(Path(__file__).resolve().parent))
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


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL cluster on a free loopback port, for the whole session."""
    from throwaway_postgres import postgres_bindir, throwaway_cluster

    bindir = postgres_bindir()
    if bindir is None:
        pytest.skip("no PostgreSQL server binaries (initdb) on this machine")
    with throwaway_cluster(bindir) as url:
        yield url


@pytest.fixture
def fresh_postgres_url(postgres_url: str) -> str:
    """A new empty database in the session's cluster, for one test."""
    import uuid

    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return postgres_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The store URL for each backend: a SQLite file and a database on a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    url: str = request.getfixturevalue("fresh_postgres_url")
    return url


@pytest.fixture
def pooled_batches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the batches `truce run` hands to its extraction workers, in order (observed:
    the workers still read them)."""
    from truce.extract.workers import ExtractionWorkers

    sizes: list[int] = []
    read = ExtractionWorkers.extract_many

    def counted(self: ExtractionWorkers, reports: list) -> object:
        sizes.append(len(reports))
        return read(self, reports)

    monkeypatch.setattr(ExtractionWorkers, "extract_many", counted)
    return sizes
