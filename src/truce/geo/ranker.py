"""The learned part of choosing among namesakes: a logistic model over explainable features.

`features()` describes one candidate for one mention in its document's context (what kind of
place it is, how many live there, whether the text names its country or its province, how far it
lies from the other places the text names, how well the name matches). `ranker.json`, written by
`scripts/train_geo_ranker.py` from the dev splits of GeoVirus and WikToR (docs/geo.md), holds one
weight per feature; a candidate's score is their weighted sum. JSON, not pickle: loading it runs
no code, and the weights can be read and diffed.
"""

from __future__ import annotations

import json
import math
import operator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from truce.errors import TruceError

if TYPE_CHECKING:
    from truce.geo.gazetteer import Candidate

MODEL_FILE = "ranker.json"
MODEL_VERSION = "truce.geo.ranker.v1"
KINDS = ("country", "region", "capital", "city", "feature", "adm1", "adm2")
NEAR_LIMITS = (25.0, 100.0, 400.0, 1000.0)
FAR_KM = 2500.0

FEATURES: tuple[str, ...] = (
    *(f"kind_{k}" for k in KINDS),
    "log_population", "most_populous", "population_share", "loose", "primary_name", "exact_case",
    "hint_admin_match", "hint_admin_other", "hint_settlement_match", "hint_settlement_other",
    "country_named", "country_named_log", "other_countries_named", "admin1_named",
    "no_anchor", "log_near_km", *(f"near_{int(k)}" for k in NEAR_LIMITS), "far",
    "anchors_in_country", "log_candidates", "multiword",
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the document says, as one candidate's scorer sees it."""

    countries: frozenset[str]  # countries the text names (not counting this mention)
    country_count: int  # how often the text names this candidate's country
    admin1_named: bool  # the text names the candidate's province ("Aurora ... Nebraska")
    near_km: float | None  # distance to the nearest other place the text names
    anchors_in_country: float  # share of the other resolved places lying in the candidate's country


@dataclass(frozen=True, slots=True)
class Mention:
    """What the features read of the mention itself and of all its namesakes: the same for every
    candidate, so worked out once per ranking (`mention_facts`)."""

    key: str  # the looked-up name, folded
    top: int  # the population of the most populous namesake
    log_candidates: float
    multiword: float


def mention_facts(lookup: str, candidates: tuple[Candidate, ...]) -> Mention:
    from truce.geo.names import fold

    return Mention(fold(lookup), max((c.population for c in candidates), default=0),
                   math.log(len(candidates)) / 4.0 if candidates else 0.0, float(" " in lookup.strip()))


def features(candidate: Candidate, lookup: str, hint: str | None, evidence: Evidence,
             candidates: tuple[Candidate, ...], facts: Mention | None = None) -> list[float]:
    """The feature vector of one candidate, in the order of `FEATURES` (`facts`: the mention's
    `mention_facts`, when the caller has them already)."""
    from truce.geo.names import fold

    facts = facts or mention_facts(lookup, candidates)
    kind = candidate.kind
    top = facts.top
    admin_kind = kind in ("adm1", "adm2", "region")
    town_kind = kind in ("city", "capital")
    near = evidence.near_km
    named = candidate.country is not None and candidate.country in evidence.countries
    vector = [float(kind == k) for k in KINDS]
    vector += [
        math.log10(candidate.population + 10) / 7.0,
        float(candidate.population == top and top > 0),
        candidate.population / top if top else 0.0,
        float(candidate.loose),
        float(fold(candidate.name) == facts.key),
        float(candidate.name == lookup),
        float(hint == "admin" and admin_kind), float(hint == "admin" and not admin_kind),
        float(hint == "settlement" and town_kind), float(hint == "settlement" and not town_kind),
        float(named), math.log1p(evidence.country_count) if named else 0.0,
        float(bool(evidence.countries) and not named), float(evidence.admin1_named),
        float(near is None), math.log1p(near) / 9.0 if near is not None else 0.0,
        *(float(near is not None and near <= limit) for limit in NEAR_LIMITS),
        float(near is not None and near > FAR_KM),
        evidence.anchors_in_country,
        facts.log_candidates,
        facts.multiword,
    ]
    return vector


@dataclass(frozen=True, slots=True)
class Model:
    """Weights per feature and a bias, as trained."""

    weights: tuple[float, ...]
    bias: float

    def score(self, vector: list[float]) -> float:
        if len(vector) != len(self.weights):
            raise ValueError(f"a ranker of {len(self.weights)} features scored a vector of {len(vector)}")
        return self.bias + sum(map(operator.mul, self.weights, vector))


def parse_model(data: object, where: str) -> Model:
    """A Model from the JSON the training script writes; a mismatch is a clear error."""
    if not isinstance(data, dict) or data.get("version") != MODEL_VERSION:
        raise TruceError("E314", f"{where} is not a {MODEL_VERSION} ranker", where=where,
                         hint="re-run scripts/train_geo_ranker.py or reinstall Truce")
    names, weights = data.get("features"), data.get("weights")
    if names != list(FEATURES) or not isinstance(weights, list) or len(weights) != len(FEATURES):
        raise TruceError("E315", f"{where} was trained on other features than this version computes",
                         where=where, hint="re-run scripts/train_geo_ranker.py to retrain it")
    return Model(tuple(float(w) for w in weights), float(data.get("bias", 0.0)))


@lru_cache(maxsize=1)
def shipped_model() -> Model:
    """The ranker shipped in truce.geo (trained by scripts/train_geo_ranker.py)."""
    text = resources.files("truce.geo").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return parse_model(json.loads(text), f"truce/geo/{MODEL_FILE}")
