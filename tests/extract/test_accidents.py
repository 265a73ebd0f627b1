"""Harm a disaster or an accident caused is no attack; harm an attack caused stays one.

Every sentence is the team's own. Each side is checked through `extract` (no ASSAULT event from an
accident) and through `accidental` on the word of harm, so a change that drops real attacks fails
as surely as one that lets crashes through.
"""

from __future__ import annotations

import pytest

from truce import extract
from truce.extract.accidents import accidental
from truce.nlp import load_nlp

ACCIDENTS = [
    "A fertiliser factory explodes on the edge of the port city, killing at least four workers.",
    "A crowded ferry sinks in the estuary, killing at least 30 passengers.",
    "Twelve people are injured when a minibus and a lorry are involved in a collision on the highway.",
    "Six people are killed as a cargo plane crashes near the northern airport.",
    "At least nine people die and 40 are injured as a result of landslides after days of rain.",
    "A freight train derailment outside the capital kills three railway workers.",
    "Eight villagers were killed when a gas cylinder exploded at a wedding.",
    "Monsoon floods killing 23 people sweep through the river valley.",
    "An earthquake strikes the coastal province, damaging hundreds of homes.",
    "A wildfire destroyed 40 houses in the hills above the town.",
    "Two farmers died after being struck by lightning in their field.",
    "A tanker lorry veers off the mountain road and bursts into flames, killing its driver.",
]

ATTACKS = [
    "Militants shelled the village, killing three civilians.",
    "A car bomb exploded outside the ministry, killing five people.",
    "An explosion in the market kills at least seven people.",
    "Two soldiers were killed when their position came under mortar fire.",
    "A drone crashed into an apartment block, injuring three residents.",
    "The building collapsed after an airstrike, killing seven people.",
    "Government fire damaged a school in the town.",
    "Gunmen set fire to houses, killing four villagers.",
    "A roadside bomb struck an army truck, killing two soldiers.",
    "Three civilians were killed in the shelling after the floods receded.",
    "A landmine exploded under a tractor, killing two farmers.",
    "The clinic collapsed after being shelled, killing seven patients.",
]

_HARM = {"kill", "injure", "die", "destroy", "damage", "strike", "explode", "wound", "burst"}


def _assaults(text: str) -> list[str]:
    return [e.type for e in extract(text, "2031-04-02") if e.type == "ASSAULT"]


@pytest.mark.parametrize("text", ACCIDENTS)
def test_an_accident_or_disaster_gives_no_attack(text: str) -> None:
    doc = load_nlp()(text)
    harm = [t for t in doc if t.lemma_.lower() in _HARM]
    assert harm, f"no word of harm parsed in: {text}"
    assert any(accidental(t) for t in harm)
    assert _assaults(text) == []


@pytest.mark.parametrize("text", ATTACKS)
def test_an_attack_stays_an_attack(text: str) -> None:
    doc = load_nlp()(text)
    harm = [t for t in doc if t.lemma_.lower() in _HARM]
    assert harm, f"no word of harm parsed in: {text}"
    assert not any(accidental(t) for t in harm)
    assert _assaults(text), f"no ASSAULT event in: {text}"
