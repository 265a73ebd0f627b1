"""A town's own name before another town's alternate name (GeoNames lists "Slov'yansk" among
Nikopol's names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from truce.geo.gazetteer import Candidate
from truce.geo.own_names import own_names_first


def _town(name: str, country: str, population: int, kind: str = "city") -> Candidate:
    return Candidate(hash((name, country, population)) % 10_000, None, name, 0.0, 0.0, country, None, kind,
                     "city", population, loose=False)


def test_the_town_that_bears_the_name_keeps_it() -> None:
    owner, holder = _town("Slovyansk", "UKR", 105_000), _town("Nikopol", "UKR", 105_200)
    assert own_names_first("Sloviansk", (holder, owner)) == (owner,)


def test_a_much_larger_town_keeps_its_alternate_name() -> None:
    owner, holder = _town("Waterloo", "GBR", 1_000), _town("Lambeth", "GBR", 6_000)
    assert own_names_first("Waterloo", (holder, owner)) == (holder, owner)


def test_a_name_many_towns_bear_points_at_none_of_them() -> None:
    found = (_town("Quincy", "USA", 90_000), _town("Quincy", "USA", 40_000), _town("Elwood", "USA", 8_000))
    assert own_names_first("Quincy", found) == found


def test_other_countries_and_provinces_are_untouched() -> None:
    owner, abroad = _town("Slovyansk", "UKR", 105_000), _town("Nikopol", "BGR", 105_200)
    province = _town("Sloviansk Raion", "UKR", 300_000, kind="adm2")
    assert own_names_first("Sloviansk", (abroad, province, owner)) == (abroad, province, owner)


@pytest.mark.slow
def test_sloviansk_is_read_as_sloviansk(geo: Path) -> None:
    from truce import places

    found = [m for m in places("Glide bombs hit Sloviansk on Thursday, the mayor said.") if m.text == "Sloviansk"]
    assert found and found[0].lat is not None
    assert abs(found[0].lat - 48.85) < 0.2 and abs((found[0].lon or 0.0) - 37.60) < 0.2


def test_a_capitals_name_is_the_capitals_abroad_too() -> None:
    capital = _town("Islamabad", "PAK", 600_000, kind="capital")
    old_name, namesake = _town("Chattogram", "BGD", 3_900_000), _town("Islamabad", "IND", 2_000)
    assert own_names_first("Islamabad", (old_name, capital, namesake)) == (capital, namesake)


@pytest.mark.slow
def test_islamabad_is_pakistans_capital_beside_kashmir(geo: Path) -> None:
    from truce import places

    text = "Militants attacked a camp near Anantnag in Kashmir. New Delhi blamed Islamabad, which denied it."
    found = [m for m in places(text) if m.text == "Islamabad"]
    assert found and found[0].country == "PAK"
