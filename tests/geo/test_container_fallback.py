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


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    # the later mentions have no container of their own ("lies ten miles south of Newton" is a
    # bearing, it places nothing): they mean the village the first one placed at its county, not the Missouri town
    ("Smithville is a small village in Jasper County, Iowa, United States. The village had a mill. "
     "Smithville lies about ten miles south of Newton.", "Smithville", 41.67, -93.05),
    ("Smithville is a small village in Jasper County, Iowa, United States. Smithville was founded by "
     "farmers.", "Smithville", 41.67, -93.05),
])
def test_later_mentions_follow_a_placing_at_the_container(geo: Path, text: str, name: str, lat: float,
                                                          lon: float) -> None:
    from truce.geo.resolve import places

    found = [m for m in places(text) if m.text == name]
    assert len(found) == 2, [(m.text, m.name) for m in found]
    for place in found:
        assert place.lat is not None and place.lon is not None
        assert haversine_km(place.lat, place.lon, lat, lon) < 60, place.reason


def test_a_bearing_from_a_town_is_no_container(geo: Path) -> None:
    # "south of Newton" says where Smithville lies from Newton, not that Newton holds it: Newton
    # keeps its Iowa reading, not some Newton that holds a namesake
    text = ("Smithville is a small village in Jasper County, Iowa, United States. "
            "Smithville lies about ten miles south of Newton.")
    from truce.geo.resolve import places

    newton = [m for m in places(text) if m.text == "Newton"]
    assert newton and newton[0].lat is not None and newton[0].lon is not None
    assert "holds Smithville" not in newton[0].reason


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    # a quarter of a town the gazetteer lacks (a name we made up), placed at the town, at every mention
    ("Zorbania is a residential neighbourhood of Athens, Greece. Zorbania has many cafes.", "Zorbania",
     37.98, 23.73),
    # a quarter whose namesakes all lie on other continents: the town, not a namesake abroad
    ("Hampton is a leafy suburb of Nairobi, Kenya, popular with diplomats.", "Hampton", -1.29, 36.82),
    # the chain's first container ("Zone", some village abroad) is backed by nothing: the next one places it
    ("Zorbania is a neighborhood located in the North Zone of Rio de Janeiro, Brazil.", "Zorbania",
     -22.91, -43.18),
])
def test_a_quarter_is_placed_at_its_town(geo: Path, text: str, name: str, lat: float, lon: float) -> None:
    from truce.geo.resolve import places

    found = [m for m in places(text) if m.text == name]
    assert found, f"{name} not read as a place in {text!r}"
    for place in found:
        assert place.lat is not None and place.lon is not None
        assert haversine_km(place.lat, place.lon, lat, lon) < 30, place.reason
    assert len(found) == text.count(name)


def test_a_pronoun_is_no_place_however_defined(geo: Path) -> None:
    from truce.geo.resolve import places

    # ("It" would otherwise be a settlement the gazetteer lacks, and be placed at the county)
    found = places("Zorbania is a village in Iowa. It is a farming community in Jasper County, Iowa.")
    assert [m.text for m in found if m.text == "Jasper County"]
    assert not [m for m in found if m.text == "It"]
