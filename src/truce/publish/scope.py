"""What `--area NAME` selects: an agreement (its area, and its verdicts only), or a place name
matched against incidents' first-level division, place and country. No area: everything."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shapely.geometry.base import BaseGeometry

from truce.errors import InputRejected
from truce.model import Incident, Verdict
from truce.publish.outlines import countries

_AREA_MARGIN_DEG = 0.05  # an incident placed on the area's edge still counts as in it


@dataclass(slots=True)
class Scope:
    label: str  # what the report's title says
    agreements: list[Any] = field(default_factory=list)  # the agreements drawn on the map
    agreement_ids: frozenset[str] | None = None  # verdicts under these only; None: every agreement
    geometry: BaseGeometry | None = None
    name: str | None = None  # a place name to match

    @property
    def bbox(self) -> tuple[float, float, float, float] | None:
        if self.geometry is None:
            return None
        min_lon, min_lat, max_lon, max_lat = self.geometry.bounds
        m = _AREA_MARGIN_DEG
        return (max(-180.0, min_lon - m), max(-90.0, min_lat - m), min(180.0, max_lon + m), min(90.0, max_lat + m))

    def holds(self, incident: Incident) -> bool:
        loc = incident.location
        if self.geometry is not None:
            if loc is None or loc.lat is None or loc.lon is None:
                return False
            from shapely.geometry import Point

            return bool(self.geometry.buffer(_AREA_MARGIN_DEG).covers(Point(loc.lon, loc.lat)))
        if self.name is not None:
            if loc is None:
                return False
            country = countries().get(loc.country or "")
            names = {loc.admin1, loc.name, loc.text, loc.country, country.name if country else None}
            return self.name.casefold() in {n.casefold() for n in names if n}
        return True

    def judges(self, verdict: Verdict) -> bool:
        return self.agreement_ids is None or verdict.agreement_id in self.agreement_ids


def resolve_scope(area: str | None) -> Scope:
    """The scope `--area` names (an agreement id or name first, then a place name)."""
    from truce.agreements import load_agreements
    from truce.settings import get_settings

    agreements = load_agreements(get_settings().agreements_dir)
    if area is None:
        return Scope("all areas", agreements=agreements)
    wanted = area.strip().casefold()
    if not wanted:
        raise InputRejected("E722", "--area is empty", hint="name an agreement or a region", where="--area")
    for agreement in agreements:
        if wanted in (agreement.id.casefold(), agreement.name.casefold()):
            return Scope(agreement.name, agreements=[agreement], agreement_ids=frozenset({agreement.id}),
                         geometry=agreement.area_geometry)
    return Scope(area.strip(), agreements=agreements, name=area.strip())
