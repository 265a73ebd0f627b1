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
