"""`truce run` on a real workload: 2,000 reports of varied shapes on SQLite and on PostgreSQL, then
100 unrelated ones; incident ids and reviewers' decisions survive the second run."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from corpus import write_corpus
from runner import run_truce, store_url, truce_env

from truce.model import Decision
from truce.store import FUSED, HELD, SKIPPED, open_store


def _decide(url: str) -> tuple[str, str, str, str]:
    """A reviewer removes a member from one incident and merges two others; returns the ids."""
    store = open_store(url)
    incidents = list(store.incidents())
    multi = [i for i in incidents if len(i.event_ids) >= 2]
    assert multi, "the workload should give incidents reported by several outlets"
    victim = multi[0]
    removed = victim.event_ids[-1]
    store.record_decision(Decision("", "exclude", victim.id, item_id=removed, author="analyst",
                                   reason="a different shelling, the day before"))
    same_type = [i for i in incidents if i.type == victim.type and i.id != victim.id]
    assert len(same_type) >= 2
    survivor, merged = same_type[0], same_type[1]
    store.record_decision(Decision("", "merge", survivor.id, other_incident_id=merged.id, author="analyst",
                                   reason="one barrage reported as two"))
    store.close()
    return victim.id, removed, survivor.id, merged.id


def _check_consistent(url: str) -> None:
    """Every item is fused once (or deliberately left out), every incident lists exactly its members."""
    store = open_store(url)
    live = list(store.incidents())
    members = store.members(i.id for i in live)
    assert live
    for incident in live:
        listed = sorted([*incident.event_ids, *incident.observation_ids])
        assert listed == sorted(m for m, _, _ in members.get(incident.id, [])), incident.id
    states = [row[0] for row in _states(store)]
    assert states and set(states) <= {FUSED, HELD, SKIPPED}, "no item left unfused"
    current = Counter((v.incident_id, v.agreement_id) for v in store.verdicts())
    assert current and max(current.values()) == 1, "one current verdict per incident and agreement"
    store.close()


def _states(store):  # (state,) of every event and observation
    from sqlalchemy import select

    from truce.store import tables as t
    from truce.store.db import reading

    with reading(store.engine) as conn:
        return list(conn.execute(select(t.events.c.fusion))) + list(conn.execute(select(t.observations.c.fusion)))


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_thousand_reports_then_a_hundred_unrelated(backend: str, tmp_path: Path,
                                                       request: pytest.FixtureRequest) -> None:
    db_url = request.getfixturevalue("fresh_postgres_url") if backend == "postgresql" else None
    env = truce_env(tmp_path / "home", db_url)
    url = store_url(env)
    written = write_corpus(tmp_path / "first", 2000)
    assert written.reports == 2000 and written.wire_copies > 50

    first = run_truce(env, "run", str(tmp_path / "first"))
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr + first.stdout
    store = open_store(url)
    sightings = store.sightings()
    assert len(sightings) == written.reports, "every outlet's copy is kept"
    per_text = Counter(s.report_id for s in sightings)
    assert sum(n - 1 for n in per_text.values()) == written.wire_copies
    wire = next(rid for rid, n in per_text.items() if n > 1)
    assert len({s.source_name for s in store.sightings(wire)}) == per_text[wire]
    before = {i.id for i in store.incidents()}
    store.close()
    assert len(before) > 20
    victim, removed, survivor, merged = _decide(url)

    more = write_corpus(tmp_path / "second", 100, seed=11, theatre="sahel", tag="b")
    second = run_truce(env, "run", str(tmp_path / "second"))
    assert second.returncode == 0, second.stderr
    assert "Traceback" not in second.stderr + second.stdout
    assert f"ingest: {more.reports - more.wire_copies} ingested" in second.stderr

    store = open_store(url)
    for incident_id in before:
        assert store.incident(incident_id) is not None, f"{incident_id} lost its id"
    live = {i.id for i in store.incidents()}
    assert before - {merged} <= live, "every earlier incident keeps its id"
    assert len(live) > len(before) - 1
    assert removed not in store.incident(victim).event_ids, "the removed member stays out"
    assert store.membership([removed])[removed] not in (victim, None)
    assert store.incident(merged).merged_into == survivor, "the merge holds"
    assert merged not in live
    store.close()
    _check_consistent(url)


@pytest.mark.slow
def test_truce_run_after_ingesting_120_news_reports_is_not_database_is_locked(tmp_path: Path) -> None:
    """Regression: `truce ingest` of 120 news reports, then `truce run`: after 33 s a traceback,
    `sqlite3.OperationalError: database is locked` (reads took BEGIN IMMEDIATE, and extraction
    wrote while the reports iterator was open)."""
    written = write_corpus(tmp_path / "news", 120, seed=2, news_share=1.0)
    env = truce_env(tmp_path / "home")
    ingest = run_truce(env, "ingest", str(tmp_path / "news"))
    assert ingest.returncode == 0, ingest.stderr
    done = run_truce(env, "run")
    assert done.returncode == 0, done.stderr
    assert "locked" not in done.stderr and "Traceback" not in done.stderr
    texts = written.reports - written.wire_copies
    assert f"extract: {texts} reports read" in done.stderr
