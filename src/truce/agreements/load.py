"""Reading agreement files: YAML → validated `Agreement`, or one clear error per problem.

Every problem is a `TruceError` in E4xx naming the file, the line and the field path
(`clauses[1].binds[0]`). Codes:
E401 unreadable file · E402 not YAML / not a mapping · E403 field missing, unknown or of the wrong
type · E404 missing time zone · E405 unknown party · E406 invalid GeoJSON · E407 area name the
gazetteer lacks · E408 gazetteer unavailable · E409 duplicate id · E410 effective period ends before
it starts · E411 unknown line or clause referenced · E412 unknown event type · E413 no agreements.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from truce.agreements.geometry import buffer_km
from truce.agreements.schema import Agreement, parse_geojson
from truce.errors import TruceError
from truce.settings import get_settings

RegionResolver = Callable[[str], BaseGeometry | None]
Loc = Sequence[str | int]

_CODES = {"missing_time_zone": "E404", "invalid_geojson": "E406", "unknown_type": "E412"}
_HINTS = {
    "E403": "see docs/agreements.md for the fields an agreement takes",
    "E404": "write the offset (2023-09-20T13:00:00+04:00) or the zone (2023-09-20T13:00:00[Asia/Baku])",
    "E405": "use the id of a party listed under `parties`",
    "E406": "give a GeoJSON geometry with [longitude, latitude] pairs, rings closed, edges not crossing",
    "E407": "use a region the gazetteer knows (`truce places`), or draw the area under `area.shapes`",
    "E408": "build the gazetteer first, or draw the area under `area.shapes`",
    "E409": "give each party and clause its own id",
    "E410": "effective_until must come after effective_from",
    "E411": "refer to a line or clause by an id defined in this file",
    "E412": "use one of the 16 PLOVER types",
}


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps date-times as text, so a missing time zone is seen, not guessed."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def field_path(loc: Loc) -> str:
    """`('clauses', 1, 'binds', 0)` → `clauses[1].binds[0]`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _line(node: yaml.Node | None, loc: Loc) -> int | None:
    """1-based line of the deepest node on `loc` in the composed YAML (None if unknown)."""
    if node is None:
        return None
    line = node.start_mark.line + 1
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if getattr(k, "value", None) == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node, line = child, child.start_mark.line + 1
    return line


class _Problems:
    def __init__(self, path: str, root: yaml.Node | None) -> None:
        self.path = path
        self.root = root
        self.errors: list[TruceError] = []

    def add(self, code: str, loc: Loc, message: str) -> None:
        line = _line(self.root, loc)
        where = f"{self.path}:{line}" if line else self.path
        self.errors.append(TruceError(code, f"{field_path(loc)}: {message}", hint=_HINTS.get(code), where=where))


def _pydantic_message(err: Any) -> str:
    if err["type"] == "missing":
        return "required field is missing"
    if err["type"] == "extra_forbidden":
        return "unknown field"
    return str(err["msg"]).removeprefix("Value error, ")


def default_region_resolver(name: str) -> BaseGeometry | None:
    """Resolve a region name through the gazetteer (`truce.geo.resolve.region_geometry`)."""
    try:
        from truce.geo.resolve import region_geometry
    except ImportError as exc:
        raise TruceError("E408", f"the gazetteer is not available to resolve area '{name}' ({exc})",
                         hint=_HINTS["E408"]) from None
    return region_geometry(name)


def _cross_check(a: Agreement, problems: _Problems) -> None:
    party_ids = [p.id for p in a.parties]
    for i, pid in enumerate(party_ids):
        if pid in party_ids[:i]:
            problems.add("E409", ("parties", i, "id"), f"duplicate party id '{pid}'")
    clause_ids = [c.id for c in a.clauses]
    for i, cid in enumerate(clause_ids):
        if cid in clause_ids[:i]:
            problems.add("E409", ("clauses", i, "id"), f"duplicate clause id '{cid}'")
    line_ids = {line.id for line in a.lines}
    for i, clause in enumerate(a.clauses):
        for j, pid in enumerate(clause.binds):
            if pid not in party_ids:
                problems.add("E405", ("clauses", i, "binds", j),
                             f"unknown party '{pid}' (parties: {', '.join(party_ids)})")
        for j, act in enumerate(clause.prohibits):
            if act.zone is not None and act.zone.line not in line_ids:
                problems.add("E411", ("clauses", i, "prohibits", j, "zone", "line"),
                             f"unknown line '{act.zone.line}'")
    for i, exc in enumerate(a.exceptions):
        for j, cid in enumerate(exc.clauses):
            if cid not in clause_ids:
                problems.add("E411", ("exceptions", i, "clauses", j), f"unknown clause '{cid}'")
    if a.effective_until is not None and a.effective_until <= a.effective_from:
        problems.add("E410", ("effective_until",), "the agreement ends before it takes effect")
    if not a.area.regions and not a.area.shapes:
        problems.add("E403", ("area",), "an area needs `regions` or `shapes`")


def _attach_geometry(a: Agreement, problems: _Problems, resolve: RegionResolver) -> None:
    parts: list[BaseGeometry] = []
    for i, name in enumerate(a.area.regions):
        try:
            geom = resolve(name)
        except TruceError as err:
            problems.add(err.code, ("area", "regions", i), err.message)
            continue
        if geom is None:
            problems.add("E407", ("area", "regions", i), f"area name '{name}' is not in the gazetteer")
        else:
            parts.append(geom)
    for s in a.area.shapes:
        parts.append(buffer_km(parse_geojson(s.geometry), s.buffer_km))
    a._area = unary_union(parts) if parts else None
    a._lines = {line.id: buffer_km(parse_geojson(line.geometry), line.buffer_km) if line.buffer_km
                else parse_geojson(line.geometry) for line in a.lines}


def check_agreement_data(data: Any, where: str = "<agreement>", root: yaml.Node | None = None,
                         resolve_region: RegionResolver | None = None,
                         version: str | None = None) -> tuple[Agreement | None, list[TruceError]]:
    """Validate parsed agreement data; returns the agreement (None if invalid) and every problem."""
    problems = _Problems(where, root)
    if not isinstance(data, dict):
        problems.add("E402", (), "an agreement file must hold a YAML mapping (id, name, parties, ...)")
        return None, problems.errors
    try:
        agreement = Agreement.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            code = _CODES.get(err["type"], "E403")
            problems.add(code, err["loc"], _pydantic_message(err))
        return None, problems.errors
    _cross_check(agreement, problems)
    _attach_geometry(agreement, problems, resolve_region or default_region_resolver)
    if problems.errors:
        return None, problems.errors
    canonical = json.dumps(data, sort_keys=True, default=str)
    agreement._version = version or hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    agreement._source_text = canonical
    agreement._path = where
    return agreement, []


def check_agreement(path: str | Path, resolve_region: RegionResolver | None = None,
                    ) -> tuple[Agreement | None, list[TruceError]]:
    """Read and validate one agreement file; returns the agreement (None if invalid) and every problem."""
    where = str(path)
    try:
        raw = Path(path).read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [TruceError("E401", f"cannot read the agreement file: {exc}", where=where,
                                 hint="check the path and that the file is UTF-8 text")]
    try:
        root = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        loc = f"{where}:{mark.line + 1}" if mark is not None else where
        return None, [TruceError("E402", f"not valid YAML: {getattr(exc, 'problem', exc)}", where=loc,
                                 hint="fix the YAML syntax (indentation, colons, quotes)")]
    agreement, problems = check_agreement_data(data, where, root, resolve_region, hashlib.sha256(raw).hexdigest())
    if agreement is not None:
        agreement._source_text = text
    return agreement, problems


def load_agreement(path: str | Path, resolve_region: RegionResolver | None = None) -> Agreement:
    """The agreement in a YAML file. Raises the first problem found as a `TruceError` (E4xx)."""
    agreement, problems = check_agreement(path, resolve_region)
    if problems:
        raise problems[0]
    if agreement is None:  # check_agreement returns no agreement only with a problem to say why
        raise RuntimeError(f"{path}: no agreement and no problem reported")
    return agreement


def examples_dir() -> Path:
    """The folder of example agreements shipped with Truce."""
    return Path(str(resources.files("truce.agreements") / "examples"))


def agreement_files(directory: str | Path | None = None) -> list[Path]:
    """The agreement files (*.yaml, *.yml) of a folder, sorted by name."""
    folder = Path(directory) if directory is not None else (get_settings().agreements_dir or examples_dir())
    if not folder.is_dir():
        raise TruceError("E413", "agreements folder not found", where=str(folder),
                         hint="set TRUCE_AGREEMENTS_DIR to a folder of agreement YAML files")
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_agreements(directory: str | Path | None = None,
                    resolve_region: RegionResolver | None = None) -> list[Agreement]:
    """Every agreement in `directory` (default: settings.agreements_dir, else the shipped examples)."""
    files = agreement_files(directory)
    if not files:
        raise TruceError("E413", "no agreement files (*.yaml) in the folder", where=str(directory or ""),
                         hint="add an agreement file; see docs/agreements.md")
    agreements = [load_agreement(p, resolve_region) for p in files]
    seen: dict[str, str] = {}
    for a in agreements:
        if a.id in seen:
            raise TruceError("E409", f"id: agreement id '{a.id}' is also used by {seen[a.id]}",
                             where=a.path, hint="give each agreement its own id")
        seen[a.id] = a.path or ""
    return agreements
