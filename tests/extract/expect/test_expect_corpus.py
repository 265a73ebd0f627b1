"""Well-formedness of the extraction expectation corpus (format: shared/DESIGN.md, 'Expectation files').

These tests check the corpus itself, not the extractor: every expectation file parses, names an existing
report, uses only pattern keys the reference checker understands, and never expects an event after the
report's publication date. A broken expectation would otherwise silently pass or fail extraction runs.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pycountry
import pytest

HERE = Path(__file__).parent
EXPECT_FILES = sorted(HERE.glob("*.expect.json"))

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
AUX = {None, "negation", "hypothetical", "future", "historical"}
STATUS = {"asserted", "claimed", "denied"}
# Keys the reference checker (shared/tools/check_expect.py) evaluates, as used by this corpus.
PATTERN_KEYS = {
    "type", "mode", "aux", "status", "fatalities", "injured",
    "actor.country", "recipient.country", "source.country", "location.country",
    "actor.sector", "recipient.sector", "source.sector",
    "date.start", "date_in", "date_after", "date_before", "near", "parties",
}


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _patterns(expect: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [p for item in expect[kind] for p in item["any_of"]]


def _options(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def test_corpus_is_large_enough() -> None:
    assert len(EXPECT_FILES) >= 34


@pytest.mark.parametrize("path", EXPECT_FILES, ids=lambda p: p.name)
def test_expectation_shape(path: Path) -> None:
    expect = _load(path)
    assert set(expect) == {"about", "report", "must", "must_not"}
    assert "synthetic report written for Truce's test corpus" in expect["about"]
    report = expect["report"]
    assert report["file"] == path.name.replace(".expect.json", ".txt")
    assert (HERE / report["file"]).is_file()
    dt.date.fromisoformat(report["published"])
    assert report["language"] == "en"
    assert 3 <= len(expect["must"]) <= 8
    assert 2 <= len(expect["must_not"]) <= 5
    ids = [item["id"] for kind in ("must", "must_not") for item in expect[kind]]
    assert len(ids) == len(set(ids)), "item ids must be unique within a file"
    for kind in ("must", "must_not"):
        for item in expect[kind]:
            assert item["why"].strip() and item["any_of"], item["id"]


@pytest.mark.parametrize("path", EXPECT_FILES, ids=lambda p: p.name)
def test_pattern_values(path: Path) -> None:
    expect = _load(path)
    for pattern in _patterns(expect, "must") + _patterns(expect, "must_not"):
        assert set(pattern) <= PATTERN_KEYS, set(pattern) - PATTERN_KEYS
        for key, value in pattern.items():
            if key == "type":
                assert set(_options(value)) <= PLOVER_TYPES
            elif key == "aux":
                assert all(v in AUX for v in _options(value))
            elif key == "status":
                assert set(_options(value)) <= STATUS
            elif key.endswith(".country") or key == "parties":
                for code in _options(value):
                    assert pycountry.countries.get(alpha_3=code) is not None, code
            elif key == "near":
                lat, lon, radius = value
                assert -90 <= lat <= 90 and -180 <= lon <= 180 and 0 < radius <= 400
            elif key in ("date.start", "date_after", "date_before"):
                for day in _options(value):
                    dt.date.fromisoformat(day)
            elif key == "date_in":
                assert dt.date.fromisoformat(value[0]) <= dt.date.fromisoformat(value[1])


@pytest.mark.parametrize("path", EXPECT_FILES, ids=lambda p: p.name)
def test_must_never_expects_the_future(path: Path) -> None:
    expect = _load(path)
    published = expect["report"]["published"]
    for pattern in _patterns(expect, "must"):
        for day in _options(pattern.get("date.start", [])):
            assert day <= published, day
        if "date_in" in pattern:
            assert pattern["date_in"][1] <= published
    # Every report guards against the ingestion clock leaking into event dates.
    guards = [p for p in _patterns(expect, "must_not") if p.get("date_after") == published]
    assert guards, "missing a must_not with date_after equal to the publication date"


@pytest.mark.parametrize("path", EXPECT_FILES, ids=lambda p: p.name)
def test_report_text_shape(path: Path) -> None:
    text = (HERE / _load(path)["report"]["file"]).read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    assert title.strip() and body.strip()
    assert 150 <= len(text.split()) <= 600
    assert "\n\n" in body, "body paragraphs are separated by blank lines"
