"""The growing state of one incident, and the Incident record it becomes.

Everything fusion compares an item with is read from fields the `Incident` record keeps (type,
time span, location, countries, the quoted evidence in its summary), so an incident loaded back
from the store matches new items exactly as it did while it was being built: that is what makes
incremental fusion equal batch fusion.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from truce.foundation.families import family_of
from truce.fusion.geometry import PRECISION_RANK
from truce.fusion.items import DAY, PRECISE, VAGUE, Item, located, place_keys
from truce.fusion.sources import Independence
from truce.model import Claim, Happening, Incident, PlaceRef, content_id

_EVIDENCE = ' Evidence: "'
MAX_CLAIM_TEXTS = 4  # claims compared with a denial or relay: bounded work per item


@dataclass(slots=True)
class Cluster(Happening):
    """An incident under construction."""

    actor: str | None
    recipient: str | None
    sentence: str
    event_ids: set[str] = field(default_factory=set)
    observation_ids: set[str] = field(default_factory=set)
    report_ids: set[str] = field(default_factory=set)
    new_report_ids: set[str] = field(default_factory=set)  # joined in this run
    # Reports that placed the incident (an item of theirs named where it happened): their other
    # sentences, which may not repeat the place, belong here too.
    anchor_report_ids: set[str] = field(default_factory=set)
    claims: list[Claim] = field(default_factory=list)
    observation_count: int = 0
    fatalities: int | None = None
    injured: int | None = None
    weapons: set[str] = field(default_factory=set)
    prior: Independence | None = None  # the stored incident's independent sources, when loaded
    closed: bool = False  # too vague in time to accept other items
    # The precision rank (items.VAGUE/DAY/PRECISE) of the items the span [start, end] comes from:
    # less precise members never stretch it, a more precise one replaces it.
    time_rank: int = 0
    # How many members named each place (keyed by geonameid or name): the incident is placed where
    # most of its most precise members put it, not where the first one happened to.
    place_votes: dict[str, tuple[PlaceRef, int]] = field(default_factory=dict)
    # The words of the claims the incident rests on (a few, the smallest event ids first, so a
    # reloaded incident keeps the same ones): a denial or a relay joins the incident whose claim
    # it answers.
    claim_texts: tuple[tuple[str, str], ...] = ()
    joined: list[str] = field(default_factory=list)  # ids of the items absorbed in this pass

    # --- derived from the fields above; refreshed by `_refresh` ---
    family: str = ""
    lat: float | None = None
    lon: float | None = None
    tol_km: float = 0.0
    keys: frozenset[str] = frozenset()

    def _refresh(self) -> None:
        self.family = family_of(self.type)
        self.lat, self.lon, self.tol_km = located(self.location)
        self.keys = place_keys(self.location)

    @property
    def sides(self) -> tuple[str | None, str | None]:
        """(actor, recipient) countries; both unknown when one country stands on both sides."""
        return (None, None) if self.actor is not None and self.actor == self.recipient else (
            self.actor, self.recipient)

    @property
    def pair(self) -> tuple[str, str] | None:
        return (self.actor, self.recipient) if self.actor and self.recipient else None

    @classmethod
    def seed(cls, item: Item, anchored: bool = True) -> Cluster:
        """A new incident opened by its first item; its id derives from that item and never changes."""
        c = cls(id=content_id("in", item.id), type=item.type, mode=item.mode, start=item.start, end=item.end,
                location=item.place, actor=item.actor, recipient=item.recipient, sentence=item.sentence,
                time_rank=item.time_rank)
        c._refresh()
        if item.place is not None:
            c._vote(item.place)
        c.absorb(item, update_place=False, retime=anchored)
        return c

    @classmethod
    def from_incident(cls, incident: Incident, time_rank: int | None = None) -> Cluster:
        """Resume growing an incident produced by an earlier run. `time_rank` is the best time
        precision among its members when they are at hand; else it is inferred from the record."""
        sentence = ""
        if _EVIDENCE in incident.summary:
            sentence = incident.summary.split(_EVIDENCE, 1)[1].removesuffix('"')
        c = cls(id=incident.id, type=incident.type, mode=incident.mode, start=incident.start, end=incident.end,
                location=incident.location, actor=incident.actor_country,
                recipient=incident.recipient_country, sentence=sentence,
                event_ids=set(incident.event_ids), observation_ids=set(incident.observation_ids),
                report_ids=set(incident.report_ids), anchor_report_ids=set(incident.report_ids),
                claims=list(incident.claims),
                observation_count=incident.observation_count, fatalities=incident.fatalities,
                injured=incident.injured, weapons=set(incident.weapons),
                prior=Independence(incident.independent_sources, dict(incident.origins)),
                time_rank=time_rank if time_rank is not None else _inferred_rank(incident))
        for claim in incident.claims:
            c._note_claim(claim)
        c._refresh()
        return c

    def stretches(self, item: Item) -> bool:
        """Whether absorbing `item` would widen the span (only items as precise as it do)."""
        return item.time_rank >= self.time_rank and item.start is not None and (
            self.start is None or self.end is None or item.start < self.start or item.end > self.end)  # type: ignore[operator]

    def _overlaps(self, item: Item) -> bool:
        if self.start is None or self.end is None or item.start is None or item.end is None:
            return True
        return item.start <= self.end and self.start <= item.end

    def _retime(self, item: Item) -> None:
        """The span comes from the most precise members: a more precise item replaces it (kept
        within the old span when the two overlap), an equally precise one widens it, a vaguer
        one leaves it alone — a day-only mention never stretches an observed hour."""
        if item.start is None or item.end is None:
            return
        if self.start is None or self.end is None or item.time_rank > self.time_rank:
            start, end = item.start, item.end
            if self.start is not None and self.end is not None and start < self.end and self.start < end \
                    and item.time_rank < PRECISE:
                start, end = max(start, self.start), min(end, self.end)
            self.start, self.end, self.time_rank = start, end, max(self.time_rank, item.time_rank)
        elif item.time_rank == self.time_rank:
            self.start, self.end = min(self.start, item.start), max(self.end, item.end)

    def _note_claim(self, claim: Claim) -> None:
        if claim.stance != "claims" or not claim.source_text:
            return
        texts = sorted({*self.claim_texts, (claim.event_id, claim.source_text)})
        self.claim_texts = tuple(texts[:MAX_CLAIM_TEXTS])

    def _vote(self, place: PlaceRef) -> None:
        key = str(place.geonameid) if place.geonameid else (place.name or place.text).casefold()
        _, votes = self.place_votes.get(key, (place, 0))
        self.place_votes[key] = (place, votes + 1)
        if self.location is not None and not self.place_votes.get(
                str(self.location.geonameid) if self.location.geonameid
                else (self.location.name or self.location.text).casefold()):
            self.place_votes.setdefault("~loaded", (self.location, 1))  # the stored incident's place
        # Towns, villages and points are all "a locality": among them the votes decide (a village
        # and a city of one name are often the same place in two gazetteer entries); a locality
        # always beats a district, region or country.
        local = PRECISION_RANK["city"]
        self.location = max(self.place_votes.values(),
                            key=lambda pv: (min(PRECISION_RANK.get(pv[0].precision, 0), local), pv[1],
                                            PRECISION_RANK.get(pv[0].precision, 0)))[0]

    def absorb(self, item: Item, update_place: bool = True, retime: bool = True) -> None:
        """Add one item: refine the time span, keep the most precise place, sum counts, keep claims.
        An item that names no place (`retime` False) may sharpen a vaguer span it overlaps, never
        widen or move it."""
        self.joined.append(item.id)
        if item.kind == "event":
            self.event_ids.add(item.id)
        else:
            self.observation_ids.add(item.id)
            self.observation_count += item.count
        if item.report_id and item.report_id not in self.report_ids:
            self.report_ids.add(item.report_id)
            self.new_report_ids.add(item.report_id)
        if retime and item.report_id:
            self.anchor_report_ids.add(item.report_id)
        if retime or (item.time_rank > self.time_rank and self._overlaps(item)):
            self._retime(item)
        if update_place and item.place is not None:
            self._vote(item.place)
        self.mode = self.mode or item.mode
        # Fill the sides from the first members that name them, never one country on both sides.
        if self.actor is None and item.actor is not None and item.actor != self.recipient:
            self.actor = item.actor
        if self.recipient is None and item.recipient is not None and item.recipient != self.actor:
            self.recipient = item.recipient
        self.sentence = self.sentence or item.sentence
        if item.claim is not None:
            self.claims.append(item.claim)
            self._note_claim(item.claim)
        for attr in ("fatalities", "injured"):
            value = getattr(item, attr)
            if value is not None:
                setattr(self, attr, max(value, getattr(self, attr) or 0))
        self.weapons.update(item.weapons)
        self._refresh()


def _inferred_rank(incident: Incident) -> int:
    """The time precision of a stored incident whose members are not at hand: observations are
    precise; a span of one whole day came from a date phrase; anything else from publication."""
    if incident.observation_ids:
        return PRECISE
    if incident.start is None or incident.end is None:
        return 0
    whole_day = incident.start.timetz().replace(tzinfo=None) == datetime.min.time() and (
        incident.end - incident.start).total_seconds() < 86400
    return DAY if whole_day else VAGUE


_ACT = {
    "ASSAULT": "attack", "MOBILIZE": "military movement or build-up", "COERCE": "coercive act",
    "RETREAT": "withdrawal", "AGREE": "agreement", "ACCUSE": "accusation", "THREATEN": "threat",
}  # fmt: skip


def headline(c: Cluster, sources: int) -> str:
    """One line a reader can check: what, where, when, on how much evidence."""
    what = _ACT.get(c.type, c.type.lower())
    if c.mode:
        what += f" ({c.mode})"
    where = f" near {c.location.name or c.location.text}" if c.location else ""
    when = f" on {c.start:%d %b %Y}" if c.start else ""
    if c.start and c.end and c.end.date() != c.start.date():
        when = f" between {c.start:%d %b %Y} and {c.end:%d %b %Y}"
    seen = f", {c.observation_count} observed" if c.observation_ids else ""
    plural = "s" if len(c.report_ids) != 1 else ""
    return (f"{what[0].upper()}{what[1:]}{where}{when}: {len(c.report_ids)} report{plural}, "
            f"{sources} independent source{'s' if sources != 1 else ''}{seen}.")


def incident_confidence(sources: int, has_observations: bool, only_claims: bool) -> float:
    """Belief that the happening took place: grows with independent sources; monitors' own
    observations count strongly; a record made only of one-sided statements stays doubtful."""
    value = 1.0 - 0.5 * 0.6 ** max(0, sources - 1)
    if has_observations:
        value = max(value, 0.8)
    if only_claims and not has_observations:
        value = min(value, 0.6)
    return round(value, 3)


def to_incident(c: Cluster, independence: Independence) -> Incident:
    """The finished record (member ids and claims sorted, so equal inputs give equal records)."""
    sources = independence.count
    claim_ids = {cl.event_id for cl in c.claims}
    only_claims = bool(c.event_ids) and c.event_ids <= claim_ids
    summary = headline(c, sources)
    if c.sentence:
        summary += f'{_EVIDENCE}{c.sentence}"'
    return Incident(
        id=c.id, type=c.type, mode=c.mode, start=c.start, end=c.end, location=c.location,
        actor_country=c.actor, recipient_country=c.recipient, event_ids=sorted(c.event_ids),
        observation_ids=sorted(c.observation_ids), report_ids=sorted(c.report_ids),
        independent_sources=sources, origins=dict(sorted(independence.origins.items())),
        observation_count=c.observation_count,
        claims=sorted(c.claims, key=lambda cl: (cl.party, cl.stance, cl.event_id)),
        fatalities=c.fatalities, injured=c.injured, weapons=sorted(c.weapons),
        confidence=incident_confidence(sources, bool(c.observation_ids), only_claims), summary=summary,
    )
