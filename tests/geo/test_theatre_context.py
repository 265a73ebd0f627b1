"""The theatre of a text: a large named country is judged by its border, not its middle, and a
reading that does not stand tells nothing about where the text is."""

from __future__ import annotations

from pathlib import Path

import pytest
from shapely.geometry import box

from truce.geo.gazetteer import Candidate
from truce.geo.rank import Context, Scored
from truce.geo.theatre import keep_in_theatre

# a rough Russia west of the Urals: its middle (the gazetteer's point) lies far east, in Siberia
_RUSSIA = box(37.0, 45.0, 60.0, 70.0)


def _kherson() -> list[Scored]:
    """Kherson and a namesake (one of several readings: no unique large town, which would stand anyway)."""
    return [Scored(Candidate(1, None, "Kherson", 46.64, 32.61, "UKR", None, "city", "city", 280_000, False), 2.0,
                   ["town in UKR"]),
            Scored(Candidate(3, None, "Cherso", 40.97, 23.0, "GRC", None, "city", "village", 900, True), 1.0, [])]


def _russia_named() -> Context:
    context = Context()
    context.countries["RUS"] = 1  # "Russian forces": the text names only the invader
    context.country_points = {"RUS": (60.85, 99.61)}
    return context


def test_a_town_by_a_named_countrys_border_stays() -> None:
    kept, why = keep_in_theatre(_kherson(), _russia_named(), "Kherson", None, {"RUS": _RUSSIA}.get)
    assert kept is not None and kept.candidate.name == "Kherson" and why is None


def test_without_the_border_the_middle_alone_would_drop_it() -> None:
    kept, why = keep_in_theatre(_kherson(), _russia_named(), "Kherson")
    assert kept is None and why is not None


def test_a_namesake_far_from_the_border_still_goes() -> None:
    lima = Scored(Candidate(2, None, "Lima", 40.74, -84.1, "USA", None, "city", "city", 9_000, False), 2.0, [])
    kept, why = keep_in_theatre([lima], _russia_named(), "Lima", None, {"RUS": _RUSSIA}.get)
    assert kept is None and why and "far from the countries the text names" in why


@pytest.mark.parametrize(("text", "name", "country"), [
    # "Olive Branch" (an operation) read as a town in Mississippi named the USA and anchored Afrin's
    # distances: once it falls, Afrin is no stray
    ("Factions of the “Olive Branch” Operation carry out field executions in the countryside of Afrin, "
     "killing 7 persons including women", "Afrin", "SYR"),
    # "Drone" read as Dronero, Italy, made al-Raqqah look far from the story
    ("Drone loaded with bombs downed in the sky of Al-Raqqah city and the “Islamic State” organization "
     "carries out a violent counter attack at the walls of the old city", "Al-Raqqah", "SYR"),
    ("Russian forces in Kherson shelled residential areas on Monday, killing two civilians.", "Kherson", "UKR"),
])
def test_a_place_survives_a_misread_neighbour(geo: Path, text: str, name: str, country: str) -> None:
    from truce.geo.resolve import places

    found = [m for m in places(text) if m.text == name]
    assert found and found[0].country == country


def test_a_misread_name_does_not_come_back_abroad(geo: Path) -> None:
    from truce.geo.resolve import places

    text = ("A violent explosion targets a checkpoint of the pro-Turkish factions in al-Rai area "
            "northeast Aleppo")
    found = {m.text: m.country for m in places(text)}
    assert found.get("Aleppo") == "SYR"
    assert all(country == "SYR" for country in found.values())  # "Rai" is no Praia, Cape Verde
