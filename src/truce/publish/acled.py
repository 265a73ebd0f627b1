"""Truce incidents in ACLED's column set (ACLED codebook, 2023 columns).

One row per live incident. `event_id_cnty` is ACLED-style — the country's ISO3 code then a
number — and the number is derived from the stable incident id, so the same incident keeps its
number in every export. Actors are named and typed from the incident's main event (country and
CAMEO sector); event and sub-event types come from the crosswalk extraction uses.
"""

from __future__ import annotations

from datetime import UTC, datetime

from truce.extract.crosswalk import acled as acled_types
from truce.model import ActorRef, Incident
from truce.publish.outlines import countries, country_at
from truce.publish.pages import Item, outlets

COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

# ACLED's 'inter' codes by CAMEO/PLOVER sector: 1 state forces, 2 rebel groups, 3 political
# militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
_INTER = {"MIL": 1, "GOV": 1, "COP": 1, "SPY": 1, "JUD": 1, "REB": 2, "UAF": 3, "IMG": 3, "OPP": 6,
          "CIV": 7, "MED": 7, "REL": 7, "EDU": 7, "NGO": 7, "HLH": 7, "REF": 7, "LAB": 7, "BUS": 7,
          "IGO": 8, "PKO": 8}
_FORCE = {"MIL": "Military Forces of {c}", "GOV": "Government of {c}", "COP": "Police Forces of {c}",
          "SPY": "Intelligence Services of {c}", "JUD": "Judiciary of {c}", "REB": "Rebel Forces ({c})",
          "UAF": "Unidentified Armed Group ({c})", "CIV": "Civilians ({c})", "OPP": "Protesters ({c})",
          "IGO": "International Organisation ({c})"}
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Riots": "Political violence; Demonstrations",
             "Protests": "Demonstrations", "Strategic developments": "Strategic developments"}
_GEO_PRECISION = {"point": 1, "village": 1, "city": 1, "district": 2, "region": 3, "country": 3}
_CIVILIAN = {"CIV", "MED", "REL", "EDU", "NGO", "HLH", "REF"}


def event_id(incident: Incident, iso3: str | None) -> str:
    """ACLED-style id: ISO3 + a number from the stable incident id (15 hex digits: no two of a
    million incidents share one but with odds of about one in two million)."""
    digits = incident.id.split("_", 1)[-1][:15]
    return f"{iso3 or 'XXX'}{int(digits, 16)}"


def country_of(incident: Incident) -> str | None:
    loc = incident.location
    if loc is None:
        return None
    if loc.country:
        return loc.country
    return country_at(loc.lon, loc.lat) if loc.lat is not None and loc.lon is not None else None


def _time_precision(incident: Incident) -> int:
    """1 the day is known, 2 within a week, 3 within a month or less precisely."""
    if incident.start is None:
        return 3
    end = incident.end or incident.start
    days = (end.date() - incident.start.date()).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def _actor(ref: ActorRef | None, country: str | None) -> tuple[str, int]:
    """ACLED-style actor name and inter code from an actor's coding."""
    code = (ref.country if ref else None) or country
    name = countries()[code].name if code in countries() else (code or "")
    sector = ref.sector if ref else None
    if ref is None and country is None:
        return "", 0
    template = _FORCE.get(sector or "", "Unidentified Armed Group ({c})")
    return (template.format(c=name) if name else template.replace(" ({c})", "").replace(" of {c}", "")), \
        _INTER.get(sector or "", 3)


def row(item: Item) -> dict[str, object]:
    """One ACLED row for an incident."""
    inc = item.incident
    ev = item.event
    iso3 = country_of(inc)
    country = countries().get(iso3 or "")
    actor1, inter1 = _actor(ev.actor if ev else None, inc.actor_country)
    actor2, inter2 = _actor(ev.recipient if ev else None, inc.recipient_country)
    if not actor1:
        actor1, inter1 = "Unidentified Armed Group" + (f" ({country.name})" if country else ""), 3
    actor_sector = ev.actor.sector if ev and ev.actor else None
    recipient_sector = ev.recipient.sector if ev and ev.recipient else None
    # From the incident's type and mode (what fusion settled on), not one report's reading of it.
    types = acled_types(inc.type, inc.mode, actor_sector, recipient_sector, inc.weapons)
    event_type = str(types.get("event_type") or "Strategic developments")
    loc = inc.location
    low, high = sorted((inter1, inter2)) if inter2 else (inter1, 0)
    return {
        "event_id_cnty": event_id(inc, iso3),
        "event_date": inc.start.astimezone(UTC).date().isoformat() if inc.start else "",
        "year": inc.start.astimezone(UTC).year if inc.start else "",
        "time_precision": _time_precision(inc),
        "disorder_type": _DISORDER.get(event_type, "Strategic developments"),
        "event_type": event_type,
        "sub_event_type": str(types.get("sub_event_type") or "Other"),
        "actor1": actor1, "assoc_actor_1": "", "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": "", "inter2": inter2,
        "interaction": low * 10 + high if high else inter1 * 10,
        "civilian_targeting": "Civilian targeting" if recipient_sector in _CIVILIAN else "",
        "iso": country.numeric if country and country.numeric is not None else "",
        "region": country.region if country else "",
        "country": country.name if country else "",
        "admin1": (loc.admin1 or "") if loc else "", "admin2": "", "admin3": "",
        "location": (loc.name or loc.text or "") if loc else "",
        "latitude": _coord(loc.lat if loc else None), "longitude": _coord(loc.lon if loc else None),
        "geo_precision": _GEO_PRECISION.get((loc.precision or "") if loc else "", 3),
        "source": "; ".join(outlets(item)),
        "source_scale": _scale(item),
        "notes": inc.summary,
        "fatalities": inc.fatalities or 0,
        "tags": _tags(item),
        "timestamp": _timestamp(item),
    }


def _coord(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _scale(item: Item) -> str:
    kinds = {r.kind for r in item.reports}
    if kinds & {"field", "sensor"}:
        return "Local partner-Other" if kinds - {"field", "sensor"} else "Local partner"
    return "Other"


def _tags(item: Item) -> str:
    parts = [f"truce_id={item.incident.id}", f"independent sources={item.incident.independent_sources}"]
    parts += [f"verdict {v.agreement_id}={v.verdict}" for v in item.verdicts]
    return "; ".join(parts)


def _timestamp(item: Item) -> int:
    """When the row last changed: the latest verdict's derivation, else the incident's start."""
    moments = [v.derived_at for v in item.verdicts if v.derived_at] or \
        [m for m in (item.incident.end, item.incident.start) if m]
    return int(max(moments).timestamp()) if moments else 0


def row_values(record: dict[str, object]) -> list[str]:
    """The row's cells in column order, as text (what a CSV holds)."""
    return ["" if record.get(c) is None else str(record.get(c)) for c in COLUMNS]


def parse_time(value: str) -> datetime | None:
    return datetime.fromtimestamp(int(value), UTC) if value.strip().lstrip("-").isdigit() else None
