"""The shared dev/test split: a function of the folded text, the same as dev_eval.py's."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from truce.evaluation.split import in_split, split_of


def test_the_split_depends_only_on_the_folded_text() -> None:
    text = "Shelling was reported near the river crossing on Monday."
    assert split_of(text) == split_of(text)
    assert split_of(f"  {text.upper()}\n") == split_of(text.replace(" ", "\t "))


def test_about_three_tenths_of_texts_are_held_out() -> None:
    texts = [f"report number {n} from the northern sector" for n in range(3000)]
    held_out = sum(split_of(t) == "test" for t in texts)
    assert 0.27 < held_out / len(texts) < 0.33
    assert {split_of(t) for t in texts} == {"dev", "test"}


def test_in_split_keeps_order_and_all_keeps_everything() -> None:
    texts = [f"text {n}" for n in range(50)]
    dev, test = in_split(texts, "dev", str), in_split(texts, "test", str)
    assert dev and test
    assert sorted(dev + test, key=texts.index) == texts
    assert dev == [t for t in texts if t in dev]
    assert in_split(texts, "all", str) == texts


def _real_texts(data: Path, count: int) -> list[str]:
    texts: list[str] = []
    for name in ("ucdp-ged/ged_events.jsonl", "geovirus/geovirus.jsonl", "wiktor/wiktor.jsonl"):
        with (data / name).open(encoding="utf-8") as handle:
            for _, line in zip(range(count // 3), handle, strict=False):
                texts.append(json.loads(line)["text"])
    return texts


@pytest.mark.shared
def test_the_split_agrees_with_the_shared_tool(shared_data: Path, dev_eval: ModuleType) -> None:
    texts = _real_texts(shared_data, 600)
    texts += [f"Invented text {n}, with  odd   spacing and CASE" for n in range(200)]
    assert len(texts) > 500
    ours = [split_of(t) for t in texts]
    assert ours == [dev_eval.split_of(t) for t in texts]
    assert {"dev", "test"} <= set(ours)
