"""A monitoring mission's own name is an organisation, never a place, wherever it stands."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("text", [
    "The SMM recorded 14 explosions near Avdiivka.",  # sentence-initial "The" + an airport code
    "On Tuesday the SMM heard shelling near Horlivka.",
    "UNIFIL said its peacekeepers came under fire near Naqoura.",
    "MINUSMA reported an attack on its camp in Kidal.",
    "Peacekeepers of MINUSCA were attacked near Bangassou.",
])
def test_the_mission_is_no_place(geo: Path, text: str) -> None:
    from truce.geo.resolve import places

    found = places(text)
    assert found, "the town the text names should be read"
    names = ("SMM", "UNIFIL", "MINUSMA", "MINUSCA")
    assert not any(name in m.text for m in found for name in names)


def test_an_observation_by_the_mission_stays_in_the_theatre(geo: Path) -> None:
    from truce.extract.pipeline import extract

    events = extract("The SMM recorded 14 explosions near Avdiivka.", None)
    placed = [e for e in events if e.location is not None]
    assert placed and all(e.location.country == "UKR" for e in placed)
