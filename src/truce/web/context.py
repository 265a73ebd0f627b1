"""What the app holds for its lifetime: settings, the store, the mission, agreements, the login
limiter. Built once by `create_app`; routes reach it through `truce.web.deps`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from truce.settings import Settings
from truce.store import Store
from truce.web.mission import Mission, load_mission
from truce.web.security import LoginLimiter


@dataclass
class Console:
    settings: Settings
    store: Store
    agreements: list[Any]
    mission: Mission
    limiter: LoginLimiter = field(default_factory=LoginLimiter)

    @classmethod
    def build(cls, settings: Settings, store: Store) -> Console:
        from truce.agreements import load_agreements

        agreements = load_agreements(settings.agreements_dir)
        return cls(settings, store, agreements, load_mission(settings.mission, agreements))

    @property
    def secret(self) -> str:
        return self.settings.secret_key

    @property
    def development(self) -> bool:
        return self.settings.env == "development"

    @cached_property
    def agreement_features(self) -> dict[str, Any]:
        """Agreements' areas and lines of contact as one GeoJSON FeatureCollection (for the map)."""
        from shapely.geometry import mapping

        features = []
        for a in self.agreements:
            if a.area_geometry is not None:
                features.append({"type": "Feature", "geometry": mapping(a.area_geometry.simplify(0.005)),
                                 "properties": {"kind": "area", "agreement": a.id, "name": a.name}})
            for line in a.lines:
                geometry = a.line_geometries.get(line.id)
                if geometry is not None:
                    features.append({"type": "Feature", "geometry": mapping(geometry),
                                     "properties": {"kind": "line", "agreement": a.id,
                                                    "name": line.name or line.id, "buffer_km": line.buffer_km}})
        return {"type": "FeatureCollection", "features": features}
