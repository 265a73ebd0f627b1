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


def test_destination_walks_the_great_circle_back_to_its_distance() -> None:
    from truce.geo.geometry import destination

    lat, lon = destination(47.0, 35.0, 90.0, 10.0)
    assert lat == pytest.approx(47.0, abs=0.001) and lon > 35.0
    assert haversine_km(47.0, 35.0, lat, lon) == pytest.approx(10.0, rel=1e-4)
    north = destination(47.0, 35.0, 0.0, 111.195)
    assert north == pytest.approx((48.0, 35.0), abs=1e-3)
    assert destination(0.0, 179.9, 90.0, 50.0)[1] < -179.0  # wraps across the antimeridian


def test_one_earth_radius_for_every_measure() -> None:
    from truce.geo.geometry import EARTH_RADIUS_KM, KM_PER_DEG_LAT, km_per_deg_lon

    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(KM_PER_DEG_LAT, rel=1e-9)
    assert abs(KM_PER_DEG_LAT - EARTH_RADIUS_KM * 3.141592653589793 / 180) < 1e-9
    assert km_per_deg_lon(60.0) == pytest.approx(KM_PER_DEG_LAT / 2, rel=1e-6)
    assert km_per_deg_lon(90.0) == 1.0


def test_buffer_of_zero_is_the_geometry_itself() -> None:
    line = LineString([(35.0, 47.0), (36.0, 47.5)])
    assert buffer_km(line, 0.0) is line
    assert buffer_km(line, -1.0) is line


def test_distance_and_buffer_agree_with_the_great_circle_far_from_the_equator() -> None:
    # At 60 N a degree of longitude is half as long: the local projection must know it.
    point_line = LineString([(30.0, 60.0), (30.0, 60.5)])
    assert distance_to_km(60.2, 31.0, point_line) == pytest.approx(haversine_km(60.2, 31.0, 60.2, 30.0), rel=0.01)
    ring = buffer_km(Polygon([(30.0, 60.0), (30.1, 60.0), (30.1, 60.1), (30.0, 60.1)]), 20.0)
    assert point_in_area(60.05, 30.1 + 19.0 / 55.6, ring)
    assert not point_in_area(60.05, 30.1 + 21.0 / 55.6, ring)
