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
