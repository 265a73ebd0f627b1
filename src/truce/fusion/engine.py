"""Events and observations from many reports → incidents.

Items are taken in one canonical order (by time, then id), whatever order they came in. Each joins
the best incident it is compatible with — same type family, within the time window, within reach
in space (or sharing a place name when it has no coordinates), with compatible actors — or opens a
new one whose id derives from it. Comparisons are against the incident's own record (its span,
its most precise place, its countries, its quoted evidence), never against all its members, so the
work per item is bounded and an incident reloaded from the store behaves like one just built.

Items that say where they happened go first and make the incidents; items that name no place
(or only a country) follow, best-dated first, and join the incident their own report placed, one
sharing their words or pair of sides, or the incident reported in the news over their time — or
open their own. An incident's time comes from its most precise members (observations, then date
phrases, then publication days): a vaguer member never stretches it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from truce.fusion.cluster import Cluster, to_incident
from truce.fusion.geometry import haversine_km
from truce.fusion.index import BucketIndex
from truce.fusion.items import PRECISE, VAGUE, Item, item_from_event, item_from_observation
from truce.fusion.sources import Independence, OriginIndex, independence
from truce.model import Event, Incident, Observation, Report
from truce.settings import get_settings

# Without coordinates or a shared place name, an item joins only on strong other evidence.
TEXT_JOIN_RATIO = 70.0
# An incident spans at most this many windows, so that a week of daily shelling stays seven incidents.
MAX_SPAN_WINDOWS = 2.0
# A denial or relay without a place answers the claim it shares this many words with (0–100).
ANSWER_RATIO = 50.0


def anchored(item: Item) -> bool:
    """Whether an item says where it happened: coordinates, or a place name finer than a country."""
    return item.lat is not None or bool(item.place_keys)


def fusion_order(items: Iterable[Item]) -> list[Item]:
    """The order items are fused in (and an incident rebuilt from its members): items that say where
    they happened by time, as they make the incidents; then the others, the best-dated first, as
    what they join tells where their reports' vaguer sentences belong."""
    ordered = sorted(items, key=Item.order_key)
    return [i for i in ordered if anchored(i)] + sorted((i for i in ordered if not anchored(i)),
                                                        key=lambda i: -i.time_rank)


class _Fuser:
    def __init__(self, window_hours: float, distance_km: float) -> None:
        self.window_s = window_hours * 3600.0
        self.distance_km = distance_km
        self.max_span_s = MAX_SPAN_WINDOWS * self.window_s
        self.clusters: list[Cluster] = []
        self.index = BucketIndex(window_hours, distance_km)
        self.fresh_from = 0  # clusters from this index on were opened in this pass

    def file(self, ref: int) -> None:
        c = self.clusters[ref]
        if c.closed or c.t0 is None or c.t1 is None:
            return
        self.index.add(ref, c.family, c.t0, c.t1, c.lat, c.lon, c.tol_km, c.keys, c.pair,
                       c.anchor_report_ids, reported=bool(c.event_ids))

    def open(self, cluster: Cluster) -> None:
        if cluster.t0 is not None and cluster.t1 is not None and cluster.t1 - cluster.t0 > self.max_span_s:
            cluster.closed = True
        self.clusters.append(cluster)
        self.file(len(self.clusters) - 1)

    def _actors_fit(self, item: Item, c: Cluster) -> bool:
        def same(x: str | None, y: str | None) -> bool:
            return x is None or y is None or x == y

        # Each side may blame the other for the same exchange of fire: allow the swapped pair.
        actor, recipient = c.sides
        return (same(item.actor, actor) and same(item.recipient, recipient)) or (
            same(item.actor, recipient) and same(item.recipient, actor))

    def _timing(self, item: Item, c: Cluster) -> tuple[float, float] | None:
        """(gap, distance between centres) in seconds, or None when too far apart in time."""
        if item.t0 is None or item.t1 is None or item.reach0 is None or c.t0 is None or c.t1 is None:
            return None  # an undated side has no time to compare (callers pass only dated ones)
        gap = max(0.0, item.reach0 - c.t1, c.t0 - item.t1)
        # Centres too: two dates known to the day, two days apart, are 24 h apart edge to edge
        # but 48 h apart as days, and are two happenings.
        centres = abs((item.t0 + item.t1) - (c.t0 + c.t1)) / 2.0
        if gap > self.window_s or centres > self.window_s:
            return None
        if c.stretches(item) and max(item.t1, c.t1) - min(item.t0, c.t0) > self.max_span_s:
            return None
        return gap, centres

    def score(self, item: Item, c: Cluster) -> float | None:
        """How well a placed `item` fits incident `c` (higher is better), or None when it cannot join."""
        if c.closed or item.family != c.family or c.t0 is None or not self._actors_fit(item, c):
            return None
        timing = self._timing(item, c)
        if timing is None:
            return None
        centres = timing[1]
        text = _text_fit(item, c)
        if item.lat is not None and item.lon is not None and c.lat is not None and c.lon is not None:
            reach = self.distance_km + item.tol_km + c.tol_km
            dist = haversine_km(item.lat, item.lon, c.lat, c.lon)
            if dist > reach:
                return None
            space = 1.0 - dist / reach
        elif item.place_keys & c.keys:
            space = 0.5
        elif text * 100.0 >= TEXT_JOIN_RATIO or (item.pair_known and c.pair == (item.actor, item.recipient)):
            space = 0.0
        else:
            return None
        # Between equally good fits, the better-reported incident (a hint, never decisive alone).
        size = min(1.0, len(c.report_ids) / 5.0)
        return 0.4 * (1.0 - centres / self.window_s) + 0.4 * space + 0.2 * text + 0.05 * size

    def score_unplaced(self, item: Item, c: Cluster, vague: bool) -> float | None:
        """How well an item that names no place fits incident `c`, or None.

        Such an item joins on other ties: the same report tells of the incident (a report about one
        shelling mentions it in several sentences, only some of which name the town); a shared
        text or the same pair of sides; or, failing those, the incident is the one reported in the
        news over the item's own time. It never joins what only sensors recorded — without a place
        or words in common, nothing ties a sentence to a burst of explosions — and an item too vague
        in time to be dated (`vague`) joins only an incident that lies within its interval.
        """
        if c.closed or item.family != c.family or c.t0 is None or c.t1 is None or not c.event_ids:
            return None
        if not self._actors_fit(item, c):
            return None
        if item.t0 is None or item.t1 is None:
            return None  # place_unplaced opens an undated item on its own before scoring
        if vague:
            if not (item.t0 <= c.t0 and c.t1 <= item.t1):
                return None
            gap, closeness = 0.0, 0.0
        else:
            timing = self._timing(item, c)
            if timing is None:
                return None
            gap, closeness = timing[0], 1.0 - timing[1] / self.window_s
            if item.time_rank <= VAGUE:
                # Dated only by its report, an item most likely tells of what happened just
                # before publication (the end of its interval), not in the middle of two days.
                closeness = 1.0 - max(0.0, c.t0 - item.t1, item.t1 - c.t1) / (2 * self.window_s)
        same_report = item.report_id in c.anchor_report_ids
        text = _text_fit(item, c)
        pair = item.pair_known and c.pair in ((item.actor, item.recipient), (item.recipient, item.actor))
        if item.status == "denied":
            # A denial corroborates nothing and names no place: it belongs with the claim it
            # answers (its report's incident, the claim's words, the same pair of sides), and time
            # alone does not tie it to whatever happened that day.
            if not (same_report or pair or text * 100.0 >= ANSWER_RATIO):
                return None
        # With no tie but time, the item must fall within the incident's own span.
        elif not (same_report or text * 100.0 >= TEXT_JOIN_RATIO or pair or gap == 0.0):
            return None
        size = min(1.0, len(c.report_ids) / 5.0)
        placed = 1.0 if c.location is not None else 0.0
        return (0.3 * closeness + 0.25 * same_report + 0.15 * text + 0.1 * pair + 0.1 * size
                + 0.1 * placed)

    def _join(self, item: Item, refs: set[int], scorer: Callable[[Cluster], float | None]) -> bool:
        best: tuple[float, str, int] | None = None
        for ref in refs:
            c = self.clusters[ref]
            s = scorer(c)
            # Ties go to the smaller incident id, so the choice never depends on input order.
            if s is not None and (best is None or (-s, c.id) < best[:2]):
                best = (-s, c.id, ref)
        if best is None:
            return False
        ref = best[2]
        self.clusters[ref].absorb(item, retime=anchored(item))
        self.file(ref)
        return True

    def place(self, item: Item) -> None:
        """Join a placed `item` (or one with no time) to its best incident, or open a new one."""
        if item.t0 is None or item.t1 is None or item.t1 - item.t0 > self.max_span_s:
            self.open(Cluster.seed(item))
            return
        reach = self.distance_km + item.tol_km
        pair = (item.actor, item.recipient) if item.actor and item.recipient else None
        refs = self.index.candidates(item.family, item.t0, item.t1, item.lat, item.lon, reach,
                                     item.place_keys, pair)
        if not self._join(item, refs, lambda c: self.score(item, c)):
            self.open(Cluster.seed(item))

    def place_unplaced(self, item: Item) -> None:
        """Join an item that names no place to its best incident, or open a new one."""
        if item.t0 is None or item.t1 is None:
            self.open(Cluster.seed(item, anchored=False))
            return
        vague = item.t1 - item.t0 > self.max_span_s
        pair = (item.actor, item.recipient) if item.actor and item.recipient else None
        refs = self.index.reported_in(item.family, item.t0, item.t1, item.report_id, anywhere=True)
        if pair is not None and not vague:
            refs |= self.index.candidates(item.family, item.t0, item.t1, None, None, 0.0, (), pair)
        if not self._join(item, refs, lambda c: self.score_unplaced(item, c, vague)):
            self.open(Cluster.seed(item, anchored=False))


@dataclass(slots=True)
class FuseOutcome:
    """What one fusion pass made: every incident it holds with its time rank and whether it changed
    (new, or joined by an item), which incident each new item joined, and the items held back."""

    incidents: list[tuple[Incident, int, bool]] = field(default_factory=list)
    joined: dict[str, str] = field(default_factory=dict)  # item id -> incident id
    held: list[str] = field(default_factory=list)  # items of denial-only incidents: fused again later


def fuse_items(items: list[Item], existing: list[tuple[Incident, int | None]], origins: OriginIndex, *,
               window_hours: float | None = None, distance_km: float | None = None) -> FuseOutcome:
    """Fuse new `items` into `existing` incidents (each with its time rank, None: infer it from the
    record) and into new ones. Items already members of an existing incident must not be given."""
    settings = get_settings()
    fuser = _Fuser(window_hours if window_hours is not None else settings.fuse_window_hours,
                   distance_km if distance_km is not None else settings.fuse_distance_km)
    for incident, rank in sorted(existing, key=lambda pair: pair[0].id):
        fuser.open(Cluster.from_incident(incident, rank))
    fuser.fresh_from = len(fuser.clusters)
    # Items that say where they happened make the incidents; those that do not then join them.
    for item in fusion_order(items):
        if anchored(item):
            fuser.place(item)
        else:
            fuser.place_unplaced(item)

    outcome = FuseOutcome()
    for ref, c in enumerate(fuser.clusters):
        new = ref >= fuser.fresh_from
        if new and _only_denials(c):
            outcome.held.extend(sorted(c.event_ids))  # its denials are fused again with later claims
            continue
        changed = new or bool(c.joined)
        outcome.incidents.append((to_incident(c, independence_of(c, origins)), c.time_rank, changed))
        for item_id in c.joined:
            outcome.joined[item_id] = c.id
    return outcome


def fuse(events: list[Event], observations: list[Observation], reports: Mapping[str, Report],
         existing: list[Incident] | None = None, *, window_hours: float | None = None,
         distance_km: float | None = None) -> list[Incident]:
    """Fuse events and observations into incidents.

    `reports` maps report ids to reports (used to date undated events by publication and to count
    independent origins; pass the reports of `existing` incidents too for exact counts).
    `existing` incidents from an earlier run are extended: a new item joins one of them or opens a
    new incident; items already part of an existing incident are skipped. Returns every incident
    (existing ones, updated, and new ones) sorted by start time and id. The result does not depend
    on the order of the inputs, and fusing in two steps equals fusing at once when the second
    step's items come later in time than the first's.
    Window and distance default to `settings.fuse_window_hours` and `settings.fuse_distance_km`.
    The store-backed, incremental form is `truce.fusion.incremental.fuse_pending`.
    """
    event_items: dict[str, Item] = {}
    for event in events:
        item = item_from_event(event, reports.get(event.report_id))
        if item is not None:
            event_items[event.id] = item
    seen: set[str] = set()
    prior: list[tuple[Incident, int | None]] = []
    for incident in sorted(existing or [], key=lambda i: i.id):
        # The members at hand tell how precisely the stored span is known.
        ranks = [event_items[e].time_rank for e in incident.event_ids if e in event_items]
        known = len(ranks) == len(incident.event_ids)
        rank = (PRECISE if incident.observation_ids else max(ranks, default=0)) if known else None
        prior.append((incident, rank))
        seen.update(incident.event_ids)
        seen.update(incident.observation_ids)

    items: list[Item] = [item for eid, item in event_items.items() if eid not in seen]
    seen.update(event_items)
    teams: dict[str, str] = {}
    for obs in observations:
        item = item_from_observation(obs)
        if item.team:
            teams.setdefault(obs.report_id, item.team)
        if obs.id not in seen:
            items.append(item)
            seen.add(obs.id)
    outcome = fuse_items(items, prior, OriginIndex(reports, teams), window_hours=window_hours,
                         distance_km=distance_km)
    result = [incident for incident, _, _ in outcome.incidents]
    return sorted(result, key=lambda i: (i.start.timestamp() if i.start else float("inf"), i.id))


def _text_fit(item: Item, c: Cluster) -> float:
    """Shared words (0–1) between an item and an incident's evidence; a denial or a relayed claim is
    also compared with the claims the incident rests on, since it answers or repeats one of them."""
    if not item.sentence:
        return 0.0
    best = fuzz.token_set_ratio(item.sentence, c.sentence) if c.sentence else 0.0
    if item.status in ("denied", "claimed"):
        for _, text in c.claim_texts:
            best = max(best, fuzz.token_set_ratio(item.sentence, text))
    return best / 100.0


def _only_denials(c: Cluster) -> bool:
    """An incident made only of denials answers a claim that is not at hand: it is no happening."""
    return not c.observation_ids and bool(c.event_ids) and all(
        cl.stance == "denies" for cl in c.claims) and len(c.claims) == len(c.event_ids)


def independence_of(c: Cluster, origins: OriginIndex) -> Independence:
    """Independent origins behind a cluster (see `truce.fusion.sources`)."""
    return independence(origins, c.report_ids, c.new_report_ids, c.prior)
