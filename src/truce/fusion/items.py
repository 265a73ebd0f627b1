"""Events and observations seen the same way: one `Item` per thing that may belong to an incident.

An `Item` carries what fusion compares — type family, a time interval, a place with its
uncertainty, the countries involved, the evidence sentence — and what an incident keeps from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

# The type families and the compared form of names are shared with the store and agreements.
from truce.foundation.families import family_of
from truce.foundation.words import normalise
from truce.fusion.geometry import COARSE_PRECISIONS, destination, tolerance_km
from truce.model import Claim, Event, Observation, PlaceRef, Report, Timed

# What a monitor saw or heard, as the PLOVER type and mode of the happening behind it.
OBSERVATION_TYPE: dict[str, str] = {
    "explosion": "ASSAULT", "small-arms": "ASSAULT", "heavy-weapon-seen": "MOBILIZE",
    "uav": "MOBILIZE", "movement": "MOBILIZE", "movement-restriction": "COERCE", "other": "OTHER",
}  # fmt: skip
HEAVY_WEAPONS = frozenset({"artillery", "howitzer", "mortar", "mlrs", "tank", "heavy-weapons", "rocket"})

# Statements that no happening took place, or might, and background recalled from the past (the
# war of the 1990s in an article about today): none of them is an incident of the monitored period.
NOT_HAPPENINGS = frozenset({"negation", "hypothetical", "future", "historical"})

@dataclass(slots=True)
class Item(Timed):
    """One event or observation, ready to be compared with incidents."""

    id: str
    kind: str  # "event" or "observation"
    report_id: str
    type: str
    family: str
    mode: str | None
    start: datetime | None
    end: datetime | None
    place: PlaceRef | None
    lat: float | None
    lon: float | None
    tol_km: float
    place_keys: frozenset[str]
    actor: str | None
    recipient: str | None
    sentence: str
    status: str = "asserted"
    claim: Claim | None = None
    count: int = 0
    fatalities: int | None = None
    injured: int | None = None
    weapons: list[str] = field(default_factory=list)
    team: str | None = None  # observer team or sensor id
    # How precisely the time is known: PRECISE (an observation's clock), DAY (a date phrase), VAGUE
    # (no date phrase: "around publication"). An incident's time comes from its most precise items.
    time_rank: int = 0
    # The earliest the item may have happened, when that is before `start`: an undated sentence is
    # placed on its publication day but may tell of the day before, so it may still join an
    # incident of that day (without moving the incident's span).
    earliest: datetime | None = None

    @property
    def pair_known(self) -> bool:
        """True when both the actor's and the recipient's countries are known."""
        return self.actor is not None and self.recipient is not None

    @property
    def reach0(self) -> float | None:
        """Start of the interval the item may join incidents over (`earliest`, else `start`)."""
        return self.earliest.timestamp() if self.earliest else self.t0

    def order_key(self) -> tuple[float, float, str]:
        """Canonical processing order: by start, then end, then id (untimed items last)."""
        inf = float("inf")
        return (self.t0 if self.t0 is not None else inf, self.t1 if self.t1 is not None else inf, self.id)


def place_keys(place: PlaceRef | None) -> frozenset[str]:
    """Names under which an item without coordinates may meet an incident: id, name, admin area."""
    if place is None or place.precision in COARSE_PRECISIONS:
        return frozenset()  # a country is no place at fusion scale
    keys = set()
    if place.geonameid is not None:
        keys.add(f"gn:{place.geonameid}")
    for name in (place.name, place.text):
        n = normalise(name)
        if n:
            keys.add(f"nm:{n}")
    if place.admin1 and place.precision not in COARSE_PRECISIONS:
        keys.add(f"a1:{place.country or ''}:{normalise(place.admin1)}")
    return frozenset(keys)


def located(place: PlaceRef | None) -> tuple[float | None, float | None, float]:
    """Coordinates of a place and their uncertainty; (None, None, 0) when it cannot be placed."""
    if place is None or place.lat is None or place.lon is None or place.precision in COARSE_PRECISIONS:
        return None, None, 0.0
    return place.lat, place.lon, tolerance_km(place.precision)


def precision_for(tol_km: float) -> str:
    """The coarsest precision whose tolerance covers `tol_km` (so a place round-trips through PlaceRef)."""
    for precision in ("point", "village", "city", "district"):
        if tol_km <= tolerance_km(precision):
            return precision
    return "region"


# Ranks of time precision (see `Item.time_rank`).
VAGUE, DAY, PRECISE = 1, 2, 3
# A date phrase naming more days than this is too vague to date an incident by ("this week").
DAY_RANK_MAX_DAYS = 2


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _day_span(first: date, last: date) -> tuple[datetime, datetime]:
    start = datetime.combine(first, time(0, 0), tzinfo=UTC)
    return start, datetime.combine(last, time(0, 0), tzinfo=UTC) + timedelta(days=1, seconds=-1)


def event_interval(event: Event,
                   report: Report | None) -> tuple[datetime | None, datetime | None, int]:
    """When an event happened, as UTC instants, and how precisely that is known (`time_rank`).

    A date known to the day becomes 00:00:00–23:59:59 UTC of that day (DAY; a phrase naming more
    than two days is VAGUE). Without a usable date the event is taken to have happened on the
    publication day, up to publication (VAGUE): news tells of the day's events, and an earlier day
    is usually named ("yesterday", "on Monday"), which gives a date phrase. Either way a report
    cannot tell of what happened after it was published: the interval ends at publication. A
    publication stamped exactly at midnight is taken as a date without a time (the whole day).
    """
    d = event.date
    published = _utc(report.published) if report is not None and report.published is not None else None
    if published is not None and published.timetz().replace(tzinfo=None) == time(0, 0):
        published = published + timedelta(days=1, seconds=-1)
    if d is not None and d.start is not None and not d.background:
        first, last = d.start, d.end or d.start
        start, end = _day_span(first, last)
        rank = DAY if d.precision == "day" and (last - first).days < DAY_RANK_MAX_DAYS else VAGUE
    elif published is not None:
        start, end = _day_span(published.date(), published.date())
        rank = VAGUE
    else:
        return None, None, 0
    if published is not None and start <= published < end:
        end = published
    return start, end, rank


def item_from_event(event: Event, report: Report | None) -> Item | None:
    """The fusion view of an event, or None when it is no happening of the monitored period
    (negated, hypothetical, future, historical background); a denial is always kept."""
    if event.aux in NOT_HAPPENINGS and event.status != "denied":
        return None
    start, end, rank = event_interval(event, report)
    actor = event.actor.country if event.actor else None
    recipient = event.recipient.country if event.recipient else None
    if actor is not None and actor == recipient:
        # One country on both sides (a rebel force coded by the state it fights, or a misread
        # sentence) tells nothing about which side is which: compare as if unknown.
        actor = recipient = None
    earliest = start - timedelta(days=1) if start is not None and (event.date is None or event.date.start is None
                                                                   or event.date.background) else None
    lat, lon, tol = located(event.location)
    claim = None
    if event.status in ("claimed", "denied"):
        speaker = event.source
        party = (speaker.country or speaker.name or speaker.text) if speaker else None
        claim = Claim(party=party or "unknown", stance="claims" if event.status == "claimed" else "denies",
                      event_id=event.id, source_text=event.evidence.sentence if event.evidence else None,
                      accused=event.actor.country if event.actor else None)
    return Item(
        id=event.id, kind="event", report_id=event.report_id, type=event.type, family=family_of(event.type),
        mode=event.mode, start=start, end=end, place=event.location, lat=lat, lon=lon, tol_km=tol,
        place_keys=place_keys(event.location),
        actor=actor, recipient=recipient,
        sentence=event.evidence.sentence if event.evidence else "", status=event.status, claim=claim,
        fatalities=event.fatalities, injured=event.injured, weapons=sorted(set(event.weapons)),
        time_rank=rank, earliest=earliest,
    )


def observation_place(obs: Observation) -> tuple[float | None, float | None, float]:
    """Where an observed happening was: the estimated impact point, else the observer's position
    projected along the bearing by the distance, else the observer's position itself (wider margin)."""
    if obs.location is not None and obs.location.lat is not None and obs.location.lon is not None:
        return obs.location.lat, obs.location.lon, tolerance_km(obs.location.precision or "point")
    if obs.observer_lat is None or obs.observer_lon is None:
        return None, None, 0.0
    if obs.bearing_deg is not None and obs.distance_km is not None:
        lat, lon = destination(obs.observer_lat, obs.observer_lon, obs.bearing_deg, obs.distance_km)
        # Estimated distances (by ear, by flash-to-bang) are rough: the margin grows with them.
        return lat, lon, 1.0 + 0.3 * obs.distance_km
    # Explosions are heard 10 km and more away; without a bearing the observer's post is all we know.
    reach = obs.distance_km + 2.0 if obs.distance_km is not None else 10.0
    return obs.observer_lat, obs.observer_lon, reach


def _observation_mode(obs: Observation) -> str | None:
    weapon = normalise(obs.weapon).replace(" ", "-") if obs.weapon else None
    if obs.what == "small-arms" or weapon == "small-arms":
        return "firearms"
    if weapon in HEAVY_WEAPONS:
        return "heavy-weapons"
    if obs.what == "uav" or weapon in ("uav", "drone"):
        return "drone" if obs.what == "explosion" else None
    return None


def item_from_observation(obs: Observation) -> Item:
    """The fusion view of a field or sensor observation."""
    lat, lon, tol = observation_place(obs)
    type_ = OBSERVATION_TYPE.get(obs.what, "OTHER")
    name = obs.location.name or obs.location.text if obs.location else None
    place = None
    if lat is not None and lon is not None:
        place = PlaceRef(text=name or f"observed by {obs.observer or 'monitors'}", name=name, lat=lat,
                         lon=lon, country=obs.location.country if obs.location else None,
                         admin1=obs.location.admin1 if obs.location else None,
                         precision=precision_for(tol))  # type: ignore[arg-type]
    elif obs.location is not None:
        place = obs.location
    start = _utc(obs.observed_from)
    end = _utc(obs.observed_until) if obs.observed_until else start
    sentence = obs.notes or ""
    return Item(
        id=obs.id, kind="observation", report_id=obs.report_id, type=type_, family=family_of(type_),
        mode=_observation_mode(obs), start=start, end=max(start, end), place=place, lat=lat, lon=lon,
        tol_km=tolerance_km(place.precision) if place is not None and lat is not None else tol,
        place_keys=place_keys(place), actor=None, recipient=None, sentence=sentence,
        count=max(1, obs.count), weapons=[obs.weapon] if obs.weapon else [],
        team=observing_source(obs), time_rank=PRECISE,
    )


def observing_source(obs: Observation) -> str | None:
    """Who stands behind an observation as one source: a field team, or a whole sensor network
    (sensors of one network share one chain of processing, so they are not independent)."""
    if obs.how in ("acoustic", "radar"):
        return obs.source_name or obs.observer
    return obs.observer or obs.source_name
