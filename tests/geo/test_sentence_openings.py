"""Place names that open a sentence or a dateline, which the small tagger leaves untagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from truce.geo.geometry import haversine_km

pytestmark = pytest.mark.slow


def _places(text: str) -> list:  # type: ignore[type-arg]
    from truce import places

    return places(text)


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    ("Russian forces pressed on in the Donetsk region. Toretsk was shelled twice overnight.",
     "Toretsk", 48.39, 37.85),
    ("Militants fought troops in Kashmir for a week. Anantnag was the scene of the longest gunfight.",
     "Anantnag", 33.73, 75.15),
    ("BEIRUT (AFP) - Israeli jets struck two villages near Tyre in southern Lebanon on Monday.",
     "BEIRUT", 33.89, 35.50),
    ("MAPUTO, Mozambique - Insurgents burned houses near Mueda, the police said.", "MAPUTO", -25.97, 32.57),
    ("BAMAKO, Mali - Gao was hit by rockets on Friday, the army said, and a bus was ambushed near Kidal.",
     "Gao", 16.27, -0.04),
])
def test_opening_names_are_read(geo: Path, text: str, name: str, lat: float, lon: float) -> None:
    found = [m for m in _places(text) if m.text == name]
    assert found, f"{name} not read in {text!r}"
    assert found[0].lat is not None and found[0].lon is not None
    assert haversine_km(lat, lon, found[0].lat, found[0].lon) <= 25


@pytest.mark.parametrize(("text", "word"), [
    ("Many were hurt when shells hit Kharkiv, Ukrainian officials said.", "Many"),
    ("Police said two men were held in Kherson after the blast in Ukraine.", "Police"),
    ("Reading the statement, the Ukrainian governor said Kharkiv had been shelled.", "Reading"),
])
def test_common_words_that_open_a_sentence_stay_words(geo: Path, text: str, word: str) -> None:
    mentions = _places(text)
    assert mentions, f"no place at all in {text!r}"
    assert not [m for m in mentions if m.text == word]


def test_an_opening_name_far_from_the_story_is_not_read(geo: Path) -> None:
    # "Toledo" opens the sentence of a story set in Ukraine: nothing near backs either namesake
    mentions = _places("Shells hit Kharkiv and Izium overnight. Toledo was named as the venue for the talks.")
    assert [m for m in mentions if m.text == "Kharkiv"]
    assert not [m for m in mentions if m.text == "Toledo"]


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    ("Bakhmut fell in May after months of fighting.", "Bakhmut", 48.59, 38.00),
    ("Jenin was raided by Israeli troops.", "Jenin", 32.46, 35.30),
    ("Kidal was captured by the army.", "Kidal", 18.44, 1.41),
])
def test_what_befalls_a_lone_opening_town_places_it(geo: Path, text: str, name: str, lat: float,
                                                      lon: float) -> None:
    found = [m for m in _places(text) if m.text == name]
    assert found, f"{name} not read in {text!r}"
    assert found[0].lat is not None and found[0].lon is not None
    assert haversine_km(lat, lon, found[0].lat, found[0].lon) <= 25


def test_a_town_with_a_rival_namesake_needs_more_than_an_act() -> None:
    from truce.geo.gazetteer import Candidate
    from truce.geo.openings import sole_town

    def town(number: int, country: str, population: int) -> Candidate:
        return Candidate(number, number, "Tripoli", 0.0, 0.0, country, None, "city", "city", population, False)

    libya, lebanon, village = town(1, "LBY", 1_300_000), town(2, "LBN", 300_000), town(3, "USA", 1_300)
    assert not sole_town(libya, (libya, lebanon, village))
    assert sole_town(lebanon, (lebanon, village))
    assert not sole_town(village, (village,))  # too small to stand on what befalls it alone
