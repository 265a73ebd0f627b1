"""One incident in each export's shape: Truce's own flat row, a PLOVER record, a GeoJSON feature."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from truce.model import ActorRef
from truce.publish.pages import Item, outlets

# Truce's own columns (CSV and XLSX): everything a spreadsheet user filters on, one incident a row.
COLUMNS: tuple[str, ...] = (
    "incident_id", "start", "end", "type", "mode", "place", "latitude", "longitude", "country", "admin1",
    "precision", "actor_country", "recipient_country", "independent_sources", "reports", "observations",
    "observed_count", "fatalities", "injured", "weapons", "claims", "denials", "verdicts", "parties",
    "clauses", "confidence", "sources", "summary",
)  # fmt: skip

_QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
         "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3, "PROTEST": 4,
         "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
CODER = "truce"


def _iso(moment: Any) -> str:
    return moment.astimezone(UTC).isoformat() if moment else ""


def flat(item: Item) -> dict[str, object]:
    """Truce's own row for an incident (CSV, XLSX): one cell per field, lists joined by '; '."""
    inc = item.incident
    loc = inc.location
    claims = [c for c in inc.claims if c.stance == "claims"]
    denials = [c for c in inc.claims if c.stance == "denies"]
    return {
        "incident_id": inc.id, "start": _iso(inc.start), "end": _iso(inc.end), "type": inc.type,
        "mode": inc.mode or "", "place": (loc.name or loc.text) if loc else "",
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "country": (loc.country or "") if loc else "", "admin1": (loc.admin1 or "") if loc else "",
        "precision": (loc.precision or "") if loc else "",
        "actor_country": inc.actor_country or "", "recipient_country": inc.recipient_country or "",
        "independent_sources": inc.independent_sources, "reports": len(inc.report_ids),
        "observations": len(inc.observation_ids), "observed_count": inc.observation_count,
        "fatalities": "" if inc.fatalities is None else inc.fatalities,
        "injured": "" if inc.injured is None else inc.injured,
        "weapons": "; ".join(inc.weapons),
        "claims": "; ".join(sorted({c.party + (f" accuses {c.accused}" if c.accused else "") for c in claims})),
        "denials": "; ".join(sorted({c.party for c in denials})),
        "verdicts": "; ".join(f"{v.agreement_id}: {v.verdict}" for v in item.verdicts),
        "parties": "; ".join(f"{v.agreement_id}: {v.party}" for v in item.verdicts
                             if v.verdict in ("violation", "possible_violation")),
        "clauses": "; ".join(f"{v.agreement_id}: {', '.join(v.clauses)}" for v in item.verdicts if v.clauses),
        "confidence": round(inc.confidence, 3),
        "sources": "; ".join(outlets(item)),
        "summary": inc.summary,
    }


def _actor(ref: ActorRef | None, country: str | None) -> list[dict[str, Any]]:
    if ref is None and country is None:
        return []
    out: dict[str, Any] = {"code": (ref.country if ref else None) or country}
    if ref is not None:
        if ref.sector:
            out["sector"] = ref.sector
        if ref.text:
            out["actor_text"] = ref.text
    return [out]


def plover(item: Item) -> dict[str, Any]:
    """A PLOVER JSON record (PLOVER manual, 'JSON Data Fields') for an incident."""
    inc = item.incident
    ev = item.event
    record: dict[str, Any] = {
        "id": inc.id,
        "date": inc.start.astimezone(UTC).date().isoformat() if inc.start else None,
        "time": inc.start.astimezone(UTC).time().isoformat() if inc.start else None,
        "enddate": inc.end.astimezone(UTC).date().isoformat() if inc.end else None,
        "endtime": inc.end.astimezone(UTC).time().isoformat() if inc.end else None,
        "source": _actor(ev.actor if ev else None, inc.actor_country),
        "recipient": _actor(ev.recipient if ev else None, inc.recipient_country),
        "event": [inc.type],
        "mode": [inc.mode] if inc.mode else [],
        "context": [],
        "quad_code": _QUAD.get(inc.type),
        "dead": inc.fatalities, "injured": inc.injured,
        "event_text": [ev.evidence.sentence] if ev and ev.evidence else [],
        "coder": CODER,
        "comment": inc.summary,
        "verdicts": [{"agreement": v.agreement_id, "verdict": v.verdict, "clauses": v.clauses, "party": v.party,
                      "explanation": v.explanation} for v in item.verdicts],
        "independent_sources": inc.independent_sources,
        "cite_info": [{"publication": r.source_name, "url": r.url, "title": r.title, "language": r.language}
                      for r in item.reports],
    }
    loc = inc.location
    if loc is not None:
        record["event_loc"] = {"name": loc.name or loc.text, "latitude": loc.lat, "longitude": loc.lon,
                               "geonameid": loc.geonameid, "cc3": loc.country, "admin1 code": loc.admin1}
    return record


def feature(item: Item) -> dict[str, Any]:
    """A GeoJSON Feature (RFC 7946: [longitude, latitude], WGS 84); an unplaced incident has a
    null geometry, as the RFC allows, so every exported incident is in the file."""
    loc = item.incident.location
    geometry = None
    if loc is not None and loc.lat is not None and loc.lon is not None:
        geometry = {"type": "Point", "coordinates": [round(loc.lon, 6), round(loc.lat, 6)]}
    props = {k: v for k, v in flat(item).items() if k not in ("latitude", "longitude")}
    # JSON has a null: an unknown toll is null and a stated zero 0, where a CSV cell can only be empty
    props["fatalities"], props["injured"] = item.incident.fatalities, item.incident.injured
    return {"type": "Feature", "id": item.incident.id, "geometry": geometry, "properties": props}
