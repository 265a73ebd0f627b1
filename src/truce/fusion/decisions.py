"""Reviewers' decisions applied over machine output, on every run and at once after each decision.

Decisions live in their own table; machine output never overwrites them. Applying them is
idempotent — a decision already in force changes nothing — so every `truce run` re-applies all of
them, in the order they were made:
- include / exclude / split move items between incidents; each incident that gains or loses a
  member is rebuilt from its members (same id). An excluded item leaves for a new incident of its
  own whose `parent` is the incident it left; a split's items form a new incident whose `parent` is
  the incident split. An incident left with no member becomes an `emptied` tombstone.
- merge moves every member of the other incident into the named one, which keeps its id; the
  other becomes a tombstone whose `merged_into` names the survivor.
- correct and attribute override the machine's reading of one field (`corrections` on the
  record), whenever the incident is written again.
A decision naming a tombstone follows `merged_into` to the surviving incident.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from truce.foundation.fusion_state import FUSED, Conflict, FusionWrite, Member
from truce.fusion.cluster import Cluster, to_incident
from truce.fusion.corrections import correct
from truce.fusion.engine import anchored, fusion_order, independence_of
from truce.fusion.incremental import load_items
from truce.fusion.ports import FusionStore
from truce.fusion.sources import OriginIndex
from truce.model import Decision, Incident, content_id

_ATTEMPTS = 20


def rebuild(store: FusionStore, incident_id: str, members: Sequence[Member],
            parent: str | None) -> tuple[Incident, int] | None:
    """The incident `incident_id` made again from exactly these members (None when none is left)."""
    if not members:
        return None
    ev_ids = [m for m, kind, _ in members if kind == "event"]
    ob_ids = [m for m, kind, _ in members if kind == "observation"]
    ev_rows = store.item_rows("event", state=None, limit=0, ids=ev_ids) if ev_ids else []
    ob_rows = store.item_rows("observation", state=None, limit=0, ids=ob_ids) if ob_ids else []
    heads = store.report_heads({r.report_id for r in (*ev_rows, *ob_rows)})
    items, teams = load_items(ev_rows, ob_rows, heads)
    if not items:
        return None
    ordered = fusion_order(items)  # the order fusion takes
    cluster = Cluster.seed(ordered[0], anchored=anchored(ordered[0]))
    cluster.id = incident_id
    for item in ordered[1:]:
        cluster.absorb(item, retime=anchored(item))
    incident = to_incident(cluster, independence_of(cluster, OriginIndex(heads, teams)))
    incident.parent = parent
    return incident, cluster.time_rank


def _live(store: FusionStore, incident_id: str | None) -> Incident | None:
    """The live incident an id names, following tombstones to their survivor."""
    seen: set[str] = set()
    while incident_id and incident_id not in seen:
        seen.add(incident_id)
        found = store.incidents_by_ids([incident_id]).get(incident_id)
        if found is None:
            return None
        record, _, status = found
        if status == "live":
            return record
        incident_id = record.merged_into
    return None


def _members(store: FusionStore, incident_id: str) -> list[Member]:
    return store.members([incident_id]).get(incident_id, [])


def _item_member(store: FusionStore, item_id: str) -> tuple[str | None, Member | None]:
    """(incident the item belongs to, its member tuple) — the item may be in no incident yet."""
    owner = store.membership([item_id]).get(item_id)
    if owner is not None:
        return owner, next(m for m in _members(store, owner) if m[0] == item_id)
    for kind in ("event", "observation"):
        rows = store.item_rows(kind, state=None, limit=0, ids=[item_id])
        if rows:
            return None, (item_id, kind, rows[0].report_id)
    return None, None


# incident id -> (its members once the decision is in force, its parent)
_Moves = dict[str, tuple[list[Member], str | None]]


def _move_item(store: FusionStore, d: Decision, target: Incident, moves: _Moves, work: FusionWrite) -> bool:
    """Plan an include (the item joins `target`) or an exclude (it leaves for an incident of its
    own); False when the decision is already in force or names no item."""
    owner, member = _item_member(store, d.item_id or "")
    if member is None:
        return False
    if d.kind == "include":
        if owner == target.id:
            return False
        moves[target.id] = ([*_members(store, target.id), member], target.parent)
        dest = target.id
    else:
        if owner != target.id:
            return False
        dest = content_id("in", d.id)
        moves[dest] = ([member], target.id)
    if owner is not None:
        left = store.incident(owner)
        moves[owner] = ([m for m in _members(store, owner) if m[0] != member[0]],
                        left.parent if left is not None else None)
    work.members.append((member[0], member[1], dest, member[2]))
    work.states[member[1]] = {member[0]: FUSED}
    return True


def _merge(store: FusionStore, d: Decision, target: Incident, moves: _Moves, work: FusionWrite,
           touched: set[str]) -> bool:
    """Plan a merge: the other incident's members join `target`, the other becomes a tombstone."""
    other = _live(store, d.other_incident_id)
    if other is None or other.id == target.id:
        return False
    moving = _members(store, other.id)
    moves[target.id] = ([*_members(store, target.id), *moving], target.parent)
    work.members += [(m[0], m[1], target.id, m[2]) for m in moving]
    work.tombstones.append((other.id, target.id, "merged"))
    touched.add(other.id)
    return True


def _split(store: FusionStore, d: Decision, target: Incident, moves: _Moves, work: FusionWrite) -> bool:
    """Plan a split: the named members leave `target` for an incident of their own."""
    wanted = set(d.value or [])
    current = _members(store, target.id)
    leaving = [m for m in current if m[0] in wanted]
    if not leaving:
        return False
    dest = content_id("in", d.id)
    moves[target.id] = ([m for m in current if m[0] not in wanted], target.parent)
    moves[dest] = ([*_members(store, dest), *leaving], target.id)
    work.members += [(m[0], m[1], dest, m[2]) for m in leaving]
    return True


def _rewrite(store: FusionStore, target: Incident, touched: set[str]) -> FusionWrite | None:
    """A correct / attribute decision: rewrite the record with every correction in force."""
    decided = store.decided_incidents([target.id]).get(target.id, [])
    fixed = correct(Incident.from_dict(target.to_dict()), decided)
    if json.dumps(fixed.to_dict(), sort_keys=True) == json.dumps(target.to_dict(), sort_keys=True):
        return None
    rank = store.incidents_by_ids([target.id])[target.id][1]
    touched.add(target.id)
    return FusionWrite(incidents=[(fixed, rank)])


def _plan(store: FusionStore, d: Decision, touched: set[str]) -> FusionWrite | None:
    """The write that puts decision `d` in force, or None when it already is (or cannot be)."""
    target = _live(store, d.incident_id)
    if target is None:
        return None
    if d.kind not in ("include", "exclude", "merge", "split"):
        return _rewrite(store, target, touched)
    moves: _Moves = {}
    work = FusionWrite()
    planned = (_move_item(store, d, target, moves, work) if d.kind in ("include", "exclude")
               else _merge(store, d, target, moves, work, touched) if d.kind == "merge"
               else _split(store, d, target, moves, work))
    if not planned:
        return None
    for incident_id, (members, parent) in sorted(moves.items()):
        built = rebuild(store, incident_id, members, parent)
        touched.add(incident_id)
        if built is None:
            work.tombstones.append((incident_id, None, "emptied"))
            continue
        decided = store.decided_incidents([incident_id]).get(incident_id, [])
        work.incidents.append((correct(built[0], decided), built[1]))
    return work


def apply_decisions(store: FusionStore, decisions: Iterable[Decision] | None = None) -> set[str]:
    """Put decisions (all stored ones by default) in force; returns the ids of incidents changed."""
    touched: set[str] = set()
    for d in (store.decisions() if decisions is None else decisions):
        for _ in range(_ATTEMPTS):
            seq = store.fusion_seq()
            work = _plan(store, d, touched)
            if work is None:
                break
            try:
                store.write_fusion(seq, work)
                break
            except Conflict:
                continue  # another process changed incidents meanwhile: plan again
    return touched


def rebuild_stale(store: FusionStore) -> set[str]:
    """Rebuild every stale incident (a member's report was extracted again) from its remaining
    members, keeping its id; one left with none becomes an `emptied` tombstone."""
    touched: set[str] = set()
    for _ in range(_ATTEMPTS * 50):
        seq = store.fusion_seq()  # before what it computes from (incremental.fuse_rows says why)
        ids = store.stale_incidents(50)
        if not ids:
            break
        work = FusionWrite()
        found = store.incidents_by_ids(ids)
        members = store.members(ids)
        for incident_id in ids:
            built = rebuild(store, incident_id, members.get(incident_id, []), found[incident_id][0].parent)
            if built is None:
                work.tombstones.append((incident_id, None, "emptied"))
                continue
            decided = store.decided_incidents([incident_id]).get(incident_id, [])
            work.incidents.append((correct(built[0], decided), built[1]))
        try:
            store.write_fusion(seq, work)
            touched.update(ids)
        except Conflict:
            continue
    return touched
