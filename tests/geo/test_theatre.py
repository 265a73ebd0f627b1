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


def test_a_capital_read_through_an_alternate_name_is_no_strong_evidence() -> None:
    praia = Scored(Candidate(2, None, "Praia", 14.93, -23.51, "CPV", None, "capital", "city", 137_868, False), 3.0,
                   ["capital city in CPV"], near_km=6400.0)
    kept, why = keep_in_theatre([praia], _lebanon(), "Rai")
    assert kept is None and why
    doha = Scored(Candidate(3, None, "Doha", 25.29, 51.53, "QAT", None, "capital", "city", 344_939, False), 3.0,
                  ["capital city in QAT"], near_km=1800.0)
    assert keep_in_theatre([doha], _lebanon(), "Doha") == (doha, None)


def test_a_namesake_far_from_the_texts_other_places_goes_though_its_country_is_not_far() -> None:
    syria = Context()
    syria.countries.update({"SYR": 2})
    syria.country_points = {"SYR": (35.0, 38.0)}
    syria.anchors = [("Raqqah", 35.95, 39.0, "SYR")]
    egypt = Scored(Candidate(4, None, "Ash Shuhada", 30.6, 30.9, "EGY", None, "city", "city", 76_071, False), 3.0,
                   ["town in EGY"], near_km=960.0)
    gaza = Scored(Candidate(5, None, "Ash Shuhada", 31.4, 34.4, "PSE", None, "city", "village", 900, False), 1.0,
                  ["town in PSE"], near_km=560.0)
    kept, why = keep_in_theatre([egypt, gaza], syria, "al Shuhadaa")
    assert kept is None and why
