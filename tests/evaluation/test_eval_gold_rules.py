"""The UCDP gold rules on invented headlines: stated tolls, written numbers, place keys."""

from __future__ import annotations

import pytest

from truce.evaluation.ucdp_gold import contains_words, fold_words, numbers_in, place_key, states_deaths


@pytest.mark.parametrize(("text", "stated"), [
    ("Four soldiers were killed in an ambush", True),
    ("1,200 people have died since March", True),
    ("Clashes left 7 fighters from both sides dead", True),
    ("Seventeen dead after a market bombing", True),
    ("A soldier was killed by a sniper", False),  # no number
    ("3 people were wounded, one of them later", False),  # no death word
    ("12 villages across the wide and mountainous northern region were shelled; many killed", False),  # too far
])
def test_a_toll_is_a_number_shortly_before_a_death_word(text: str, stated: bool) -> None:
    assert states_deaths(text) is stated


def test_numbers_in_reads_digits_thousands_and_words() -> None:
    assert numbers_in("1,200 displaced, 35 killed and twenty-one missing; Hundred") == {1200, 35, 20, 1, 100}
    assert numbers_in("no numbers here") == set()


@pytest.mark.parametrize(("where", "key"), [
    ("Teir Maaleh village", ["teir"]),
    ("Deir ez-Zor city (Dayr az Zawr)", ["deir", "zor"]),
    ("al-Bab town, Aleppo", ["bab"]),
    ("Ma’arrat al-Numan", ["maarrat", "numan"]),
    ("Bangui", ["bangui"]),
    ("district", []),
])
def test_place_key_drops_features_and_articles(where: str, key: list[str]) -> None:
    assert place_key(where) == key


def test_the_key_must_occur_as_whole_words() -> None:
    words = fold_words("Shelling hit DEIR EZ-ZOR and Télé on Monday")
    assert contains_words(words, ["deir", "ez"]) and contains_words(words, ["tele"])
    assert not contains_words(words, ["zor", "deir"]) and not contains_words(words, ["shell"])
    assert not contains_words(words, [])
