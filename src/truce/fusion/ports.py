"""The store as fusion needs it: the one interface incremental fusion and decisions are written against.

Fusion imports nothing of `truce.store` (docs/architecture.md). `truce.store.Store` satisfies
`FusionStore` structurally; mypy checks it where the two are wired (`truce.fuse`), and
tests/fuse/test_ports.py checks that the protocol lists exactly the methods fusion calls. The
values passed across (states, `ItemRow`, `FusionWrite`, `Conflict`) live in
`truce.foundation.fusion_state`, the records in `truce.model`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol, runtime_checkable

from truce.foundation.fusion_state import FusionWrite, ItemRow, ItemTimes, Member
from truce.model import Decision, Incident, Report


@runtime_checkable
class FusionStore(Protocol):
    """What fusion reads and writes. Reads take no write lock; each write is one transaction."""

    # -- items and their fusion state ------------------------------------------------------------
    def item_rows(self, kind: str, *, state: int | None, limit: int, by_report: bool = False,
                  ids: Sequence[str] | None = None, after: str = "") -> list[ItemRow]:
        """Items ("event" | "observation") in a fusion state (None: any): by time then id, or —
        `by_report` — every such item of the first `limit` reports after the report id `after`;
        with `ids`, only those items."""
        ...

    def item_ids(self, kind: str, *, state: int) -> list[str]:
        """Ids of the items in a fusion state, in canonical order (time, then id)."""
        ...

    def set_item_times(self, kind: str, rows: Sequence[ItemTimes]) -> None:
        """Record fusion's view of items still NEW; one another process prepared is left alone."""
        ...

    def set_report_teams(self, teams: Mapping[str, str]) -> None:
        """Give field and sensor reports their origin group (the team behind them), once."""
        ...

    def report_heads(self, ids: Iterable[str]) -> dict[str, Report]:
        """Reports without their text, with every outlet that carried them and their duplicate group."""
        ...

    # -- incidents and members -------------------------------------------------------------------
    def incident(self, incident_id: str) -> Incident | None:
        """One incident by id, live or a tombstone."""
        ...

    def incidents_near(self, lo: float, hi: float, max_span: float | None = None) -> list[tuple[Incident, int]]:
        """Live incidents (with their time rank) whose span meets [lo, hi], UTC seconds; with
        `max_span`, only those no longer than that."""
        ...

    def incidents_by_ids(self, ids: Iterable[str]) -> dict[str, tuple[Incident, int, str]]:
        """(record, time rank, status) of each incident id found."""
        ...

    def stale_incidents(self, limit: int) -> list[str]:
        """Ids of incidents whose members changed under them, to be rebuilt."""
        ...

    def members(self, incident_ids: Iterable[str]) -> dict[str, list[Member]]:
        """incident id -> its members."""
        ...

    def membership(self, item_ids: Iterable[str]) -> dict[str, str]:
        """item id -> the incident it belongs to."""
        ...

    # -- decisions -------------------------------------------------------------------------------
    def decisions(self, incident_id: str | None = None) -> list[Decision]:
        """Decisions in the order made; with `incident_id`, those naming that incident."""
        ...

    def decided_incidents(self, ids: Iterable[str]) -> dict[str, list[Decision]]:
        """incident id -> its `correct` and `attribute` decisions."""
        ...

    # -- the one write ---------------------------------------------------------------------------
    def fusion_seq(self) -> int:
        """The counter every write of incidents moves on."""
        ...

    def write_fusion(self, expect_seq: int, work: FusionWrite) -> None:
        """Apply `work` atomically unless the counter moved from `expect_seq` (then `Conflict`)."""
        ...
