"""The store: reports kept verbatim, and the records each stage derives from them.

`Store` is the only way stages touch the database (full description: docs/store.md). Every write is
one short transaction, retried while another process holds the lock; reads take no write lock;
nothing is written while a read cursor is open (readers page by keyset). Every database error is
one `TruceError` line (E142–E144) naming the store and what to do.

Reports and sightings
- `add_reports(items) -> AddResult(added, present, sighted)`: a text is stored once (its id hashes
  kind + text); each outlet's copy is a `Sighting`; each new text joins its near-duplicate group.
- `reports(*, unextracted_by=None, kinds=None, batch=200) -> Iterator[Report]`, `report(id)`,
  `sightings(report_id=None) -> list[Sighting]`, `report_heads(ids) -> {id: Report without text}`.
- `save_extraction(results, extractor)`, `events(*, type=None, ids=None)`, `observations(*, ids=None)`.

Incidents (stable ids), members, decisions
- `incident(incident_id) -> Incident | None` — live, or a tombstone whose `merged_into` names the
  survivor; an incident split off another names it in `parent`; `corrections` are the reviewers'.
- `incidents(*, include_tombstones=False) -> Iterator[Incident]` — every live incident by start
  time then id, a page at a time.
- `incidents_page(*, after=None, limit=100, start=None, end=None, bbox=None, type=None,
  party=None) -> list[Incident]` — keyset pages in id order (pass the last id as `after`); `bbox`
  is (min_lon, min_lat, max_lon, max_lat).
- `members(incident_ids) -> {incident id: [(item id, kind, report id)]}`, `membership(item_ids)`.
- `record_decision(decision) -> Decision` (id and time assigned when missing; invalid → E145–E147),
  `decisions(incident_id=None) -> list[Decision]` in the order made. A decision takes effect at
  once through `truce.pipeline.refresh(store, [incident_id])` and in every later `truce run`.

Fusion's side (the methods of `truce.fusion.ports.FusionStore`, which `Store` satisfies)
- `item_rows`, `item_ids`, `set_item_times`, `set_report_teams`: items by fusion state
  (`NEW` … `SKIPPED`, re-exported here from `truce.foundation.fusion_state`) as `ItemRow`s;
- `fusion_seq()`, `write_fusion(expect_seq, FusionWrite)`: one atomic unit of fusion work, or
  `Conflict` when another process wrote since `expect_seq` was read;
- `incidents_near`, `incidents_by_ids`, `stale_incidents`, `decided_incidents`.

Verdicts
- `record_verdicts(verdicts, *, judged=None) -> int` appends changed verdicts to the history;
  `verdicts(*, history=False, incident_id=None)`; `save_agreement(...)`.
"""

from __future__ import annotations

import threading

from sqlalchemy import Engine

from truce.foundation.fusion_state import FUSED, HELD, NEW, PENDING, SKIPPED, Conflict, FusionWrite
from truce.settings import get_settings
from truce.store.db import StoreError, open_engine, safe_url
from truce.store.incidents import IncidentStore
from truce.store.reports import AddResult, ReportStore
from truce.store.verdicts import VerdictStore

__all__ = ["FUSED", "HELD", "NEW", "PENDING", "SKIPPED", "AddResult", "Conflict", "FusionWrite", "Store",
           "StoreError", "open_store"]


class Store(ReportStore, IncidentStore, VerdictStore):
    """Reports, sightings, events, observations, incidents, decisions, agreements and verdicts."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect = engine.dialect.name
        self._write_lock = threading.Lock()  # kept for callers that serialise their own writes

    @property
    def label(self) -> str:
        """The store's URL without password, for messages."""
        return safe_url(self.engine.url.render_as_string(hide_password=True))

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str | None = None) -> Store:
    """The store at `url`, else the one the settings name (TRUCE_DB_URL or SQLite under TRUCE_HOME)."""
    return Store(open_engine(url or get_settings().database_url))
