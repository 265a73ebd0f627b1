"""An unknown death toll and a stated zero stay apart in Truce's own exports (CSV and XLSX: an
empty cell and 0; GeoJSON and PLOVER: null and 0), while the ACLED export writes 0 for both, as
ACLED's own files do (every ACLED row has an integer fatalities)."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from truce.model import PlaceRef
from truce.publish import acled, records, writers
from truce.publish.pages import Item
from truce.records.findings import Incident


def _item(fatalities: int | None, injured: int | None = None) -> Item:
    place = PlaceRef(text="Kidal", name="Kidal", lat=18.44, lon=1.41, country="MLI")
    moment = datetime(2023, 5, 3, 10, tzinfo=UTC)
    return Item(Incident(id="in_0a1b2c3d4e5f607", type="ASSAULT", mode=None, start=moment, end=moment, location=place,
                         actor_country=None, recipient_country=None, fatalities=fatalities, injured=injured))


def _csv_cell(item: Item, column: str) -> str:
    data = b"".join(writers.csv_bytes(records.COLUMNS, [[records.flat(item)]]))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows
    return rows[0][column]


@pytest.mark.parametrize(("fatalities", "cell"), [(None, ""), (0, "0"), (4, "4")])
def test_csv_keeps_unknown_empty_and_zero_as_zero(fatalities: int | None, cell: str) -> None:
    assert _csv_cell(_item(fatalities), "fatalities") == cell


@pytest.mark.parametrize("fatalities", [None, 0, 4])
def test_geojson_keeps_unknown_null_and_zero_as_zero(fatalities: int | None) -> None:
    data = b"".join(writers.geojson_bytes([[records.feature(_item(fatalities, fatalities))]]))
    features = json.loads(data)["features"]
    assert features
    assert features[0]["properties"]["fatalities"] == fatalities
    assert features[0]["properties"]["injured"] == fatalities


@pytest.mark.parametrize("fatalities", [None, 0, 4])
def test_plover_keeps_unknown_null_and_zero_as_zero(fatalities: int | None) -> None:
    assert records.plover(_item(fatalities))["dead"] == fatalities


@pytest.mark.parametrize(("fatalities", "written"), [(None, 0), (0, 0), (4, 4)])
def test_acled_export_writes_an_integer_as_acled_does(fatalities: int | None, written: int) -> None:
    assert acled.row(_item(fatalities))["fatalities"] == written


def test_xlsx_keeps_unknown_blank_and_zero_as_zero(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "tolls.xlsx"
    path.write_bytes(b"".join(writers.xlsx_bytes(records.COLUMNS, [[records.flat(_item(None)),
                                                                    records.flat(_item(0))]])))
    rows = list(openpyxl.load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == 3
    at = rows[0].index("fatalities")
    assert rows[1][at] in (None, "") and rows[2][at] == 0
