"""Geometry helpers used in adjudication: distances, buffers, containment."""

from __future__ import annotations

import pytest
from shapely.geometry import LineString, Polygon

from truce.geo.geometry import buffer_km, distance_to_km, haversine_km, point_in_area, within_km_of


def test_haversine_matches_known_distances() -> None:
    # Paris - London is about 344 km; one degree of latitude about 111.2 km.
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=2)
    assert haversine_km(40.0, 45.0, 41.0, 45.0) == pytest.approx(111.2, abs=0.3)
    assert haversine_km(10.0, 10.0, 10.0, 10.0) == 0


def test_distance_to_a_line_in_km() -> None:
    # A north-south line along 46.75 E; a point 0.1 degree east at 39.8 N is about 8.5 km away.
    line = LineString([(46.75, 39.0), (46.75, 40.5)])
    assert distance_to_km(39.8, 46.85, line) == pytest.approx(haversine_km(39.8, 46.85, 39.8, 46.75), rel=0.01)
    assert distance_to_km(39.8, 46.75, line) == pytest.approx(0, abs=0.01)


def test_buffer_km_makes_a_corridor_of_that_width() -> None:
    line = LineString([(35.0, 47.0), (36.0, 47.5)])
    corridor = buffer_km(line, 5.0)
    assert point_in_area(47.0, 35.0, corridor)
    # Behind the line's start (south-west of it) the buffer is a round cap: 4 km south is inside,
    # 6 km south is not (1 degree of latitude ~ 111.2 km).
    assert point_in_area(47.0 - 4 / 111.2, 35.0, corridor)
    assert not point_in_area(47.0 - 6 / 111.2, 35.0, corridor)
    # Half-way along, 4.5 km off the line is in and 5.5 km is out.
    mid_lat, mid_lon = 47.25, 35.5
    assert within_km_of(mid_lat, mid_lon, line, 0.5)
    assert distance_to_km(mid_lat + 0.15, mid_lon, line) == pytest.approx(
        distance_to_km(mid_lat + 0.15, mid_lon, corridor) + 5.0, abs=0.2)


def test_point_in_area_and_within_km() -> None:
    square = Polygon([(46.0, 39.0), (47.0, 39.0), (47.0, 40.0), (46.0, 40.0)])
    assert point_in_area(39.5, 46.5, square)
    assert not point_in_area(39.5, 47.5, square)
    assert within_km_of(39.5, 47.05, square, 10)
    assert not within_km_of(39.5, 47.5, square, 10)
    assert distance_to_km(39.5, 46.5, square) == 0
