"""The agreement schema: a ceasefire as data (documented field by field in docs/agreements.md).

Pydantic models check each field where it stands; `truce.agreements.load` then checks what spans
fields (party ids referenced by clauses, line ids referenced by zones, area names against the
gazetteer) and attaches the resolved geometry and the file's content hash.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, ClassVar, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator
from pydantic_core import PydanticCustomError
from shapely.errors import ShapelyError
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity

from truce.model import PLOVER_TYPES

Role = Literal["party", "guarantor", "mediator", "peacekeeper", "observer"]
_ZONED = re.compile(r"^(?P<stamp>[^\[\]]+?)(?:\[(?P<zone>[A-Za-z0-9_+\-/]+)\])?$")
_GEOJSON_TYPES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
                  "GeometryCollection"}


def parse_instant(value: Any) -> datetime:
    """An ISO 8601 date-time with an explicit zone: an offset (`+04:00`, `Z`), an IANA name in
    brackets (`2020-11-10T00:00:00[Europe/Moscow]`), or both. A naive time is refused."""
    if isinstance(value, datetime):
        stamp, zone = value, None
    else:
        match = _ZONED.match(str(value).strip())
        if not match:
            raise PydanticCustomError("bad_time", "'{value}' is not an ISO 8601 date-time", {"value": value})
        try:
            stamp = datetime.fromisoformat(match["stamp"].strip())
        except ValueError:
            raise PydanticCustomError("bad_time", "'{value}' is not an ISO 8601 date-time",
                                      {"value": value}) from None
        zone = match["zone"]
    if zone:
        try:
            tz = ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise PydanticCustomError("bad_time", "unknown time zone '{zone}'", {"zone": zone}) from None
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=tz)
        elif stamp.utcoffset() != stamp.replace(tzinfo=tz).utcoffset():
            raise PydanticCustomError("bad_time", "offset of '{value}' does not match zone {zone}",
                                      {"value": value, "zone": zone})
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise PydanticCustomError("missing_time_zone", "missing time zone in '{value}'", {"value": value})
    return stamp


def parse_geojson(value: Any, allowed: set[str] | None = None) -> BaseGeometry:
    """A valid shapely geometry from a GeoJSON geometry object (lon, lat order), or a clear error."""
    if not isinstance(value, dict) or value.get("type") not in _GEOJSON_TYPES:
        kind = value.get("type") if isinstance(value, dict) else type(value).__name__
        raise PydanticCustomError("invalid_geojson", "invalid GeoJSON: '{kind}' is not a geometry type",
                                  {"kind": kind})
    if allowed and value["type"] not in allowed:
        raise PydanticCustomError("invalid_geojson", "invalid GeoJSON: expected {allowed}, got {kind}",
                                  {"allowed": " or ".join(sorted(allowed)), "kind": value["type"]})
    try:
        geom = shape(value)
    except (ShapelyError, ValueError, TypeError, KeyError, IndexError) as exc:
        # shapely's own errors (GEOS, unknown types), and numpy's for coordinates of the wrong
        # shape or kind ("could not convert string to float", "'int' object is not iterable")
        raise PydanticCustomError("invalid_geojson", "invalid GeoJSON: {reason}", {"reason": str(exc)}) from None
    if geom.is_empty:
        raise PydanticCustomError("invalid_geojson", "invalid GeoJSON: empty geometry", {})
    minx, miny, maxx, maxy = geom.bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise PydanticCustomError("invalid_geojson",
                                  "invalid GeoJSON: coordinates out of range (write [longitude, latitude])", {})
    if not geom.is_valid:
        raise PydanticCustomError("invalid_geojson", "invalid GeoJSON: {reason}",
                                  {"reason": explain_validity(geom)})
    return geom


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Coding(_Strict):
    """An actor coding (as extraction writes it) that stands for a party: country and sector."""

    country: str = Field(pattern=r"^[A-Z]{3}$")
    sector: str | None = None


class Party(_Strict):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    country: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3")
    role: Role = "party"
    aliases: list[str] = Field(default_factory=list)
    codings: list[Coding] = Field(default_factory=list)


class Zone(_Strict):
    """Where a prohibition applies: within `within_km` of a line of contact (by line id)."""

    line: str
    within_km: float = Field(ge=0)


class ActPattern(_Strict):
    """Acts a clause prohibits or an exception allows. An empty list means 'any'."""

    types: list[str] = Field(default_factory=list)
    modes: list[str] = Field(default_factory=list)
    weapons: list[str] = Field(default_factory=list)
    zone: Zone | None = None
    keywords: list[str] = Field(default_factory=list)

    @field_validator("types")
    @classmethod
    def _plover(cls, types: list[str]) -> list[str]:
        for t in types:
            if t not in PLOVER_TYPES:
                raise PydanticCustomError("unknown_type", "'{t}' is not a PLOVER event type ({known})",
                                          {"t": t, "known": ", ".join(PLOVER_TYPES)})
        return types


class Clause(_Strict):
    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    text: str = ""
    binds: list[str] = Field(default_factory=list, description="party ids; empty: every party of role 'party'")
    prohibits: list[ActPattern] = Field(default_factory=list)


class Exception_(_Strict):
    """An act the agreement allows despite a prohibition, or a plea it expressly does not accept."""

    id: str = Field(min_length=1)
    text: str = ""
    effect: Literal["allows", "does_not_excuse"] = "allows"
    clauses: list[str] = Field(default_factory=list, description="clause ids; empty: all clauses")
    matches: list[ActPattern] = Field(default_factory=list)


class _Drawn(_Strict):
    """A GeoJSON geometry with a buffer, validated as one of the `kinds` of geometry (any: None)."""

    kinds: ClassVar[set[str] | None] = None
    geometry: dict[str, Any]
    buffer_km: float = Field(default=0.0, ge=0)

    @field_validator("geometry")
    @classmethod
    def _geojson(cls, value: dict[str, Any]) -> dict[str, Any]:
        parse_geojson(value, cls.kinds)
        return value


class Shape(_Drawn):
    name: str = ""


class Area(_Strict):
    regions: list[str] = Field(default_factory=list, description="names resolved through the gazetteer")
    shapes: list[Shape] = Field(default_factory=list)


class Line(_Drawn):
    kinds: ClassVar[set[str] | None] = {"LineString", "MultiLineString"}
    id: str = Field(min_length=1)
    name: str = ""


class Agreement(_Strict):
    """A ceasefire agreement, validated. Geometry, file and content hash are attached on load."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    name: str = Field(min_length=1)
    summary: str = ""
    source: str = ""
    time_zone: str | None = None
    effective_from: datetime
    effective_until: datetime | None = None
    parties: list[Party] = Field(min_length=1)
    area: Area
    lines: list[Line] = Field(default_factory=list)
    clauses: list[Clause] = Field(min_length=1)
    exceptions: list[Exception_] = Field(default_factory=list)

    _area: BaseGeometry | None = PrivateAttr(default=None)
    _lines: dict[str, BaseGeometry] = PrivateAttr(default_factory=dict)
    _version: str | None = PrivateAttr(default=None)
    _path: str | None = PrivateAttr(default=None)
    _source_text: str | None = PrivateAttr(default=None)

    @field_validator("effective_from", "effective_until", mode="before")
    @classmethod
    def _zoned(cls, value: Any) -> datetime | None:
        return None if value is None else parse_instant(value)

    @field_validator("time_zone")
    @classmethod
    def _zone_name(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError):
                raise PydanticCustomError("bad_time", "unknown time zone '{zone}'", {"zone": value}) from None
        return value

    @property
    def area_geometry(self) -> BaseGeometry | None:
        """The agreement's area (regions and shapes united), in lon/lat degrees."""
        return self._area

    @property
    def line_geometries(self) -> dict[str, BaseGeometry]:
        return dict(self._lines)

    @property
    def version(self) -> str | None:
        """sha256 of the file the agreement was read from (or of its canonical JSON)."""
        return self._version

    @property
    def path(self) -> str | None:
        return self._path

    @property
    def source_text(self) -> str | None:
        """The agreement file's text exactly as read (kept by the store beside its version)."""
        return self._source_text

    def party(self, party_id: str) -> Party | None:
        return next((p for p in self.parties if p.id == party_id), None)

    def bound_parties(self, clause: Clause) -> list[Party]:
        """The parties a clause binds."""
        if clause.binds:
            return [p for p in self.parties if p.id in clause.binds]
        return [p for p in self.parties if p.role == "party"]
