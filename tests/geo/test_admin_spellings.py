"""Province spellings of conflict data (ACLED's admin-1 names) that the gazetteer's names miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from truce.geo.admin_spellings import province_for
from truce.geo.geometry import haversine_km

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "name", "iso3", "lat", "lon"), [
    ("An IED killed two soldiers near Tal Afar (Ninewa), the Iraqi army said.", "Ninewa", "IRQ", 36.2, 42.6),
    ("Islamic State fighters raided a village in Salah al-Din, north of Baghdad.", "Salah al-Din", "IRQ",
     34.5, 43.6),
    ("Al-Shabaab attacked a base near Afgooye in Lower Shabelle, Somalia.", "Lower Shabelle", "SOM", 1.9, 44.6),
    ("The army shelled villages in Shan-North, Myanmar, residents said.", "Shan-North", "MMR", 21.5, 97.9),
    ("Houthi fighters shelled Qataba in Al Dhale, Yemen.", "Al Dhale", "YEM", 13.7, 44.7),
])
def test_a_province_spelling_finds_its_province(geo: Path, text: str, name: str, iso3: str, lat: float,
                                                 lon: float) -> None:
    from truce import places

    found = [m for m in places(text) if m.text == name]
    assert found, f"{name} not read in {text!r}"
    assert found[0].country == iso3 and found[0].lat is not None and found[0].lon is not None
    assert haversine_km(lat, lon, found[0].lat, found[0].lon) <= 161


def test_the_table_folds_spellings_and_leaves_town_names_out() -> None:
    assert province_for("NINEWA") == ("IRQ", "Nīnawá")
    assert province_for("Lower  Shabelle") is not None
    assert province_for("Taiz") is None  # the town is what the press means
