"""A place read inside a known group's longer name names the group, not where the act happened
(components.inside_group_names); a self-declared republic's name stays its land."""

from __future__ import annotations

from datetime import date

from truce.extract.pipeline import extract

PUBLISHED = date(2023, 6, 9)


def _places(text: str) -> list[str]:
    events = [e for e in extract(text, published=PUBLISHED) if e.type == "ASSAULT"]
    assert events, "no attack read"
    return [e.location.name for e in events if e.location is not None]


def test_a_place_inside_a_group_name_is_no_scene() -> None:
    places = _places("Fighters of Islamic State West Africa Province attacked an army post near Monguno "
                     "on Tuesday, killing four soldiers.")
    assert places and "Africa" not in places
    assert "Monguno" in places


def test_a_group_name_alone_gives_no_far_place() -> None:
    text = "Militants of the Kurdistan Workers' Party ambushed a patrol on Tuesday, killing two soldiers."
    assert "Kurdistan" not in _places(text)


def test_a_republic_keeps_its_land() -> None:
    text = "Two civilians were killed by shelling in the Donetsk People's Republic on Tuesday."
    assert any("Donetsk" in p for p in _places(text))
