"""The reviewers' corrections and attribution laid over the machine's reading of an incident.

Applied whenever an incident is written again (a chunk of fusion, a rebuild, a decision), so a
correction in force survives every later run; see `truce.fusion.decisions`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from truce.model import Decision, Incident, PlaceRef


def correct(incident: Incident, decisions: Sequence[Decision]) -> Incident:
    """The incident with the reviewers' corrections and attribution (latest decision wins)."""
    corrections: dict[str, Any] = {}
    for d in decisions:
        if d.kind == "correct" and d.field:
            corrections[d.field] = d.value
        elif d.kind == "attribute":
            corrections["attribution"] = d.value
    incident.corrections = corrections
    for name, value in corrections.items():
        _override(incident, name, value)
    return incident


def _override(incident: Incident, name: str, value: Any) -> None:
    if name == "type" and isinstance(value, str):
        incident.type = value.upper()
    elif name == "actor":
        incident.actor_country = value or None
    elif name == "deaths":
        incident.fatalities = int(value) if value is not None else None
    elif name == "place" and isinstance(value, dict):
        incident.location = PlaceRef(text=str(value.get("name") or ""), name=value.get("name"),
                                     lat=_float(value.get("lat")), lon=_float(value.get("lon")),
                                     country=value.get("country"), precision=value.get("precision") or "point")
    elif name == "date":
        first, last = (value.get("start"), value.get("end")) if isinstance(value, dict) else (value, value)
        incident.start, incident.end = _moment(first, start=True), _moment(last or first, start=False)


def _float(value: Any) -> float | None:
    return float(value) if value is not None else None


def _moment(value: Any, *, start: bool) -> datetime | None:
    """A corrected date or date-time; a date alone is that whole day (UTC)."""
    if not value:
        return None
    text = str(value)
    if len(text) == 10:
        day = date.fromisoformat(text)
        moment = datetime.combine(day, time(0, 0), tzinfo=UTC)
        return moment if start else moment + timedelta(days=1, seconds=-1)
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
