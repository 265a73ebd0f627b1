"""What comes in: a report as received, its sightings, and a monitor's structured observation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from truce.records.common import ReportKind, content_id, iso, parse_datetime
from truce.records.text import PlaceRef


@dataclass(slots=True)
class Report:
    """A report exactly as received. Immutable once stored; `id` is content-addressed."""

    id: str
    kind: ReportKind
    text: str
    title: str | None = None
    url: str | None = None
    published: datetime | None = None  # unknown stays None, never the ingestion time
    received: datetime | None = None
    source_name: str | None = None
    language: str | None = None  # ISO 639-1, or None when undetermined
    raw: str | None = None  # the payload as received (decoded), kept verbatim
    origin: str | None = None  # file[:line] or URL it came from
    # Filled by the store when it reads a report back (never part of the report's identity): the
    # near-duplicate group of its text, and every outlet that carried it (its sightings).
    dup_key: str | None = None
    outlets: tuple[str, ...] = ()

    @staticmethod
    def make_id(kind: str, text: str) -> str:
        """sha256 of source kind + normalised text (whitespace collapsed)."""
        return content_id("rp", kind, " ".join(text.split()))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "title": self.title, "text": self.text, "url": self.url,
                "published": iso(self.published), "received": iso(self.received),
                "source_name": self.source_name, "language": self.language, "origin": self.origin}


ObservationWhat = Literal["explosion", "small-arms", "heavy-weapon-seen", "uav", "movement-restriction",
                          "movement", "other"]
ObservationHow = Literal["heard", "seen", "camera", "uav", "acoustic", "radar", "other"]
Direction = Literal["incoming", "outgoing", "undetermined"]


@dataclass(slots=True)
class Observation:
    """A field or sensor sighting (OSCE style), kept apart from claims made in the news."""

    id: str
    report_id: str
    what: ObservationWhat
    how: ObservationHow
    observed_from: datetime  # timezone-aware
    observed_until: datetime | None = None
    observer: str | None = None  # team, patrol or sensor id
    observer_lat: float | None = None
    observer_lon: float | None = None
    bearing_deg: float | None = None
    distance_km: float | None = None
    direction: Direction = "undetermined"
    count: int = 1
    weapon: str | None = None  # weapon class when identified (artillery, mortar, mlrs, small-arms, ...)
    location: PlaceRef | None = None  # estimated impact or activity point when known
    notes: str | None = None
    source_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "report_id": self.report_id, "what": self.what, "how": self.how,
                "observed_from": iso(self.observed_from), "observed_until": iso(self.observed_until),
                "observer": self.observer, "observer_lat": self.observer_lat,
                "observer_lon": self.observer_lon, "bearing_deg": self.bearing_deg,
                "distance_km": self.distance_km, "direction": self.direction, "count": self.count,
                "weapon": self.weapon, "location": self.location.to_dict() if self.location else None,
                "notes": self.notes, "source_name": self.source_name}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Observation:
        start = parse_datetime(d["observed_from"])
        if start is None:  # every stored observation has a time: one without is corrupt data
            raise ValueError(f"observation {d.get('id')!r} has no observed_from time")
        return cls(id=d["id"], report_id=d["report_id"], what=d["what"], how=d["how"], observed_from=start,
                   observed_until=parse_datetime(d.get("observed_until")), observer=d.get("observer"),
                   observer_lat=d.get("observer_lat"), observer_lon=d.get("observer_lon"),
                   bearing_deg=d.get("bearing_deg"), distance_km=d.get("distance_km"),
                   direction=d.get("direction", "undetermined"), count=int(d.get("count") or 1),
                   weapon=d.get("weapon"), location=PlaceRef.from_dict(d.get("location")),
                   notes=d.get("notes"), source_name=d.get("source_name"))


@dataclass(slots=True)
class Sighting:
    """One outlet's copy of a report: a text is stored once, every outlet that carried it is kept."""

    id: str
    report_id: str
    source_name: str | None = None
    url: str | None = None
    title: str | None = None
    published: datetime | None = None
    received: datetime | None = None
    raw: str | None = None
    origin: str | None = None

    @staticmethod
    def make_id(report: Report) -> str:
        """One sighting per report × outlet × URL × publication time (re-ingesting adds none)."""
        return content_id("st", report.id, report.source_name or "", report.url or "", iso(report.published) or "")

    @classmethod
    def of(cls, report: Report) -> Sighting:
        return cls(cls.make_id(report), report.id, report.source_name, report.url, report.title,
                   report.published, report.received, report.raw, report.origin)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "report_id": self.report_id, "source_name": self.source_name, "url": self.url,
                "title": self.title, "published": iso(self.published), "received": iso(self.received),
                "origin": self.origin}
