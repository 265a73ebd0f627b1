"""Stance shapes (sentences written here): what is not today's event, who claims, who is blamed."""
from __future__ import annotations

from datetime import date

from truce.extract.pipeline import extract

_DAY = date(2022, 5, 12)


def _attacks(text: str) -> list:
    return [e for e in extract(text, published=_DAY) if e.type == "ASSAULT"]


def test_fighting_since_a_year_is_background() -> None:
    """A stretch running from a year named to now is the conflict's background, not today's act."""
    assert _attacks("Separatist fighters have battled government troops in the east since 2014.") == []
    assert _attacks("Since 2016, the insurgency has killed thousands of villagers.") == []
    assert _attacks("The two armies have clashed repeatedly since the 2020 war.") == []


def test_since_a_recent_day_stays_news() -> None:
    """'since Tuesday', 'since the truce' bound a few days: the act is news."""
    assert _attacks("Rebels have shelled the town twice since Tuesday.")
    assert _attacks("Government troops have attacked the village three times since the truce began.")


def _by_type(text: str, etype: str) -> list:
    return [e for e in extract(text, published=_DAY) if e.type == etype]


def test_an_accusation_joined_to_a_denial_is_made_not_denied() -> None:
    """'X denied A and accused Y of B': the accusation is X's own act, not part of what it denies."""
    accusations = _by_type("Moscow denied bombing the dam and accused Kyiv of the attack.", "ACCUSE")
    assert accusations and all(e.status == "asserted" for e in accusations)
    assert {e.recipient.country for e in accusations if e.recipient} == {"UKR"}


def test_denied_act_and_act_blamed_on_the_other_side_stay_two() -> None:
    """'Eritrea denied attacking and blamed Ethiopia for the clashes': Eritrea's denied attack and its
    claim that Ethiopia fought are two events (the parse hangs 'blamed' on 'attacking')."""
    events = extract("Eritrea denied attacking and blamed Ethiopia for the clashes.", published=_DAY)
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert {(e.status, e.actor.country if e.actor else None) for e in attacks} == {("denied", "ERI"),
                                                                                  ("claimed", "ETH")}
    assert all(e.status == "asserted" for e in events if e.type == "ACCUSE")


def test_a_weapon_subject_gives_way_to_the_side_blamed() -> None:
    """'Rockets struck a school, blaming X': the rockets are what hit, the side blamed fired them."""
    attacks = _attacks("The mayor said rockets struck a school in the city, blaming Ukrainian troops.")
    assert attacks and all(e.actor is not None and e.actor.country == "UKR" for e in attacks)
    assert all(e.status == "claimed" for e in attacks)


def test_a_doer_denied_by_its_determiner_negates_the_act() -> None:
    attacks = _attacks("Neither army fired a shot across the river overnight.")
    assert attacks and all(e.aux == "negation" for e in attacks)
    assert all(e.aux is None for e in _attacks("Both armies fired shots across the river overnight."))


def test_two_peoples_on_one_noun_accusing_each_other_are_two_sides() -> None:
    attacks = _attacks("Indian and Pakistani troops accused each other of shelling villages along the border.")
    pairs = {(e.source.country if e.source else None, e.actor.country if e.actor else None) for e in attacks}
    assert pairs == {("IND", "PAK"), ("PAK", "IND")}


def test_both_sides_stand_for_the_pair_a_fight_was_between() -> None:
    """'Fighting broke out between X and Y. Both sides accused each other of ...': one claim per side."""
    text = ("Heavy fighting broke out between Ethiopia and Eritrea on Sunday. "
            "Both sides accused each other of shelling border towns.")
    claimed = [e for e in extract(text, published=_DAY) if e.type == "ASSAULT" and e.status == "claimed"]
    pairs = {(e.source.country if e.source else None, e.actor.country if e.actor else None) for e in claimed}
    assert pairs == {("ETH", "ERI"), ("ERI", "ETH")}
