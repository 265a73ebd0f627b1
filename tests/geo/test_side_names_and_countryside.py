"""A country that names a side ("the U.S.-led coalition") is no scene; "the countryside of X" is
X's province where the gazetteer has one."""

from __future__ import annotations

from pathlib import Path

import pytest


def _usages(text: str, name: str) -> list[str]:
    from truce.geo.resolve import places

    found = [m.usage for m in places(text) if m.text == name]
    assert found, f"{name} not read in {text!r}"
    return found


@pytest.mark.parametrize(("text", "name"), [
    ("Twelve villagers were killed by US-led coalition strikes on Kafr Nabl.", "US"),
    ("Civilians died in the U.S led coalition raids on the old town of Hajin.", "U.S"),
    ("Turkey-backed fighters shelled the outskirts of Tal Rifaat.", "Turkey"),
    ("Russia-controlled units fired on Kupiansk overnight.", "Russia"),
])
def test_a_country_naming_a_side_is_no_scene(geo: Path, text: str, name: str) -> None:
    assert _usages(text, name) == ["metonymy"]


@pytest.mark.parametrize(("text", "name"), [
    ("Fighting went on near Kherson held by the army since November.", "Kherson"),
    ("Shelling hit Aleppo; armed groups denied it.", "Aleppo"),
])
def test_a_place_before_an_ordinary_participle_stays_a_place(geo: Path, text: str, name: str) -> None:
    assert _usages(text, name) == ["literal"]


def test_the_countryside_of_a_province_is_the_province(geo: Path) -> None:
    from truce.geo.resolve import places

    found = [m for m in places("Artillery shells fell on the northern countryside of Hama overnight.")
             if m.text == "Hama"]
    assert found and found[0].country == "SYR" and found[0].precision == "region"
    town = [m for m in places("Artillery shells fell on Hama overnight.") if m.text == "Hama"]
    assert town and town[0].precision == "city"


def test_the_countryside_of_a_town_stays_the_town(geo: Path) -> None:
    from truce.geo.resolve import places

    found = [m for m in places("Drones struck farms in the countryside of Kafr Nabl.") if m.text == "Kafr Nabl"]
    assert found and found[0].country == "SYR" and found[0].precision == "city"


@pytest.mark.parametrize(("text", "word"), [
    ("Heavy fighting went on east of the Euphrates River near the town of Hajin.", "River"),
    ("Clashes broke out in the Palmyra Desert and near Sukhnah.", "Desert"),
    ("Fighters of Ahrar al-Sham shelled the town of Kafr Nabl.", "al-Sham"),
    ("Hayat Tahrir al-Sham State units were seen near Kafr Nabl.", "al-Sham"),
])
def test_a_landform_word_or_a_group_name_alone_is_no_place(geo: Path, text: str, word: str) -> None:
    from truce.geo.resolve import places

    found = places(text)
    assert found, "the town the text names should be read"
    assert not any(m.text in (word, f"{word} State") for m in found)


def test_a_hashtag_place_after_in_is_cued(geo: Path) -> None:
    from truce.geo.resolve import places

    found = [m for m in places("A trader was shot dead in #Mbengwi on Sunday.") if m.text == "Mbengwi"]
    assert found and found[0].country == "CMR"
