"""`truce run`'s extraction in worker processes stores what extraction in its own process stores."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from truce import pipeline
from truce.model import Report
from truce.settings import get_settings
from truce.store import open_store

EXPECT = Path(__file__).resolve().parents[1] / "extract" / "expect"


def _stored_events(home: Path, workers: str, monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    monkeypatch.setenv("TRUCE_EXTRACT_WORKERS", workers)
    get_settings.cache_clear()
    store = open_store(f"sqlite:///{home / f'w{workers}.sqlite'}")
    texts = sorted(EXPECT.glob("*.txt"))[:10]
    day = datetime(2023, 9, 21, tzinfo=UTC)
    store.add_reports([(Report(id=Report.make_id("news", p.read_text()), kind="news", text=p.read_text(),
                               published=day, language="en", origin=p.name), []) for p in texts])
    n_reports, n_events = pipeline.extract_pending(store, batch=3)  # four batches: workers from the second
    events = [e.to_dict() for e in store.events()]
    store.close()
    assert n_reports == len(texts) and n_events == len(events) > 10
    return events


def test_workers_store_the_same_events(truce_home: Path, monkeypatch: pytest.MonkeyPatch,
                                       pooled_batches: list[int]) -> None:
    in_workers = _stored_events(truce_home, "2", monkeypatch)
    assert pooled_batches == [3, 3, 1], "the first batch is read here, the rest in the workers"
    pooled_batches.clear()
    assert in_workers == _stored_events(truce_home, "1", monkeypatch)
    assert not pooled_batches
