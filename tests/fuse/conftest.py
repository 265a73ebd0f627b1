"""Builders of hand-made reports, events and observations for the fusion tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest

from truce.model import ActorRef, DateRef, Event, Evidence, Observation, PlaceRef, Report, content_id

# Real places of the 2023 Karabakh scenario (approximate coordinates).
PLACES = {
    "Shusha": (39.7586, 46.7492),
    "Stepanakert": (39.8153, 46.7519),
    "Martuni": (39.7920, 47.1110),
    "Askeran": (39.9333, 46.8333),
    "Aghdam": (39.9911, 46.9290),
    "Kalbajar": (40.1050, 46.0380),
    "Mardakert": (40.2030, 46.8120),
}


def _report(text: str, source_name: str | None = None, published: str | None = "2023-09-21T12:00:00+00:00",
                kind: str = "news") -> Report:
    return Report(id=Report.make_id(kind, text + (source_name or "")), kind=kind, text=text,  # type: ignore[arg-type]
                  source_name=source_name,
                  published=datetime.fromisoformat(published) if published else None)


def _place(name: str | None, precision: str = "city", coords: bool = True) -> PlaceRef | None:
    if name is None:
        return None
    lat, lon = PLACES.get(name, (None, None)) if coords else (None, None)
    return PlaceRef(text=name, name=name, lat=lat, lon=lon, country="AZE", precision=precision)  # type: ignore[arg-type]


def _event(report: Report, sentence: str, *, type: str = "ASSAULT", mode: str | None = "heavy-weapons",
               status: str = "asserted", actor: str | None = "AZE", recipient: str | None = "ARM",
               speaker: str | None = None, place: str | None = "Shusha", precision: str = "city",
               coords: bool = True, day: str | None = "2023-09-21", precision_day: str = "day",
               aux: str | None = None, tag: str = "") -> Event:
    start = date.fromisoformat(day) if day else None
    end = start
    if day and precision_day == "month":
        start = start.replace(day=1)  # type: ignore[union-attr]
        end = start.replace(day=30)
    return Event(
        id=content_id("ev", report.id, sentence, type, tag), report_id=report.id, type=type, mode=mode,
        aux=aux, status=status,  # type: ignore[arg-type]
        actor=ActorRef(text=actor, country=actor) if actor else None,
        recipient=ActorRef(text=recipient, country=recipient) if recipient else None,
        source=ActorRef(text=f"{speaker} ministry", country=speaker) if speaker else None,
        location=_place(place, precision, coords),
        date=DateRef(text=day or "", start=start, end=end, precision=precision_day) if day else None,  # type: ignore[arg-type]
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence)), confidence=0.8,
    )


def _observation(report: Report, at: str, *, what: str = "explosion", how: str = "heard",
                     observer: str = "Team 1", position: tuple[float, float] | None = (39.80, 46.70),
                     bearing: float | None = None, distance: float | None = None, count: int = 1,
                     until: str | None = None, target: tuple[float, float] | None = None,
                     weapon: str | None = None, n: int = 0) -> Observation:
    return Observation(
        id=content_id("ob", report.id, at, str(n)), report_id=report.id, what=what, how=how,  # type: ignore[arg-type]
        observed_from=datetime.fromisoformat(at),
        observed_until=datetime.fromisoformat(until) if until else None, observer=observer,
        observer_lat=position[0] if position else None, observer_lon=position[1] if position else None,
        bearing_deg=bearing, distance_km=distance, count=count, weapon=weapon,
        location=PlaceRef(text="impact", lat=target[0], lon=target[1], precision="point") if target else None,
        source_name=observer,
    )


@pytest.fixture
def make_report() -> Callable[..., Report]:
    """Build a report: `make_report(text, source_name, published=..., kind="news")`."""
    return _report


@pytest.fixture
def make_event() -> Callable[..., Event]:
    """Build an event of a report (defaults: AZE shells ARM near Shusha on 21 Sep 2023)."""
    return _event


@pytest.fixture
def make_observation() -> Callable[..., Observation]:
    """Build an observation (defaults: one explosion heard by Team 1 near Stepanakert)."""
    return _observation
