"""'Town (Province)': the tagger often runs the town and its bracket into one organisation
("Gusau (Zamfara"), or keeps the opening bracket on a place ("Bamako ("). Both names are places,
and the bracket is no part of either (real spaCy, real gazetteer)."""

from __future__ import annotations

from pathlib import Path

import pytest


def _places(text: str) -> list[tuple[str, str | None, str]]:
    from truce.geo.resolve import places

    return [(m.text, m.country, m.usage) for m in places(text)]


@pytest.mark.parametrize(("text", "town", "province", "country"), [
    ("Bandits attacked a police patrol at Gusau (Zamfara). Police fought back.", "Gusau", "Zamfara", "NGA"),
    ("Youths stoned a convoy in Goma (North Kivu), accusing the soldiers.", "Goma", "North Kivu", "COD"),
])
def test_a_town_and_its_bracketed_province_run_together_are_both_read(
        geo: Path, text: str, town: str, province: str, country: str) -> None:
    found = _places(text)
    assert (town, country, "literal") in found, found
    assert (province, country, "literal") in found, found


@pytest.mark.parametrize("text", [
    "On 3 March 2022, nurses protested in Bamako (Bamako) over unpaid wages, marching to the ministry.",
    "On 2 June 2020, drivers protested in Bamako (Bamako) against fuel prices.",
])
def test_the_opening_bracket_is_no_part_of_the_name(geo: Path, text: str) -> None:
    found = _places(text)
    assert found and all(name == "Bamako" for name, _, _ in found), found
    assert all(usage == "literal" for _, _, usage in found), found  # where people marched, not a government


@pytest.mark.parametrize(("text", "name", "country"), [
    # the Israeli town is a spelling variant too; the bracket's province holds only the Syrian one
    ("Artillery shelled positions around Ras al Ain (Hasakeh) on Tuesday.", "Ras al Ain", "SYR"),
    # no Boni in the gazetteer's Mali: the province the bracket names, not Bonn ("Mopti" is tagged a person)
    ("A roadside bomb hit a bus near Boni (Hombori, Mopti) on Friday.", "Boni", "MLI"),
    # "Chin state" is a province: Myanmar's, not a Chinese city that "Chin" also spells
    ("Rebels and soldiers clashed near Paletwa (Chin state) on Monday.", "Chin", "MMR"),
])
def test_the_bracket_keeps_a_place_in_its_province(geo: Path, text: str, name: str, country: str) -> None:
    found = [(t, c) for t, c, _ in _places(text) if t == name]
    assert found == [(name, country)], _places(text)


def test_a_bracket_places_at_its_province_seat_not_its_first_town(geo: Path) -> None:
    # "Douentza" is a town: the bracket's province (Mopti) is where a village missing from the
    # gazetteer is placed, not the first town of the bracket nor Bonn
    from truce.geo.resolve import places

    boni = [m for m in places("French aircraft struck fighters near Boni (Douentza, Mopti) on Tuesday.")
            if m.text == "Boni"]
    assert boni and boni[0].country == "MLI" and boni[0].precision == "region", boni


def test_a_people_or_its_militia_is_no_scene(geo: Path) -> None:
    # "Zaire" is also an Angolan province: before "militia" it names a people's armed group
    found = _places("CODECO fighters clashed with Zaire militia in Djugu territory (Ituri) on Sunday.")
    assert ("Djugu", "COD", "literal") in found, found
    assert [usage for name, _, usage in found if name == "Zaire"] in ([], ["metonymy"]), found


@pytest.mark.parametrize("text", [
    # the town is Cameroonian; the bracket's province takes the reading that holds it, not the
    # South African North-West (the more populous) that would otherwise pull the town there
    "Fighters ambushed soldiers near Kumbo (Bui, North-West) on Sunday.",
    # with no town to hold, the people named settle it: Ambazonia's separatists are Cameroon's
    "Ambazonian separatists raided a gendarmerie post at Zorbaville (Bui, North-West) overnight.",
])
def test_a_bracketed_province_takes_the_reading_of_its_theatre(geo: Path, text: str) -> None:
    found = _places(text)
    assert found and all(country == "CMR" for _, country, _ in found), found
