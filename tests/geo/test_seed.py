"""Acceptance on the seed article: `truce places` through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from truce.geo.geometry import haversine_km

pytestmark = pytest.mark.slow


def test_seed_article_places(geo: Path, shared_dir: Path) -> None:
    from truce.cli import app

    seed = shared_dir / "seed" / "karabakh-2023-09-21.txt"
    result = CliRunner().invoke(app, ["places", str(seed), "--format", "json"])
    assert result.exit_code == 0, result.output
    mentions = json.loads(result.stdout)
    text = seed.read_text(encoding="utf-8")
    karabakh = [m for m in mentions if m["text"] in ("Karabakh", "Nagorno-Karabakh")]
    assert karabakh and all(haversine_km(39.82, 46.75, m["lat"], m["lon"]) <= 75 for m in karabakh)
    assert not [m for m in mentions if m["text"] in ("Turkish", "Azeri", "Azerbaijani")]
    at = text.index("whether Ankara played") + len("whether ")
    ankara = [m for m in mentions if m["start"] == at]
    assert ankara and ankara[0]["usage"] == "metonymy" and ankara[0]["country"] == "TUR"
    assert set(mentions[0]) == {"text", "start", "end", "name", "lat", "lon", "country", "admin1", "geonameid",
                                "precision", "usage", "reason"}
