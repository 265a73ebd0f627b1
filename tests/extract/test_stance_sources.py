"""Who says so and who did it, across sentences and lists (sentences written here, not from ../shared)."""
from __future__ import annotations

from datetime import date

from truce.extract.actor_country import country_of
from truce.extract.pipeline import extract

_DAY = date(2024, 3, 5)


def _by_type(text: str, etype: str) -> list:
    return [e for e in extract(text, published=_DAY) if e.type == etype]


def test_a_blame_in_the_next_sentence_names_the_attacker() -> None:
    """'Shells hit X. Officials blamed Y.': the attack is Y's, on the officials' word."""
    attacks = _by_type("Mortar rounds struck a clinic in Zaporizhzhia on Sunday. Regional officials blamed "
                       "Russian troops.", "ASSAULT")
    assert attacks
    assert {e.actor.country for e in attacks if e.actor} == {"RUS"}
    assert all(e.status == "claimed" and e.source is not None for e in attacks)


def test_a_blame_next_sentence_leaves_a_named_attacker_alone() -> None:
    attacks = _by_type("Armenian troops fired on a farm near Tartar. Baku blamed Yerevan.", "ASSAULT")
    assert attacks
    assert all(e.actor is not None and e.actor.text == "Armenian troops" for e in attacks)


def test_the_issuer_of_a_statement_is_the_source() -> None:
    """'According to a statement from the army', 'a report by the ministry said': the army, the ministry."""
    for text, country in (
            ("According to a statement from the Armenian defence ministry, Azerbaijani units shelled Sotk.", "ARM"),
            ("A communique issued by the Malian army said jihadists attacked a convoy near Gao.", "MLI"),
            ("According to the Ukrainian General Staff's morning report, Russian forces shelled Nikopol.", "UKR")):
        attacks = _by_type(text, "ASSAULT")
        assert attacks, text
        for e in attacks:
            assert e.source is not None and e.source.country == country, (text, e.source)
            assert e.source.text.split()[-1].lower() not in {"statement", "communique", "report"}, text


def test_fighting_between_two_sides_is_one_event_between_them() -> None:
    """'Fighting broke out between X and Y': X and Y are the sides, not two places of two events."""
    attacks = _by_type("Heavy fighting broke out between Kyrgyzstan and Tajikistan on Thursday.", "ASSAULT")
    assert len(attacks) == 1
    assert {attacks[0].actor.country, attacks[0].recipient.country} == {"KGZ", "TJK"}
    clashes = _by_type("Clashes erupted on Friday between Ethiopian troops and Tigrayan fighters.", "ASSAULT")
    assert len(clashes) == 1 and clashes[0].actor is not None and clashes[0].recipient is not None


def test_each_place_of_a_target_list_is_one_attack_there() -> None:
    """'fired on A, B and C': three attacks, one located at each place and aimed at it."""
    attacks = _by_type("Separatist units fired on Avdiivka, Marinka and Krasnohorivka, the Ukrainian army said.",
                       "ASSAULT")
    assert len(attacks) == 3
    names = {e.location.text for e in attacks if e.location}
    assert names == {"Avdiivka", "Marinka", "Krasnohorivka"}
    for e in attacks:  # the copies keep the side hit and the source
        assert e.recipient is not None and e.recipient.text == e.location.text
        assert e.source is not None and e.source.country == "UKR"


def test_a_toll_of_a_target_list_is_counted_once() -> None:
    attacks = _by_type("Air strikes on Kafr Nabl and Saraqib killed nine civilians on Monday.", "ASSAULT")
    assert len(attacks) == 2
    assert sorted(e.fatalities or 0 for e in attacks) == [0, 9]


def test_a_word_is_not_a_country_acronym() -> None:
    """'Car bomb' at a sentence start is not the Central African Republic ('CAR')."""
    assert country_of("Car") is None
    assert country_of("Chad") == "TCD"
    assert country_of("Oslo") == "NOR"


def test_a_wire_service_names_no_country() -> None:
    """'According to Agence France-Presse, ... the gunmen': France is no side of the story."""
    attacks = _by_type("According to Agence France-Presse, witnesses said the gunmen opened fire on a bus.",
                       "ASSAULT")
    assert attacks
    assert all(e.actor is None or e.actor.country != "FRA" for e in attacks)


def test_a_suffered_attack_is_by_whom_it_came_from() -> None:
    """'X took a direct hit from Y', 'came under fire from Y': Y attacked, X was hit."""
    for text, attacker in (
            ("A hospital in Sievierodonetsk took a direct hit from a Russian tank, killing four.", "RUS"),
            ("Malian soldiers came under fire from jihadists near Menaka on Monday.", None),
            ("The village suffered heavy shelling from Azerbaijani artillery overnight.", "AZE")):
        attacks = _by_type(text, "ASSAULT")
        assert attacks, text
        for e in attacks:
            assert e.actor is not None and e.recipient is not None, (text, e.to_dict())
            assert e.actor.text.split()[-1] in {"tank", "jihadists", "artillery"}, text
            if attacker:
                assert e.actor.country == attacker, text


def test_a_decision_to_act_is_its_makers_act() -> None:
    """'The parliament voted on a resolution to expel X': the expelling is the parliament's."""
    events = [e for e in extract("On Sunday the Parliament of Lebanon voted on a resolution to expel Syrian troops.",
                                 published=_DAY) if e.recipient is not None and e.recipient.country == "SYR"]
    assert events
    assert all(e.actor is not None and e.actor.country == "LBN" for e in events)


def test_an_attack_carried_out_by_someone_is_theirs() -> None:
    """'the attack, reportedly carried out by X': X's attack, and only on others' word."""
    attacks = _by_type("Eleven people died in the ambush, reportedly carried out by Boko Haram fighters.", "ASSAULT")
    assert attacks
    assert all(e.actor is not None and "Boko Haram" in e.actor.text for e in attacks)
    assert all(e.status == "claimed" for e in attacks)
    plain = _by_type("The raid, carried out by government troops, killed three herders near Djibo.", "ASSAULT")
    assert plain and all(e.actor is not None and e.actor.text == "government troops" for e in plain)


def test_a_surname_alone_is_the_person_named_in_full_before() -> None:
    """'Thein rejected ...' after 'Aung Mya Thein of Myanmar': the same person, the same country."""
    text = ("Freed hostage Aung Mya Thein of Myanmar arrived in Bangkok today.\n\n"
            "Thein also rejected the idea that the rescue operation was staged.")
    rejections = _by_type(text, "REJECT")
    assert rejections
    assert all(e.actor is not None and e.actor.country == "MMR" for e in rejections)


def test_a_pronoun_in_reported_speech_is_the_speaker() -> None:
    """'X, the president of Y, said that he ...': he is X; 'the group's spokesman said it had
    carried out the attack': it is the group the spokesman speaks for."""
    support = _by_type("Luiz Lula, the president of Brazil, said that he supports the peace plan.", "SUPPORT")
    assert support and all(e.actor is not None and e.actor.country == "BRA" for e in support)
    attacks = _by_type("Houthi military spokesman Yahya Sarea said it had carried out the attack on the tanker.",
                       "ASSAULT")
    assert attacks and all(e.actor is not None and e.actor.country == "YEM" for e in attacks)


def test_traded_blame_for_an_act_gives_one_claim_per_side() -> None:
    """'X and Y traded blame for the shelling of Z': each side's claim that the other shelled."""
    attacks = _by_type("Serbia and Kosovo traded blame for the shelling of the bridge at Mitrovica.", "ASSAULT")
    assert len(attacks) == 2
    pairs = {(e.actor.country, e.source.country) for e in attacks if e.actor and e.source}
    assert len(pairs) == 2 and all(actor != source for actor, source in pairs), pairs
    assert all(e.status == "claimed" for e in attacks)


def test_sides_named_by_two_peoples_keep_their_noun() -> None:
    """'the Armenian and Azerbaijani defence ministries accused each other': two ministries."""
    accusations = _by_type("The Armenian and Azerbaijani defence ministries accused each other of opening fire.",
                           "ACCUSE")
    assert len(accusations) == 2
    assert {e.actor.country for e in accusations if e.actor} == {"ARM", "AZE"}
    assert all(e.actor is not None and "ministr" in e.actor.text for e in accusations)


def test_a_named_place_hit_stays_whose_it_is_in_each_claim() -> None:
    attacks = _by_type("India and Pakistan accused each other of firing on Poonch.", "ASSAULT")
    assert attacks
    assert all(e.recipient is None or e.recipient.country == "IND" for e in attacks)


def test_the_army_is_no_rebel_group_named_before() -> None:
    """'the army said' right after 'the rebels' is a state's army, not the rebels."""
    attacks = _by_type("The army said it fired on the rebels near the border.", "ASSAULT")
    assert attacks
    assert all(e.source is None or e.source.sector == "MIL" for e in attacks)


def test_who_was_behind_an_attack_carried_it_out() -> None:
    """'X said Y was behind the attack': Y's attack on X's word; 'X said they were not behind it': X's denial."""
    claimed = _by_type("Police said the Kurdish militants were behind the bombing in Ankara.", "ASSAULT")
    assert claimed and all(e.actor is not None and "militants" in e.actor.text for e in claimed)
    assert all(e.status == "claimed" for e in claimed)
    denied = _by_type("Al-Shabaab said it was not behind the bombing at the market.", "ASSAULT")
    assert denied and all(e.status == "denied" for e in denied)
    assert all(e.source is not None and "Shabaab" in e.source.text for e in denied)


def test_a_denial_in_a_relative_clause_is_the_reporters_report() -> None:
    """'X accused Y of shelling the town, which Y denied': Y denies, in the reporter's voice."""
    denials = _by_type("Yerevan accused Baku of shelling the village, which Baku denied.", "REJECT")
    assert denials
    assert all(e.status == "asserted" and e.source is None for e in denials)


def test_severing_ties_with_a_state_is_aimed_at_it() -> None:
    sanctions = _by_type("The parliament of Moldova voted to sever diplomatic ties with Belarus.", "SANCTION")
    assert sanctions and all(e.recipient is not None and e.recipient.country == "BLR" for e in sanctions)


def test_a_claim_called_untrue_is_denied() -> None:
    """'X called reports that its forces fired on Y baseless', 'X said claims that ... were lies'."""
    for text in ("Tbilisi called reports that its troops had shelled Tskhinvali baseless.",
                 "The Kremlin said the claims that Russian jets had bombed the maternity ward were lies."):
        attacks = _by_type(text, "ASSAULT")
        assert attacks, text
        assert all(e.status == "denied" and e.source is not None for e in attacks), text
    kept = _by_type("Kyiv said reports that Russian troops had shelled the plant were accurate.", "ASSAULT")
    assert kept and all(e.status == "claimed" for e in kept)


def test_a_speaker_the_parser_left_as_an_apposition_still_speaks() -> None:
    """'..., fire was opened on our positions in A and B, the Ministry of Defence of X said'."""
    attacks = _by_type("Overnight, fire was opened on our positions in Kalbajar and Lachin, the Ministry of "
                       "Defence of Azerbaijan said.", "ASSAULT")
    assert attacks
    assert all(e.status == "claimed" and e.source is not None and e.source.country == "AZE" for e in attacks)


def test_fire_from_places_of_another_country_is_that_countrys() -> None:
    """'From positions in Berd, fire was opened on our positions', the Azerbaijani ministry said:
    Armenian fire on its word; fire from the speaker's own country names no attacker."""
    attacks = _by_type("From positions in Berd, fire was opened on our positions in Tovuz, the Ministry of "
                       "Defence of Azerbaijan said.", "ASSAULT")
    assert attacks and all(e.actor is not None and e.actor.country == "ARM" for e in attacks)
    own = _by_type("From positions in Tovuz, fire was opened on our positions in Gazakh, the Ministry of "
                   "Defence of Azerbaijan said.", "ASSAULT")
    assert own and all(e.actor is None for e in own)


def test_a_statement_that_reads_is_its_issuers_word() -> None:
    """'X's statement read: "..."': the quoted act is claimed, on X's word."""
    attacks = _by_type('The ministry\'s statement read: "Our air defences shot down four drones over Kursk, '
                       'and our artillery struck the launch sites."', "ASSAULT")
    assert attacks
    assert all(e.status == "claimed" and e.source is not None and "ministry" in e.source.text.lower()
               for e in attacks)


def test_opposing_an_act_told_before_is_aimed_at_its_doer() -> None:
    """'X announced its troops would leave Y. Z opposed the withdrawal.': Z's rejection is aimed at X."""
    text = ("Paris announced on Monday that French troops would withdraw from Mali. "
            "Malian opposition parties opposed the withdrawal.")
    rejections = _by_type(text, "REJECT")
    assert rejections
    assert all(e.recipient is not None and e.recipient.country == "FRA" for e in rejections)
