"""Choosing among the places a name could mean (rules `truce.geo.rank.v1`).

A candidate's score adds up simple, explainable pieces: what kind of place it is (a country or a
curated conflict region before a town, a town before an administrative area of the same name),
how many people live there, whether the document names its country, how close it lies to the
other places the document names, and what the words around the mention say ("Kherson region").
Each piece that mattered is written into the mention's `reason`.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from truce.geo.gazetteer import Candidate
from truce.geo.geometry import haversine_km
from truce.geo.names import fold

RULES_VERSION = "truce.geo.rank.v1"

KIND_PRIOR = {"country": 4.0, "region": 6.0, "capital": 3.0, "city": 0.0, "feature": -0.5, "adm1": -2.5,
              "adm2": -4.0}
KIND_LABEL = {"country": "country", "region": "curated region", "capital": "capital city", "city": "town",
              "feature": "GeoNames feature", "adm1": "province/region", "adm2": "district"}
CONTEXT_BONUS = 4.0  # the document names the candidate's country
OFF_CONTEXT_PENALTY = 1.5  # the document names countries, but not this one
LOOSE_PENALTY = 2.0  # matched only through a transliteration skeleton
PRIMARY_NAME_BONUS = 1.0  # the text uses the place's main name, not an alternate (or a former) one
NEAR_BONUS = ((50.0, 2.5), (150.0, 2.0), (400.0, 1.2), (1000.0, 0.4))  # (km, bonus)
# A place this far from every other place the text names is on another continent from the story:
# a namesake near them is the likelier reading.
FAR_KM = 2500.0
FAR_PENALTY = 3.0


@dataclass(slots=True)
class Context:
    """What the rest of a document says about where it is: countries named, places resolved."""

    countries: Counter[str] = field(default_factory=Counter)
    anchors: list[tuple[str, float, float]] = field(default_factory=list)  # (text, lat, lon)

    def countries_besides(self, own: str | None) -> set[str]:
        """Countries named in the document, not counting one mention's own contribution."""
        counts = Counter(self.countries)
        if own:
            counts[own] -= 1
        return {c for c, n in counts.items() if n > 0}


@dataclass(slots=True)
class Scored:
    candidate: Candidate
    score: float
    reasons: list[str]
    near_km: float | None = None  # distance to the nearest other place the text names


def score(candidate: Candidate, lookup: str, hint: str | None, context: Context, own_country: str | None,
          own_text: str) -> Scored:
    """Score one candidate for a mention, with the reasons that moved it."""
    kind = candidate.kind
    reasons = [KIND_LABEL.get(kind, kind) + (f" in {candidate.country}" if candidate.country else "")]
    value = KIND_PRIOR.get(kind, 0.0)
    if kind == "region":
        value += 1.0
    else:
        value += math.log10(candidate.population + 10)
        if candidate.population:
            reasons.append(f"population {candidate.population:,}")
    if candidate.loose:
        value -= LOOSE_PENALTY
        reasons.append("spelling variant")
    elif fold(candidate.name) == fold(lookup):
        value += PRIMARY_NAME_BONUS
    if hint == "admin":
        value += {"adm1": 6.0, "adm2": 5.0, "region": 3.0}.get(kind, -1.0)
        reasons.append("named as a region")
    elif hint == "settlement":
        value += 3.0 if kind in ("city", "capital") else -3.0
        reasons.append("named as a town")
    named = context.countries_besides(own_country)
    if candidate.country and candidate.country in named:
        value += CONTEXT_BONUS
        if kind != "country":
            reasons.append(f"{candidate.country} named in the text")
    elif named and kind != "region":
        value -= OFF_CONTEXT_PENALTY
    near_km = None
    if kind not in ("country",):
        nearest = _nearest_anchor(candidate, context, own_text)
        if nearest is not None:
            distance, anchor = nearest
            near_km = distance
            for limit, bonus in NEAR_BONUS:
                if distance <= limit:
                    value += bonus
                    reasons.append(f"{distance:.0f} km from {anchor}")
                    break
            if distance > FAR_KM and candidate.country not in named:
                value -= FAR_PENALTY
                reasons.append(f"far from the other places ({distance:.0f} km from {anchor})")
    return Scored(candidate, value, reasons, near_km)


def _nearest_anchor(candidate: Candidate, context: Context, own_text: str) -> tuple[float, str] | None:
    best: tuple[float, str] | None = None
    own = fold(own_text)
    for text, lat, lon in context.anchors:
        if fold(text) == own:
            continue
        distance = haversine_km(candidate.lat, candidate.lon, lat, lon)
        if best is None or distance < best[0]:
            best = (distance, text)
    return best


def rank(candidates: tuple[Candidate, ...], lookup: str, hint: str | None, context: Context,
         own_country: str | None, own_text: str) -> list[Scored]:
    """Candidates best first."""
    scored = [score(c, lookup, hint, context, own_country, own_text) for c in candidates]
    scored.sort(key=lambda s: (-s.score, -s.candidate.population))
    return scored
