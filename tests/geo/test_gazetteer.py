"""The gazetteer index: built from the installed packages, fast to open and to query."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from truce.geo.gazetteer import Gazetteer

pytestmark = pytest.mark.slow  # the first run builds the gazetteer (about 30 s); later runs reuse it


def test_index_is_compact_and_described(gazetteer_file: Path) -> None:
    gazetteer = Gazetteer(gazetteer_file)
    info = gazetteer.info()
    assert int(info["places"]) > 150_000
    assert "GeoNames" in info["attribution"] and "CC BY 4.0" in info["attribution"]
    assert gazetteer_file.stat().st_size < 150e6


def test_opens_in_under_a_second_and_looks_up_in_under_a_millisecond(gazetteer_file: Path) -> None:
    started = time.perf_counter()
    gazetteer = Gazetteer(gazetteer_file)
    gazetteer.candidates("Stepanakert")
    assert time.perf_counter() - started < 1.0
    names = [f"{name}{i}" for i in range(50) for name in ("Mariupol", "Tbilisi", "Goma")]  # uncached
    started = time.perf_counter()
    for name in names:
        gazetteer.candidates(name)
    assert (time.perf_counter() - started) / len(names) < 0.001


@pytest.mark.parametrize(("spelling", "lat", "lon"), [
    ("Khankendi", 39.815, 46.752), ("Xankendi", 39.815, 46.752), ("Stepanakert", 39.815, 46.752),
    ("Shusha", 39.758, 46.748), ("Shushi", 39.758, 46.748), ("Lachin", 39.640, 46.547), ("Laçın", 39.640, 46.547),
])
def test_transliteration_variants_find_the_place(gazetteer_file: Path, spelling: str, lat: float,
                                                 lon: float) -> None:
    from truce.geo.geometry import haversine_km

    found = Gazetteer(gazetteer_file).candidates(spelling)
    assert any(c.country == "AZE" and haversine_km(lat, lon, c.lat, c.lon) < 15 for c in found), found


def test_curated_regions_are_in_the_index(gazetteer_file: Path) -> None:
    gazetteer = Gazetteer(gazetteer_file)
    for alias in ("Artsakh", "Donbass", "Gaza Strip", "Golan Heights", "Transnistria", "Tigray", "Rakhine"):
        assert any(c.kind == "region" for c in gazetteer.candidates(alias)), alias


def test_missing_or_foreign_file_is_a_clear_error(tmp_path: Path) -> None:
    from truce.errors import TruceError

    with pytest.raises(TruceError, match=r"E303.*gazetteer build"):
        Gazetteer(tmp_path / "absent.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(TruceError, match=r"E30[45]"):
        Gazetteer(junk)
