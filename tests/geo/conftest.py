"""Fixtures for the geoparser tests: one real gazetteer, built once and cached between runs."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

GEO_SRC = Path(__file__).resolve().parents[2] / "src" / "truce" / "geo"
DATA = Path(__file__).resolve().parent / "data"


def _inputs_digest() -> str:
    """Changes whenever the code or data that shape the gazetteer change."""
    digest = hashlib.sha256()
    for name in ("build.py", "sources.py", "points.py", "names.py", "regions.yaml", "demonyms.yaml"):
        digest.update((GEO_SRC / name).read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def gazetteer_file(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real gazetteer built from the installed packages (about 30 s the first time)."""
    from truce.geo.build import build_gazetteer

    cache = getattr(request.config, "cache", None)  # absent under -p no:cacheprovider
    folder = Path(cache.mkdir("truce-gazetteer")) if cache is not None else tmp_path_factory.mktemp("gaz")
    path = folder / f"gazetteer-{_inputs_digest()}.sqlite"
    if not path.exists():
        for old in folder.glob("gazetteer-*.sqlite"):
            old.unlink()
        build_gazetteer(path)
    return path


@pytest.fixture(scope="session")
def geo(gazetteer_file: Path) -> Iterator[Path]:
    """Point Truce at the session gazetteer for the whole test session."""
    from truce.geo.gazetteer import get_gazetteer
    from truce.settings import get_settings

    patch = pytest.MonkeyPatch()
    patch.setenv("TRUCE_GAZETTEER_PATH", str(gazetteer_file))
    get_settings.cache_clear()
    get_gazetteer.cache_clear()
    yield gazetteer_file
    patch.undo()
    get_settings.cache_clear()
    get_gazetteer.cache_clear()
