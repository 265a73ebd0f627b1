"""Typed records shared by every stage of Truce.

Each stage reads and writes these records and nothing else: ingestion makes `Report` and
`Observation`, extraction makes `Event` (with `ActorRef`, `PlaceRef`, `DateRef`, `Evidence`), the
geoparser makes `PlaceMention`, the time normaliser `DateRef`, fusion `Incident`, adjudication
`Verdict`. `to_dict()` gives exactly the JSON contracts of docs/architecture.md ('Records');
`from_dict()` reads them back.

The records live in `truce.records` by concern (`common`: vocabularies and ids; `text`: what is
read from text; `reports`: what comes in; `findings`: what fusion, adjudication and review make);
this module is their one public name: import them from here.
"""

from __future__ import annotations

from truce.records.common import (
    PLOVER_TYPES,
    Aux,
    DatePrecision,
    Precision,
    ReportKind,
    Status,
    Timed,
    Usage,
    VerdictKind,
    content_id,
)
from truce.records.findings import (
    CORRECTABLE_FIELDS,
    DECISION_KINDS,
    Claim,
    Decision,
    DecisionKind,
    Happening,
    Incident,
    Verdict,
)
from truce.records.reports import Direction, Observation, ObservationHow, ObservationWhat, Report, Sighting
from truce.records.text import AcledTypes, ActorRef, DateRef, Event, Evidence, PlaceMention, PlaceRef

__all__ = [
    "CORRECTABLE_FIELDS",
    "DECISION_KINDS",
    "PLOVER_TYPES",
    "AcledTypes",
    "ActorRef",
    "Aux",
    "Claim",
    "DatePrecision",
    "DateRef",
    "Decision",
    "DecisionKind",
    "Direction",
    "Event",
    "Evidence",
    "Happening",
    "Incident",
    "Observation",
    "ObservationHow",
    "ObservationWhat",
    "PlaceMention",
    "PlaceRef",
    "Precision",
    "Report",
    "ReportKind",
    "Sighting",
    "Status",
    "Timed",
    "Usage",
    "Verdict",
    "VerdictKind",
    "content_id",
]
