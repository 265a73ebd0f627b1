"""`truce run` killed with SIGKILL during extraction, fusion or adjudication, then run again, leaves
exactly the store an uninterrupted run leaves; two runs and a reader share one SQLite store."""

from __future__ import annotations

import signal
import subprocess
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from corpus import write_corpus
from runner import canonical_dump, run_truce, sqlite_count, store_url, truce_cmd, truce_env

from truce.store import open_store

# Small chunks and pages, so each stage commits many times and a kill lands inside it.
SETTINGS = {"fuse_chunk_items": "8", "store_page_size": "3"}
N = 360
# What "inside the stage" looks like in the store: some of its work committed, some not yet.
INSIDE = {
    "extract": ("select count(*) from reports where extracted_by is not null",
                "select count(*) from reports where extracted_by is null"),
    "fuse": ("select count(*) from members", "select count(*) from events where fusion in (0, 1)"),
    "adjudicate": ("select count(*) from verdicts", "select count(*) from incidents where judged is null"),
}


@pytest.fixture(scope="module")
def workload(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The corpus, and the canonical dump of an uninterrupted run over it."""
    base = tmp_path_factory.mktemp("kill")
    write_corpus(base / "corpus", N, seed=3)
    env = truce_env(base / "reference", **SETTINGS)
    done = run_truce(env, "run", str(base / "corpus"))
    assert done.returncode == 0, done.stderr
    return base / "corpus", canonical_dump(store_url(env))


def _kill_inside(stage: str, env: dict[str, str], corpus: Path) -> bool:
    """Start `truce run`, SIGKILL it once the store shows the stage half done; True if it did."""
    db = Path(env["TRUCE_HOME"]) / "truce.sqlite"
    done_q, todo_q = INSIDE[stage]
    proc = subprocess.Popen(truce_cmd("run", str(corpus)), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if sqlite_count(db, done_q) > 0 and sqlite_count(db, todo_q) > 0:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                return sqlite_count(db, todo_q) > 0
            time.sleep(0.003)
        return False
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["extract", "fuse", "adjudicate"])
def test_sigkill_then_rerun_equals_an_uninterrupted_run(stage: str, workload: Any, tmp_path: Path) -> None:
    corpus, reference = workload
    for attempt in range(3):
        env = truce_env(tmp_path / f"home{attempt}", **SETTINGS)
        if _kill_inside(stage, env, corpus):
            break
    else:
        pytest.fail(f"could not kill `truce run` inside {stage} in three tries")
    rerun = run_truce(env, "run", str(corpus))
    assert rerun.returncode == 0, rerun.stderr
    assert "Traceback" not in rerun.stderr
    assert canonical_dump(store_url(env)) == reference


@pytest.mark.slow
def test_two_runs_and_a_reader_share_one_sqlite_store(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "one", 300, seed=5, tag="x")
    second = write_corpus(tmp_path / "two", 300, seed=6, tag="y")
    env = truce_env(tmp_path / "home", fuse_chunk_items="20", store_page_size="10")
    runs = [subprocess.Popen(truce_cmd("run", str(tmp_path / name)), env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for name in ("one", "two")]
    reads = 0
    while any(p.poll() is None for p in runs):
        listing = run_truce(env, "incidents", "--format", "json", timeout=120)
        assert listing.returncode == 0, listing.stderr
        reads += 1
    outputs = [p.communicate() for p in runs]
    for proc, (_, err) in zip(runs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "Traceback" not in err and "locked" not in err
    assert reads >= 1
    # Whatever ran last finished the other's work too; one more run finds nothing left to do.
    settle = run_truce(env, "run")
    assert "fuse: 0 items fused, 0 new incidents" in settle.stderr, settle.stderr

    store = open_store(store_url(env))
    assert len(store.sightings()) == first.reports + second.reports, "nothing lost"
    texts = (first.reports - first.wire_copies) + (second.reports - second.wire_copies)
    assert store.count("reports") == texts, "nothing stored twice"
    incidents = list(store.incidents())
    owners = Counter(m for i in incidents for m in (*i.event_ids, *i.observation_ids))
    assert owners and max(owners.values()) == 1, "no item in two incidents"
    assert sum(owners.values()) == store.count("members")
    current = Counter((v.incident_id, v.agreement_id) for v in store.verdicts())
    assert current and max(current.values()) == 1
    assert {i for i, _ in current} == {i.id for i in incidents}


@pytest.mark.slow
def test_a_reviewer_writes_decisions_while_truce_run_fuses(tmp_path: Path) -> None:
    """What the web console does (a decision, then `refresh`) while a `truce run` writes the store."""
    from truce import pipeline
    from truce.model import Decision

    write_corpus(tmp_path / "corpus", 400, seed=9, tag="w")
    env = truce_env(tmp_path / "home", fuse_chunk_items="5", store_page_size="5")
    db = Path(env["TRUCE_HOME"]) / "truce.sqlite"
    proc = subprocess.Popen(truce_cmd("run", str(tmp_path / "corpus")), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while sqlite_count(db, "select count(*) from incidents where status = 'live'") < 2:
        assert proc.poll() is None and time.monotonic() < deadline, "the run ended before any incident"
        time.sleep(0.01)
    store = open_store(store_url(env))
    first, second = sorted(store.incidents_page(limit=2), key=lambda i: i.id)
    store.record_decision(Decision("", "merge", first.id, other_incident_id=second.id, author="r", reason="same"))
    shown = pipeline.refresh(store, [first.id, second.id])
    assert [i.id for i in shown] == [first.id]
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert store.incident(second.id).merged_into == first.id
    assert set(second.event_ids + second.observation_ids) <= set(
        store.incident(first.id).event_ids + store.incident(first.id).observation_ids)
