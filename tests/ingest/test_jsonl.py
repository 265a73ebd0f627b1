"""JSON and JSON Lines: reports, observations, malformed lines, objects without text."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from truce.model import Report

OBSERVATION = {
    "kind": "sensor", "observed_at": "2023-09-21T14:05:00+04:00", "observed_until": "2023-09-21T14:20:00+04:00",
    "what": "explosion", "how": "acoustic", "count": 3, "direction": "incoming", "weapon": "mortar",
    "bearing_deg": 120, "distance_km": 4.5, "observer": "AC-7", "lat": 39.76, "lon": 46.75,
    "target_lat": 39.79, "target_lon": 46.79, "location_name": "Shusha", "notes": "calibre unclear",
    "source_name": "Acoustic array north",
}


def _lines(*values: object) -> str:
    return "\n".join(v if isinstance(v, str) else json.dumps(v) for v in values) + "\n"


def test_jsonl_reports_and_a_broken_line(read, tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    path.write_text(_lines(
        {"text": "Shelling reported near Shusha overnight, officials said.", "title": "Shelling",
         "url": "https://example.org/1", "published": "2023-09-21", "source_name": "Wire"},
        '{"text": "unterminated',
        "",
        {"text": "Monitors heard gunfire near Martuni.", "kind": "field"},
    ))
    items, [rejection] = read(path)
    assert [i.where for i in items] == [f"{path}:1", f"{path}:4"]
    first = items[0].report
    assert (first.title, first.url, first.source_name) == ("Shelling", "https://example.org/1", "Wire")
    assert first.published == datetime(2023, 9, 21, tzinfo=UTC)
    assert first.raw == json.dumps({"text": "Shelling reported near Shusha overnight, officials said.",
                                    "title": "Shelling", "url": "https://example.org/1",
                                    "published": "2023-09-21", "source_name": "Wire"})
    assert items[1].report.kind == "field"
    assert rejection.where == f"{path}:2" and rejection.code == "E110"


def test_object_without_text_and_non_objects(read, tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(_lines({"title": "no text"}, {"text": ""}, {"text": 5}, [1, 2], "3"))
    items, rejections = read(path)
    assert items == []
    assert [(r.where, r.code) for r in rejections] == [
        (f"{path}:1", "E112"), (f"{path}:2", "E112"), (f"{path}:3", "E112"), (f"{path}:4", "E111"),
        (f"{path}:5", "E111")]
    assert "text" in rejections[0].hint


def test_wrong_field_types_and_bad_dates(read, tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(_lines({"text": "A report.", "title": 3}, {"text": "A report.", "published": "21/09/2023"},
                           {"text": "A report.", "kind": "gossip"}))
    items, rejections = read(path)
    assert items == []
    assert [r.code for r in rejections] == ["E113", "E114", "E107"]


def test_observation_object(read, tmp_path: Path) -> None:
    path = tmp_path / "obs.jsonl"
    line = json.dumps(OBSERVATION)
    path.write_text(line + "\n")
    [item], rejections = read(path)
    assert rejections == []
    report = item.report
    assert report.kind == "sensor" and report.raw == line
    assert report.source_name == "Acoustic array north"
    assert report.text.startswith(
        "AC-7 detected 3 explosions acoustically, mortar, incoming, bearing 120°, about 4.5 km, near Shusha")
    assert "from 21 Sep 2023 14:05 +04:00 to 14:20" in report.text
    assert report.id == Report.make_id("sensor", report.text)
    [obs] = item.observations
    assert obs.report_id == report.id and obs.id.startswith("ob_")
    assert (obs.what, obs.how, obs.count, obs.direction, obs.weapon) == ("explosion", "acoustic", 3, "incoming",
                                                                          "mortar")
    assert obs.observed_from.isoformat() == "2023-09-21T14:05:00+04:00"
    assert obs.observed_until is not None and obs.observed_until.isoformat() == "2023-09-21T14:20:00+04:00"
    assert (obs.observer_lat, obs.observer_lon, obs.bearing_deg, obs.distance_km) == (39.76, 46.75, 120.0, 4.5)
    assert obs.location is not None
    assert (obs.location.text, obs.location.lat, obs.location.lon) == ("Shusha", 39.79, 46.79)
    assert obs.notes == "calibre unclear" and obs.source_name == "Acoustic array north"


def test_observation_ids_are_stable_and_distinct(read, tmp_path: Path) -> None:
    other = dict(OBSERVATION, count=4)
    (tmp_path / "a.jsonl").write_text(_lines(OBSERVATION, other))
    (tmp_path / "b.jsonl").write_text(_lines(OBSERVATION))
    items, _ = read(tmp_path)
    a1, a2, b1 = items
    assert a1.report.id == b1.report.id and a1.observations[0].id == b1.observations[0].id
    assert a1.report.id != a2.report.id and a1.observations[0].id != a2.observations[0].id


def test_bad_observations_are_rejected_one_by_one(read, tmp_path: Path) -> None:
    path = tmp_path / "obs.jsonl"
    path.write_text(_lines(
        dict(OBSERVATION, observed_at="2023-09-21T14:05:00"),  # no zone
        dict(OBSERVATION, what="shelling?"),
        {k: v for k, v in OBSERVATION.items() if k != "how"},
        dict(OBSERVATION, count="many"),
        dict(OBSERVATION, bearing_deg=400),
        dict(OBSERVATION, kind="news"),
        dict(OBSERVATION, lat=None),
        dict(OBSERVATION, observed_until="2023-09-21T13:00:00+04:00"),
        dict(OBSERVATION, count=2.5),
        OBSERVATION,
    ))
    items, rejections = read(path)
    assert [r.code for r in rejections] == ["E115", "E117", "E116", "E118", "E119", "E107", "E116", "E119", "E118"]
    assert [r.where for r in rejections] == [f"{path}:{n}" for n in range(1, 10)]
    assert [i.where for i in items] == [f"{path}:10"]
    assert "shelling?" in rejections[1].message and "explosion" in rejections[1].message


def test_observation_kind_defaults_to_field_or_the_argument(read, tmp_path: Path) -> None:
    path = tmp_path / "obs.jsonl"
    path.write_text(_lines({k: v for k, v in OBSERVATION.items() if k != "kind"}))
    [item], _ = read(path)
    assert item.report.kind == "field"
    [item], _ = read(path, kind="sensor")
    assert item.report.kind == "sensor"
    [item], _ = read(path, kind="news")  # a news kind cannot apply to an observation
    assert item.report.kind == "field"


def test_json_single_object_and_list(read, tmp_path: Path) -> None:
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": "One report about shelling near Martuni."}, indent=2))
    listed = tmp_path / "many.json"
    listed.write_text('[\n  {"text": "First report about shelling."},\n  {"title": "no text"},\n'
                      '  {"text": "Third report about gunfire."}\n]\n')
    items, rejections = read([single, listed])
    assert [i.where for i in items] == [str(single), f"{listed}:2", f"{listed}:4"]
    assert items[1].report.raw == '{"text": "First report about shelling."}'
    assert [(r.where, r.code) for r in rejections] == [(f"{listed}:3", "E112")]


def test_json_list_broken_midway_keeps_earlier_elements(read, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n{"text": "A good report about shelling."},\n{"text": oops},\n{"text": "never read"}\n]')
    items, [rejection] = read(path)
    assert [i.where for i in items] == [f"{path}:2"]
    assert rejection.code == "E110" and rejection.where == f"{path}:3"


def test_malformed_json_file(read, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"text": "x",\n "title": }')
    items, [rejection] = read(path)
    assert items == [] and rejection.code == "E110" and rejection.where == f"{path}:2"


def test_oversized_line_is_rejected_alone(read, tmp_path: Path, monkeypatch) -> None:
    from truce.settings import get_settings

    monkeypatch.setenv("TRUCE_MAX_REPORT_BYTES", "200")
    get_settings.cache_clear()
    path = tmp_path / "big.jsonl"
    path.write_text(_lines({"text": "x" * 500}, {"text": "A short report about shelling."}))
    items, [rejection] = read(path)
    assert [i.where for i in items] == [f"{path}:2"]
    assert rejection.code == "E104" and rejection.where == f"{path}:1"


def test_blank_jsonl_file_is_empty(read, tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n\n")
    items, [rejection] = read(path)
    assert items == [] and rejection.code == "E101" and rejection.where == str(path)
