"""Who told an attack, who stopped it and who held it off are not its attacker. Sentences written here."""
from __future__ import annotations

from datetime import date

import pytest

from truce.extract.pipeline import extract

PUBLISHED = date(2022, 5, 20)


def _attack(text: str):
    attacks = [e for e in extract(text, published=PUBLISHED) if e.type == "ASSAULT"]
    assert attacks, f"no attack read from: {text}"
    return attacks[0]


@pytest.mark.parametrize("text", [
    "Residents reported heavy fighting around the airport.",
    "Local media reported an airstrike on a market in Idlib.",
    "Witnesses described intense shelling of the town overnight.",
])
def test_who_tells_of_an_attack_did_not_make_it(text: str) -> None:
    attack = _attack(text)
    assert attack.actor is None, attack.to_dict()


@pytest.mark.parametrize("text, attacker, defender", [
    ("Ukrainian forces repelled 12 enemy attacks near Avdiivka.", "enemy", "Ukrainian forces"),
    ("Government troops repelled a rebel assault on the town.", "rebel", "Government troops"),
    ("Soldiers repulsed an attack by Al Shabaab fighters on their base.", "Al Shabaab fighters", "Soldiers"),
])
def test_who_holds_off_an_attack_was_attacked(text: str, attacker: str, defender: str) -> None:
    attack = _attack(text)
    assert attack.actor is not None and attack.actor.text == attacker, attack.to_dict()
    assert attack.recipient is not None and attack.recipient.text == defender, attack.to_dict()


def test_who_foils_an_attack_is_neither_side() -> None:
    attack = _attack("Police foiled an attack on a church in the capital.")
    assert attack.actor is None or attack.actor.text != "Police", attack.to_dict()
    assert attack.recipient is not None and "church" in attack.recipient.text


def test_who_launches_an_attack_made_it() -> None:
    attack = _attack("Rebels launched an attack on the army base.")
    assert attack.actor is not None and attack.actor.text == "Rebels"
