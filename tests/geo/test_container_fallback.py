"""A place the text puts in a province or district that holds none of its namesakes: placed at the
container, not at a namesake elsewhere (real spaCy, real gazetteer)."""

from __future__ import annotations

from pathlib import Path

import pytest

from truce.geo.geometry import haversine_km
from truce.model import PlaceMention


def _mention(text: str, name: str) -> PlaceMention:
    from truce.geo.resolve import places

    found = [m for m in places(text) if m.text == name]
    assert found, f"{name} not read as a place in {text!r}"
    return found[0]


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    # the gazetteer's only Al Qahtaniya lies in Hasakah, 250 km east of Raqqa
    ("Shelling hit the farms of Al Qahtaniya village, Raqqa governorate, on Monday.", "Al Qahtaniya", 36.2, 38.9),
    ("Mortars fell on Al Khatuniya and Al Qahtaniya villages, Raqqa governorate, Syria.", "Al Qahtaniya",
     36.2, 38.9),
    # no Smithville in Iowa: the county is where the village is, not the Missouri town
    ("Smithville is a small village in Jasper County, Iowa, United States.", "Smithville", 41.67, -93.05),
])
def test_placed_at_the_container_that_holds_no_namesake(geo: Path, text: str, name: str, lat: float,
                                                         lon: float) -> None:
    place = _mention(text, name)
    assert place.lat is not None and place.lon is not None
    assert haversine_km(place.lat, place.lon, lat, lon) < 60
    assert "placed at" in place.reason


def test_a_namesake_the_container_holds_keeps_its_own_point(geo: Path) -> None:
    lima = _mention("Lima is a city in Allen County, Ohio, United States.", "Lima")
    assert lima.precision != "district" and lima.lat is not None and lima.lon is not None
    assert haversine_km(lima.lat, lima.lon, 40.74, -84.1) < 10


def test_a_list_of_provinces_is_no_container(geo: Path) -> None:
    homs = _mention("Shelling was reported in Homs, Hama, Idlib and Latakia.", "Homs")
    assert homs.lat is not None and homs.lon is not None
    assert "placed at" not in homs.reason


def test_a_settlement_the_gazetteer_lacks_is_placed_at_its_county(geo: Path) -> None:
    from truce.geo.gazetteer import get_gazetteer

    assert not get_gazetteer().has_name("Zorbaville")  # a name we made up: certainly unlisted
    place = _mention("Zorbaville is a hamlet in Tioga County, Pennsylvania, United States.", "Zorbaville")
    assert place.lat is not None and place.lon is not None
    assert haversine_km(place.lat, place.lon, 41.84, -77.30) < 30


def test_a_placed_village_is_not_sent_abroad_by_the_theatre_rule(geo: Path) -> None:
    # every Nora the gazetteer lists lies outside Illinois: the theatre rule must not undo the placing
    place = _mention("Nora is a village in Jo Daviess County, Illinois, United States.", "Nora")
    assert place.country == "USA" and place.lat is not None and place.lon is not None
    assert haversine_km(place.lat, place.lon, 42.38, -90.32) < 30


@pytest.mark.parametrize("text", [
    "Zorbaville is a hamlet near the old mill.",  # nothing holds it: no point to give
    "Zorbaville is a town councillor in Ohio.",  # not a settlement
])
def test_an_unlisted_name_without_a_container_is_no_place(geo: Path, text: str) -> None:
    from truce.geo.resolve import places

    assert not any(m.text == "Zorbaville" for m in places(text))


def test_a_state_named_like_its_city_holds_the_county_after_a_comma(geo: Path) -> None:
    # "New York" alone reads as the city; after "Franklin County," it is the state that holds it
    place = _mention("Zorbaville is a hamlet in Franklin County, New York, United States.", "Franklin County")
    assert place.lat is not None and place.lon is not None
    assert haversine_km(place.lat, place.lon, 44.6, -74.3) < 40
