"""Imports and exports on both stores: a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from truce.publish.acled import COLUMNS
from truce.publish.export import FORMATS, stream
from truce.publish.imports import import_acled
from truce.publish.pages import Filters, day_end, day_start
from truce.store import open_store


def _acled_file(path: Path) -> list[list[str]]:
    rows = [list(COLUMNS)]
    for n in range(30):
        cells = {c: "" for c in COLUMNS}
        cells.update(event_id_cnty=f"AZE{9000 + n}", event_date=f"2023-09-{10 + n % 15:02d}", year="2023",
                     event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                     country="Azerbaijan", location=f"Village {n}", latitude=f"{39.5 + n / 100:.4f}",
                     longitude=f"{46.5 + n / 100:.4f}", fatalities=str(n % 3), timestamp=str(1695000000 + n),
                     notes="=1+1 is not a formula here" if n == 3 else f"Shelling of village {n}.")
        rows.append([cells[c] for c in COLUMNS])
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return rows


def test_import_then_export_on_each_store(store_url: str, tmp_path: Path) -> None:
    store = open_store(store_url)
    rows = _acled_file(tmp_path / "acled.csv")
    summary = import_acled(store, tmp_path / "acled.csv")
    assert (summary.added, summary.rejected) == (30, 0)
    out = b"".join(stream(store, "acled", source="imported")).decode("utf-8-sig")
    back = list(csv.reader(io.StringIO(out, newline="")))
    assert back[0] == rows[0] and len(back) == len(rows)
    notes = COLUMNS.index("notes")
    assert back[4][notes] == "'=1+1 is not a formula here"  # neutralised on the way out
    assert [r[:notes] for r in back] == [r[:notes] for r in rows]
    window = Filters(start=day_start(date(2023, 9, 12)), end=day_end(date(2023, 9, 13)))
    some = b"".join(stream(store, "acled", window, source="imported")).decode("utf-8-sig").splitlines()[1:]
    assert some and all(line.split(",")[1] in ("2023-09-12", "2023-09-13") for line in some)
    again = import_acled(store, tmp_path / "acled.csv")
    assert (again.added, again.unchanged) == (0, 30)
    store.close()


def test_every_format_of_an_empty_store(store_url: str) -> None:
    store = open_store(store_url)
    out = {f: b"".join(stream(store, f)) for f in FORMATS}
    assert json.loads(out["geojson"]) == {"type": "FeatureCollection", "features": []}
    assert ET.fromstring(out["kml"]).tag == "{http://www.opengis.net/kml/2.2}kml"
    assert out["csv"].startswith(b"\xef\xbb\xbfincident_id,") and out["plover"] == b""
    assert out["xlsx"][:2] == b"PK"
    store.close()
