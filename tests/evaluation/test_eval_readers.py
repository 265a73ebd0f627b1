"""Each data set reader on invented files of its format: usable records typed, bad ones named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from truce.evaluation.geovirus import read_geovirus
from truce.evaluation.gsr import read_gsr
from truce.evaluation.jsonl import read_jsonl
from truce.evaluation.re3d import read_re3d
from truce.evaluation.records import GoldToponym
from truce.evaluation.ucdp import read_ucdp
from truce.evaluation.wikinews import read_expect_folder
from truce.evaluation.wiktor import read_wiktor


def test_geovirus_articles_and_their_bad_lines(fixture_data: Path) -> None:
    loaded = read_geovirus(fixture_data / "geovirus" / "geovirus.jsonl")
    assert sorted(a.key for a in loaded.items) == ["0", "1"]
    assert loaded.population == 2
    first = next(a for a in loaded.items if a.key == "0")
    assert first.text[first.gold[0].start:first.gold[0].end] == "Nairobi"
    assert first.gold[1] == GoldToponym(first.text.index("Mombasa"), first.text.index("Mombasa") + 7, -4.05, 39.67)
    reasons = {b.where: b.reason for b in loaded.bad}
    assert set(reasons) == {"geovirus.jsonl:3", "geovirus.jsonl:4"}
    assert "locations[0]" in reasons["geovirus.jsonl:3"]
    assert reasons["geovirus.jsonl:4"].startswith("not JSON")


def test_wiktor_gives_every_mention_the_page_point_and_skips_pages_without_gold(fixture_data: Path) -> None:
    loaded = read_wiktor(fixture_data / "wiktor" / "wiktor.jsonl")
    assert sorted(a.key for a in loaded.items) == ["0", "1"]
    springfield = next(a for a in loaded.items if a.key == "0")
    assert [(g.start, g.end, g.lat, g.lon) for g in springfield.gold] == [(0, 11, 39.8, -89.65), (36, 47, 39.8, -89.65)]
    assert [b.where for b in loaded.bad] == ["wiktor.jsonl:4"]  # line 3 has no gold: skipped, not bad
    assert len(read_wiktor(fixture_data / "wiktor" / "wiktor.jsonl", size=1).items) == 1


def test_ucdp_rows_sharing_a_text_are_one_unit_and_mixed_types_are_left_out(fixture_data: Path) -> None:
    loaded = read_ucdp(fixture_data / "ucdp-ged" / "ged_events.jsonl")
    units = {u.id: u for u in loaded.items}
    assert set(units) == {"101", "102", "108", "110"}  # 103 shares 102's text; 104/105 disagree; 106 French
    assert loaded.population == 4
    assert [u.kind for u in loaded.items] == [1, 2, 3, 1]  # dealt one per type in turn
    assert sorted(b.where for b in loaded.bad) == ["ged_events.jsonl:7", "ged_events.jsonl:9"]
    assert "type_of_violence 9" in next(b.reason for b in loaded.bad if b.where.endswith(":7"))


def test_ucdp_gold_is_scored_only_where_the_text_carries_it(fixture_data: Path) -> None:
    units = {u.id: u for u in read_ucdp(fixture_data / "ucdp-ged" / "ged_events.jsonl").items}
    shelling = units["101"]
    assert (shelling.deaths_gold, shelling.best_stated) == (3, True)
    assert shelling.places_gold == ((35.1, 36.6),)  # 'Qaryat Zahra village' -> 'qaryat' is in the text
    assert shelling.published == date(2016, 3, 2)
    shared = units["102"]
    assert shared.deaths_gold is None  # two GED events share the text: no single gold toll
    assert len(shared.places_gold) == 1  # 'Tell Hamra' is named, 'Bir Salem' is not
    assert units["108"].deaths_gold == 12 and units["108"].places_gold == ()  # country level: no place
    commanders = units["110"]
    assert (commanders.deaths_gold, commanders.best_stated) == (4, False)  # 'two' stated, GED says 4
    assert commanders.places_gold == ((35.1, 36.6),)


def test_ucdp_sample_size_cuts_the_dealt_order(fixture_data: Path) -> None:
    path = fixture_data / "ucdp-ged" / "ged_events.jsonl"
    whole, cut = read_ucdp(path).items, read_ucdp(path, size=2).items
    assert cut == whole[:2]
    assert {u.kind for u in cut} == {1, 2}


def test_wikinews_texts_with_expectations_the_seed_left_out(fixture_data: Path) -> None:
    loaded = read_expect_folder(fixture_data / "wikinews-conflict")
    assert [x.where for x in loaded.items] == ["01-invented-shelling.expect.json", "02-invented-talks.expect.json"]
    assert loaded.items[0].published == date(2021, 5, 6)
    assert loaded.items[0].text.startswith("Artillery hits border village")
    broken = ("03-invented-broken.expect.json", "must[0] has no 'any_of' list")
    assert [(b.where, b.reason) for b in loaded.bad] == [broken]
    assert loaded.population == 3


def test_re3d_location_spans_once_each(fixture_data: Path) -> None:
    loaded = read_re3d(fixture_data / "re3d" / "re3d.jsonl")
    docs = {d.key: d for d in loaded.items}
    assert set(docs) == {"A1", "A2"}
    names = [docs["A1"].text[b:e] for b, e in docs["A1"].locations]
    assert sorted(names) == ["London", "Mosul", "Tal Afar"]  # repeated span once; span_matches false left out
    assert docs["A2"].locations == ()
    assert [b.where for b in loaded.bad] == ["re3d.jsonl:3"]


def test_gsr_keeps_the_records_plover_scores(fixture_data: Path) -> None:
    loaded = read_gsr(fixture_data / "plover-gsr" / "PLOVER_GSR_CAMEO.json")
    assert [s.record["id"] for s in loaded.items] == ["X-FIGHT-1", "X-AGREE-1"]  # DOCUMENT left out


def test_a_file_of_bad_lines_gives_no_records_and_a_reason_each(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text('[1, 2]\n\n{"text": \n"just a string"\n', encoding="utf-8")
    records, bad = read_jsonl(path)
    assert records == []
    assert [b.where for b in bad] == ["broken.jsonl:1", "broken.jsonl:3", "broken.jsonl:4"]
    assert read_geovirus(path).items == []
