"""What fusion, adjudication and review make: incidents, their claims, verdicts and decisions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from truce.records.common import Timed, VerdictKind, iso, parse_datetime
from truce.records.text import PlaceRef


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
class Happening(Timed):
    """What identifies a happening: its id, PLOVER type and mode, time span and place. An
    `Incident` is one; fusion's incident under construction (`truce.fusion.cluster.Cluster`) too."""

    id: str
    type: str
    mode: str | None
    start: datetime | None
    end: datetime | None
    location: PlaceRef | None


@dataclass(slots=True)
class Incident(Happening):
    """One happening in the world, built from the events and observations of many reports."""

    actor_country: str | None
    recipient_country: str | None
    event_ids: list[str] = field(default_factory=list)
    observation_ids: list[str] = field(default_factory=list)
    report_ids: list[str] = field(default_factory=list)
    independent_sources: int = 0
    # Which independent origin each member report belongs to (report id -> origin key), as fusion
    # counted `independent_sources`: reprints of one story and one outlet's reports share a key.
    origins: dict[str, str] = field(default_factory=dict)
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
        return {"id": self.id, "type": self.type, "mode": self.mode, "start": iso(self.start),
                "end": iso(self.end), "location": self.location.to_dict() if self.location else None,
                "actor_country": self.actor_country, "recipient_country": self.recipient_country,
                "event_ids": list(self.event_ids), "observation_ids": list(self.observation_ids),
                "report_ids": list(self.report_ids), "independent_sources": self.independent_sources,
                "origins": dict(self.origins), "observation_count": self.observation_count,
                "claims": [c.to_dict() for c in self.claims], "fatalities": self.fatalities,
                "injured": self.injured, "weapons": list(self.weapons), "confidence": self.confidence,
                "summary": self.summary, "merged_into": self.merged_into, "parent": self.parent,
                "corrections": dict(self.corrections)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Incident:
        return cls(id=d["id"], type=d["type"], mode=d.get("mode"), start=parse_datetime(d.get("start")),
                   end=parse_datetime(d.get("end")), location=PlaceRef.from_dict(d.get("location")),
                   actor_country=d.get("actor_country"), recipient_country=d.get("recipient_country"),
                   event_ids=list(d.get("event_ids") or []),
                   observation_ids=list(d.get("observation_ids") or []),
                   report_ids=list(d.get("report_ids") or []),
                   independent_sources=int(d.get("independent_sources") or 0),
                   origins=dict(d.get("origins") or {}),
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
                "derived_at": iso(self.derived_at)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Verdict:
        return cls(incident_id=d["incident_id"], agreement_id=d["agreement_id"], verdict=d["verdict"],
                   clauses=list(d.get("clauses") or []), party=d.get("party", "unattributed"),
                   confidence=float(d.get("confidence", 0.5)), explanation=d.get("explanation", ""),
                   rules_version=d.get("rules_version", "truce.adjudicate.v1"),
                   agreement_version=d.get("agreement_version"),
                   derived_at=parse_datetime(d.get("derived_at")))


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
                "author": self.author, "reason": self.reason, "made_at": iso(self.made_at)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Decision:
        return cls(id=d.get("id") or "", kind=d["kind"], incident_id=d["incident_id"], item_id=d.get("item_id"),
                   other_incident_id=d.get("other_incident_id"), field=d.get("field"), value=d.get("value"),
                   author=d.get("author") or "", reason=d.get("reason") or "",
                   made_at=parse_datetime(d.get("made_at")))
