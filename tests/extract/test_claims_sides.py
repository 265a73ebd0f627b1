"""Whose claim, against whom: quoted accusations, mutual accusations, lists of target places,
de-facto sides, tolls and dates (sentences written here)."""
from __future__ import annotations

from datetime import date

from truce.extract.pipeline import extract
from truce.timex import find_dates


def test_stepanakert_officials_are_not_coded_as_azerbaijan() -> None:
    """Issue 8: 'Officials in Stepanakert said Azerbaijani forces shelled Martuni' must not read as
    Azerbaijan's own admission."""
    events = [e for e in extract("Officials in Stepanakert said Azerbaijani forces shelled Martuni.",
                                 published=date(2020, 9, 28)) if e.type == "ASSAULT"]
    assert events, "no attack read"
    e = events[0]
    assert e.actor is not None and e.actor.country == "AZE"
    assert e.source is not None and e.source.country != "AZE"
    assert e.source.de_jure == "AZE"
    assert e.status == "claimed"
    assert e.location is None or "Stepanakert" not in (e.location.text or ""), "the speaker's city is no target"


def test_khankendi_after_2023_is_azerbaijan() -> None:
    events = [e for e in extract("Officials in Khankendi said the road to Lachin had been reopened.",
                                 published=date(2024, 5, 2)) if e.source is not None or e.actor is not None]
    assert events
    assert all((e.source or e.actor).de_jure is None for e in events)  # type: ignore[union-attr]


def test_quoted_accusation_attacker_is_whom_the_speaker_blames() -> None:
    events = extract("\"They shelled our hospital,\" the governor said, blaming Russian forces.",
                     published=date(2022, 5, 12))
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks
    assert attacks[0].actor is not None and attacks[0].actor.country == "RUS"
    assert attacks[0].status == "claimed"


def test_mutual_accusations_give_one_claimed_event_per_side() -> None:
    events = extract("Armenia and Azerbaijan accused each other of shelling civilian areas.",
                     published=date(2020, 9, 28))
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert len(attacks) == 2, [e.to_dict() for e in events]
    pairs = {(e.source.country if e.source else None, e.actor.country if e.actor else None) for e in attacks}
    assert pairs == {("ARM", "AZE"), ("AZE", "ARM")}
    assert all(e.status == "claimed" for e in attacks)


def test_ministry_list_of_positions_gives_one_claimed_event_per_target_place() -> None:
    text = ("From positions in Martakert, Martuni and Hadrut, fire was opened on our positions in Tartar and "
            "Aghdam, the Azerbaijani Defence Ministry said.")
    attacks = [e for e in extract(text, published=date(2020, 9, 28)) if e.type == "ASSAULT"]
    places = sorted(e.location.text for e in attacks if e.location is not None)
    assert places == ["Aghdam", "Tartar"]
    assert all(e.status == "claimed" and e.recipient is not None and e.recipient.country == "AZE" for e in attacks)


def test_toll_sums_its_groups() -> None:
    events = extract("At least two soldiers and three pro-government militia members were killed in the attack "
                     "on Tuesday.", published=date(2020, 9, 28))
    assert any(e.fatalities == 5 for e in events)


def test_toll_never_takes_a_number_from_a_date() -> None:
    events = extract("Monitoring service, 2007-01-10: One rebel killed in a clash with federal troops in the "
                     "south.", published=date(2007, 1, 11))
    tolls = [e.fatalities for e in events if e.fatalities is not None]
    assert tolls, "no toll read"
    assert tolls == [1]


def test_headlines_joined_by_a_bare_semicolon_are_read_apart() -> None:
    events = extract("At least 10 killed in attack on market;Rebels kill 10 people in central town",
                     published=date(2014, 5, 2))
    tolls = [e.fatalities for e in events if e.fatalities is not None]
    assert tolls and max(tolls) == 10, "the two headlines' counts were added up"


def test_relative_day_chain_counts_from_the_last_day_named() -> None:
    dates = find_dates("On 3 May, militants attacked a village. The following day, they burned the market. "
                       "Two days later, they left.", date(2020, 5, 8))
    days = [d.start for d in dates]
    assert days == [date(2020, 5, 3), date(2020, 5, 4), date(2020, 5, 6)]


def test_note_first_date_phrase_dates_its_event_when_published_days_later() -> None:
    events = [e for e in extract("Around 4 May (as reported), armed men abducted five villagers near Djibo.",
                                 published=date(2020, 5, 11)) if e.type == "ASSAULT"]
    assert events and events[0].date is not None and events[0].date.start == date(2020, 5, 4)


def _assaults(text: str, published: date) -> list:  # type: ignore[type-arg]
    return [e for e in extract(text, published=published, use_classifier=False) if e.type == "ASSAULT"]


def test_named_speaker_blaming_a_side_is_not_coded_as_that_side() -> None:
    attacks = _assaults("\"They shelled our hospital in the night,\" the regional governor, Oleh Syniehubov, said, "
                        "blaming Russian forces.", date(2022, 5, 12))
    assert attacks
    e = attacks[0]
    assert e.actor is not None and e.actor.country == "RUS" and e.status == "claimed"
    assert e.source is not None and e.source.country != "RUS", "the governor took the blamed side's country"
    assert e.recipient is None or e.recipient.country != "RUS", "'our hospital' is not the attacker's"


def test_a_word_for_the_foe_gives_way_to_the_side_blamed() -> None:
    attacks = _assaults("\"The enemy shelled the town again,\" said the governor, who blamed Russian troops.",
                        date(2022, 5, 12))
    assert attacks and attacks[0].actor is not None and attacks[0].actor.country == "RUS"


def test_act_named_only_as_what_a_side_is_blamed_for_is_its_claimed_attack() -> None:
    attacks = _assaults("Ukraine blamed Russia for the missile attack on the market.", date(2022, 5, 12))
    assert len(attacks) == 1
    e = attacks[0]
    assert e.actor is not None and e.actor.country == "RUS"
    assert e.status == "claimed" and e.source is not None and e.source.country == "UKR"
    assert e.location is None or e.location.country != "RUS", "the side blamed is no place"


def test_blaming_each_other_for_an_attack_gives_one_claim_per_side() -> None:
    attacks = _assaults("Russia and Ukraine blamed each other for the attack on the plant.", date(2022, 8, 12))
    pairs = {(e.source.country if e.source else None, e.actor.country if e.actor else None) for e in attacks}
    assert pairs == {("RUS", "UKR"), ("UKR", "RUS")}
    assert all(e.status == "claimed" for e in attacks)


def test_holding_a_side_responsible_claims_its_attack() -> None:
    attacks = _assaults("Israel held Hamas responsible for the attack on the kibbutz.", date(2023, 10, 8))
    assert attacks
    e = attacks[0]
    assert e.actor is not None and e.actor.country == "PSE"
    assert e.status == "claimed" and e.source is not None and e.source.country == "ISR"


def test_denying_responsibility_for_an_attack_is_a_denial_of_ones_own_attack() -> None:
    attacks = _assaults("Hamas denied responsibility for the attack.", date(2023, 10, 8))
    assert attacks and all(e.status == "denied" for e in attacks)
    assert attacks[0].actor is not None and attacks[0].actor.country == "PSE"


def test_a_group_blamed_keeps_its_accusers_country() -> None:
    text = ("Iraqi officials said two car bombs exploded near ministries in Baghdad on Sunday. "
            "The prime minister accused al-Qaeda of the bombings.")
    events = extract(text, published=date(2009, 10, 26), use_classifier=False)
    accusations = [e for e in events if e.type == "ACCUSE"]
    assert accusations and accusations[0].actor is not None and accusations[0].actor.country == "IRQ"


def test_the_act_a_side_is_criticised_over_happened_and_is_not_its_own() -> None:
    events = extract("Residents criticised the government over the killing of 12 villagers by bandits on Saturday.",
                     published=date(2024, 5, 14), use_classifier=False)
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks and attacks[0].status == "asserted" and attacks[0].aux is None
    assert attacks[0].actor is not None and attacks[0].actor.text == "bandits"


def test_the_country_an_accusation_is_aimed_at_is_no_place() -> None:
    attacks = _assaults("Karzai criticised the United States over the airstrike in Farah.", date(2009, 5, 10))
    assert attacks
    assert all(e.location is None or e.location.country != "USA" for e in attacks)


def test_criticising_an_attack_is_aimed_at_its_attacker() -> None:
    text = ("Russian forces shelled Kharkiv on Monday, killing three civilians.\n\n"
            "The UN Secretary-General condemned the attack.")
    events = extract(text, published=date(2024, 5, 14), use_classifier=False)
    accusations = [e for e in events if e.type == "ACCUSE"]
    assert accusations and accusations[0].recipient is not None and accusations[0].recipient.country == "RUS"


def test_criticism_of_an_attack_by_the_critics_own_side_finds_no_other_side() -> None:
    text = ("Nigerian troops arrived in Zamfara state on Sunday after gunmen killed 12 villagers. "
            "The Nigerian governor of the state condemned the attack.")
    accusations = [e for e in extract(text, published=date(2024, 5, 14), use_classifier=False)
                   if e.type == "ACCUSE"]
    assert accusations and accusations[0].actor is not None and accusations[0].actor.country == "NGA"
    assert accusations[0].recipient is None or accusations[0].recipient.country is None


def test_officials_reporting_an_attack_on_their_place_speak_for_it() -> None:
    attacks = _assaults("Russian forces shelled the city of Kharkiv on Tuesday, killing two civilians, officials said.",
                        date(2024, 5, 14))
    assert attacks and attacks[0].actor is not None and attacks[0].actor.country == "RUS"
    assert attacks[0].source is not None and attacks[0].source.country == "UKR"


def test_a_self_report_keeps_its_speakers_side() -> None:
    attacks = _assaults("Russia's defence ministry said on Monday that its forces had destroyed a depot near Kharkiv.",
                        date(2024, 5, 14))
    assert attacks and attacks[0].source is not None and attacks[0].source.country == "RUS"
