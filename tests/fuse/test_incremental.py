"""Fusion over the store: incremental, chunked, stable ids, and reviewers' decisions respected."""

from __future__ import annotations

import json

import pytest

from truce import pipeline
from truce.fusion.incremental import fuse_pending as fuse_new
from truce.model import Decision
from truce.store import Store, open_store


def _put(store: Store, reports_events, observations=()) -> None:
    by_report = {}
    for obs in observations:
        by_report.setdefault(obs.report_id, []).append(obs)
    store.add_reports([(r, by_report.get(r.id, [])) for r, _ in reports_events])
    store.save_extraction([(r.id, evs) for r, evs in reports_events], "test.v1")


def _three_days(make_report, make_event):
    out = []
    for day in ("2023-09-19", "2023-09-22", "2023-09-25"):
        for k, (outlet, place) in enumerate([("Reuters", "Shusha"), ("AFP", "Shusha"), ("AP", "Kalbajar"),
                                             ("BBC", "Mardakert")]):
            r = make_report(f"{outlet} on {place} {day}", outlet, published=f"{day}T20:00:00+00:00")
            out.append((r, [make_event(r, f"Shelling hit {place}.", place=place, day=day, tag=str(k))]))
    return out


def _dump(store: Store) -> list[dict]:
    return [i.to_dict() for i in store.incidents()]


def test_every_run_rebuilding_all_incidents_is_gone(store_url, make_report, make_event):
    """Regression: each run deleted and rebuilt every incident, so no reviewer's decision could
    survive it. Now a run with nothing new writes nothing; new items only add to or open incidents."""
    store = open_store(store_url)
    batch = _three_days(make_report, make_event)
    _put(store, batch[:8])
    pipeline.fuse_pending(store)
    before = {i.id: i.to_dict() for i in store.incidents()}
    assert len(before) == 6
    seq = store.fusion_seq()
    summary = pipeline.fuse_pending(store)  # nothing new: nothing is rebuilt or rewritten
    assert (summary.items, summary.new_incidents, summary.changed_incidents) == (0, 0, 0)
    assert store.fusion_seq() == seq
    _put(store, batch[8:])
    pipeline.fuse_pending(store)
    after = {i.id: i for i in store.incidents()}
    assert set(before) <= set(after) and len(after) == 9


def test_small_chunks_give_the_same_incidents_as_one_chunk(tmp_path, make_report, make_event, make_observation):
    batch = _three_days(make_report, make_event)
    log = make_report("Team log", "OSCE Team 1", kind="field")
    obs = [make_observation(log, f"2023-09-22T0{h}:15:00+00:00", n=h, bearing=185, distance=6,
                            position=(39.8153, 46.7519)) for h in range(4)]
    dumps = []
    for chunk in (1, 3, 1000):
        store = open_store(f"sqlite:///{tmp_path / f'c{chunk}.sqlite'}")
        _put(store, [*batch, (log, [])], obs)
        fuse_new(store, chunk=chunk)
        dumps.append(_dump(store))
    assert dumps[0] and dumps[0] == dumps[1] == dumps[2]


def test_excluded_member_stays_out_and_merge_leaves_a_tombstone(store_url, make_report, make_event):
    store = open_store(store_url)
    batch = _three_days(make_report, make_event)
    _put(store, batch[:4])
    pipeline.fuse_pending(store)
    [shusha] = [i for i in store.incidents() if len(i.event_ids) == 2]
    kalbajar, mardakert = sorted((i for i in store.incidents() if len(i.event_ids) == 1), key=lambda i: i.id)
    leaving = shusha.event_ids[1]
    store.record_decision(Decision("", "exclude", shusha.id, item_id=leaving, author="ana", reason="other shelling"))
    store.record_decision(Decision("", "merge", kalbajar.id, other_incident_id=mardakert.id, author="ana",
                                   reason="one barrage"))
    shown = pipeline.refresh(store, [shusha.id, kalbajar.id, mardakert.id])
    assert {i.id for i in shown} >= {shusha.id, kalbajar.id}
    assert store.incident(shusha.id).event_ids == [shusha.event_ids[0]]
    tomb = store.incident(mardakert.id)
    assert tomb is not None and tomb.merged_into == kalbajar.id
    assert set(store.incident(kalbajar.id).event_ids) == set(kalbajar.event_ids) | set(mardakert.event_ids)
    [moved] = [i for i in store.incidents() if leaving in i.event_ids]
    assert moved.parent == shusha.id and moved.id != shusha.id
    assert mardakert.id not in {v.incident_id for v in store.verdicts()}, "a tombstone has no current verdict"

    # More reports, and the whole run again: the decisions still hold.
    _put(store, batch[4:])
    pipeline.fuse_pending(store)
    pipeline.fuse_pending(store)
    assert store.membership([leaving])[leaving] == moved.id
    assert store.incident(mardakert.id).merged_into == kalbajar.id
    assert len(store.decisions()) == 2 and len(store.decisions(mardakert.id)) == 1


def test_split_gives_a_new_incident_recording_its_parent(store_url, make_report, make_event):
    store = open_store(store_url)
    batch = _three_days(make_report, make_event)
    _put(store, batch[:2])
    pipeline.fuse_pending(store)
    [both] = list(store.incidents())
    d = store.record_decision(Decision("", "split", both.id, value=[both.event_ids[1]], author="ana", reason="r"))
    pipeline.refresh(store, [both.id])
    parts = {i.id: i for i in store.incidents()}
    assert both.id in parts and len(parts) == 2
    [child] = [i for i in parts.values() if i.id != both.id]
    assert child.parent == both.id and child.event_ids == [both.event_ids[1]]
    assert d.id and store.decisions(both.id)[0].kind == "split"


def test_corrections_and_attribution_show_at_once_and_survive_new_members(store_url, make_report, make_event):
    store = open_store(store_url)
    batch = _three_days(make_report, make_event)
    _put(store, batch[:1])
    pipeline.fuse_pending(store)
    pipeline.judge_pending(store)
    [inc] = list(store.incidents())
    place = {"name": "Stepanakert", "lat": 39.8153, "lon": 46.7519}
    store.record_decision(Decision("", "correct", inc.id, field="place", value=place, author="b", reason="r"))
    store.record_decision(Decision("", "correct", inc.id, field="deaths", value=3, author="b", reason="r"))
    store.record_decision(Decision("", "attribute", inc.id, value="unattributable", author="b", reason="r"))
    [shown] = pipeline.refresh(store, [inc.id])
    assert shown.location.name == "Stepanakert" and shown.fatalities == 3
    assert shown.corrections["attribution"] == "unattributable"
    judged = store.verdicts(incident_id=inc.id)
    assert judged and all(v.party == "unattributed" and "reviewer" in v.explanation for v in judged)
    _put(store, batch[1:2])  # a second Shusha report joins the incident
    pipeline.fuse_pending(store)
    again = store.incident(inc.id)
    assert len(again.event_ids) == 2 and again.location.name == "Stepanakert" and again.fatalities == 3


def test_a_bad_decision_is_one_clear_error(tmp_path):
    from truce.errors import TruceError

    store = open_store(f"sqlite:///{tmp_path / 's.sqlite'}")
    with pytest.raises(TruceError, match="E147"):
        store.record_decision(Decision("", "correct", "in_x", field="colour", value=1, author="a", reason="r"))
    with pytest.raises(TruceError, match="E145"):
        store.record_decision(Decision("", "rename", "in_x", author="a", reason="r"))  # type: ignore[arg-type]


def test_incidents_page_is_keyset_paginated_and_filtered(tmp_path, make_report, make_event):
    from datetime import UTC, datetime

    store = open_store(f"sqlite:///{tmp_path / 's.sqlite'}")
    _put(store, _three_days(make_report, make_event))
    pipeline.fuse_pending(store)
    everything = [i.id for i in store.incidents_page(limit=1000)]
    assert len(everything) == 9 and everything == sorted(everything)
    pages, after = [], None
    while page := store.incidents_page(after=after, limit=4):
        pages += [i.id for i in page]
        after = page[-1].id
    assert pages == everything
    day = store.incidents_page(start=datetime(2023, 9, 22, tzinfo=UTC), end=datetime(2023, 9, 22, 23, tzinfo=UTC))
    assert len(day) == 3
    near_shusha = store.incidents_page(bbox=(46.7, 39.7, 46.8, 39.8))
    assert near_shusha and all(i.location.name == "Shusha" for i in near_shusha)
    assert len(store.incidents_page(party="AZE")) == 9 and store.incidents_page(type="consult") == []
    assert json.loads(json.dumps(near_shusha[0].to_dict()))["merged_into"] is None


def test_a_report_extracted_again_rebuilds_its_incidents_with_their_ids(store_url, make_report, make_event):
    store = open_store(store_url)
    batch = _three_days(make_report, make_event)[:2]  # two Shusha reports, one incident
    _put(store, batch)
    pipeline.fuse_pending(store)
    [before] = list(store.incidents())
    report, events = batch[1]
    newer = make_event(report, "Shelling hit Shusha again.", day="2023-09-19", tag="v2")
    store.save_extraction([(report.id, [newer])], "test.v2")  # a newer extractor reads it differently
    pipeline.fuse_pending(store)
    [after] = list(store.incidents())
    assert after.id == before.id
    assert events[0].id not in after.event_ids and newer.id in after.event_ids
    assert sorted(store.membership(after.event_ids)) == sorted(after.event_ids)
