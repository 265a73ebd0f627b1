"""Typed records shared by every stage of Truce.

Each stage reads and writes these records and nothing else: ingestion makes `Report` and
`Observation`, extraction makes `Event` (with `ActorRef`, `PlaceRef`, `DateRef`, `Evidence`), the
geoparser makes `PlaceMention`, the time normaliser `DateRef`, fusion `Incident`, adjudication
`Verdict`. `to_dict()` gives exactly the JSON contracts of DESIGN.md; `from_dict()` reads them back.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

ReportKind = Literal["news", "field", "sensor", "allegation"]
Status = Literal["asserted", "claimed", "denied"]
Aux = Literal["negation", "hypothetical", "future", "historical"]
Precision = Literal["point", "village", "city", "district", "region", "country"]
DatePrecision = Literal["day", "month", "year", "unknown"]
Usage = Literal["literal", "metonymy"]
VerdictKind = Literal["violation", "possible_violation", "not_a_violation", "out_of_scope"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def content_id(prefix: str, *parts: str) -> str:
    """A stable id: `prefix_` + the first 32 hex digits of sha256 over the parts."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:32]}"


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _parse_datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass(slots=True)
class ActorRef:
    """Who acts, is acted on, or speaks: the text as written and its normalised coding."""

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
    """One place name in a text, as `truce places` reports it (DESIGN.md, contracts)."""

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
        return {"text": self.text, "start": _iso(self.start), "end": _iso(self.end),
                "precision": self.precision}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None, span: list[int] | None = None) -> DateRef | None:
        if not d:
            return None
        return cls(d.get("text", ""), _parse_date(d.get("start")), _parse_date(d.get("end")),
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


@dataclass(slots=True)
class Event:
    """One event read from one report (DESIGN.md, 'Event JSON')."""

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
    acled: dict[str, str | None] = field(default_factory=lambda: {"event_type": None, "sub_event_type": None})
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
            "acled": dict(self.acled), "cameo_root": self.cameo_root,
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
            acled=dict(d.get("acled") or {"event_type": None, "sub_event_type": None}),
            cameo_root=d.get("cameo_root"),
            evidence=Evidence(ev["sentence"], ev["start"], ev["end"], dict(spans)) if ev else None,
            confidence=float(d.get("confidence", 0.5)),
            count=d.get("count"), observation=dict(d["observation"]) if d.get("observation") else None,
        )


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
                "published": _iso(self.published), "received": _iso(self.received),
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
                "observed_from": _iso(self.observed_from), "observed_until": _iso(self.observed_until),
                "observer": self.observer, "observer_lat": self.observer_lat,
                "observer_lon": self.observer_lon, "bearing_deg": self.bearing_deg,
                "distance_km": self.distance_km, "direction": self.direction, "count": self.count,
                "weapon": self.weapon, "location": self.location.to_dict() if self.location else None,
                "notes": self.notes, "source_name": self.source_name}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Observation:
        start = _parse_datetime(d["observed_from"])
        assert start is not None
        return cls(id=d["id"], report_id=d["report_id"], what=d["what"], how=d["how"], observed_from=start,
                   observed_until=_parse_datetime(d.get("observed_until")), observer=d.get("observer"),
                   observer_lat=d.get("observer_lat"), observer_lon=d.get("observer_lon"),
                   bearing_deg=d.get("bearing_deg"), distance_km=d.get("distance_km"),
                   direction=d.get("direction", "undetermined"), count=int(d.get("count") or 1),
                   weapon=d.get("weapon"), location=PlaceRef.from_dict(d.get("location")),
                   notes=d.get("notes"), source_name=d.get("source_name"))


@dataclass(slots=True)
class Claim:
    """What one party says about an incident: that it happened (and who did it), or that it did not."""

    party: str  # ISO3 country of the speaker, or a name when no country applies
    stance: Literal["claims", "denies"]
    event_id: str
    source_text: str | None = None
    accused: str | None = None  # ISO3 of the party the claim blames

    def to_dict(self) -> dict[str, Any]:
        return {"party": self.party, "stance": self.stance, "event_id": self.event_id,
                "source_text": self.source_text, "accused": self.accused}


@dataclass(slots=True)
class Incident:
    """One happening in the world, built from the events and observations of many reports."""

    id: str
    type: str
    mode: str | None
    start: datetime | None
    end: datetime | None
    location: PlaceRef | None
    actor_country: str | None
    recipient_country: str | None
    event_ids: list[str] = field(default_factory=list)
    observation_ids: list[str] = field(default_factory=list)
    report_ids: list[str] = field(default_factory=list)
    independent_sources: int = 0
    observation_count: int = 0  # explosions heard, shots counted... summed over observations
    claims: list[Claim] = field(default_factory=list)
    fatalities: int | None = None
    injured: int | None = None
    weapons: list[str] = field(default_factory=list)
    confidence: float = 0.5
    summary: str = ""
    # Stable identity (see docs/store.md): a tombstone names the incident it was merged into; an
    # incident split off another names its parent; `corrections` are the reviewers' overrides in
    # force ({field: value}, including "attribution"), applied over the machine's reading.
    merged_into: str | None = None
    parent: str | None = None
    corrections: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "mode": self.mode, "start": _iso(self.start),
                "end": _iso(self.end), "location": self.location.to_dict() if self.location else None,
                "actor_country": self.actor_country, "recipient_country": self.recipient_country,
                "event_ids": list(self.event_ids), "observation_ids": list(self.observation_ids),
                "report_ids": list(self.report_ids), "independent_sources": self.independent_sources,
                "observation_count": self.observation_count,
                "claims": [c.to_dict() for c in self.claims], "fatalities": self.fatalities,
                "injured": self.injured, "weapons": list(self.weapons), "confidence": self.confidence,
                "summary": self.summary, "merged_into": self.merged_into, "parent": self.parent,
                "corrections": dict(self.corrections)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Incident:
        return cls(id=d["id"], type=d["type"], mode=d.get("mode"), start=_parse_datetime(d.get("start")),
                   end=_parse_datetime(d.get("end")), location=PlaceRef.from_dict(d.get("location")),
                   actor_country=d.get("actor_country"), recipient_country=d.get("recipient_country"),
                   event_ids=list(d.get("event_ids") or []),
                   observation_ids=list(d.get("observation_ids") or []),
                   report_ids=list(d.get("report_ids") or []),
                   independent_sources=int(d.get("independent_sources") or 0),
                   observation_count=int(d.get("observation_count") or 0),
                   claims=[Claim(**c) for c in d.get("claims") or []], fatalities=d.get("fatalities"),
                   injured=d.get("injured"), weapons=list(d.get("weapons") or []),
                   confidence=float(d.get("confidence", 0.5)), summary=d.get("summary", ""),
                   merged_into=d.get("merged_into"), parent=d.get("parent"),
                   corrections=dict(d.get("corrections") or {}))


@dataclass(slots=True)
class Verdict:
    """An incident judged against one agreement, with the reasons a mission can defend."""

    incident_id: str
    agreement_id: str
    verdict: VerdictKind
    clauses: list[str] = field(default_factory=list)  # ids of the matched clauses
    party: str = "unattributed"  # ISO3 / party id the breach is attributed to
    confidence: float = 0.5
    explanation: str = ""
    rules_version: str = "truce.adjudicate.v1"
    agreement_version: str | None = None  # content hash of the agreement file it was judged against
    derived_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"incident_id": self.incident_id, "agreement_id": self.agreement_id,
                "verdict": self.verdict, "clauses": list(self.clauses), "party": self.party,
                "confidence": self.confidence, "explanation": self.explanation,
                "rules_version": self.rules_version, "agreement_version": self.agreement_version,
                "derived_at": _iso(self.derived_at)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Verdict:
        return cls(incident_id=d["incident_id"], agreement_id=d["agreement_id"], verdict=d["verdict"],
                   clauses=list(d.get("clauses") or []), party=d.get("party", "unattributed"),
                   confidence=float(d.get("confidence", 0.5)), explanation=d.get("explanation", ""),
                   rules_version=d.get("rules_version", "truce.adjudicate.v1"),
                   agreement_version=d.get("agreement_version"),
                   derived_at=_parse_datetime(d.get("derived_at")))


DecisionKind = Literal["include", "exclude", "merge", "split", "attribute", "correct"]
DECISION_KINDS: tuple[str, ...] = ("include", "exclude", "merge", "split", "attribute", "correct")
CORRECTABLE_FIELDS: tuple[str, ...] = ("type", "place", "date", "actor", "deaths")


@dataclass(slots=True)
class Decision:
    """A reviewer's word on machine output, stored apart from it and respected by every re-run.

    kinds: `include` (item `item_id` belongs to `incident_id`), `exclude` (it does not), `merge`
    (`other_incident_id` into `incident_id`), `split` (the item ids listed in `value` go to a new
    incident), `attribute` (`value` = party code or "unattributable"), `correct` (`field` one of
    type|place|date|actor|deaths, `value` the corrected value; a place is {"name", "lat", "lon"},
    a date "YYYY-MM-DD" or {"start", "end"}). `id` may be left empty: the store assigns one.
    """

    id: str
    kind: DecisionKind
    incident_id: str
    item_id: str | None = None
    other_incident_id: str | None = None
    field: str | None = None
    value: Any = None
    author: str = ""
    reason: str = ""
    made_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "incident_id": self.incident_id, "item_id": self.item_id,
                "other_incident_id": self.other_incident_id, "field": self.field, "value": self.value,
                "author": self.author, "reason": self.reason, "made_at": _iso(self.made_at)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Decision:
        return cls(id=d.get("id") or "", kind=d["kind"], incident_id=d["incident_id"], item_id=d.get("item_id"),
                   other_incident_id=d.get("other_incident_id"), field=d.get("field"), value=d.get("value"),
                   author=d.get("author") or "", reason=d.get("reason") or "",
                   made_at=_parse_datetime(d.get("made_at")))


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
        return content_id("st", report.id, report.source_name or "", report.url or "", _iso(report.published) or "")

    @classmethod
    def of(cls, report: Report) -> Sighting:
        return cls(cls.make_id(report), report.id, report.source_name, report.url, report.title,
                   report.published, report.received, report.raw, report.origin)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "report_id": self.report_id, "source_name": self.source_name, "url": self.url,
                "title": self.title, "published": _iso(self.published), "received": _iso(self.received),
                "origin": self.origin}
