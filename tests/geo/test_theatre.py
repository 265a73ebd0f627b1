"""Far namesakes are kept to the countries a text names (no gazetteer: candidates made here)."""

from __future__ import annotations

from truce.geo.gazetteer import Candidate
from truce.geo.rank import Context, Scored
from truce.geo.theatre import keep_in_theatre


def _scored(name: str, lat: float, lon: float, country: str, population: int, score: float) -> Scored:
    return Scored(Candidate(1, None, name, lat, lon, country, None, "city", "village", population, True), score,
                  [f"town in {country}"])


def _lebanon() -> Context:
    context = Context()
    context.countries.update({"LBN": 2, "ISR": 1})
    context.country_points = {"LBN": (33.83, 35.83), "ISR": (31.5, 34.75)}
    context.anchors = [("Bint Jbeil", 33.12, 35.43, "LBN")]
    return context


def test_a_far_namesake_gives_way_to_one_in_a_named_country() -> None:
    far = _scored("Tarusa", 54.72, 37.18, "RUS", 9_000, 3.0)
    near = _scored("Tallousa", 33.2, 35.5, "LBN", 600, 1.0)
    kept, why = keep_in_theatre([far, near], _lebanon(), "Tallousa")
    assert kept is near and why and "LBN" in why


def test_with_no_namesake_in_the_named_countries_the_mention_has_no_place() -> None:
    far = _scored("Tarusa", 54.72, 37.18, "RUS", 9_000, 3.0)
    kept, why = keep_in_theatre([far], _lebanon(), "Tallousa")
    assert kept is None and why and "far from the countries the text names" in why


def test_strong_evidence_keeps_a_far_place() -> None:
    paris = _scored("Paris", 48.85, 2.35, "FRA", 2_100_000, 3.0)
    assert keep_in_theatre([paris], _lebanon(), "Paris") == (paris, None)
    nicosia = _scored("Larnaca", 34.92, 33.63, "CYP", 50_000, 3.0)  # next door: not far
    assert keep_in_theatre([nicosia], _lebanon(), "Larnaca") == (nicosia, None)


def test_a_text_that_names_no_country_is_left_alone() -> None:
    far = _scored("Vang", 61.1, 8.6, "NOR", 1_500, 3.0)
    assert keep_in_theatre([far], Context(), "Vang") == (far, None)
