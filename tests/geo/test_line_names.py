"""Ceasefire and border lines ("the Line of Contact", "the Blue Line") are not towns."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
SETTLEMENTS = {"point", "village", "city"}


def _places(text: str) -> list:  # type: ignore[type-arg]
    from truce import places

    return places(text)


@pytest.mark.parametrize(("text", "line", "place"), [
    ("Azerbaijan said its units fired across the Line of Contact near Stepanakert.", "Line of Contact",
     "Stepanakert"),
    ("Hezbollah said it fired at troops south of the Blue Line near Metula.", "Blue Line", "Metula"),
    ("Pakistani and Indian troops traded fire on the Line of Control near Uri.", "Line of Control", "Uri"),
    ("Taliban guards clashed with Pakistani troops on the Durand Line near Chaman.", "Durand Line", "Chaman"),
])
def test_a_line_is_no_town_and_the_places_near_it_stay(geo: Path, text: str, line: str, place: str) -> None:
    mentions = _places(text)
    assert [m for m in mentions if m.text == place], f"{place} not read in {text!r}"
    start = text.index(line)
    end = start + len(line)
    towns = [m for m in mentions if m.start < end and start < m.end and m.precision in SETTLEMENTS]
    assert not towns, towns


def test_lines_are_found_by_their_shape() -> None:
    from truce.geo.phrases import line_names
    from truce.nlp import load_nlp

    text = "Shots were fired along the Line of Contact and the Blue Line, but the line held."
    found = [text[a:b] for a, b in line_names(load_nlp()(text), text)]
    assert found == ["Line of Contact", "Blue Line"]


def test_an_untagged_peoples_adjective_names_its_country(geo: Path) -> None:
    # "Azerbaijani" is left untagged by the small model here: the sentence still names Azerbaijan
    mentions = _places("Azerbaijani units fired across the Line of Contact near Stepanakert.")
    assert [m for m in mentions if m.text == "Stepanakert" and m.country == "AZE"], mentions
