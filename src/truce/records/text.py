"""What extraction reads from text: the event and its parts (actor, place, date, evidence)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from truce.records.common import Aux, DatePrecision, Precision, Status, Usage, iso, parse_date


@dataclass(frozen=True, slots=True)
class ActorRef:
    """Who acts, is acted on, or speaks: the text as written and its normalised coding.

    Frozen: one ActorRef is shared by events, drafts and the report context's memory of who was
    named, so a change for one event is a new record (`dataclasses.replace`), never an edit."""

    text: str
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # CAMEO/PLOVER agent code: GOV, MIL, REB, CIV, IGO, ...
    span: tuple[int, int] | None = None  # character offsets in the report text
    # A side under de-facto control (the authorities in Stepanakert 1991-2023, the Donetsk and
    # Luhansk "people's republics", Tskhinvali, Sukhumi, Tiraspol, Houthi-held Sanaa, Gaza's
    # authorities): `country` is the de-facto side's code (truce.extract.defacto) and `de_jure`
    # the ISO3 country whose territory it is. None for everyone else (and then not in the JSON).
    de_jure: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {"text": self.text, "name": self.name, "country": self.country, "sector": self.sector}
        if self.de_jure is not None:
            out["de_jure"] = self.de_jure
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None, span: list[int] | None = None) -> ActorRef | None:
        if not d:
            return None
        return cls(d.get("text", ""), d.get("name"), d.get("country"), d.get("sector"),
                   tuple(span) if span else None, d.get("de_jure"))  # type: ignore[arg-type]


@dataclass(slots=True)
class PlaceRef:
    """A resolved place: where an event happened or an observer stood."""

    text: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    geonameid: int | None = None
    precision: Precision | None = None
    span: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "lat": self.lat, "lon": self.lon,
                "country": self.country, "admin1": self.admin1, "geonameid": self.geonameid,
                "precision": self.precision}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None, span: list[int] | None = None) -> PlaceRef | None:
        if not d:
            return None
        return cls(d.get("text", ""), d.get("name"), d.get("lat"), d.get("lon"), d.get("country"),
                   d.get("admin1"), d.get("geonameid"), d.get("precision"),
                   tuple(span) if span else None)  # type: ignore[arg-type]


@dataclass(slots=True)
class PlaceMention:
    """One place name in a text, as `truce places` reports it (docs/architecture.md, 'Records')."""

    text: str
    start: int
    end: int
    name: str | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    geonameid: int | None
    precision: Precision | None
    usage: Usage
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "name": self.name,
                "lat": self.lat, "lon": self.lon, "country": self.country, "admin1": self.admin1,
                "geonameid": self.geonameid, "precision": self.precision, "usage": self.usage,
                "reason": self.reason}

    def to_place(self) -> PlaceRef:
        return PlaceRef(self.text, self.name, self.lat, self.lon, self.country, self.admin1,
                        self.geonameid, self.precision, (self.start, self.end))


@dataclass(slots=True)
class DateRef:
    """A date phrase normalised against the publication date.

    `start`/`end` bound the period the phrase names (equal for a single day). `precision` is the
    coarsest unit the phrase pins down; `unknown` when it cannot be anchored (no publication date
    for "on Monday", say), in which case `start` and `end` are None.
    """

    text: str
    start: date | None
    end: date | None
    precision: DatePrecision
    span: tuple[int, int] | None = None
    # "since the 1990s", "for decades": a background period, never the date of an event.
    background: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": iso(self.start), "end": iso(self.end),
                "precision": self.precision}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None, span: list[int] | None = None) -> DateRef | None:
        if not d:
            return None
        return cls(d.get("text", ""), parse_date(d.get("start")), parse_date(d.get("end")),
                   d.get("precision", "unknown"), tuple(span) if span else None)  # type: ignore[arg-type]


@dataclass(slots=True)
class Evidence:
    """The sentence an event came from and the span of every field read from text."""

    sentence: str
    start: int
    end: int
    spans: dict[str, list[int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end,
                "spans": {k: list(v) for k, v in self.spans.items()}}


@dataclass(frozen=True, slots=True)
class AcledTypes(Mapping[str, str | None]):
    """An event's ACLED event type and sub-event type (truce.extract.crosswalk, refined by the
    classifier); None when extraction has no reading. Stored and exported as the JSON object
    {"event_type", "sub_event_type"}, and readable like it (`acled["event_type"]`, `.get`), but
    never changed: a refined pair is a new record."""

    event_type: str | None = None
    sub_event_type: str | None = None

    def __getitem__(self, key: str) -> str | None:
        if key == "event_type":
            return self.event_type
        if key == "sub_event_type":
            return self.sub_event_type
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(("event_type", "sub_event_type"))

    def __len__(self) -> int:
        return 2

    def to_dict(self) -> dict[str, str | None]:
        return {"event_type": self.event_type, "sub_event_type": self.sub_event_type}

    @classmethod
    def from_dict(cls, d: Mapping[str, str | None] | None) -> AcledTypes:
        if not d:
            return cls()
        return cls(d.get("event_type"), d.get("sub_event_type"))


@dataclass(slots=True)
class Event:
    """One event read from one report (docs/architecture.md, 'Records')."""

    id: str
    report_id: str
    type: str  # one of PLOVER_TYPES
    mode: str | None = None
    aux: Aux | None = None
    status: Status = "asserted"
    actor: ActorRef | None = None
    recipient: ActorRef | None = None
    source: ActorRef | None = None
    location: PlaceRef | None = None
    date: DateRef | None = None
    fatalities: int | None = None
    injured: int | None = None
    weapons: list[str] = field(default_factory=list)
    acled: AcledTypes = field(default_factory=AcledTypes)
    cameo_root: str | None = None
    evidence: Evidence | None = None
    confidence: float = 0.5
    # A monitoring mission's observation read from prose (truce.extract.monitor): how many
    # explosions, bursts or violations the event stands for, and how they were observed (how,
    # direction, distance_km, bearing, weapon, aggregate for a regional tally). Absent otherwise,
    # and then left out of the JSON, so other events' JSON is unchanged.
    count: int | None = None
    observation: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if self.count is not None:
            extra["count"] = self.count
        if self.observation is not None:
            extra["observation"] = dict(self.observation)
        return {
            "id": self.id, "report_id": self.report_id, "type": self.type, "mode": self.mode,
            "aux": self.aux, "status": self.status,
            "actor": self.actor.to_dict() if self.actor else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "source": self.source.to_dict() if self.source else None,
            "location": self.location.to_dict() if self.location else None,
            "date": self.date.to_dict() if self.date else None,
            "fatalities": self.fatalities, "injured": self.injured, "weapons": list(self.weapons),
            "acled": self.acled.to_dict(), "cameo_root": self.cameo_root,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "confidence": self.confidence,
        } | extra

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        ev = d.get("evidence") or None
        spans = (ev or {}).get("spans", {})
        return cls(
            id=d["id"], report_id=d.get("report_id", ""), type=d["type"], mode=d.get("mode"),
            aux=d.get("aux"), status=d.get("status", "asserted"),
            actor=ActorRef.from_dict(d.get("actor"), spans.get("actor")),
            recipient=ActorRef.from_dict(d.get("recipient"), spans.get("recipient")),
            source=ActorRef.from_dict(d.get("source"), spans.get("source")),
            location=PlaceRef.from_dict(d.get("location"), spans.get("location")),
            date=DateRef.from_dict(d.get("date"), spans.get("date")),
            fatalities=d.get("fatalities"), injured=d.get("injured"), weapons=list(d.get("weapons") or []),
            acled=AcledTypes.from_dict(d.get("acled")),
            cameo_root=d.get("cameo_root"),
            evidence=Evidence(ev["sentence"], ev["start"], ev["end"], dict(spans)) if ev else None,
            confidence=float(d.get("confidence", 0.5)),
            count=d.get("count"), observation=dict(d["observation"]) if d.get("observation") else None,
        )
