"""CSV field reports through the Kobo column map and custom maps."""

from __future__ import annotations

from pathlib import Path

import pytest

from truce.errors import ConfigError
from truce.ingest import load_column_map

HEADER = "team,observed_at,what,how,count\n"


def test_kobo_export_loads_every_row(read, data_dir: Path) -> None:
    path = data_dir / "kobo_export.csv"
    items, rejections = read(path)
    assert rejections == []
    assert [i.where for i in items] == [f"{path}:row 2", f"{path}:row 3", f"{path}:row 4"]
    assert all(i.report.kind == "field" and i.notices == [] for i in items)
    first = items[0]
    [obs] = first.observations
    assert (obs.observer, obs.what, obs.how, obs.count, obs.direction, obs.weapon) == (
        "Team 2", "explosion", "heard", 12, "incoming", "artillery")
    assert obs.observed_from.isoformat() == "2023-09-21T14:05:00+04:00"
    assert obs.observed_until is not None and obs.observed_until.isoformat() == "2023-09-21T14:20:00+04:00"
    assert (obs.bearing_deg, obs.distance_km, obs.observer_lat, obs.observer_lon) == (120.0, 4.0, 39.7601, 46.7498)
    assert obs.location is not None and obs.location.text == "Shusha" and obs.location.lat is None
    assert obs.notes == 'Impacts east of the road, "heavy" calibre'
    assert first.report.text.startswith(
        "Team 2 heard 12 explosions, artillery, incoming, bearing 120°, about 4 km, near Shusha, "
        "from 21 Sep 2023 14:05 +04:00 to 14:20.")
    assert first.report.source_name == "Team 2"
    assert first.report.published is None
    # raw is the row verbatim, quotes and all; a quoted newline stays inside its row
    lines = path.read_text().splitlines()
    assert first.report.raw == lines[1]
    assert items[1].report.raw == lines[2] + "\n" + lines[3]
    second = items[1].observations[0]
    assert second.what == "small-arms" and second.count == 1 and second.notes == "Two bursts,\nthen silence"
    assert items[2].observations[0].what == "uav"


def test_bad_rows_are_rejected_alone(read, tmp_path: Path) -> None:
    path = tmp_path / "field.csv"
    path.write_text(HEADER + "\n".join([
        "Team 1,2023-09-21T14:05:00+04:00,explosion,heard,3",
        "Team 1,21/09/2023 14:05,explosion,heard,3",  # unparsable date
        "Team 1,2023-09-21T14:05:00+04:00,explosion,heard,three",  # count not a number
        "Team 1,2023-09-21T14:05:00+04:00,fireworks,heard,3",  # unknown what
        "Team 1,2023-09-21T14:05:00,explosion,heard,3",  # no zone
        "Team 1,2023-09-21T14:05:00+04:00,,heard,3",  # what missing
        ",,,,",  # blank row: skipped silently
        "Team 2,2023-09-21T15:00:00+04:00,Small Arms,HEARD,2",
        "Team 2,2023-09-21T15:00:00+04:00,explosion,heard,2,extra",  # more values than columns
    ]) + "\n")
    items, rejections = read(path)
    assert [(r.where, r.code) for r in rejections] == [
        (f"{path}:row 3", "E114"), (f"{path}:row 4", "E118"), (f"{path}:row 5", "E117"),
        (f"{path}:row 6", "E115"), (f"{path}:row 7", "E116"), (f"{path}:row 10", "E120")]
    assert [i.where for i in items] == [f"{path}:row 2", f"{path}:row 9"]
    assert items[1].observations[0].what == "small-arms" and items[1].observations[0].how == "heard"
    assert "fireworks" in rejections[2].message and "column map" in rejections[2].hint


def test_unknown_columns_reported_once_and_rows_still_load(read, tmp_path: Path) -> None:
    path = tmp_path / "field.csv"
    path.write_text("team,observed_at,what,how,weather,shift\n"
                    "Team 1,2023-09-21T14:05:00+04:00,explosion,heard,rain,night\n"
                    "Team 1,2023-09-21T14:06:00+04:00,explosion,heard,rain,night\n")
    items, rejections = read(path)
    assert rejections == [] and len(items) == 2
    [notice] = items[0].notices
    assert notice.code == "E121" and notice.where == str(path)
    assert "weather" in notice.message and "shift" in notice.message
    assert items[1].notices == []


def test_missing_required_column_rejects_the_file_and_names_unknown_columns(read, tmp_path: Path) -> None:
    path = tmp_path / "field.csv"
    path.write_text("team,when,what,how\nTeam 1,2023-09-21T14:05:00+04:00,explosion,heard\n")
    items, [rejection] = read(path)
    assert items == []
    assert rejection.code == "E122" and rejection.where == f"{path}:row 1"
    assert "observed_at" in rejection.message and "when" in rejection.message


def test_header_only_and_empty_csv(read, tmp_path: Path) -> None:
    header_only = tmp_path / "h.csv"
    header_only.write_text(HEADER)
    items, [rejection] = read(header_only)
    assert items == [] and rejection.code == "E101"


def test_date_time_and_zone_columns_semicolons_and_decimal_commas(read, tmp_path: Path) -> None:
    path = tmp_path / "split.csv"
    path.write_text("team;observed_at;time;tz;what;how;distance_km\n"
                    "Team 4;2023-09-21;14:05;Asia/Baku;explosion;heard;2,5\n"
                    "Team 4;2023-09-21;14:05;+03:00;explosion;heard;2\n"
                    "Team 4;2023-09-21;14:05;Mars/Olympus;explosion;heard;2\n")
    items, [rejection] = read(path)
    assert [i.observations[0].observed_from.isoformat() for i in items] == [
        "2023-09-21T14:05:00+04:00", "2023-09-21T14:05:00+03:00"]
    assert items[0].observations[0].distance_km == 2.5
    assert rejection.where == f"{path}:row 4" and "Mars/Olympus" in rejection.message


def test_custom_column_map(read, tmp_path: Path) -> None:
    column_map = tmp_path / "map.yaml"
    column_map.write_text(
        "timezone: '+04:00'\n"
        "kind: sensor\n"
        "columns:\n"
        "  observed_at: [heure]\n"
        "  what: [quoi]\n"
        "  how: [comment]\n"
        "  observer: [capteur]\n"
        "ignore: [commentaire_interne]\n"
        "values:\n"
        "  what: {tirs: small-arms}\n"
        "  how: {micro: acoustic}\n"
    )
    path = tmp_path / "capteurs.csv"
    path.write_text("capteur,heure,quoi,comment,commentaire_interne,count\n"
                    "AC-1,2023-09-21T14:05:00,tirs,micro,rien,4\n")
    [item], rejections = read(path, column_map=column_map)
    assert rejections == [] and item.notices == []
    [obs] = item.observations
    assert (obs.observer, obs.what, obs.how, obs.count) == ("AC-1", "small-arms", "acoustic", 4)
    assert obs.observed_from.isoformat() == "2023-09-21T14:05:00+04:00"
    assert item.report.kind == "sensor"
    # `comment` is also a default name for notes: the custom map takes it for `how`.
    # The same file through the default map: the French headers are unknown.
    _, [rejection] = read(path)
    assert rejection.code == "E122"


def test_column_map_from_settings(read, tmp_path: Path, monkeypatch) -> None:
    from truce.settings import get_settings

    column_map = tmp_path / "map.yaml"
    column_map.write_text("columns:\n  observed_at: [moment]\n")
    monkeypatch.setenv("TRUCE_COLUMN_MAP", str(column_map))
    get_settings.cache_clear()
    path = tmp_path / "f.csv"
    path.write_text("moment,what,how\n2023-09-21T14:05:00Z,explosion,heard\n")
    [item], rejections = read(path)
    assert rejections == [] and item.observations[0].observed_from.isoformat() == "2023-09-21T14:05:00+00:00"


@pytest.mark.parametrize("content, fragment", [
    ("columns: [a, b]\n", "columns"),
    ("columns:\n  colour: [c]\n", "colour"),
    ("values:\n  what: {boom: kaboom}\n", "kaboom"),
    ("timezone: Nowhere/City\n", "Nowhere/City"),
    ("kind: news\n", "news"),
    ("colums:\n  what: [w]\n", "colums"),
    ("- just\n- a list\n", "mapping"),
    ("columns: {what: [unclosed\n", "YAML"),
])
def test_invalid_column_map_raises_config_error(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(content)
    with pytest.raises(ConfigError) as caught:
        load_column_map(path)
    assert caught.value.code == "E123" and caught.value.where == str(path)
    assert fragment in str(caught.value)


def test_read_sources_raises_for_a_bad_column_map_before_reading(truce_home: Path, tmp_path: Path) -> None:
    from truce.ingest import read_sources

    path = tmp_path / "map.yaml"
    path.write_text("kind: news\n")
    with pytest.raises(ConfigError):
        read_sources([str(tmp_path)], column_map=path)


def test_default_map_matches_the_documented_headers() -> None:
    column_map = load_column_map()
    header = ("start,end,today,team,observation/observed_at,observation/observed_until,observation/what,"
              "observation/how,observation/count,observation/direction,observation/weapon,"
              "observation/bearing_deg,observation/distance_km,_observer_position_latitude,"
              "_observer_position_longitude,_observer_position_altitude,_observer_position_precision,"
              "observation/location_name,notes,_uuid,_submission_time,group_x/Bearing")
    assigned, unknown = column_map.assign(header.split(","))
    assert unknown == []
    assert assigned["observed_at"] == [4] and assigned["observer"] == [3] and assigned["lat"] == [13]
    assert assigned["bearing_deg"] == [11, 21]  # the listed name first, the prefixed synonym after


def test_excel_style_export_with_bom_and_crlf(read, data_dir: Path, tmp_path: Path) -> None:
    source = (data_dir / "kobo_export.csv").read_text(encoding="utf-8")
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode("utf-8"))
    items, rejections = read(path)
    assert rejections == [] and len(items) == 3
    assert items[0].report.raw == source.splitlines()[1]
    assert items[0].observations[0].observer == "Team 2"  # the first header survived the BOM
