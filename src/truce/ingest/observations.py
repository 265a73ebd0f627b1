"""Field and sensor observations (OSCE style) from one record of named values.

JSON objects give typed values, CSV rows give strings; both come through `read_observation`, so a
count of "12" and a count of 12 are read by the same rules. Every observation is also stored as a
report whose text is a generated sentence a person can read ("Team 2 heard 12 explosions, ...")
and whose raw payload is the line or row exactly as received.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import get_args

from truce.ingest.dates import parse_observed
from truce.ingest.items import E_FIELD_TYPE, E_MISSING, E_NUMBER, E_RANGE, E_VALUE, reject
from truce.model import Direction, Observation, ObservationHow, ObservationWhat, PlaceRef

WHAT_VALUES: tuple[str, ...] = get_args(ObservationWhat)
HOW_VALUES: tuple[str, ...] = get_args(ObservationHow)
DIRECTION_VALUES: tuple[str, ...] = get_args(Direction)

# Every field an observation record may carry (FORMATS.md). `kind`, `published` and `source_name`
# belong to the report that stores it.
OBSERVATION_FIELDS = (
    "observed_at", "observed_until", "what", "how", "count", "direction", "weapon", "bearing_deg",
    "distance_km", "observer", "lat", "lon", "target_lat", "target_lon", "location_name", "notes",
)  # fmt: skip
REQUIRED_FIELDS = ("observed_at", "what", "how")

# (verb, words after the count phrase) for each way of observing.
_HOW_PHRASES: dict[str, tuple[str, str]] = {
    "heard": ("heard", ""), "seen": ("saw", ""), "camera": ("recorded", " on camera"),
    "uav": ("saw", " from a UAV"), "acoustic": ("detected", " acoustically"),
    "radar": ("detected", " on radar"), "other": ("reported", ""),
}  # fmt: skip
# (singular, plural) for each kind of observation.
_WHAT_NOUNS: dict[str, tuple[str, str]] = {
    "explosion": ("explosion", "explosions"),
    "small-arms": ("burst of small-arms fire", "bursts of small-arms fire"),
    "heavy-weapon-seen": ("heavy weapon", "heavy weapons"),
    "uav": ("UAV", "UAVs"),
    "movement-restriction": ("movement restriction", "movement restrictions"),
    "movement": ("movement", "movements"),
    "other": ("event", "events"),
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(slots=True)
class ValueRules:
    """How loosely categorical values are read: synonyms per field, and a zone for zoneless times."""

    synonyms: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> {written: canonical}
    default_zone: tzinfo | None = None


def read_observation(values: Mapping[str, object], where: str, *, rules: ValueRules | None = None,
                     zone: tzinfo | None = None, source_name: str | None = None) -> Observation:
    """An Observation from named values; raises InputRejected naming the first bad field.

    `id` and `report_id` are left empty: they follow from the report the caller makes.
    """
    rules = rules or ValueRules()
    for name in REQUIRED_FIELDS:
        if _blank(values.get(name)):
            raise reject(E_MISSING, f"observation has no `{name}`",
                         f"give `{name}` ({_expected(name)})", where)
    default_zone = zone or rules.default_zone
    start = parse_observed(values["observed_at"], where, "observed_at", default_zone)
    until_value = values.get("observed_until")
    until = None
    if not _blank(until_value):
        until = parse_observed(until_value, where, "observed_until", default_zone or start.tzinfo, start.date())
        if until < start:
            raise reject(E_RANGE, f"observed_until {until.isoformat()} is before observed_at {start.isoformat()}",
                         "swap or fix the two times", where)
    observer_lat, observer_lon = _pair(values, "lat", "lon", where)
    target_lat, target_lon = _pair(values, "target_lat", "target_lon", where)
    location_name = _text(values.get("location_name"), where, "location_name")
    location = None
    if location_name or target_lat is not None:
        location = PlaceRef(text=location_name or "", lat=target_lat, lon=target_lon,
                            precision="point" if target_lat is not None else None)
    count = _number(values.get("count"), where, "count", 1, 1_000_000)
    if count is not None and count != int(count):
        raise reject(E_NUMBER, f"count {values.get('count')!r} is not a whole number",
                     "write the count as a whole number, e.g. 12", where)
    direction = _vocab(values.get("direction"), where, "direction", DIRECTION_VALUES, rules)
    return Observation(
        id="", report_id="",
        what=_vocab(values["what"], where, "what", WHAT_VALUES, rules),  # type: ignore[arg-type]
        how=_vocab(values["how"], where, "how", HOW_VALUES, rules),  # type: ignore[arg-type]
        observed_from=start, observed_until=until,
        observer=_text(values.get("observer"), where, "observer"),
        observer_lat=observer_lat, observer_lon=observer_lon,
        bearing_deg=_number(values.get("bearing_deg"), where, "bearing_deg", 0, 360),
        distance_km=_number(values.get("distance_km"), where, "distance_km", 0, 1000),
        direction=(direction or "undetermined"),  # type: ignore[arg-type]
        count=int(count) if count is not None else 1,
        weapon=_text(values.get("weapon"), where, "weapon"),
        location=location,
        notes=_text(values.get("notes"), where, "notes"),
        source_name=source_name,
    )


def describe(observation: Observation, *, sensor: bool = False) -> str:
    """A sentence a person can read: 'Team 2 heard 12 explosions, incoming, bearing 120°, ...'.

    It names every field that tells two observations apart, since the report id hashes it.
    """
    subject = observation.observer or ("A sensor" if sensor else "A monitor")
    verb, after = _HOW_PHRASES[observation.how]
    singular, plural = _WHAT_NOUNS[observation.what]
    noun = singular if observation.count == 1 else plural
    counted = f"{'a' if noun[0] not in 'aeiouAEIOU' or noun.startswith('UAV') else 'an'} {noun}" \
        if observation.count == 1 else f"{observation.count} {noun}"
    parts = [f"{subject} {verb} {counted}{after}"]
    if observation.weapon and "-".join(observation.weapon.lower().split()) != observation.what:
        parts.append(observation.weapon)  # "small-arms" fire from small arms says it once
    if observation.direction != "undetermined":
        parts.append(observation.direction)
    if observation.bearing_deg is not None:
        parts.append(f"bearing {observation.bearing_deg:g}°")
    if observation.distance_km is not None:
        parts.append(f"about {observation.distance_km:g} km")
    place = observation.location
    if place is not None and place.text:
        parts.append(f"near {place.text}")
    if place is not None and place.lat is not None and place.lon is not None:
        parts.append(f"impact estimated at {place.lat:.5g}, {place.lon:.5g}")
    parts.append(_period(observation.observed_from, observation.observed_until))
    sentences = [", ".join(parts) + "."]
    if observation.observer_lat is not None and observation.observer_lon is not None:
        sentences.append(f"Observer position {observation.observer_lat:.5g}, {observation.observer_lon:.5g}.")
    if observation.notes:
        sentences.append(f"Notes: {observation.notes}")
    return " ".join(sentences)


def _period(start: datetime, until: datetime | None) -> str:
    text = f"from {_moment(start)}"
    if until is None:
        return text
    if until.date() == start.date() and until.utcoffset() == start.utcoffset():
        return f"{text} to {until:%H:%M}"
    return f"{text} to {_moment(until)}"


def _moment(moment: datetime) -> str:
    offset = moment.strftime("%z")  # +0400
    offset = f"{offset[:3]}:{offset[3:]}" if offset else ""
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year} {moment:%H:%M} {offset}".rstrip()


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: object, where: str, name: str) -> str | None:
    if _blank(value):
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    raise reject(E_FIELD_TYPE, f"{name} must be text, not {type(value).__name__}",
                 f"write {name} as a string", where)


def _vocab(value: object, where: str, name: str, allowed: tuple[str, ...], rules: ValueRules) -> str | None:
    if _blank(value):
        return None
    if not isinstance(value, str):
        raise reject(E_FIELD_TYPE, f"{name} must be text, not {type(value).__name__} {value!r}",
                     f"write one of: {', '.join(allowed)}", where)
    word = "-".join(value.strip().lower().replace("_", " ").split())
    word = rules.synonyms.get(name, {}).get(word, word)
    if word not in allowed:
        raise reject(E_VALUE, f"{name} {value!r} is not one of: {', '.join(allowed)}",
                     f"use one of those values, or map {value!r} under `values: {name}:` in the column map",
                     where)
    return word


def _number(value: object, where: str, name: str, low: float, high: float) -> float | None:
    if _blank(value):
        return None
    number: float
    if isinstance(value, bool):
        raise reject(E_NUMBER, f"{name} {value!r} is not a number", f"write {name} as a number", where)
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if "," in text and "." not in text:
            text = text.replace(",", ".")  # decimal comma, as many European exports write it
        try:
            number = float(text)
        except ValueError:
            raise reject(E_NUMBER, f"{name} {value!r} is not a number",
                         f"write {name} as a number, e.g. {_expected(name)}", where) from None
    else:
        raise reject(E_NUMBER, f"{name} {value!r} is not a number", f"write {name} as a number", where)
    if not math.isfinite(number) or not low <= number <= high:
        raise reject(E_RANGE, f"{name} {value!r} is out of range ({low:g} to {high:g})",
                     f"check the {name} value", where)
    return number


def _pair(values: Mapping[str, object], lat_name: str, lon_name: str, where: str) -> tuple[float | None, float | None]:
    lat = _number(values.get(lat_name), where, lat_name, -90, 90)
    lon = _number(values.get(lon_name), where, lon_name, -180, 180)
    if (lat is None) != (lon is None):
        missing = lon_name if lon is None else lat_name
        raise reject(E_MISSING, f"{lat_name}/{lon_name} given only in part: `{missing}` is missing",
                     f"give both {lat_name} and {lon_name}, or neither", where)
    return lat, lon


def _expected(name: str) -> str:
    return {
        "observed_at": "ISO date-time with zone, e.g. 2023-09-21T14:05:00+04:00",
        "what": "one of " + ", ".join(WHAT_VALUES),
        "how": "one of " + ", ".join(HOW_VALUES),
        "count": "12", "bearing_deg": "120", "distance_km": "4.5",
    }.get(name, "a value")
