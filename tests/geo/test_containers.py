"""A place the text says another place lies in ("Lima, Ohio"): real spaCy, real gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest

from truce.geo.gazetteer import Candidate
from truce.geo.geometry import haversine_km
from truce.model import PlaceMention


def _places(text: str) -> list[PlaceMention]:
    from truce.geo.resolve import places

    return places(text)


def _first(mentions: list[PlaceMention], text: str) -> PlaceMention:
    found = [m for m in mentions if m.text == text]
    assert found, f"{text} not read as a place"
    return found[0]


def _town(name: str, lat: float, lon: float, country: str, admin1: str | None, kind: str = "city") -> Candidate:
    return Candidate(hash((name, lat)), None, name, lat, lon, country, admin1, kind, "city", 1000, False)


def test_a_province_holds_its_towns_and_not_its_namesakes_elsewhere() -> None:
    from truce.geo.containers import holds

    ohio = _town("Ohio", 40.2, -82.7, "USA", "Ohio", kind="adm1")
    assert holds(ohio, _town("Lima", 40.74, -84.1, "USA", "Ohio"))
    assert not holds(ohio, _town("Lima", -12.04, -77.03, "PER", "Lima"))
    assert not holds(ohio, _town("Lima", 39.0, -90.0, "USA", "Illinois"))
    assert not holds(ohio, ohio)


@pytest.mark.parametrize(("text", "mention", "lat", "lon"), [
    ("Lima, Ohio, was hit by a tornado on Sunday.", "Lima", 40.74, -84.11),
    ("Aurora is a city in Hamilton County, Nebraska, United States. The population was 4,479.",
     "Aurora", 40.87, -98.0),
    ("Dayton is a city and county seat in Rhea County, Tennessee, United States.", "Dayton", 35.49, -85.01),
    ("Glasgow is an unincorporated community in Coos County, Oregon, United States.", "Glasgow", 43.43, -124.21),
])
def test_the_container_the_text_names_decides(geo: Path, text: str, mention: str, lat: float, lon: float) -> None:
    found = _first(_places(text), mention)
    assert found.lat is not None and found.lon is not None
    assert haversine_km(found.lat, found.lon, lat, lon) < 30, found.reason


def test_later_bare_mentions_follow_the_placed_one(geo: Path) -> None:
    text = ("Woodstock is the shire town of Windsor County, Vermont. Woodstock has a covered bridge. "
            "The Woodstock Inn stands near the green of Woodstock.")
    woodstocks = [m for m in _places(text) if m.text == "Woodstock"]
    assert len(woodstocks) >= 2
    for m in woodstocks:
        assert m.country == "USA" and m.admin1 == "Vermont", m.reason


def test_a_list_of_provinces_is_no_chain_of_containers(geo: Path) -> None:
    text = "Cases were reported in Ohio, Nevada, Nebraska and Texas."
    mentions = _places(text)
    assert mentions
    for name in ("Ohio", "Nevada", "Nebraska"):
        assert "the text places it in" not in _first(mentions, name).reason


def test_a_place_is_not_held_by_a_later_place_of_another_clause(geo: Path) -> None:
    text = "One pilgrim died in Mecca, the others in Medina."
    mecca = _first(_places(text), "Mecca")
    assert mecca.country == "SAU", mecca.reason
