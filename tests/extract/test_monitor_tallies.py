"""Monitoring prose the fresh held-out set showed read badly (tests/extract/expect_fresh), in our
own sentences: tallies by times, tallies counted by their parts, two counted things in one
sentence, a shared negation, direction and assessed place, sightings of air-defence systems and
mines, and the mission never an attacker."""

from __future__ import annotations

from datetime import date

from truce.extract.pipeline import extract
from truce.model import Event


def _assaults(text: str, day: date) -> list[Event]:
    events = [e for e in extract(text, published=day) if e.type == "ASSAULT"]
    assert events, "no ASSAULT read"
    return events


def test_violations_counted_by_times_and_the_ceasefire_is_no_recipient() -> None:
    text = ("The Defence Ministry said that over the past day the rebel units violated the truce "
            "27 times along the front line near Popasna.")
    events = _assaults(text, date(2019, 3, 2))
    assert any(e.count == 27 for e in events)
    assert not any(e.recipient is not None and "truce" in e.recipient.text.lower() for e in events)


def test_acts_counted_by_times_in_either_parse() -> None:
    events = _assaults("The army said militants had shelled the village about 12 times on Monday.", date(2021, 5, 5))
    assert any(e.count == 12 for e in events)
    twice = _assaults("Police said gunmen fired twice at the checkpoint near Gao on Sunday.", date(2021, 5, 5))
    assert any(e.count == 2 for e in twice)


def test_a_tally_without_its_own_number_counts_its_parts() -> None:
    text = ("In Luhansk region, the mission recorded fewer ceasefire violations than in the previous "
            "reporting period, including 41 explosions.")
    events = _assaults(text, date(2018, 4, 4))
    tally = [e for e in events if e.observation and e.observation.get("aggregate")]
    assert tally, "no tally read"
    assert tally[0].count == 41 and tally[0].observation["including"] == {"explosion": 41}


def test_two_counted_things_in_one_sentence_each_with_its_distance() -> None:
    text = ("Positioned in Svitlodarsk, the mission heard 30 undetermined explosions 2-4km north and "
            "about 70 bursts of small-arms fire 1km west.")
    events = _assaults(text, date(2019, 9, 9))
    by_count = {e.count: e for e in events if e.count is not None}
    assert {30, 70} <= set(by_count), f"counts read: {sorted(by_count)}"
    assert by_count[30].observation["bearing_deg"] == 0
    assert by_count[70].observation["bearing_deg"] == 270


def test_a_negation_shared_by_two_verbs_of_observation() -> None:
    text = "In Zolote, the monitors did not hear or see any ceasefire violations."
    events = [e for e in extract(text, published=date(2019, 9, 9)) if e.type == "ASSAULT"]
    assert events, "no observation read"
    assert all(e.aux == "negation" for e in events)


def test_direction_from_the_fire_and_the_assessed_place() -> None:
    text = ("Positioned on the eastern edge of Mariupol, the mission heard nine explosions caused by "
            "incoming artillery fire 10-12km east, which it assessed as near Pikuzy.")
    events = _assaults(text, date(2016, 2, 2))
    observed = [e for e in events if e.count == 9]
    assert observed, "the nine explosions were not read"
    assert observed[0].observation["direction"] == "incoming"
    assert observed[0].location is not None and observed[0].location.name == "Pikuzy"


def test_air_defence_system_is_a_sighting_and_anti_tank_mines_are_no_tanks() -> None:
    text = ("The mission saw an anti-aircraft gun near Horlivka. It also saw a surface-to-air missile "
            "system near Shchastia. The mission saw five anti-tank mines on the road near Vodiane.")
    events = extract(text, published=date(2020, 6, 6))
    sightings = [e for e in events if e.type == "MOBILIZE"]
    assert sightings, "no sighting read"
    assert sum("air-defence" in e.weapons for e in sightings) == 2
    assert not any("tank" in e.weapons for e in events)
    assert not any(e.type == "ASSAULT" for e in events)


def test_the_mission_following_up_is_neither_attacker_nor_the_attack_date() -> None:
    text = ("On 3 May, the mission followed up on reports of a civilian casualty in Kominternove. "
            "At the house, the monitors saw a fresh crater and assessed it as caused by a mortar round "
            "fired from the east.")
    events = extract(text, published=date(2018, 5, 4))
    assert not any(e.type == "ASSAULT" and e.actor is not None and "mission" in e.actor.text.lower()
                   for e in events)
    assert not any(e.type == "ASSAULT" and e.date is not None and e.date.start == date(2018, 5, 3)
                   for e in events)


def test_daylight_and_clock_times_put_an_observation_on_the_period_s_last_day() -> None:
    text = ("Latest from the monitoring mission, based on information received as of 19:30, 11 April 2019\n\n"
            "Positioned near Zolote, the mission heard eight explosions 3km east between 10:15 and 11:00.\n\n"
            "Positioned in Popasna, the mission heard four explosions 5km south at 21:40.\n\n"
            "Positioned in Shchastia, the mission heard two explosions 2km north during the day.")
    events = _assaults(text, date(2019, 4, 12))
    by_count = {e.count: e for e in events if e.count is not None}
    assert {8, 4, 2} <= set(by_count), f"counts read: {sorted(by_count)}"
    assert by_count[8].date is not None and by_count[8].date.start == by_count[8].date.end == date(2019, 4, 11)
    assert by_count[4].date is not None and by_count[4].date.start == by_count[4].date.end == date(2019, 4, 10)
    assert by_count[2].date is not None and by_count[2].date.start == date(2019, 4, 11)


def test_a_paragraph_opening_on_the_following_day_counts_from_the_story_s_day() -> None:
    text = ("Gunmen killed four herders near Menaka on Tuesday, local officials said.\n\n"
            "The following day, an army patrol hit a roadside bomb outside Gao, killing two soldiers.")
    events = _assaults(text, date(2023, 2, 9))
    bomb = [e for e in events if e.fatalities == 2]
    assert bomb, "the roadside bomb was not read"
    assert bomb[0].date is not None and bomb[0].date.start == date(2023, 2, 8)


def test_retaliatory_fire_is_an_attack() -> None:
    text = ("On 4 May, Armenian units fired at Azerbaijani positions near Tovuz.\n\n"
            "Azerbaijani units responded with retaliatory fire, the ministry said.")
    events = _assaults(text, date(2021, 5, 5))
    assert any(e.evidence is not None and "retaliatory" in e.evidence.sentence for e in events)


def test_a_weapon_system_the_parser_hangs_on_a_place_is_still_seen() -> None:
    text = ("The mission saw three tanks near Shchastia and an anti-aircraft gun (ZU-23) near Lobacheve, "
            "both in violation of withdrawal lines.")
    sightings = [e for e in extract(text, published=date(2020, 6, 6)) if e.type == "MOBILIZE"]
    assert sightings, "no sighting read"
    assert {"tank", "air-defence"} <= {w for e in sightings for w in e.weapons}


def test_a_party_counts_the_rounds_it_says_were_fired_never_a_calibre() -> None:
    events = _assaults("The people's militia said Ukrainian troops had fired 32 mortar rounds at Sokilnyky on "
                       "Friday.", date(2019, 6, 9))
    assert any(e.count == 32 for e in events)
    passive = _assaults("Two rockets were fired from Gaza towards Sderot on Monday, the army said.", date(2019, 6, 9))
    assert any(e.count == 2 for e in passive)
    calibre = _assaults("The enemy fired 82mm mortars at our positions near Vodiane.", date(2019, 6, 9))
    assert not any(e.count == 82 for e in calibre)


def test_denied_passage_is_a_restriction_not_a_denial() -> None:
    events = extract("At a checkpoint near Olenivka, armed men denied the mission passage.", published=date(2019, 6, 9))
    assert any(e.type == "COERCE" for e in events)
    assert not any(e.type == "REJECT" for e in events)


def test_an_agreement_cited_as_a_rule_is_no_agreement_and_no_ban() -> None:
    text = "Near Pisky, the enemy used 152mm artillery, which is prohibited by the Minsk agreements."
    events = extract(text, published=date(2019, 6, 9))
    assert any(e.type == "ASSAULT" for e in events)
    assert not any(e.type in {"AGREE", "COERCE"} for e in events)
    cited = extract("Fighters shelled Zaitseve in violation of the ceasefire agreement on Monday.",
                    published=date(2019, 6, 9))
    assert cited and not any(e.type == "AGREE" for e in cited)


def test_impacts_are_fire_coming_in() -> None:
    events = _assaults("Positioned in Popasna, the mission heard seven explosions assessed as impacts 4km south.",
                       date(2019, 6, 9))
    assert any(e.count == 7 and e.observation and e.observation["direction"] == "incoming" for e in events)


def test_what_a_call_asks_the_sides_to_keep_or_allow_is_not_done() -> None:
    events = extract("The Secretary-General urged the parties to respect the truce and to allow humanitarian "
                     "access to Hodeidah.", published=date(2019, 6, 9))
    assert any(e.type == "REQUEST" for e in events)
    assert not any(e.type in {"AGREE", "RETREAT"} for e in events)
    ongoing = extract("The envoy urged the army to stop the shelling of Taiz, which killed five people on Monday.",
                      published=date(2019, 6, 9))
    assert any(e.type == "ASSAULT" for e in ongoing)


def test_the_sites_the_observers_visit_are_not_dated_by_the_visit() -> None:
    events = extract("UNMOGIP observers visited the sites of the reported shelling in Bhimber on Tuesday.",
                     published=date(2019, 10, 24))
    assert events, "nothing read"
    assert not any(e.type == "ASSAULT" and e.date is not None and e.date.start == date(2019, 10, 22)
                   for e in events)


def test_a_mission_s_monitoring_is_its_work_not_an_attack() -> None:
    text = ("On 3 March, the Personal Representative of the OSCE Chairperson-in-Office conducted a monitoring "
            "near the village of Talish.")
    events = extract(text, published=date(2019, 3, 4))
    assert events, "nothing read"
    assert not any(e.type == "ASSAULT" for e in events)


def test_a_negated_exchange_of_fire_is_no_attack() -> None:
    text = "Mission patrols did not record any exchange of fire in Hodeidah city during the week."
    events = [e for e in extract(text, published=date(2019, 3, 4)) if e.type == "ASSAULT"]
    assert events, "the negated observation was not read"
    assert all(e.aux == "negation" for e in events)


def test_a_tally_s_own_number_in_brackets_and_the_compared_figure_is_no_event() -> None:
    text = ("The mission recorded more ceasefire violations in Luhansk region (about 240, including 55 "
            "explosions) compared with the previous reporting period (about 90 explosions).")
    events = _assaults(text, date(2020, 5, 5))
    assert any(e.count == 240 for e in events)
    assert len(events) == 1, [(e.count, e.evidence.spans if e.evidence else None) for e in events]


def test_a_drone_flying_is_no_visit() -> None:
    text = ("A mission mini-UAV flying near Lobacheve came under small-arms fire. Another UAV was prevented "
            "from flying near Kalynove due to jamming.")
    events = extract(text, published=date(2020, 5, 5))
    assert events, "nothing read"
    assert not any(e.type == "CONSULT" for e in events)


def test_our_positions_are_the_side_of_the_report_s_one_voice() -> None:
    text = ("The Defence Ministry of Armenia reports that Azerbaijani units violated the ceasefire nine times "
            "over the past day. Our positions near Chinari were fired upon from large-calibre machine guns.")
    events = _assaults(text, date(2021, 7, 7))
    ours = [e for e in events if e.recipient is not None and e.recipient.text.lower() == "our positions"]
    assert ours, "the fire on our positions was not read"
    assert ours[0].status == "claimed" and ours[0].recipient is not None and ours[0].recipient.country == "ARM"
    assert ours[0].actor is not None and ours[0].actor.country == "AZE"


def test_a_death_of_shrapnel_wounds_told_to_the_monitors_is_an_attack() -> None:
    text = ("Doctors at the hospital in Horlivka told the mission that a 45-year-old woman had died of shrapnel "
            "wounds sustained on the morning of 2 June.")
    events = _assaults(text, date(2019, 6, 4))
    assert any(e.fatalities == 1 and e.date is not None and e.date.start == date(2019, 6, 2) for e in events)
    natural = extract("The former mayor of Horlivka died of cancer on Monday.", published=date(2019, 6, 4))
    assert not any(e.type == "ASSAULT" for e in natural)


def test_an_office_named_after_operations_is_no_operation() -> None:
    text = ("The directors general of military operations of the two armies spoke over the hotline on Monday "
            "and agreed to observe the ceasefire.")
    events = extract(text, published=date(2022, 5, 12))
    assert events, "nothing read"
    assert not any(e.type == "ASSAULT" for e in events)
    launched = extract("Troops launched a military operation near Menaka on Monday.", published=date(2022, 5, 12))
    assert any(e.type == "ASSAULT" for e in launched)


def test_flares_and_warning_shots_hit_no_one() -> None:
    events = extract("Soldiers fired flares and warning shots near the Blue Line at Odaisseh.",
                     published=date(2022, 5, 12))
    assert events, "nothing read"
    assert not any(e.type == "ASSAULT" for e in events)
    real = extract("Soldiers fired mortar rounds and flares at Odaisseh on Monday.", published=date(2022, 5, 12))
    assert any(e.type == "ASSAULT" for e in real)


def test_the_parts_of_a_share_of_the_tally_count_it() -> None:
    text = "The majority of the ceasefire violations, including 36 explosions, were recorded near Svitlodarsk."
    events = _assaults(text, date(2020, 5, 5))
    assert any(e.count == 36 and e.observation and e.observation.get("including") == {"explosion": 36}
               for e in events)


def test_a_party_tally_counts_its_acts() -> None:
    # second fresh set's phenomenon, in our own words: a statement counts clashes and strikes
    events = _assaults("Over the past day, 41 armed clashes took place along the front.", date(2022, 8, 2))
    assert any(e.count == 41 for e in events), [e.count for e in events]
    events = _assaults("Over the past day, army aviation carried out 9 strikes on enemy strongholds.",
                       date(2022, 8, 2))
    assert any(e.count == 9 for e in events), [e.count for e in events]


def test_one_act_a_calibre_or_a_year_is_no_tally() -> None:
    events = _assaults("Militants carried out an attack on the checkpoint near Tal Afar.", date(2022, 8, 2))
    assert all(e.count is None for e in events), [e.count for e in events]


def test_a_statement_header_tells_no_act() -> None:
    text = ("Press service of the Eastern Command, Kramatorsk, 2 August 2022\n\n"
            "Enemy artillery shelled our positions near Siversk.")
    events = extract(text, published=date(2022, 8, 2))
    assert events, "no event read"
    assert all(e.evidence is not None and "Press service" not in e.evidence.sentence for e in events), \
        [(e.type, e.evidence.sentence if e.evidence else None) for e in events]


def test_a_documents_name_is_no_act() -> None:
    text = ("JMC Report 2021/07:\nDate of report: 2 August 2022\n\n"
            "On 30 July, militia fighters attacked a cattle camp near Pibor, killing four herders.")
    events = extract(text, published=date(2022, 8, 2))
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks, "no attack read"
    assert all(e.evidence is not None and "Report" not in e.evidence.sentence for e in attacks), \
        [e.evidence.sentence for e in attacks if e.evidence]
