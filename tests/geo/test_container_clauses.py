"""A second clause is no container: "X was put on alert, and strikes hit markets in Y" does not put X in Y."""

from __future__ import annotations

from pathlib import Path

import pytest

from truce.geo.geometry import haversine_km

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    ("Lashio fell in August. Mandalay was put on alert, and air strikes hit markets in Shan State.",
     "Mandalay", 21.97, 96.08),
    ("Kramatorsk was calm on Monday, but shells hit a school in the Kharkiv region.", "Kramatorsk", 48.72, 37.56),
])
def test_a_place_before_another_clause_keeps_its_own_reading(geo: Path, text: str, name: str, lat: float,
                                                              lon: float) -> None:
    from truce import places

    found = [m for m in places(text) if m.text == name]
    assert found and found[0].lat is not None and found[0].lon is not None
    assert haversine_km(lat, lon, found[0].lat, found[0].lon) <= 25


def test_a_copular_phrase_still_places_a_village(geo: Path) -> None:
    from truce import places

    found = [m for m in places("Tal Tamr is a town in Hasakah governorate, Syria.") if m.text == "Tal Tamr"]
    assert found and found[0].country == "SYR"
