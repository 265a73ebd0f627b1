"""The record one sentence's trigger becomes before ids and the crosswalk (truce.extract.assemble
fills it; the sentence- and paragraph-level passes read and adjust it; paragraph.to_event turns it
into an Event)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from truce.model import ActorRef, DateRef, PlaceMention


@dataclass(slots=True)
class Draft:
    """An event before ids and crosswalk: everything read from the sentence."""

    type: str
    mode: str | None
    trigger: Token
    lemma: str
    depth: int
    weak: bool
    actor: ActorRef | None = None
    recipient: ActorRef | None = None
    source: ActorRef | None = None
    status: str = "asserted"
    aux: str | None = None
    location: PlaceMention | None = None
    date: DateRef | None = None
    fatalities: int | None = None
    injured: int | None = None
    weapons: tuple[str, ...] = ()
    spans: dict[str, list[int]] | None = None
    confidence: float = 0.5
    territorial: bool = False
    background: bool = False  # dated long before publication: left out of the report's events
    count: int | None = None  # what a monitors' observation counts (truce.extract.monitor)
    observation: dict[str, Any] | None = None
