"""Choosing among the places a name could mean (ranker `truce.geo.ranker.v1`, rules as reasons).

Each candidate is described by explainable features (`truce.geo.ranker`): what kind of place it
is, how many people live there, whether the document names its country or its province, how close
it lies to the other places the document names, how well the name matches. The shipped logistic
model, trained on the GeoVirus and WikToR dev splits, weighs them into one score. The pieces that
mattered are written into the mention's `reason` in words ("UKR named in the text", "12 km from
Bakhmut"), so a reader sees why a place was chosen.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

import numpy as np

from truce.geo.gazetteer import Candidate
from truce.geo.geometry import haversine_many, haversine_rows
from truce.geo.names import fold
from truce.geo.ranker import FAR_KM, Evidence, Mention, Model, features, mention_facts, shipped_model

RULES_VERSION = "truce.geo.rank.v2"

KIND_LABEL = {"country": "country", "region": "curated region", "capital": "capital city", "city": "town",
              "feature": "GeoNames feature", "adm1": "province/region", "adm2": "district"}
__all__ = ["FAR_KM", "KIND_LABEL", "Context", "Scored", "rank", "use_model"]


@dataclass(slots=True)
class Context:
    """What the rest of a document says about where it is: countries named, places resolved."""

    countries: Counter[str] = field(default_factory=Counter)
    anchors: list[tuple[str, float, float, str | None]] = field(default_factory=list)  # text, lat, lon, country
    names: frozenset[str] = frozenset()  # every name the document uses for a place, folded
    country_points: dict[str, tuple[float, float]] = field(default_factory=dict)  # named countries' points
    contributed: dict[str, str] = field(default_factory=dict)  # folded name -> the country it added
    _keys: list[str] = field(default_factory=list, repr=False)

    def anchor_keys(self) -> list[str]:
        """The anchors' texts folded, computed once per context (folding is the costly part)."""
        if len(self._keys) != len(self.anchors):
            self._keys = [fold(a[0]) for a in self.anchors]
        return self._keys

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


_SHIPPED: Final = "shipped"
_model: list[Model | str] = [_SHIPPED]


def use_model(model: Model | None) -> None:
    """Score with `model` from now on (None: the shipped one). For training and evaluation only."""
    _model[0] = model if model is not None else _SHIPPED


def _active_model() -> Model:
    current = _model[0]
    return shipped_model() if isinstance(current, str) else current


@lru_cache(maxsize=65536)
def _admin1_key(admin1: str | None) -> str:
    key = fold(admin1 or "")
    for suffix in (" oblast", " province", " state", " region", " governorate"):
        key = key.removesuffix(suffix)
    return key


@dataclass(frozen=True, slots=True)
class _View:
    """One mention's view of its document, computed once for all its candidates."""

    own_key: str
    others: tuple[tuple[str, float, float, str | None], ...]  # anchors other than the mention itself
    in_country: Counter[str | None]
    named: frozenset[str]
    lats: np.ndarray  # the others' latitudes and longitudes in radians, for one vectorised distance
    lons: np.ndarray


def _view(context: Context, own_country: str | None, own_text: str) -> _View:
    own = fold(own_text)
    others = tuple(a for a, key in zip(context.anchors, context.anchor_keys(), strict=True) if key != own)
    return _View(own, others, Counter(a[3] for a in others if a[3]),
                 frozenset(context.countries_besides(own_country)),
                 np.radians([a[1] for a in others]), np.radians([a[2] for a in others]))


def _nearest_anchor(candidate: Candidate, view: _View) -> tuple[float, str] | None:
    if not view.others:
        return None
    distances = haversine_many(candidate.lat, candidate.lon, view.lats, view.lons)
    index = int(np.argmin(distances))
    return float(distances[index]), view.others[index][0]


def _nearest_anchors(candidates: tuple[Candidate, ...], view: _View) -> list[tuple[float, str] | None]:
    """`_nearest_anchor` of every candidate, in one distance computation for them all."""
    if not view.others or not candidates:
        return [None] * len(candidates)
    distances = haversine_rows([c.lat for c in candidates], [c.lon for c in candidates], view.lats, view.lons)
    nearest = np.argmin(distances, axis=1)
    return [(float(row[index]), view.others[index][0]) for row, index in zip(distances, nearest.tolist(), strict=True)]


def _evidence(candidate: Candidate, context: Context, own_country: str | None, view: _View,
              nearest: tuple[float, str] | None) -> Evidence:
    admin1 = _admin1_key(candidate.admin1)
    return Evidence(
        countries=view.named,
        country_count=context.countries[candidate.country] - (candidate.country == own_country)
        if candidate.country else 0,
        admin1_named=bool(admin1) and admin1 != view.own_key and admin1 in context.names
        and candidate.kind not in ("adm1", "country", "region"),
        near_km=None if candidate.kind == "country" or nearest is None else nearest[0],
        anchors_in_country=view.in_country[candidate.country] / len(view.others) if view.others else 0.0,
    )


def _reasons(candidate: Candidate, evidence: Evidence, hint: str | None,
             nearest: tuple[float, str] | None) -> list[str]:
    kind = candidate.kind
    reasons = [KIND_LABEL.get(kind, kind) + (f" in {candidate.country}" if candidate.country else "")]
    if candidate.population and kind != "region":
        reasons.append(f"population {candidate.population:,}")
    if candidate.loose:
        reasons.append("spelling variant")
    if hint == "admin":
        reasons.append("named as a region")
    elif hint == "settlement":
        reasons.append("named as a town")
    if candidate.country in evidence.countries and kind != "country":
        reasons.append(f"{candidate.country} named in the text")
    if evidence.admin1_named:
        reasons.append(f"{candidate.admin1} named in the text")
    if evidence.near_km is not None and nearest is not None:
        if evidence.near_km > FAR_KM and candidate.country not in evidence.countries:
            reasons.append(f"far from the other places ({evidence.near_km:.0f} km from {nearest[1]})")
        elif evidence.near_km <= 1000:
            reasons.append(f"{evidence.near_km:.0f} km from {nearest[1]}")
    return reasons


def score(candidate: Candidate, lookup: str, hint: str | None, context: Context, own_country: str | None,
          own_text: str, candidates: tuple[Candidate, ...] = (), view: _View | None = None) -> Scored:
    """Score one candidate for a mention, with the reasons that moved it."""
    view = view or _view(context, own_country, own_text)
    return _scored(candidate, lookup, hint, context, own_country, view, _nearest_anchor(candidate, view),
                   mention_facts(lookup, candidates or (candidate,)))


def _scored(candidate: Candidate, lookup: str, hint: str | None, context: Context, own_country: str | None,
            view: _View, nearest: tuple[float, str] | None, facts: Mention) -> Scored:
    """`score`, given the candidate's nearest anchor and the mention's facts (`rank` works both out
    once for all the candidates)."""
    evidence = _evidence(candidate, context, own_country, view, nearest)
    vector = features(candidate, lookup, hint, evidence, (), facts)
    value = _active_model().score(vector)
    return Scored(candidate, value, _reasons(candidate, evidence, hint, nearest), evidence.near_km)


def feature_rows(candidates: tuple[Candidate, ...], lookup: str, hint: str | None, context: Context,
                 own_country: str | None, own_text: str) -> list[list[float]]:
    """The feature vector of every candidate, in order (what the model is trained on)."""
    view = _view(context, own_country, own_text)
    rows = []
    for candidate in candidates:
        evidence = _evidence(candidate, context, own_country, view, _nearest_anchor(candidate, view))
        rows.append(features(candidate, lookup, hint, evidence, candidates))
    return rows


def rank(candidates: tuple[Candidate, ...], lookup: str, hint: str | None, context: Context,
         own_country: str | None, own_text: str) -> list[Scored]:
    """Candidates best first."""
    view = _view(context, own_country, own_text)
    facts = mention_facts(lookup, candidates)
    scored = [_scored(c, lookup, hint, context, own_country, view, nearest, facts)
              for c, nearest in zip(candidates, _nearest_anchors(candidates, view), strict=True)]
    scored.sort(key=lambda s: (-s.score, -s.candidate.population))
    return _province_before_a_village(_town_before_its_province(_kind_the_text_names(scored, hint), hint), hint)


ADMIN_KINDS = frozenset({"adm1", "adm2", "region"})
TOWN_KINDS = frozenset({"city", "capital"})


def _kind_the_text_names(scored: list[Scored], hint: str | None) -> list[Scored]:
    """"the Kherson region" is the province, "the city of Kherson" the town: a word after the name
    that says which kind of place it is decides between namesakes of one country."""
    kinds = ADMIN_KINDS if hint == "admin" else TOWN_KINDS if hint == "settlement" else None
    if not scored or kinds is None or scored[0].candidate.kind in kinds:
        return scored
    country = scored[0].candidate.country
    match = next((s for s in scored if s.candidate.kind in kinds and s.candidate.country == country), None)
    if match is None and hint == "admin":
        # "Chin state", "Mopti region": no town abroad is what the text calls a province; the one
        # province of that very name is, wherever it lies
        match = next((s for s in scored if s.candidate.kind in ("adm1", "adm2") and not s.candidate.loose), None)
    if match is None:
        return scored
    return [match, *(s for s in scored if s is not match)]


def confidence(scored: list[Scored], best: Scored | None = None) -> float:
    """The model's probability that the right candidate lies in the best one's country and within
    50 km of it (two entries for one town, a town and its district, agree)."""
    if not scored:
        return 0.0
    best = best or scored[0]
    top = max(s.score for s in scored)
    weights = [math.exp(s.score - top) for s in scored]
    c = best.candidate
    km = haversine_many(c.lat, c.lon, np.radians([s.candidate.lat for s in scored]),
                        np.radians([s.candidate.lon for s in scored]))  # (one array call, not one per reading)
    agreeing = sum(w for s, w, d in zip(scored, weights, km.tolist(), strict=True)
                   if s.candidate.country == c.country and d <= 50)
    return agreeing / sum(weights)


# The town must hold this share of its province's people to be what the bare name means
# (Kherson, Zaporizhzhia, Hama: yes; a village called California: no).
TOWN_SHARE = 0.05


def _town_before_its_province(scored: list[Scored], hint: str | None) -> list[Scored]:
    """A bare name shared by a province and its town means the town ("shelling hit Kherson");
    the province needs its word ("the Kherson region", hint "admin")."""
    if not scored or hint == "admin" or scored[0].candidate.kind not in ("adm1", "adm2"):
        return scored
    province = scored[0].candidate
    # (a town read through a spelling variant does not displace a province read exactly; "Al-Raqqah"
    # reaches both through one variant, and then the town it is)
    town = next((s for s in scored if s.candidate.kind in ("city", "capital") and s.candidate.loose <= province.loose
                 and s.candidate.country == province.country and s.candidate.admin1 == province.admin1
                 and s.candidate.population >= TOWN_SHARE * province.population), None)
    if town is None:
        return scored
    town.reasons.append(f"the town, not the {KIND_LABEL[province.kind]} of the same name")
    return [town, *(s for s in scored if s is not town)]


def _province_before_a_village(scored: list[Scored], hint: str | None) -> list[Scored]:
    """The other side of the rule above: a bare name shared by a state and a village of the same
    country ("California", "Wyoming" in a list of US states) means the state, however close the
    village lies to another place the text names, unless the text calls it a town."""
    if not scored or hint == "settlement" or scored[0].candidate.kind not in ("city", "feature"):
        return scored
    village = scored[0].candidate
    province = next((s for s in scored if s.candidate.kind == "adm1" and s.candidate.loose <= village.loose
                     and s.candidate.country == village.country
                     and village.population < TOWN_SHARE * s.candidate.population), None)
    if province is None:
        return scored
    province.reasons.append(f"the {KIND_LABEL['adm1']}, not the town of the same name")
    return [province, *(s for s in scored if s is not province)]
