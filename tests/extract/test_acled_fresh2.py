"""The second fresh held-out ACLED-style notes (data/acled_fresh2.yaml): other theatres and harder
death and date shapes than the first set, written before the rules were read, never fitted to. Scored
exactly as test_acled_fresh.py scores the first set (its scorer is loaded from that file): the main
event of each note as an ACLED coder's row, event type, sub-event type, date, fatalities where the
toll is above 0, location within 25 km or in the admin-1 the note names.

This test can fail: it scores the extractor's real output against expectations written beforehand.
The floors are a ratchet: the figures measured, a little below; raise them when a fix lifts a
figure, never lower them to let a change through. Run with -s to see the figures and every miss."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from truce.extract import crosswalk

DATA = Path(__file__).parent / "data" / "acled_fresh2.yaml"


def _first_set_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("acled_fresh_scorer", Path(__file__).parent / "test_acled_fresh.py")
    if spec is None or spec.loader is None:
        raise ImportError("test_acled_fresh.py not found beside this file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


scorer = _first_set_scorer()

# First run (2026-12-08, 01:50 UTC, main at 5279467, 210 notes, 112 with a toll): type 0.900, sub-type
# 0.886, date 0.976, deaths 0.920, location 0.838 (0.857 once the scorer knew ACLED's spellings of
# six more admin-1s and that ACLED's West Bank holds GeoNames' governorates: a scorer fix).
FIRST_RUN = {"type": 0.900, "sub": 0.886, "date": 0.976, "deaths": 0.920, "location": 0.857}
# After the toll fixes of victims.py (people by office and trade, a couple, lists left dead, shared
# objects, participles on places): deaths 0.964. After coding rules (former state forces are civilians,
# supporters who burn are rioters, ground taken from a named side was fought for, CS gas a riot agent,
# an act told after 'after'/'for' the reason of the note's act): type 0.924, sub-type 0.910, location 0.862.
# After the means and goods rules (guns of war exchanged, arms recovered, bombs made safe or worn,
# buildings destroyed, youths burning, sexual violence before a crowd): type 0.933, sub-type 0.914.
# (Location is 0.876 on an idle machine; it drops to about 0.81 while a dev eval runs beside the
# test, a time-bounded place step outside the extractor's rules: run it on an idle machine.)
FLOORS = {"type": 0.93, "sub": 0.91, "date": 0.97, "deaths": 0.96, "location": 0.855}


def load_notes() -> list[dict[str, Any]]:
    return list(yaml.safe_load(DATA.read_text(encoding="utf-8"))["notes"])


@pytest.fixture(scope="module")
def coded() -> list[Any]:
    from truce.extract.pipeline import extract_many

    notes = load_notes()
    reports = [(n["text"], str(n["published"])) for n in notes]
    return [scorer.Coded(n, crosswalk.main_event(events))
            for n, events in zip(notes, extract_many(reports), strict=True)]


def test_the_second_set_covers_every_sub_event_type() -> None:
    notes = load_notes()
    assert len(notes) >= 150
    assert len({n["sub"] for n in notes}) == 25
    assert sum(int(n["deaths"]) > 0 for n in notes) >= 100


def test_second_fresh_notes_hold_the_ratchet(coded: list[Any]) -> None:
    assert coded
    figures = scorer.score(coded)
    print("\nACLED fresh set 2:", {k: round(v, 3) for k, v in figures.items()}, f"({len(coded)} notes)")
    for measure, lines in scorer.misses(coded).items():
        print(f"-- {measure}: {len(lines)} missed")
        for line in lines:
            print("   ", line)
    low = {k: round(v, 3) for k, v in figures.items() if v < FLOORS[k]}
    assert not low, f"below the floor {FLOORS}: {low}"
