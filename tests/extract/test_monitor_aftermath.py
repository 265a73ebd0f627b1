"""The aftermath the monitors saw is dated by a witness's day (truce.extract.monitor_aftermath):
our own sentences, none from ../shared."""
from __future__ import annotations

from datetime import date

from truce.extract.pipeline import extract

_PUBLISHED = date(2021, 9, 16)


def _attacks(text: str) -> list:
    return [e for e in extract(text, published=_PUBLISHED) if e.type == "ASSAULT"]


def test_resident_dates_the_crater_seen_the_next_day() -> None:
    events = _attacks("On 15 September, the SMM saw a fresh crater next to a school in Hirske and assessed it "
                      "as caused by an 82mm mortar round fired from a southerly direction. A teacher told the "
                      "SMM that the round had landed at about 21:00 on 14 September.")
    assert events, "no attack read"
    assert all(e.date is not None and e.date.start == date(2021, 9, 14) for e in events), \
        [e.date for e in events]
    assert len(events) == 1, "the witness's telling of the same impact became a second attack"


def test_staff_give_the_night_of_the_shelling_seen() -> None:
    events = _attacks("On 15 September, the SMM saw shrapnel damage to the roof of a pumping station near "
                      "Novoluhanske. Workers said the shells had struck the station shortly after midnight "
                      "on 13 September.")
    assert events, "no attack read"
    assert all(e.date is not None and e.date.start == date(2021, 9, 13) for e in events), \
        [e.date for e in events]


def test_a_later_day_from_a_witness_does_not_move_an_older_attack() -> None:
    # the witness's day is no earlier than the crater's: another impact, the crater keeps its day
    events = _attacks("On 14 September, the SMM saw a fresh crater near a house in Hirske. A resident said "
                      "another round had landed nearby on 15 September.")
    assert events, "no attack read"
    assert any(e.date is not None and e.date.start == date(2021, 9, 14) for e in events), \
        [e.date for e in events]


def test_what_residents_told_the_team_is_not_dated_by_the_visit() -> None:
    # the visit's day, carried in the paragraph, is not the day of the killing told at it
    events = _attacks("The monitoring team from Torit visited Magwi on 12 September. Village elders told the "
                      "team that three herders were killed by gunmen.")
    killed = [e for e in events if e.fatalities == 3]
    assert killed, [(e.fatalities, e.date) for e in events]
    assert all(e.date is None or e.date.start != date(2021, 9, 12) for e in killed), [e.date for e in killed]


def test_what_a_commander_said_after_the_teams_visit_is_not_dated_by_it() -> None:
    events = _attacks("The verification team visited Magwi on 12 September. The army commander denied that "
                      "his soldiers had attacked the village and said rebels had opened fire first.")
    assert events, "no attack read"
    assert all(e.date is None or e.date.start != date(2021, 9, 12) for e in events), [e.date for e in events]


def test_a_visit_by_others_still_dates_what_follows() -> None:
    # not the mission: the paragraph's date goes on as the news tells it
    events = _attacks("The governor visited Magwi on 12 September. Gunmen attacked the convoy on the road "
                      "back and killed two guards.")
    assert any(e.date is not None and e.date.start == date(2021, 9, 12) for e in events), [e.date for e in events]


def test_fresh_marks_of_an_impact_seen_are_an_attack_there() -> None:
    events = _attacks("The SMM saw shrapnel damage to the roof of a kindergarten in Stanytsia Luhanska.")
    assert any(e.observation is not None and e.observation.get("aftermath") for e in events), \
        [(e.type, e.observation) for e in events]


def test_old_or_unseen_marks_are_no_attack() -> None:
    for text in ("The SMM saw an old crater near Zolote.", "The SMM did not see any craters in Zolote."):
        assert not [e for e in extract(text, published=_PUBLISHED) if e.type == "ASSAULT"], text
