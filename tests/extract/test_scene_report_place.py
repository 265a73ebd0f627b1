"""A placeless act of force in a report of one scene happened there (scene.place_from_report),
and one with no placed act before it in its paragraph takes the paragraph's first place
(scene._place_from_paragraph)."""

from __future__ import annotations

import pytest

from truce.extract.pipeline import extract

pytestmark = pytest.mark.usefixtures("truce_home")


def _assaults(text: str) -> list[str | None]:
    events = [e for e in extract(text, "2021-04-25", use_classifier=False) if e.type == "ASSAULT"]
    assert events, f"no attack read from {text!r}"
    return [e.location.text if e.location else None for e in events]


def test_headlines_of_one_story_share_its_place() -> None:
    # the toll headline names no place; the other headline of the story does
    text = ("Forty people were killed yesterday including twelve soldiers;"
            "Airstrikes hit Al Mayadin, Deir Ezzor governorate, Syria")
    places = _assaults(text)
    assert len(places) >= 2 and all(p == "Al Mayadin" for p in places), places


def test_a_report_of_two_scenes_lends_no_place() -> None:
    text = ("Forty people were killed yesterday including twelve soldiers;"
            "Airstrikes hit Al Mayadin, Deir Ezzor governorate, Syria;"
            "Mortar shells killed three farmers in Daraa, Syria")
    places = _assaults(text)
    assert None in places, places


def test_a_toll_before_the_place_of_its_paragraph() -> None:
    # the first sentence is placeless; its paragraph names the place after it, in a sentence with no event
    text = ("Unknown gunmen killed four herders on Sunday. Their families live near Gusau in Zamfara state, "
            "a police spokesman said.")
    places = _assaults(text)
    assert places[0] == "Gusau", places
