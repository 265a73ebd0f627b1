"""The learned namesake ranker: its JSON weights load safely and explain themselves (no gazetteer)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from truce.errors import TruceError
from truce.geo.gazetteer import Candidate
from truce.geo.rank import Context, rank
from truce.geo.ranker import FEATURES, MODEL_VERSION, Evidence, features, parse_model, shipped_model


def _place(name: str, lat: float, lon: float, country: str, population: int, kind: str = "city",
           admin1: str | None = None) -> Candidate:
    return Candidate(1, None, name, lat, lon, country, admin1, kind, "city", population, False)


def test_shipped_weights_match_the_features_this_version_computes() -> None:
    data = json.loads(resources.files("truce.geo").joinpath("ranker.json").read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    model = shipped_model()
    assert len(model.weights) == len(FEATURES)
    assert any(w != 0 for w in model.weights)


def test_a_ranker_for_other_features_is_refused_with_a_clear_error() -> None:
    with pytest.raises(TruceError) as info:
        parse_model({"version": MODEL_VERSION, "features": ["population"], "weights": [1.0]}, "x.json")
    assert info.value.code == "E315"
    with pytest.raises(TruceError):
        parse_model({"version": "pickle"}, "x.json")


def test_feature_vector_has_one_value_per_named_feature() -> None:
    town = _place("Aurora", 40.87, -98.0, "USA", 4_500, admin1="Nebraska")
    evidence = Evidence(frozenset({"USA"}), 2, True, 30.0, 1.0)
    vector = features(town, "Aurora", None, evidence, (town,))
    assert len(vector) == len(FEATURES)
    named = dict(zip(FEATURES, vector, strict=True))
    assert named["admin1_named"] == 1.0 and named["country_named"] == 1.0 and named["near_100"] == 1.0


def test_the_province_the_text_names_outweighs_a_bigger_namesake() -> None:
    big = _place("Aurora", 39.73, -104.83, "USA", 380_000, admin1="Colorado")
    small = _place("Aurora", 40.87, -98.0, "USA", 4_500, admin1="Nebraska")
    context = Context(names=frozenset({"aurora", "nebraska", "hamilton county"}),
                      anchors=[("Nebraska", 41.5, -99.8, "USA")])
    context.countries["USA"] += 1
    ranked = rank((big, small), "Aurora", None, context, None, "Aurora")
    assert ranked[0].candidate is small
    assert any("Nebraska named in the text" in r for r in ranked[0].reasons)
