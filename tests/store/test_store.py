"""The store on both backends: idempotent, atomic, and a faithful round trip of every record."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from truce.model import ActorRef, DateRef, Event, Evidence, Observation, PlaceRef, Report, Verdict
from truce.store import open_store


def _report(text: str, kind: str = "news") -> Report:
    return Report(id=Report.make_id(kind, text), kind=kind, text=text, title="t",  # type: ignore[arg-type]
                  published=datetime(2023, 9, 21, 8, 0, tzinfo=UTC), source_name="Wire")


def _event(report: Report, n: int = 0) -> Event:
    return Event(
        id=f"ev_{report.id[3:]}{n}", report_id=report.id, type="ASSAULT", mode="heavy-weapons",
        actor=ActorRef("Azerbaijan", "Azerbaijan", "AZE", "MIL", (0, 10)),
        location=PlaceRef("Shusha", "Shusha", 39.76, 46.75, "AZE", None, 585156, "city", (20, 26)),
        date=DateRef("Sept. 21", date(2023, 9, 21), date(2023, 9, 21), "day", (30, 38)),
        evidence=Evidence("Azerbaijan shelled Shusha on Sept. 21.", 0, 38, {"actor": [0, 10]}),
        confidence=0.8,
    )


def test_reingesting_the_same_reports_stores_each_once(store_url: str) -> None:
    store = open_store(store_url)
    batch = [(_report(f"report number {i}"), []) for i in range(20)]
    first = store.add_reports(batch)
    again = store.add_reports(batch)
    assert len(first.added) == 20 and not first.present
    assert not again.added and len(again.present) == 20
    assert store.count("reports") == 20


def test_whitespace_only_differences_give_the_same_report_id() -> None:
    assert Report.make_id("news", "a  b\n c") == Report.make_id("news", "a b c")
    assert Report.make_id("news", "a b c") != Report.make_id("field", "a b c")


def test_report_round_trip_keeps_unknown_publication_unknown(store_url: str) -> None:
    store = open_store(store_url)
    r = Report(id=Report.make_id("news", "x"), kind="news", text="x", raw="RAW x")
    store.add_reports([(r, [])])
    (back,) = list(store.reports())
    assert back.published is None and back.raw == "RAW x" and back.received is not None


def test_events_round_trip_and_replace_on_reextraction(store_url: str) -> None:
    store = open_store(store_url)
    r = _report("Azerbaijan shelled Shusha on Sept. 21.")
    store.add_reports([(r, [])])
    store.save_extraction([(r.id, [_event(r, 0), _event(r, 1)])], "x.v1")
    assert [e.to_dict() for e in store.events()] == [_event(r, 0).to_dict(), _event(r, 1).to_dict()]
    assert list(store.reports(unextracted_by="x.v1")) == []
    assert len(list(store.reports(unextracted_by="x.v2"))) == 1
    store.save_extraction([(r.id, [_event(r, 2)])], "x.v2")
    assert [e.id for e in store.events()] == [_event(r, 2).id]


def test_observations_are_stored_with_their_report_in_one_transaction(store_url: str) -> None:
    store = open_store(store_url)
    r = _report("Team 2 heard 40 explosions", kind="field")
    obs = Observation(id="ob_1", report_id=r.id, what="explosion", how="heard",
                      observed_from=datetime(2023, 9, 21, 14, 0, tzinfo=UTC), count=40)
    store.add_reports([(r, [obs])])
    (back,) = store.observations()
    assert back.to_dict() == obs.to_dict()


def test_a_failed_batch_leaves_nothing_half_written(store_url: str) -> None:
    store = open_store(store_url)
    good = _report("good")
    bad_obs = Observation(id="ob_x", report_id="rp_missing", what="explosion", how="heard",
                          observed_from=datetime(2023, 9, 21, tzinfo=UTC))
    with pytest.raises(Exception):  # noqa: B017 - the foreign key refuses it, whatever the driver calls it
        store.add_reports([(good, [bad_obs])])
    assert store.count("reports") == 0


def test_verdict_history_keeps_earlier_verdicts(store_url: str) -> None:
    store = open_store(store_url)
    v1 = Verdict("in_1", "ag", "possible_violation", ["c2"], "AZE", 0.5, "one side says so", agreement_version="a")
    assert store.record_verdicts([v1]) == 1
    assert store.record_verdicts([Verdict.from_dict(v1.to_dict())]) == 0  # unchanged: no new row
    v2 = Verdict("in_1", "ag", "violation", ["c2"], "AZE", 0.9, "corroborated", agreement_version="a")
    assert store.record_verdicts([v2]) == 1
    assert [v.verdict for v in store.verdicts()] == ["violation"]
    assert [v.verdict for v in store.verdicts(history=True)] == ["possible_violation", "violation"]
