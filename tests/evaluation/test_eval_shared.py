"""On the real shared data (skipped when absent): our samples and gold are dev_eval.py's.

The figures of `truce eval --data` and of `shared/tools/dev_eval.py` are comparable only if both
draw the same items and derive the same gold from them; these tests check that directly, without
running extraction (fast).
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from truce.evaluation import ucdp_gold
from truce.evaluation.geovirus import read_geovirus
from truce.evaluation.ucdp import read_ucdp
from truce.evaluation.wiktor import read_wiktor

pytestmark = pytest.mark.shared


def test_the_ucdp_sample_and_its_gold_are_the_tools(shared_data: Path, dev_eval: ModuleType) -> None:
    path = shared_data / "ucdp-ged" / "ged_events.jsonl"
    ours = read_ucdp(path)
    theirs, population, _ = dev_eval.load_ucdp(path, None)
    assert len(ours.items) == len(theirs) > 1000
    assert ours.population == population
    assert [u.text for u in ours.items] == [t["text"] for t in theirs]
    assert [u.kind for u in ours.items] == [t["type"] for t in theirs]
    assert [u.deaths_gold for u in ours.items] == [t["deaths_gold"] for t in theirs]
    assert [u.best_stated for u in ours.items] == [t["best_stated"] for t in theirs]
    assert [list(u.places_gold) for u in ours.items] == [t["places_gold"] for t in theirs]
    assert sum(u.deaths_gold is not None for u in ours.items) > 50  # the comparison covers real gold
    assert sum(bool(u.places_gold) for u in ours.items) > 100


def test_the_geo_samples_are_the_tools(shared_data: Path, dev_eval: ModuleType) -> None:
    for reader, tool, name in ((read_geovirus, dev_eval.load_geovirus, "geovirus/geovirus.jsonl"),
                               (read_wiktor, dev_eval.load_wiktor, "wiktor/wiktor.jsonl")):
        ours = reader(shared_data / name)
        theirs, population, _ = tool(shared_data / name, None)
        assert len(ours.items) == len(theirs) > 200
        assert ours.population == population
        assert [a.key for a in ours.items] == [t["key"] for t in theirs]
        assert [[(g.start, g.end, g.lat, g.lon) for g in a.gold] for a in ours.items] == [t["gold"] for t in theirs]


def test_the_word_lists_and_toll_rule_are_the_tools(shared_data: Path, dev_eval: ModuleType) -> None:
    assert ucdp_gold.ARTICLES == dev_eval._ARTICLES
    assert ucdp_gold.FEATURES == dev_eval._FEATURES
    assert ucdp_gold.GENERIC == dev_eval._GENERIC
    assert ucdp_gold.NUMBER_WORDS == dev_eval.NUMBER_WORDS
    texts = []
    with (shared_data / "ucdp-ged" / "ged_events.jsonl").open(encoding="utf-8") as handle:
        for _, line in zip(range(3000), handle, strict=False):
            texts.append(json.loads(line)["text"])
    assert len(texts) == 3000
    assert [ucdp_gold.states_deaths(t) for t in texts] == [bool(dev_eval.DEATHS_RE.search(t)) for t in texts]
    assert [ucdp_gold.numbers_in(t) for t in texts] == [dev_eval.numbers_in(t) for t in texts]
    assert any(ucdp_gold.states_deaths(t) for t in texts)
