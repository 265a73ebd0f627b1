"""Byte writers for each export format. Each takes an iterator of pages of rows and yields bytes as
it goes, so an export of any size runs in the memory of one page.

- CSV that Excel opens correctly: UTF-8 with a byte-order mark, CRLF line ends, every field quoted
  when needed, and a cell that Excel would read as a formula (=, +, -, @, tab, CR first) prefixed
  with an apostrophe — unless it is a plain number such as a negative longitude.
- GeoJSON (RFC 7946): one FeatureCollection, WGS 84 [longitude, latitude], no `crs` member.
- KML 2.2 (Google Earth, QGIS): one Placemark per placed incident, styled by verdict.
- XLSX: xlsxwriter in constant-memory mode (rows flushed as written, strings inline), formulas
  never made from text.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FIRST = frozenset(_FORMULA_START)
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
XLSX_MAX_ROWS = 1_048_576  # Excel's rows per sheet, the header included
XLSX_MAX_CELL = 32_767  # Excel's characters per cell
CHUNK = 1 << 16

Rows = Iterable[Sequence[dict[str, object]]]


def neutralise(cell: str) -> str:
    """A cell Excel or LibreOffice would run as a formula, made text; numbers are left as they are."""
    if cell[:1] in _FIRST:
        try:
            float(cell)
        except ValueError:
            return "'" + cell
    return cell


def unneutralise(cell: str) -> str:
    """The original text of a cell `neutralise` made safe (for reading Truce's own files back)."""
    if len(cell) > 1 and cell[0] == "'" and cell[1:].startswith(_FORMULA_START):
        try:
            float(cell[1:])
        except ValueError:
            return cell[1:]
    return cell


def _text(value: object) -> str:
    return "" if value is None else str(value)


def csv_bytes(columns: Sequence[str], pages: Rows) -> Iterator[bytes]:
    """CSV for Excel: BOM, CRLF, formula-like cells neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write(BOM)
    writer.writerow(columns)
    for page in pages:
        for record in page:
            writer.writerow([neutralise("" if (v := record.get(c)) is None else str(v)) for c in columns])
        yield buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def jsonl_bytes(pages: Iterable[Sequence[dict[str, Any]]]) -> Iterator[bytes]:
    """One JSON record a line (what the PLOVER manual recommends)."""
    for page in pages:
        yield "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in page).encode("utf-8")


def geojson_bytes(pages: Iterable[Sequence[dict[str, Any]]]) -> Iterator[bytes]:
    """An RFC 7946 FeatureCollection written feature by feature."""
    yield b'{"type": "FeatureCollection", "features": ['
    first = True
    for page in pages:
        parts = []
        for feature in page:
            parts.append(("\n" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
            first = False
        yield "".join(parts).encode("utf-8")
    yield b"\n]}\n"


# Icon colours by verdict, in KML's aabbggrr order.
_KML_STYLES = {"violation": "ff2020d0", "possible_violation": "ff1a8cf0", "not_a_violation": "ff808080",
               "out_of_scope": "ffc0c0c0", "unjudged": "ffa0a0a0"}


def _xml(value: object) -> str:
    return escape(_XML_BAD.sub("", _text(value)))


def kml_bytes(pages: Iterable[Sequence[dict[str, Any]]], title: str) -> Iterator[bytes]:
    """KML 2.2: pages of {"id", "name", "description", "begin", "end", "style", "lon", "lat", "data"}."""
    head = ['<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n',
            f"<name>{_xml(title)}</name>\n"]
    for style, colour in _KML_STYLES.items():
        head.append(f'<Style id="{style}"><IconStyle><color>{colour}</color><scale>1.1</scale></IconStyle></Style>\n')
    yield "".join(head).encode("utf-8")
    for page in pages:
        yield "".join(_placemark(p) for p in page).encode("utf-8")
    yield b"</Document>\n</kml>\n"


def _placemark(p: dict[str, Any]) -> str:
    span = ""
    if p.get("begin"):
        span = f"<TimeSpan><begin>{_xml(p['begin'])}</begin>" + (
            f"<end>{_xml(p['end'])}</end>" if p.get("end") else "") + "</TimeSpan>"
    data = "".join(f"<Data name={quoteattr(_XML_BAD.sub('', k))}><value>{_xml(v)}</value></Data>"
                   for k, v in p.get("data", {}).items())
    return (f"<Placemark id={quoteattr(p['id'])}><name>{_xml(p['name'])}</name>"
            f"<description>{_xml(p['description'])}</description>{span}"
            f"<styleUrl>#{p['style']}</styleUrl><ExtendedData>{data}</ExtendedData>"
            f"<Point><coordinates>{p['lon']:.6f},{p['lat']:.6f}</coordinates></Point></Placemark>\n")


def xlsx_bytes(columns: Sequence[str], pages: Rows, sheet: str = "incidents") -> Iterator[bytes]:
    """An XLSX workbook written row by row (constant memory), then streamed from a temporary file.
    Text stays text: no formula, URL or number is made from a string."""
    import xlsxwriter

    handle, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    try:
        book = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_formulas": False,
                                          "strings_to_urls": False, "strings_to_numbers": False,
                                          "tmpdir": os.path.dirname(path)})
        bold = book.add_format({"bold": True})
        count, ws = 0, None
        for page in pages:
            for record in page:
                if ws is None or count >= XLSX_MAX_ROWS:
                    ws = book.add_worksheet(sheet if ws is None else f"{sheet} {len(book.worksheets()) + 1}")
                    ws.write_row(0, 0, list(columns), bold)
                    ws.freeze_panes(1, 0)
                    count = 1
                ws.write_row(count, 0, [_cell(record.get(c)) for c in columns])
                count += 1
        if ws is None:
            book.add_worksheet(sheet).write_row(0, 0, list(columns), bold)
        book.close()
        with open(path, "rb") as f:
            while chunk := f.read(CHUNK):
                yield chunk
    finally:
        os.unlink(path)


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    text = str(value)
    return text if len(text) <= XLSX_MAX_CELL else text[:XLSX_MAX_CELL - 1] + "…"
