"""One text stored once, every outlet's copy kept; near-duplicate texts grouped in linear time."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from truce import pipeline
from truce.foundation.dedup import near_duplicates, sketch
from truce.fusion.sources import OriginIndex, count_origins
from truce.model import Report
from truce.store import open_store
from truce.store.reports import SHINGLE_CAP

WIRE = ("Azerbaijani artillery shelled the town of Shusha on Thursday morning, damaging homes near the "
        "central square, according to local officials who spoke to reporters by telephone. Residents said "
        "the shelling lasted about an hour and that several buildings were hit, including a school.")


def _copy(text: str, outlet: str, minute: int = 0) -> Report:
    return Report(id=Report.make_id("news", text), kind="news", text=text, source_name=outlet,
                  url=f"https://{outlet.lower().replace(' ', '')}.example/story",
                  published=datetime(2023, 9, 21, 9, minute, tzinfo=UTC), raw=f"<{outlet}>")


def test_wire_text_from_two_outlets_keeps_the_second_outlet(store_url: str, tmp_path: Path) -> None:
    """Regression: the report id hashes kind + text, so the second outlet's copy of a wire story was
    'already present' and its outlet, URL and time were lost."""
    store = open_store(store_url)
    first = store.add_reports([(_copy(WIRE, "Global Wire Service"), [])])
    second = store.add_reports([(_copy(WIRE, "Tbilisi Evening Post", 40), [])])
    assert len(first.added) == 1 and second.present == first.added and second.sighted == first.added
    assert store.count("reports") == 1
    copies = store.sightings(first.added[0])
    assert [(s.source_name, s.published.minute, s.raw) for s in copies] == [
        ("Global Wire Service", 0, "<Global Wire Service>"), ("Tbilisi Evening Post", 40, "<Tbilisi Evening Post>")]
    again = store.add_reports([(_copy(WIRE, "Tbilisi Evening Post", 40), [])])
    assert not again.sighted and len(store.sightings()) == 2, "re-ingesting a copy adds nothing"
    head = store.report_heads(first.added)[first.added[0]]
    assert head.text == "" and set(head.outlets) == {"Global Wire Service", "Tbilisi Evening Post"}


def test_wire_copies_from_a_folder_are_kept_per_outlet(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for outlet in ("Global Wire", "Evening Post", "Daily Monitor"):
        (folder / f"{outlet}.txt").write_text(f"---\nsource_name: {outlet}\npublished: 2023-09-21\n---\n{WIRE}\n",
                                              encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite'}")
    summary = pipeline.ingest(store, [str(folder)])
    assert (summary.ingested, summary.already_present, summary.copies) == (1, 2, 2)
    assert sorted(s.source_name for s in store.sightings()) == ["Daily Monitor", "Evening Post", "Global Wire"]


def test_edited_and_cut_copies_join_the_first_copy_group(store_url: str) -> None:
    store = open_store(store_url)
    edited = WIRE.replace("about an hour", "about one hour") + " (AP)"
    cut = WIRE.split(". ")[0] + ". (Reuters)"
    other = ("Talks between the two delegations resumed in Brussels on Friday, with mediators saying the "
             "agenda covered border delimitation, prisoners and the reopening of transport links.")
    reports = [_copy(WIRE, "A"), _copy(edited, "B"), _copy(cut, "C"), _copy(other, "D")]
    store.add_reports([(r, []) for r in reports])
    heads = store.report_heads(r.id for r in reports)
    groups = [heads[r.id].dup_key for r in reports]
    assert groups[0] == groups[1] == groups[2] == reports[0].id and groups[3] == reports[3].id
    origins = OriginIndex(heads, {})
    assert count_origins(origins, [r.id for r in reports]) == 2


def test_a_common_phrase_is_filed_for_a_bounded_number_of_texts(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite'}")
    boiler = "the ministry of defence said in a statement on its telegram channel late on the day"
    reports = [_copy(f"Report {i} about village {i * 7} and its {i % 13} wounded. {boiler}", f"O{i}")
               for i in range(SHINGLE_CAP * 3)]
    store.add_reports([(r, []) for r in reports])
    with store.engine.connect() as conn:
        busiest = conn.exec_driver_sql("select max(n) from (select count(*) n from shingles group by hash)").scalar()
    assert busiest == SHINGLE_CAP
    heads = store.report_heads(r.id for r in reports)
    assert len({h.dup_key for h in heads.values()}) == len(reports), "shared boilerplate is no copy"


def test_sketches_are_bounded_and_compare_long_with_short() -> None:
    long_text = " ".join(f"word{i}" for i in range(20_000))
    assert len(sketch(long_text).hashes) < 600
    assert near_duplicates(sketch(long_text), sketch(long_text + " (AFP)"))
    assert not near_duplicates(sketch(long_text), sketch(" ".join(f"word{i}" for i in range(20_000, 40_000))))
