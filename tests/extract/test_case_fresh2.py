"""The second fresh held-out NEWS snippets (data/case_fresh2.yaml), CASE 2021 task 2 shape, other
theatres and phrasings than the first set, written before the rules were read and never fitted to.
Scored exactly as test_case_fresh.py scores the first set (its scorer is loaded from that file): the
main event's sub-event type, F1 per type weighted by support, an unread snippet a miss of its type.

This test can fail: it scores the extractor's real output against expectations written beforehand.
The floor is a ratchet: raised as fixes lift the figure, never lowered to let a change through.
Run with -s to see the figure, the per-type F1 and every miss."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

DATA = Path(__file__).parent / "data" / "case_fresh2.yaml"


def _first_set_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("case_fresh_scorer", Path(__file__).parent / "test_case_fresh.py")
    if spec is None or spec.loader is None:
        raise ImportError("test_case_fresh.py not found beside this file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


scorer = _first_set_scorer()

# First run (2026-12-08, 01:52 UTC, main at 5279467, 124 snippets): weighted F1 0.742 (accuracy
# 0.734). After the coding rules of the second ACLED set (former state forces, supporters rioting,
# ground taken from a side, reasons told after 'after'/'for'): 0.762 (accuracy 0.750); after the means
# and goods rules (artillery exchanged, arms recovered, bombs defused or worn, a school demolished,
# youths burning, "fired bombs" no fire bomb): 0.814 (accuracy 0.798); with protesters killed kept
# excessive force over the learned reading: 0.822 (accuracy 0.806). The floor sits just under the
# latest figure.
FLOOR = 0.82


def load_snippets() -> list[dict[str, Any]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return [{"text": text, "published": str(data["published"]), "type": block["type"], "sub": block["sub"]}
            for block in data["blocks"] for text in block["texts"]]


@pytest.fixture(scope="module")
def coded() -> list[tuple[dict[str, Any], str | None]]:
    return scorer.code_snippets(load_snippets())


def test_the_second_set_covers_every_sub_event_type() -> None:
    counts = Counter(s["sub"] for s in load_snippets())
    assert sum(counts.values()) >= 100
    assert len(counts) == 25
    assert min(counts.values()) >= 4


def test_second_fresh_snippets_hold_the_ratchet(coded: list[tuple[dict[str, Any], str | None]]) -> None:
    assert coded
    gold = [s["sub"] for s, _ in coded]
    got = [sub for _, sub in coded]
    figure = scorer.weighted_f1(gold, got)
    print(f"\nCASE-shape fresh set 2: weighted F1 {figure:.3f}, accuracy "
          f"{sum(g == p for g, p in zip(gold, got, strict=True)) / len(gold):.3f} ({len(gold)} snippets)")
    for label, f1 in sorted(scorer.per_type_f1(gold, got).items(), key=lambda kv: kv[1]):
        print(f"   {f1:.2f}  {label}")
    print("-- misses:")
    for snippet, sub in coded:
        if sub != snippet["sub"]:
            print(f"    {snippet['text'][:110]} | want {snippet['sub']} got {sub}")
    assert figure >= FLOOR, f"weighted F1 {figure:.3f} below the floor {FLOOR}"
