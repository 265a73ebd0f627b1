"""Fixtures for the ingestion tests: fresh settings and a reader that splits items from rejections."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from truce.ingest import ParsedItem, Rejection, read_sources

DATA = Path(__file__).resolve().parent / "data"

Read = Callable[..., tuple[list[ParsedItem], list[Rejection]]]


@pytest.fixture
def data_dir() -> Path:
    """tests/ingest/data: fixtures written for these tests."""
    return DATA


@pytest.fixture
def read(truce_home: Path) -> Iterator[Read]:
    """`read(paths, **options)` -> (items, rejections), in the order read_sources yields them."""

    def _read(paths: list[str | Path] | str | Path, **options: Any) -> tuple[list[ParsedItem], list[Rejection]]:
        if not isinstance(paths, list):
            paths = [paths]
        results = list(read_sources([str(p) for p in paths], **options))
        for result in results:
            assert isinstance(result, (ParsedItem, Rejection)), result
        items = [r for r in results if isinstance(r, ParsedItem)]
        rejections = [r for r in results if isinstance(r, Rejection)]
        return items, rejections

    yield _read
