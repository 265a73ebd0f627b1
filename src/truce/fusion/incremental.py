"""Fusion over the store, incrementally and in bounded memory.

Each event and observation has a fusion state in the store (`truce.foundation.fusion_state.NEW`
… `SKIPPED`); fusion reads and writes the store only through `truce.fusion.ports.FusionStore`:
1. `prepare` reads new items a few reports at a time, dates them (UTC seconds) and marks them
   pending — or skipped when they are no happening (negated, hypothetical, …). Places are taken
   as the geocoder gave them: it keeps them in the theatre (`truce.geo.theatre`).
2. `fuse_pending` takes pending items in one canonical order (time, then id) a chunk at a time.
   For each chunk it loads only the live incidents whose span meets the chunk's time range (the
   store's time index; fusion's bucket index sorts them by map cell), fuses, and commits the
   changed incidents, the new memberships and the items' new states in one transaction. Report
   texts are never loaded: reports come as heads (outlets, near-duplicate group, publication).
   A chunk computed while another process changed incidents is recomputed (`Conflict`).
3. Items of denial-only incidents are held and tried once more at the end of every run.
Because chunks are cut from the same canonical order whether or not a run was interrupted, a run
killed at any point and run again ends with the store an uninterrupted run would have left.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from truce.foundation.fusion_state import FUSED, HELD, NEW, PENDING, SKIPPED, Conflict, FusionWrite, ItemRow, ItemTimes
from truce.fusion.corrections import correct
from truce.fusion.engine import MAX_SPAN_WINDOWS, fuse_items
from truce.fusion.items import Item, item_from_event, item_from_observation
from truce.fusion.ports import FusionStore
from truce.fusion.sources import TEAM_PREFIX, OriginIndex
from truce.model import Event, Incident, Observation, Report
from truce.settings import get_settings

PREPARE_REPORTS = 200  # reports whose new items are dated per transaction
HOUR = 3600.0
UNTIMED = 1e18


@dataclass(slots=True)
class FuseSummary:
    items: int = 0  # items fused in this run
    new_incidents: int = 0
    changed_incidents: int = 0
    held: int = 0
    chunks: int = 0


def _key(moment: float | None) -> float:
    """A time as the store sorts pending items by: untimed items last (as `Item.order_key` puts
    them), with a plain value rather than NULL, so the (state, time) index gives the order."""
    return moment if moment is not None else UNTIMED


def prepare(store: FusionStore) -> int:
    """Date new items and mark them pending (or skipped); returns how many were prepared."""
    done = 0
    after = ""
    while rows := store.item_rows("event", state=NEW, limit=PREPARE_REPORTS, by_report=True, after=after):
        after = rows[-1].report_id
        heads = store.report_heads({r.report_id for r in rows})
        updates: list[ItemTimes] = []
        for row in rows:
            item = item_from_event(Event.from_dict(json.loads(row.payload)), heads.get(row.report_id))
            updates.append((row.id, None, None, False, SKIPPED) if item is None else
                           (row.id, _key(item.t0), _key(item.t1), False, PENDING))
        store.set_item_times("event", updates)
        done += len(updates)
    while rows := store.item_rows("observation", state=NEW, limit=PREPARE_REPORTS * 5):
        updates = []
        teams: dict[str, str] = {}
        for row in rows:
            item = item_from_observation(Observation.from_dict(json.loads(row.payload)))
            updates.append((row.id, _key(item.t0), _key(item.t1), False, PENDING))
            if item.team:
                teams.setdefault(row.report_id, item.team)
        store.set_report_teams({rid: TEAM_PREFIX + team for rid, team in teams.items()})
        store.set_item_times("observation", updates)
        done += len(updates)
    return done


def load_items(event_rows: Sequence[ItemRow], observation_rows: Sequence[ItemRow],
               heads: dict[str, Report]) -> tuple[list[Item], dict[str, str]]:
    """Fusion items from stored rows, and the team of each report that carries observations. A
    place recorded as dropped (`unplaced`, written by versions before the geocoder kept places in
    the theatre) stays dropped, so that an old store fuses as it did."""
    items: list[Item] = []
    teams: dict[str, str] = {}
    for row in event_rows:
        item = item_from_event(Event.from_dict(json.loads(row.payload)), heads.get(row.report_id))
        if item is None:
            continue
        if row.unplaced:
            item.place, item.lat, item.lon, item.tol_km, item.place_keys = None, None, None, 0.0, frozenset()
        items.append(item)
    for row in observation_rows:
        item = item_from_observation(Observation.from_dict(json.loads(row.payload)))
        if item.team:
            teams.setdefault(row.report_id, item.team)
        items.append(item)
    return items, teams


def _take(store: FusionStore, state: int, limit: int) -> tuple[list[ItemRow], list[ItemRow]]:
    """The first `limit` items in a state, in canonical order across events and observations."""
    events = store.item_rows("event", state=state, limit=limit)
    observations = store.item_rows("observation", state=state, limit=limit)
    inf = float("inf")

    def key(pair: tuple[str, ItemRow]) -> tuple[float, float, str]:
        row = pair[1]
        return (row.t0 if row.t0 is not None else inf, row.t1 if row.t1 is not None else inf, row.id)

    merged = sorted([("event", r) for r in events] + [("observation", r) for r in observations], key=key)[:limit]
    return [r for k, r in merged if k == "event"], [r for k, r in merged if k == "observation"]


def _window(items: Iterable[Item]) -> tuple[float, float] | None:
    """The time range whose incidents a chunk's items may join (None when none is dated)."""
    timed = [i for i in items if i.t0 is not None and i.t1 is not None]
    if not timed:
        return None
    reach = get_settings().fuse_window_hours * HOUR + HOUR
    return min(i.reach0 for i in timed) - reach, max(i.t1 for i in timed) + reach  # type: ignore[type-var, operator]


def fuse_rows(store: FusionStore, event_rows: Sequence[ItemRow], observation_rows: Sequence[ItemRow],
              summary: FuseSummary, seq: int) -> None:
    """Fuse one chunk of stored items and commit it (raises `Conflict` when another process wrote).

    `seq` is the fusion counter read before the rows were: read after them, another process's
    write in between (which fused some of these very items) would go unnoticed, and an item
    would be written into a second incident while the first still lists it."""
    heads = store.report_heads({r.report_id for r in (*event_rows, *observation_rows)})
    items, teams = load_items(event_rows, observation_rows, heads)
    window = _window(items)
    # Longer incidents are closed to new items (engine.MAX_SPAN_WINDOWS): never candidates.
    max_span = MAX_SPAN_WINDOWS * get_settings().fuse_window_hours * HOUR
    existing = store.incidents_near(*window, max_span=max_span) if window else []
    heads.update(store.report_heads({rid for inc, _ in existing for rid in inc.report_ids} - set(heads)))
    outcome = fuse_items(items, [(inc, rank) for inc, rank in existing], OriginIndex(heads, teams))
    changed = [(inc, rank) for inc, rank, was_changed in outcome.incidents if was_changed]
    decided = store.decided_incidents(inc.id for inc, _ in changed)
    kinds = {i.id: i.kind for i in items}
    reports = {i.id: i.report_id for i in items}
    states: dict[str, dict[str, int]] = {"event": {}, "observation": {}}
    for row in event_rows:
        states["event"][row.id] = SKIPPED  # unless it joined or was held, below
    for row in observation_rows:
        states["observation"][row.id] = SKIPPED
    for item_id in outcome.joined:
        states[kinds[item_id]][item_id] = FUSED
    for item_id in outcome.held:
        states[kinds[item_id]][item_id] = HELD
    prior = {inc.id for inc, _ in existing}
    work = FusionWrite(
        incidents=[(correct(inc, decided.get(inc.id, [])), rank) for inc, rank in changed],
        members=[(iid, kinds[iid], inc_id, reports[iid]) for iid, inc_id in sorted(outcome.joined.items())],
        states=states,
    )
    store.write_fusion(seq, work)
    summary.items += len(outcome.joined)
    summary.held += len(outcome.held)
    summary.new_incidents += sum(1 for inc, _ in changed if inc.id not in prior)
    summary.changed_incidents += sum(1 for inc, _ in changed if inc.id in prior)
    summary.chunks += 1


def fuse_pending(store: FusionStore, *, chunk: int | None = None) -> FuseSummary:
    """Fuse every pending item into the stored incidents (see the module docstring)."""
    size = max(1, chunk or get_settings().fuse_chunk_items)
    summary = FuseSummary()
    prepare(store)
    while True:
        seq = store.fusion_seq()
        event_rows, observation_rows = _take(store, PENDING, size)
        if not event_rows and not observation_rows:
            break
        try:
            fuse_rows(store, event_rows, observation_rows, summary, seq)
        except Conflict:
            continue  # another process fused meanwhile: take what is still pending
    # Denials with no claim at hand yet: once more, now that every claim of this run is in.
    held = store.item_ids("event", state=HELD)
    summary.held = 0
    for start in range(0, len(held), size):
        while True:
            seq = store.fusion_seq()
            rows = store.item_rows("event", state=HELD, limit=size, ids=held[start:start + size])
            if not rows:
                break
            try:
                fuse_rows(store, rows, [], summary, seq)
                break
            except Conflict:
                continue
    return summary


def incidents_from(store: FusionStore, ids: Iterable[str]) -> list[Incident]:
    """The live incidents among `ids`, in id order."""
    found = store.incidents_by_ids(ids)
    return [found[i][0] for i in sorted(found) if found[i][2] == "live"]
