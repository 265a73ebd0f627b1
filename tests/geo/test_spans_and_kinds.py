"""Long names the tagger cuts short, direction words that begin a name, and a state against a
village of the same name (written for Truce: sentences of our own, not from any data set)."""

from __future__ import annotations

import pytest

from truce.geo.geometry import haversine_km
from truce.model import PlaceMention

pytestmark = pytest.mark.usefixtures("geo")


def _places(text: str) -> list[PlaceMention]:
    from truce.geo.resolve import places

    return places(text)


def _only(mentions: list[PlaceMention], text: str) -> PlaceMention:
    found = [m for m in mentions if m.text == text]
    assert len(found) == 1, [(m.text, m.name) for m in mentions]
    return found[0]


def test_a_long_country_name_is_read_whole() -> None:
    text = "Measles killed 40 children in the Democratic Republic of the Congo, according to the ministry."
    mention = _only(_places(text), "Democratic Republic of the Congo")
    assert mention.country == "COD"


def test_a_direction_word_may_begin_a_name() -> None:
    mentions = _places("Bats live in the forests of Central and South America that remain unexplored.")
    assert _only(mentions, "South America").country is None
    assert not [m for m in mentions if m.text == "America"]


def test_a_state_is_not_a_village_of_its_name() -> None:
    text = "Recalled packages were sold in Missouri, Kansas, California and Wyoming, the company said."
    mentions = _places(text)
    california, wyoming = _only(mentions, "California"), _only(mentions, "Wyoming")
    assert california.precision != "city" and wyoming.precision != "city"
    assert haversine_km(california.lat or 0, california.lon or 0, 37.0, -119.5) < 300
    assert haversine_km(wyoming.lat or 0, wyoming.lon or 0, 43.0, -107.5) < 300


def test_an_organisation_named_after_its_province_names_the_province() -> None:
    mentions = _places("The Queensland Police Service closed two roads after the storm, officers said.")
    queensland = _only(mentions, "Queensland")
    assert queensland.country == "AUS" and queensland.usage == "metonymy"
