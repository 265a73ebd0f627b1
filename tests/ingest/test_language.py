"""One language detector (truce.language) for ingestion and extraction; `truce extract` detects once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from truce import language

FRENCH = ("Le cessez-le-feu a été violé à plusieurs reprises pendant la nuit, selon le ministère de la Défense, "
          "qui fait état de tirs d'artillerie sur plusieurs villages.")
ENGLISH = "Artillery shelled the village of Martuni on Monday night, the defence ministry said."


def test_ingestion_and_extraction_share_one_detector() -> None:
    from truce.extract import language as extract_language
    from truce.ingest import reports

    assert extract_language.detect_language is language.detect_language
    assert reports.detect_language is language.detect_language


@pytest.mark.parametrize("text, expected", [
    (ENGLISH, "en"), (FRENCH, "fr"), ("ok", None), ("Shelling reported", None), ("", None),
    ("12 34 56 78 90", None),
])
def test_detect_language(text: str, expected: str | None) -> None:
    assert language.detect_language(text) == expected


def test_truce_extract_detects_the_language_once(tmp_path: Path, truce_home: Path) -> None:
    from truce.cli import app

    path = tmp_path / "report.txt"
    path.write_text(ENGLISH + "\n\n" + ENGLISH.replace("Monday", "Tuesday"), encoding="utf-8")
    language._detect_sample.cache_clear()
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    info = language._detect_sample.cache_info()
    assert info.misses == 1, info  # computed once; extraction's own question about the text is a memo hit
    output = json.loads(result.stdout)
    assert output["report"]["language"] == "en" and output["events"]
