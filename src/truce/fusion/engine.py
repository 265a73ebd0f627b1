"""Events and observations from many reports → incidents.

Items are taken in one canonical order (by time, then id), whatever order they came in. Each joins
the best incident it is compatible with — same type family, within the time window, within reach
in space (or sharing a place name when it has no coordinates), with compatible actors — or opens a
new one whose id derives from it. Comparisons are against the incident's own record (its span,
its most precise place, its countries, its quoted evidence), never against all its members, so the
work per item is bounded and an incident reloaded from the store behaves like one just built.
"""

from __future__ import annotations

from collections.abc import Mapping

from rapidfuzz import fuzz

from truce.fusion.cluster import Cluster, to_incident
from truce.fusion.geometry import haversine_km
from truce.fusion.index import BucketIndex
from truce.fusion.items import Item, item_from_event, item_from_observation
from truce.fusion.sources import OriginIndex, count_origins
from truce.model import Event, Incident, Observation, Report
from truce.settings import get_settings

# Without coordinates or a shared place name, an item joins only on strong other evidence.
TEXT_JOIN_RATIO = 70.0
# An incident spans at most this many windows, so that a week of daily shelling stays seven incidents.
MAX_SPAN_WINDOWS = 2.0


class _Fuser:
    def __init__(self, window_hours: float, distance_km: float) -> None:
        self.window_s = window_hours * 3600.0
        self.distance_km = distance_km
        self.max_span_s = MAX_SPAN_WINDOWS * self.window_s
        self.clusters: list[Cluster] = []
        self.index = BucketIndex(window_hours, distance_km)

    def file(self, ref: int) -> None:
        c = self.clusters[ref]
        if c.closed or c.t0 is None or c.t1 is None:
            return
        self.index.add(ref, c.family, c.t0, c.t1, c.lat, c.lon, c.tol_km, c.keys, c.pair)

    def open(self, cluster: Cluster) -> None:
        if cluster.t0 is not None and cluster.t1 is not None and cluster.t1 - cluster.t0 > self.max_span_s:
            cluster.closed = True
        self.clusters.append(cluster)
        self.file(len(self.clusters) - 1)

    def _actors_fit(self, item: Item, c: Cluster) -> bool:
        def same(x: str | None, y: str | None) -> bool:
            return x is None or y is None or x == y

        # Each side may blame the other for the same exchange of fire: allow the swapped pair.
        return (same(item.actor, c.actor) and same(item.recipient, c.recipient)) or (
            same(item.actor, c.recipient) and same(item.recipient, c.actor))

    def score(self, item: Item, c: Cluster) -> float | None:
        """How well `item` fits incident `c` (higher is better), or None when it cannot join."""
        assert item.t0 is not None and item.t1 is not None and c.t0 is not None and c.t1 is not None
        if c.closed or item.family != c.family:
            return None
        gap = max(0.0, item.t0 - c.t1, c.t0 - item.t1)
        # Centres too: two dates known to the day, two days apart, are 24 h apart edge to edge
        # but 48 h apart as days, and are two happenings.
        centres = abs((item.t0 + item.t1) - (c.t0 + c.t1)) / 2.0
        if gap > self.window_s or centres > self.window_s:
            return None
        if max(item.t1, c.t1) - min(item.t0, c.t0) > self.max_span_s:
            return None
        if not self._actors_fit(item, c):
            return None
        text = 0.0
        if item.sentence and c.sentence:
            text = fuzz.token_set_ratio(item.sentence, c.sentence) / 100.0
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
        return 0.4 * (1.0 - centres / self.window_s) + 0.4 * space + 0.2 * text

    def place(self, item: Item) -> None:
        """Join `item` to its best incident, or open a new one."""
        if item.t0 is None or item.t1 is None or item.t1 - item.t0 > self.max_span_s:
            self.open(Cluster.seed(item))
            return
        reach = self.distance_km + item.tol_km
        pair = (item.actor, item.recipient) if item.actor and item.recipient else None
        refs = self.index.candidates(item.family, item.t0, item.t1, item.lat, item.lon, reach,
                                     item.place_keys, pair)
        best: tuple[float, str, int] | None = None
        for ref in refs:
            c = self.clusters[ref]
            s = self.score(item, c)
            # Ties go to the smaller incident id, so the choice never depends on input order.
            if s is not None and (best is None or (-s, c.id) < best[:2]):
                best = (-s, c.id, ref)
        if best is None:
            self.open(Cluster.seed(item))
            return
        ref = best[2]
        self.clusters[ref].absorb(item)
        self.file(ref)


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
    """
    settings = get_settings()
    fuser = _Fuser(window_hours if window_hours is not None else settings.fuse_window_hours,
                   distance_km if distance_km is not None else settings.fuse_distance_km)
    seen: set[str] = set()
    for incident in sorted(existing or [], key=lambda i: i.id):
        fuser.open(Cluster.from_incident(incident))
        seen.update(incident.event_ids)
        seen.update(incident.observation_ids)

    items: list[Item] = []
    for event in events:
        if event.id not in seen:
            item = item_from_event(event, reports.get(event.report_id))
            if item is not None:
                items.append(item)
                seen.add(event.id)
    teams: dict[str, str] = {}
    for obs in observations:
        item = item_from_observation(obs)
        if item.team:
            teams.setdefault(obs.report_id, item.team)
        if obs.id not in seen:
            items.append(item)
            seen.add(obs.id)
    for item in sorted(items, key=Item.order_key):
        fuser.place(item)

    origins = OriginIndex(reports, teams)
    result = []
    for c in fuser.clusters:
        result.append(to_incident(c, _sources(c, origins)))
    return sorted(result, key=lambda i: (i.start.timestamp() if i.start else float("inf"), i.id))


def _sources(c: Cluster, origins: OriginIndex) -> int:
    """Independent origins behind a cluster (see `truce.fusion.sources`)."""
    available = all(rid in origins.reports or origins.team(rid) for rid in c.report_ids)
    if c.prior_sources is None or available:
        return max(1, count_origins(origins, c.report_ids)) if c.report_ids else 0
    # Some earlier reports are not at hand: add only the new origins that none of the known
    # earlier reports already stands for.
    if not c.new_report_ids:
        return c.prior_sources
    mapping = origins.origins(c.report_ids)
    old = {mapping[r] for r in c.report_ids - c.new_report_ids}
    new = {mapping[r] for r in c.new_report_ids} - old
    return c.prior_sources + len(new)
