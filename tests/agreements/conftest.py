"""Fixtures for the agreement tests: a small stand-in gazetteer and incident builders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

from truce.agreements import Agreement, load_agreement
from truce.agreements.load import examples_dir
from truce.model import Claim, Incident, PlaceRef

# Rough outlines, enough to tell inside from outside (the real ones come from truce.geo).
REGIONS: dict[str, BaseGeometry] = {
    "nagorno-karabakh": Polygon([(46.30, 40.25), (46.90, 40.30), (47.10, 39.85), (46.85, 39.40),
                                 (46.40, 39.45), (46.22, 39.90)]),
    "donbas": box(36.5, 46.9, 40.25, 50.1),
}


def fake_regions(name: str) -> BaseGeometry | None:
    """Region outlines by name, as the gazetteer would give them; None for names it lacks."""
    return REGIONS.get(name.lower())


@pytest.fixture
def resolve_region() -> Callable[[str], BaseGeometry | None]:
    return fake_regions


@pytest.fixture
def karabakh_2023() -> Agreement:
    return load_agreement(examples_dir() / "karabakh-2023-09-20.yaml", fake_regions)


@pytest.fixture
def examples() -> Path:
    return examples_dir()


def _incident(*, id: str = "in_test", type: str = "ASSAULT", mode: str | None = "heavy-weapons",
              start: str = "2023-09-21T13:00:00+00:00", end: str | None = None,
              place: tuple[str, float | None, float | None] | None = ("Shusha", 39.7583, 46.7486),
              actor: str | None = "AZE", recipient: str | None = "ARM", sources: int = 2,
              observations: int = 0, claims: list[tuple[str, str, str | None]] = (),  # type: ignore[assignment]
              asserted: int = 1, weapons: list[str] = (), summary: str = "") -> Incident:  # type: ignore[assignment]
    claim_list = [Claim(party=p, stance=s, event_id=f"ev_claim{i}", accused=a)  # type: ignore[arg-type]
                  for i, (p, s, a) in enumerate(claims)]
    events = [c.event_id for c in claim_list] + [f"ev_asserted{i}" for i in range(asserted)]
    return Incident(
        id=id, type=type, mode=mode, start=datetime.fromisoformat(start),
        end=datetime.fromisoformat(end or start),
        location=PlaceRef(text=place[0], name=place[0], lat=place[1], lon=place[2], precision="city")
        if place else None,
        actor_country=actor, recipient_country=recipient, event_ids=sorted(events),
        observation_ids=[f"ob_{i}" for i in range(observations)], report_ids=[f"rp_{i}" for i in range(sources)],
        independent_sources=sources, observation_count=observations, claims=claim_list,
        weapons=list(weapons), confidence=0.7, summary=summary,
    )


@pytest.fixture
def make_incident() -> Callable[..., Incident]:
    """Build an incident (defaults: AZE shells Shusha at 13:00 UTC on 21 Sep 2023, two sources)."""
    return _incident
