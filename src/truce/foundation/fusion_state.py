"""Fusion's vocabulary shared with the store: the states of an item, the rows fusion reads and the
unit of work it writes.

The store keeps these and fusion drives them; neither imports the other (docs/architecture.md), so
both take them from here. Fusion sees the store through `truce.fusion.ports.FusionStore`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from truce.model import Incident

# Fusion state of an event or observation (the `fusion` column of its table).
NEW, PENDING, FUSED, HELD, SKIPPED = 0, 1, 2, 3, 4

Member = tuple[str, str, str | None]  # a member of an incident: item id, kind, report id
# Fusion's view of a new item (`set_item_times`): id, t0, t1 (UTC seconds), unplaced, state.
ItemTimes = tuple[str, float | None, float | None, bool, int]


class Conflict(Exception):
    """Another process changed incidents since this computation read them: read and compute again."""


@dataclass(frozen=True, slots=True)
class ItemRow:
    """A stored event or observation as fusion reads it: the record (JSON) and fusion's view of it."""

    id: str
    report_id: str
    payload: str  # the Event or Observation as `to_dict()` stored it
    t0: float | None  # when it happened, UTC seconds (None until fusion dated it)
    t1: float | None
    # Events only: the place was dropped as a stray namesake (by versions before the geocoder kept
    # places in the theatre); fusion keeps it dropped so that an old store fuses as it did.
    unplaced: bool = False


@dataclass(slots=True)
class FusionWrite:
    """One atomic write of fusion or decision work (see `FusionStore.write_fusion`)."""

    incidents: list[tuple[Incident, int]] = field(default_factory=list)  # (record, time rank)
    members: list[tuple[str, str, str, str | None]] = field(default_factory=list)  # item, kind, incident, report
    states: dict[str, dict[str, int]] = field(default_factory=dict)  # kind -> item id -> state
    tombstones: list[tuple[str, str | None, str]] = field(default_factory=list)  # id, merged_into, status
