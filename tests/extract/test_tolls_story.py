"""A report told as several headlines of one story takes the count its headlines give
(truce.extract.story_tolls); texts written for these tests."""

from __future__ import annotations

from datetime import date

from truce.extract.pipeline import extract


def _first_attack_deaths(text: str) -> int | None:
    events = [e for e in extract(text, published=date(2024, 5, 6)) if e.type == "ASSAULT"
              and e.status == "asserted" and e.aux is None]
    assert events, "the headlines tell an attack"
    return events[0].fatalities


def test_an_attack_without_a_count_takes_the_next_headlines_count() -> None:
    text = "Militants ambush army convoy near Gao;Four soldiers killed in ambush near Gao"
    assert _first_attack_deaths(text) == 4


def test_headlines_that_agree_replace_a_lone_first_figure() -> None:
    text = ("Six killed as rebels attack market in Bria;Rebels kill 9 in Bria market attack;"
            "Rebel attack on Bria market kills 9, officials say")
    assert _first_attack_deaths(text) == 9


def test_a_single_other_figure_does_not_replace_the_first_one() -> None:
    text = "Rebels kill 5 villagers in raid on Kaga;Gunmen kill 8 traders on road to Kaga"
    assert _first_attack_deaths(text) == 5


def test_the_attack_leads_a_story_opened_by_another_kind_of_event() -> None:
    text = "Peace talks open in Bangui between government and rebels;18 shot dead in funeral attack in Bangui"
    events = extract(text, published=date(2024, 5, 6))
    assert any(e.type != "ASSAULT" for e in events), "the talks headline gives an event of its own"
    assert events[0].type == "ASSAULT" and events[0].fatalities == 18


def test_a_report_with_no_attack_keeps_its_order() -> None:
    text = "Peace talks open in Bangui between government and rebels;Rebels withdraw from Bria"
    events = extract(text, published=date(2024, 5, 6))
    assert events and all(e.type != "ASSAULT" for e in events)
    assert events[0].type == extract(text.split(";")[0], published=date(2024, 5, 6))[0].type


def test_a_first_headlines_zero_gives_way_to_a_later_count() -> None:
    text = "Rebels shell Kaga-Bandoro, no one killed;Two traders die after rebel shelling of Kaga-Bandoro"
    assert _first_attack_deaths(text) == 2


def test_a_zero_with_no_other_count_stays_zero() -> None:
    assert _first_attack_deaths("Rebels shell Kaga-Bandoro;No casualties reported after shelling of Kaga-Bandoro") == 0


def test_a_larger_count_of_the_same_victims_is_the_toll_revised_upward() -> None:
    text = "Two gendarmes killed in ambush near Fada;Three gendarmes killed in ambush near Fada"
    assert _first_attack_deaths(text) == 3


def test_a_larger_bare_count_at_the_same_place_revises_a_count_of_a_group() -> None:
    text = "Mortar rounds kill 4 children in Menaka;9 killed as mortar rounds hit Menaka"
    assert _first_attack_deaths(text) == 9


def test_a_days_roll_up_does_not_revise_the_story() -> None:
    text = "Gunmen kill 3 traders in Menaka;20 people were killed yesterday in Menaka"
    assert _first_attack_deaths(text) == 3


def test_a_larger_count_over_a_wider_area_does_not_revise_the_story() -> None:
    text = "Troops kill two herders in Menaka;Five herders killed in Menaka and Gao"
    assert _first_attack_deaths(text) == 2


def test_a_count_several_headlines_confirm_stands_against_a_lone_larger_one() -> None:
    text = ("Troops kill 14 militants near Kidal;Army says 14 militants killed near Kidal;"
            "Malian troops kill 14 militants near Kidal;Troops kill 17 militants near Kidal")
    assert _first_attack_deaths(text) == 14


def test_a_country_wide_first_headline_takes_a_larger_count_from_a_town_in_it() -> None:
    text = ("Chadian soldier killed in Boko Haram attack in Chad;"
            "Three Chadian soldiers killed in Boko Haram attack in Chad's Bol")
    assert _first_attack_deaths(text) == 3


def test_a_larger_count_of_an_act_by_the_other_side_is_another_act() -> None:
    text = ("Malian shelling killed four Burkinabe soldiers near Djibo on Monday. Burkina Faso said its forces "
            "retaliated near Djibo, killing 40 Malian soldiers.")
    events = [e for e in extract(text, published=date(2024, 5, 6)) if e.type == "ASSAULT"]
    assert events
    assert events[0].fatalities == 4
