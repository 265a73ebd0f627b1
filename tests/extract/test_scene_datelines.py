"""A dateline says where the reporter is: an act takes it as its place only when nothing else does."""

from __future__ import annotations

from datetime import date

import pytest

from truce import extract

DAY = date(2024, 5, 3)


def _assaults(text: str) -> list:  # type: ignore[type-arg]
    events = [e for e in extract(text, published=DAY) if e.type == "ASSAULT"]
    assert events, f"no ASSAULT read in {text!r}"
    return events


@pytest.mark.parametrize(("text", "place"), [
    ("Kyiv, Ukraine (Reuters) - Russian drones struck Odesa overnight, officials said.", "Odesa"),
    ("Goma, Congo, May 3 - Rebels shelled a camp for displaced people, killing four. The camp lies "
     "near Sake, west of the city.", "Sake"),
])
def test_a_place_the_text_gives_beats_the_dateline(text: str, place: str) -> None:
    events = _assaults(text)
    assert all(e.location is not None and e.location.text == place for e in events), \
        [e.location and e.location.text for e in events]


def test_the_dateline_places_an_act_nothing_else_places() -> None:
    events = _assaults("Kyiv, Ukraine (Reuters) - Russian drones attacked the city overnight, officials said.")
    assert all(e.location is not None and e.location.text == "Kyiv" for e in events)


def test_a_list_of_towns_before_a_dash_is_no_dateline() -> None:
    events = _assaults("Kharkiv, Izium and Kupiansk were shelled - officials said.")
    assert all(e.location is not None for e in events)
