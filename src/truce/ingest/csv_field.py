"""Field reports as CSV (KoboToolbox / ODK exports), read through a YAML column map.

The default map ships as `kobo_columns.yaml`; a custom map (`column_map=`, TRUCE_COLUMN_MAP) only
needs the fields it changes: its `columns` entries replace the default's for those fields, its
`ignore` and `values` add to the default's, its `timezone` and `kind` override.

Each row is one observation; a bad row is one Rejection and the other rows still load. Columns the
map does not know are reported once per file, as a notice on the first row that loads.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import tzinfo
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from truce.errors import ConfigError, InputRejected
from truce.ingest.dates import parse_zone
from truce.ingest.items import (
    E_COLUMN_MAP,
    E_CSV,
    E_CSV_COLUMNS,
    E_CSV_MISSING_COLUMN,
    E_CSV_UNKNOWN_COLUMNS,
    E_EMPTY,
    E_TOO_LARGE,
    Notice,
    ParsedItem,
    Rejection,
)
from truce.ingest.lines import LongLine
from truce.ingest.observations import (
    DIRECTION_VALUES,
    HOW_VALUES,
    OBSERVATION_FIELDS,
    REQUIRED_FIELDS,
    WHAT_VALUES,
    ValueRules,
    describe,
    read_observation,
)
from truce.ingest.reports import make_item
from truce.model import ReportKind

MAP_FIELDS = (*OBSERVATION_FIELDS, "time", "tz")
MAX_CSV_COLUMNS = 5_000  # a KoboToolbox export of a large form has a few hundred
MAP_KEYS = ("version", "timezone", "kind", "columns", "ignore", "values")
_VOCABULARIES = {"what": WHAT_VALUES, "how": HOW_VALUES, "direction": DIRECTION_VALUES}


@dataclass(slots=True)
class ColumnMap:
    """Which header names feed which observation field, and how loosely values are read."""

    columns: dict[str, list[str]]  # field -> accepted header names, lower-case, preferred first
    ignore: set[str] = field(default_factory=set)
    rules: ValueRules = field(default_factory=ValueRules)
    kind: ReportKind = "field"
    source: str = "kobo_columns.yaml"

    def assign(self, headers: list[str]) -> tuple[dict[str, list[int]], list[str]]:
        """(field -> column indexes in preference order, headers the map does not know)."""
        by_name = {name: (fld, rank) for fld, names in self.columns.items() for rank, name in enumerate(names)}
        found: dict[str, list[tuple[int, int]]] = {}
        unknown: list[str] = []
        for index, header in enumerate(headers):
            full = header.strip().lower()
            short = full.rsplit("/", 1)[-1]
            match = by_name.get(full) or by_name.get(short)
            if match:
                found.setdefault(match[0], []).append((match[1], index))
            elif full and full not in self.ignore and short not in self.ignore:
                unknown.append(header.strip())
        return {fld: [i for _, i in sorted(pairs)] for fld, pairs in found.items()}, unknown


def load_column_map(path: Path | None = None) -> ColumnMap:
    """The default Kobo map, overlaid with the map at `path` when given; ConfigError when invalid."""
    default_text = resources.files("truce.ingest").joinpath("kobo_columns.yaml").read_text("utf-8")
    column_map = _apply(ColumnMap(columns={}), _load_yaml(default_text, "kobo_columns.yaml"), "kobo_columns.yaml")
    if path is None:
        return column_map
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(E_COLUMN_MAP, f"cannot read the column map: {err}",
                          hint="give the path of a UTF-8 YAML file", where=str(path)) from None
    column_map = _apply(column_map, _load_yaml(text, str(path)), str(path))
    column_map.source = str(path)
    return column_map


def parse_csv(lines: Iterable[str | LongLine], where: str, *, column_map: ColumnMap, kind: ReportKind | None,
              max_bytes: int, delimiter: str | None = None) -> Iterator[ParsedItem | Rejection]:
    """Observations from CSV lines (header first); one item or Rejection per data row."""
    rows = _Rows(lines)
    header = _read_header(rows, where, column_map, max_bytes, delimiter)
    if isinstance(header, Rejection):
        yield header
        return
    headers, assigned, delimiter, pending = header
    item_kind: ReportKind = kind if kind in ("field", "sensor") else column_map.kind
    rows.captured.clear()
    # A long `notes` cell must not stop the file: let a cell be as large as a whole report.
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    reader = csv.reader(rows.source, delimiter=delimiter)
    count = 0
    row_number = 1  # spreadsheet numbering: the header is row 1
    while True:
        row_number += 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            yield Rejection(f"{where}:row {row_number}", f"the CSV cannot be read past here: {err}",
                            "fix the quoting of that row", E_CSV)
            return
        raw = "".join(rows.captured).rstrip("\r\n")
        rows.captured.clear()
        row_where = f"{where}:row {row_number}"
        if rows.long_line is not None or len(raw.encode("utf-8", "surrogatepass")) > max_bytes:
            rows.long_line = None
            count += 1
            yield Rejection(row_where, f"row is larger than {max_bytes} bytes",
                            "shorten it, or raise TRUCE_MAX_REPORT_BYTES", E_TOO_LARGE)
            continue
        if not any(cell.strip() for cell in cells):
            continue
        count += 1
        if len(cells) > len(headers):
            yield Rejection(row_where, f"row has {len(cells)} values but the header has {len(headers)} columns",
                            "check the row's quoting and delimiters", E_CSV)
            continue
        try:
            item = _read_row(cells, assigned, raw, row_where, column_map, item_kind)
        except InputRejected as err:
            yield Rejection.from_error(err, row_where)
            continue
        item.notices[:0], pending = pending, []
        yield item
    if count == 0:
        yield Rejection(where, "the CSV file has a header but no rows", "export it again with its data", E_EMPTY)


def _read_header(rows: _Rows, where: str, column_map: ColumnMap, max_bytes: int, delimiter: str | None,
                 ) -> tuple[list[str], dict[str, list[int]], str, list[Notice]] | Rejection:
    """(headers, field -> column indexes, delimiter, notices for the first row), or why not."""
    header_line = next(rows.source, None)
    if rows.long_line is not None:
        return Rejection(f"{where}:row 1", f"the header line is larger than {max_bytes} bytes",
                         "check that this is a field-report export", E_TOO_LARGE)
    if header_line is None or not header_line.strip():
        return Rejection(where, "the CSV file has no header line", "export it with column headers", E_EMPTY)
    delimiter = delimiter or max((",", ";", "\t"), key=header_line.count)
    headers = next(csv.reader([header_line], delimiter=delimiter))
    if len(headers) > MAX_CSV_COLUMNS:
        return Rejection(f"{where}:row 1", f"the header has {len(headers)} columns, more than the "
                         f"{MAX_CSV_COLUMNS} Truce reads", "check the delimiter, and export the field-report "
                         "form's columns only", E_CSV_COLUMNS)
    assigned, unknown = column_map.assign(headers)
    missing = [name for name in REQUIRED_FIELDS if name not in assigned]
    if missing:
        also = f"; columns it does not know: {_some(unknown)}" if unknown else ""
        return Rejection(f"{where}:row 1", f"no column for {', '.join(missing)}{also}",
                         f"name the columns as in {column_map.source}, or map yours with a custom column map "
                         "(truce ingest --column-map)", E_CSV_MISSING_COLUMN)
    pending: list[Notice] = []
    if unknown:
        pending.append(Notice(where, f"columns not in the column map, ignored: {_some(unknown)}",
                              "add them to the column map's `columns` or `ignore` list", E_CSV_UNKNOWN_COLUMNS))
    return headers, assigned, delimiter, pending


class _Rows:
    """The CSV's lines as the csv module reads them, each row's text kept so `raw` is verbatim.

    An over-long line reaches the csv module as an empty line (so a quoted cell around it still
    ends where it ends) and marks its row, which is then rejected whole.
    """

    def __init__(self, lines: Iterable[str | LongLine]) -> None:
        self.lines = lines
        self.captured: list[str] = []
        self.long_line: LongLine | None = None
        self.source = self._capture()

    def _capture(self) -> Iterator[str]:
        for line in self.lines:
            if isinstance(line, LongLine):
                self.long_line = line
                yield "\n"
                continue
            self.captured.append(line)
            yield line


def _some(names: list[str], shown: int = 20) -> str:
    """Names for one message line: the first `shown`, then how many more."""
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def _read_row(cells: list[str], assigned: dict[str, list[int]], raw: str, where: str,
              column_map: ColumnMap, kind: ReportKind) -> ParsedItem:
    values: dict[str, str] = {}
    for name, indexes in assigned.items():
        value = next((cells[i].strip() for i in indexes if i < len(cells) and cells[i].strip()), "")
        if value:
            values[name] = value
    zone: tzinfo | None = parse_zone(values["tz"], where) if "tz" in values else None
    start = values.get("observed_at", "")
    if "time" in values and start and "T" not in start and ":" not in start:
        values["observed_at"] = f"{start[:10]}T{values['time']}"
    observation = read_observation(values, where, rules=column_map.rules, zone=zone)
    return make_item(kind=kind, text=describe(observation, sensor=kind == "sensor"), raw=raw, where=where,
                     source_name=observation.observer, language="en", observations=[observation])


def _load_yaml(text: str, where: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise ConfigError(E_COLUMN_MAP, f"the column map is not valid YAML: {err}",
                          hint="fix the YAML (see docs/ingest.md)", where=where) from None
    if not isinstance(data, dict):
        raise ConfigError(E_COLUMN_MAP, "the column map must be a YAML mapping",
                          hint="start from kobo_columns.yaml (see docs/ingest.md)", where=where)
    unknown = [str(k) for k in data if k not in MAP_KEYS]
    if unknown:
        raise ConfigError(E_COLUMN_MAP, f"unknown key(s) {', '.join(unknown)}",
                          hint=f"a column map has only {', '.join(MAP_KEYS)}", where=where)
    return data


def _apply(base: ColumnMap, data: dict[str, Any], where: str) -> ColumnMap:
    """`base` overlaid with a parsed map: columns replaced per field, ignore/values extended."""
    columns = {k: list(v) for k, v in base.columns.items()}
    given = data.get("columns") or {}
    if not isinstance(given, dict):
        raise ConfigError(E_COLUMN_MAP, "`columns` must map field names to lists of header names",
                          hint="write e.g. `columns: {observed_at: [time_of_event]}`", where=where)
    for name, headers in given.items():
        if name not in MAP_FIELDS:
            raise ConfigError(E_COLUMN_MAP, f"`columns` names an unknown field {name!r}",
                              hint=f"fields are: {', '.join(MAP_FIELDS)}", where=where)
        if isinstance(headers, str):
            headers = [headers]
        if not isinstance(headers, list) or not all(isinstance(h, str) and h.strip() for h in headers):
            raise ConfigError(E_COLUMN_MAP, f"`columns: {name}` must be a list of header names",
                              hint=f"write e.g. `{name}: [{name}, other_name]`", where=where)
        names = [h.strip().lower() for h in headers]
        # A header the map gives to this field is taken away from any other field that listed it.
        for other in columns:
            columns[other] = [h for h in columns[other] if h not in names]
        columns[str(name)] = names
    ignore = set(base.ignore)
    extra = data.get("ignore") or []
    if not isinstance(extra, list):
        raise ConfigError(E_COLUMN_MAP, "`ignore` must be a list of header names", hint="write `ignore: [a, b]`",
                          where=where)
    ignore.update(str(h).strip().lower() for h in extra)
    synonyms = {k: dict(v) for k, v in base.rules.synonyms.items()}
    given_values = data.get("values") or {}
    if not isinstance(given_values, dict):
        raise ConfigError(E_COLUMN_MAP, "`values` must be a mapping", hint="write e.g. "
                          "`values: {what: {shelling: explosion}}`", where=where)
    for name, mapping in given_values.items():
        allowed = _VOCABULARIES.get(name)
        if allowed is None or not isinstance(mapping, dict):
            raise ConfigError(E_COLUMN_MAP, f"`values: {name}` is not a mapping for what, how or direction",
                              hint="write e.g. `values: {what: {shelling: explosion}}`", where=where)
        for written, canonical in mapping.items():
            if canonical not in allowed:
                raise ConfigError(E_COLUMN_MAP, f"`values: {name}: {written}` maps to {canonical!r}",
                                  hint=f"map to one of: {', '.join(allowed)}", where=where)
            key = "-".join(str(written).lower().replace("_", " ").split())
            synonyms.setdefault(name, {})[key] = canonical
    zone = base.rules.default_zone
    if "timezone" in data and data["timezone"] is not None:
        try:
            zone = parse_zone(str(data["timezone"]), where, "timezone")
        except InputRejected as err:
            raise ConfigError(E_COLUMN_MAP, err.message, hint=err.hint, where=where) from None
    kind = data.get("kind") or base.kind
    if kind not in ("field", "sensor"):
        raise ConfigError(E_COLUMN_MAP, f"kind {kind!r} is not field or sensor", hint="write `kind: field`",
                          where=where)
    return ColumnMap(columns=columns, ignore=ignore, rules=ValueRules(synonyms=synonyms, default_zone=zone),
                     kind=kind, source=base.source)
