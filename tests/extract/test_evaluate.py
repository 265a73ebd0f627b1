"""The expectation matcher: dotted keys, any-of lists, null, near, dates, parties."""

from __future__ import annotations

from typing import Any

from truce.extract.evaluate import check_expectations, pattern_matches

EVENT: dict[str, Any] = {
    "type": "ASSAULT", "mode": "heavy-weapons", "aux": None, "status": "asserted",
    "actor": {"country": "AZE"}, "recipient": {"country": "ARM"},
    "location": {"lat": 39.82, "lon": 46.75}, "date": {"start": "2023-09-19", "end": "2023-09-19"},
    "weapons": [],
}


def test_dotted_keys_lists_and_case() -> None:
    assert pattern_matches(EVENT, {"type": "assault", "actor.country": ["TUR", "AZE"]})
    assert not pattern_matches(EVENT, {"actor.country": "TUR"})


def test_null_means_absent() -> None:
    assert pattern_matches(EVENT, {"aux": None, "weapons": None, "source.country": None})
    assert not pattern_matches(EVENT, {"mode": None})


def test_near_uses_great_circle_distance() -> None:
    assert pattern_matches(EVENT, {"near": [39.9, 46.8, 20]})
    assert not pattern_matches(EVENT, {"near": [41.0, 28.9, 100]})  # Istanbul


def test_date_conditions() -> None:
    assert pattern_matches(EVENT, {"date_in": ["2023-09-19", "2023-09-21"]})
    assert pattern_matches(EVENT, {"date_after": "2023-09-18"})
    assert not pattern_matches(EVENT, {"date_after": "2023-09-19"})
    assert pattern_matches(EVENT, {"date_before": "2023-09-20"})
    assert not pattern_matches({"type": "ASSAULT"}, {"date_before": "2030-01-01"})


def test_parties_in_either_order() -> None:
    assert pattern_matches(EVENT, {"parties": ["ARM", "AZE"]})
    assert not pattern_matches(EVENT, {"parties": ["AZE", "TUR"]})


def test_must_and_must_not() -> None:
    expect = {"must": [{"id": "a", "any_of": [{"type": "AGREE"}, {"type": "ASSAULT"}]}],
              "must_not": [{"id": "b", "any_of": [{"actor.country": "AZE"}]}]}
    result = check_expectations(expect, [EVENT])
    assert [(i.id, i.ok) for i in result.items] == [("a", True), ("b", False)]
    assert check_expectations(expect, []).failed == 1
