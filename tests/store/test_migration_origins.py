"""Migration 0005: incidents stored before fusion recorded `origins` are rebuilt by the next run."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from sqlalchemy import delete, select, text, update

from truce import pipeline
from truce.model import ActorRef, DateRef, Event, Evidence, PlaceRef, Report
from truce.store import Store, open_store
from truce.store import tables as t


def _report(outlet: str, place: str) -> Report:
    body = f"{outlet}: Azerbaijan shelled {place} on Sept. 21."
    return Report(id=Report.make_id("news", body), kind="news", text=body, title="t",
                  published=datetime(2023, 9, 21, 8, 0, tzinfo=UTC), source_name=outlet)


def _event(report: Report, place: str, lat: float, lon: float) -> Event:
    return Event(
        id=f"ev_{report.id[3:]}0", report_id=report.id, type="ASSAULT", mode="heavy-weapons",
        actor=ActorRef("Azerbaijan", "Azerbaijan", "AZE", "MIL", (0, 10)),
        location=PlaceRef(place, place, lat, lon, "AZE", None, None, "city", (20, 26)),
        date=DateRef("Sept. 21", date(2023, 9, 21), date(2023, 9, 21), "day", (30, 38)),
        evidence=Evidence(report.text, 0, len(report.text), {"actor": [0, 10]}), confidence=0.8)


def _two_incidents(store: Store) -> dict[str, dict]:
    shusha = [_report(outlet, "Shusha") for outlet in ("Reuters", "AFP")]
    kalbajar = _report("AP", "Kalbajar")
    events = [(r, [_event(r, "Shusha", 39.76, 46.75)]) for r in shusha]
    events.append((kalbajar, [_event(kalbajar, "Kalbajar", 40.10, 46.04)]))
    store.add_reports([(r, []) for r, _ in events])
    store.save_extraction([(r.id, evs) for r, evs in events], "test.v1")
    pipeline.fuse_pending(store)
    return {i.id: i.to_dict() for i in store.incidents()}


def _as_stored_before_origins(store: Store, incident_id: str) -> None:
    """Drop the incident's `origins` and take 0005 off the applied revisions (alembic's own table)."""
    with store.engine.begin() as conn:
        payload = json.loads(conn.scalar(select(t.incidents.c.payload).where(t.incidents.c.id == incident_id)))
        del payload["origins"]
        conn.execute(update(t.incidents).where(t.incidents.c.id == incident_id).values(payload=json.dumps(payload)))
        conn.execute(text("DELETE FROM alembic_version WHERE version_num = '0005'"))


def _status(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return {row.id: row.status for row in conn.execute(select(t.incidents.c.id, t.incidents.c.status))}


def test_an_incident_without_origins_is_stale_after_the_migration_and_rebuilt_by_the_next_run(
        store_url: str) -> None:
    store = open_store(store_url)
    fused = _two_incidents(store)
    assert len(fused) == 2
    old, kept = sorted(fused, key=lambda i: -len(fused[i]["report_ids"]))
    assert len(fused[old]["report_ids"]) == 2 and fused[old]["independent_sources"] == 2
    assert fused[old]["origins"] and fused[kept]["origins"]
    _as_stored_before_origins(store, old)
    store.close()

    store = open_store(store_url)  # opening migrates: 0005 runs on this store
    assert _status(store) == {old: "stale", kept: "live"}
    assert [i.id for i in store.incidents()] == [kept]

    pipeline.fuse_pending(store)  # what `truce run` does after extraction
    rebuilt = {i.id: i.to_dict() for i in store.incidents()}
    assert rebuilt == fused  # same ids, origins recomputed, nothing else changed
    store.close()


def test_tombstones_and_incidents_with_origins_are_left_alone(store_url: str) -> None:
    store = open_store(store_url)
    fused = _two_incidents(store)
    gone, kept = sorted(fused)
    with store.engine.begin() as conn:
        payload = fused[gone] | {"origins": {}}
        conn.execute(update(t.incidents).where(t.incidents.c.id == gone)
                     .values(status="merged", merged_into=kept, payload=json.dumps(payload)))
        conn.execute(delete(t.members).where(t.members.c.incident_id == gone))
        conn.execute(text("DELETE FROM alembic_version WHERE version_num = '0005'"))
    store.close()
    store = open_store(store_url)
    assert _status(store) == {gone: "merged", kept: "live"}
    store.close()
