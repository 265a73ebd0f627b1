"""Where and how an observed thing was, as a monitors' sentence tells it: distance and bearing from
the monitors' position ("6-8 km south-east"), direction of fire ("assessed as outgoing", "caused
by outgoing artillery fire"), and the place the monitors assessed it at ("17 explosions 8-10 km
east, which it assessed as near Shyrokyne", "(assessed as in Shyrokyne)").

A sentence may tell several observed things, each with its own distance ("heard 46 explosions
3-5 km south-east and about 110 bursts 2-3 km east"): each takes the first distance written after
it, never one inside the clause that says where the monitors stood.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span, Token

from truce.model import PlaceMention

BEARINGS = {"north": 0, "north-east": 45, "northeast": 45, "east": 90, "south-east": 135, "southeast": 135,
            "south": 180, "south-west": 225, "southwest": 225, "west": 270, "north-west": 315, "northwest": 315,
            "north-north-east": 22.5, "east-north-east": 67.5, "east-south-east": 112.5,
            "south-south-east": 157.5, "south-south-west": 202.5, "west-south-west": 247.5,
            "west-north-west": 292.5, "north-north-west": 337.5}
_DISTANCE = re.compile(r"(?P<lo>\d+(?:[.,]\d+)?)(?:\s*[-–]\s*(?P<hi>\d+(?:[.,]\d+)?))?\s*(?P<unit>km|m)\b\s+"
                       r"(?P<bearing>(?:north|south|east|west)(?:[- ](?:north|south|east|west)){0,2})", re.I)
# "assessed as impacts": rounds landing near the monitors, fire coming in towards them
_DIRECTION = re.compile(r"assessed\s+as\s+(?:an?\s+)?(?P<dir>outgoing|incoming|impacts?)\b", re.I)
_DIRECTIONS = frozenset({"outgoing", "incoming"})
# "which it assessed as near Shyrokyne", "(assessed as in Shyrokyne)", "assessed to be in the area of X"
_ASSESSED_AT = re.compile(r"assessed\s+(?:as|to\s+be)\s+(?:being\s+)?(?:in|near|at|around|in\s+the\s+area\s+of|"
                          r"in\s+the\s+vicinity\s+of)\s+(?:the\s+(?:village|town|settlement|city)\s+of\s+)?", re.I)


def position_chars(verb: Token, noun: Token) -> list[tuple[int, int]]:
    """Character ranges (in the sentence) of clauses telling where the monitors stood ("Positioned
    1.5km south-east of Kreminna, the SMM heard ..."): a distance there is theirs, not the explosions'."""
    start = verb.sent.start_char
    out = []
    for child in verb.children:
        if child.dep_ in {"advcl", "prep", "npadvmod"} and child.i < noun.i and noun not in child.subtree:
            out.append((child.left_edge.idx - start, child.right_edge.idx + len(child.right_edge.text) - start))
    return out


def _direction(sent: Span, noun: Token | None) -> str:
    d = _DIRECTION.search(sent.text)
    if d is not None:
        return "incoming" if d.group("dir").lower().startswith("impact") else d.group("dir").lower()
    # "17 explosions caused by outgoing artillery fire", "outgoing rounds": the word on what was observed
    words = [t.lower_ for t in noun.subtree] if noun is not None else []
    found = [w for w in words if w in _DIRECTIONS]
    return found[0] if found else "undetermined"


def geometry(sent: Span, verb: Token | None = None, noun: Token | None = None) -> dict[str, Any]:
    """Distance, bearing and direction the sentence gives for what was observed."""
    out: dict[str, Any] = {}
    matches = list(_DISTANCE.finditer(sent.text))
    if verb is not None and noun is not None:
        theirs = position_chars(verb, noun)
        matches = [x for x in matches if not any(lo <= x.start() < hi for lo, hi in theirs)]
        after = [x for x in matches if x.start() >= noun.idx - sent.start_char]
        matches = after or matches
    m = matches[0] if matches else None
    if m is not None:
        lo = float(m.group("lo").replace(",", "."))
        hi = float(m.group("hi").replace(",", ".")) if m.group("hi") else lo
        scale = 0.001 if m.group("unit").lower() == "m" else 1.0
        out["distance_km"] = round((lo + hi) / 2 * scale, 3)
        out["distance_range_km"] = [lo * scale, hi * scale]
        bearing = BEARINGS.get(m.group("bearing").lower().replace(" ", "-"))
        if bearing is not None:
            out["bearing_deg"] = bearing
    out["direction"] = _direction(sent, noun)
    return out


def assessed_place(sent: Span, noun: Token, offset: int, places: list[PlaceMention]) -> PlaceMention | None:
    """The place the monitors assessed what they observed at, written after it ("which it assessed
    as near Shyrokyne"); None when the sentence assesses no place."""
    lo = noun.idx - sent.start_char
    for m in _ASSESSED_AT.finditer(sent.text):
        if m.start() < lo:
            continue
        at = sent.start_char + offset + m.end()
        hit = [p for p in places if at <= p.start <= at + 4 and p.lat is not None and p.precision != "country"]
        if hit:
            return hit[0]
    return None
