"""Exports: `stream(store, format, filters)` yields the bytes of an export as it reads the store.

Formats: `csv` (Truce's columns), `acled` (ACLED's columns, CSV), `plover` (PLOVER JSON Lines),
`geojson` (RFC 7946), `kml` (KML 2.2), `xlsx` (Truce's columns). Memory stays that of one page of
incidents whatever the size of the store: pages come from the store's keyset pagination and each
is written out before the next is read. `source="imported"` exports the ACLED events that
`truce import` stored instead of Truce's own incidents (ACLED and CSV formats).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from truce.errors import InputRejected
from truce.publish import acled, records, writers
from truce.publish.pages import Filters, Item, check_filters, pages
from truce.store import Store

FORMATS: dict[str, tuple[str, str]] = {  # format -> (media type, file extension)
    "csv": ("text/csv; charset=utf-8", "csv"),
    "acled": ("text/csv; charset=utf-8", "csv"),
    "plover": ("application/x-ndjson", "jsonl"),
    "geojson": ("application/geo+json", "geojson"),
    "kml": ("application/vnd.google-earth.kml+xml", "kml"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}
SOURCES = ("truce", "imported")


def stream(store: Store, format: str, filters: Filters | None = None, *, source: str = "truce") -> Iterator[bytes]:
    """The export in `format` of the incidents `filters` keep, as a sequence of byte chunks."""
    if format not in FORMATS:
        raise InputRejected("E706", f"export format '{format}' is unknown",
                            hint=f"use one of {', '.join(FORMATS)}", where="--format")
    filters = check_filters(filters or Filters())
    if source == "imported":
        return _imported(store, format, filters)
    if source != "truce":
        raise InputRejected("E707", f"export source '{source}' is unknown", hint="use truce or imported",
                            where="--source")
    items = pages(store, filters, events=format in ("acled", "plover"))
    if format == "csv":
        return writers.csv_bytes(records.COLUMNS, ([records.flat(i) for i in page] for page in items))
    if format == "xlsx":
        return writers.xlsx_bytes(records.COLUMNS, ([records.flat(i) for i in page] for page in items))
    if format == "acled":
        return writers.csv_bytes(acled.COLUMNS, ([acled.row(i) for i in page] for page in items))
    if format == "plover":
        return writers.jsonl_bytes([records.plover(i) for i in page] for page in items)
    if format == "geojson":
        return writers.geojson_bytes([records.feature(i) for i in page] for page in items)
    return writers.kml_bytes(([p for i in page if (p := placemark(i))] for page in items), "Truce incidents")


def _imported(store: Store, format: str, filters: Filters) -> Iterator[bytes]:
    from truce.publish.imports import imported_pages

    if format not in ("acled", "csv"):
        raise InputRejected("E708", f"imported ACLED events export as acled or csv, not {format}",
                            hint="use --format acled", where="--format")
    return writers.csv_bytes(acled.COLUMNS, imported_pages(store, filters))


def worst(item: Item) -> str:
    """The gravest current verdict of an incident (what its map marker shows)."""
    order = ("violation", "possible_violation", "not_a_violation", "out_of_scope")
    found = {v.verdict for v in item.verdicts}
    return next((v for v in order if v in found), "unjudged")


def placemark(item: Item) -> dict[str, Any] | None:
    """What a KML Placemark shows of an incident; None when it has no coordinates."""
    inc = item.incident
    loc = inc.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    verdicts = "; ".join(f"{v.agreement_id}: {v.verdict}" for v in item.verdicts)
    place = loc.name or loc.text or ""
    what = inc.type + (f"/{inc.mode}" if inc.mode else "")
    return {"id": inc.id, "name": f"{what} near {place}" if place else what,
            "description": inc.summary + (f"\nVerdicts: {verdicts}" if verdicts else ""),
            "begin": inc.start.isoformat() if inc.start else None, "end": inc.end.isoformat() if inc.end else None,
            "style": worst(item), "lon": loc.lon, "lat": loc.lat,
            "data": {k: v for k, v in records.flat(item).items() if k not in ("summary", "latitude", "longitude")}}


def filename(format: str, stem: str = "truce-incidents") -> str:
    """A download name for an export (what the console's links offer)."""
    return f"{stem}.{FORMATS[format][1]}"
