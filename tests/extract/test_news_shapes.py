"""Shapes of wire and Wikinews-style conflict news the fresh news set (expect_news_fresh) showed,
in sentences written here (not from ../shared, not from the fresh set): an undated dateline, a
group that fights in several countries named beside its national branch or as the state it rules,
and a denial of the charge its own sentence tells."""
from __future__ import annotations

from datetime import date

from truce.extract.pipeline import extract
from truce.model import Event

_DAY = date(2025, 3, 5)


def _events(text: str) -> list[Event]:
    return extract(text, published=_DAY)


def _attacks(text: str) -> list[Event]:
    return [e for e in _events(text) if e.type == "ASSAULT"]


def test_an_undated_dateline_is_no_actor() -> None:
    """'KABUL — Pakistani air strikes on ... killed', 'JUBA, South Sudan — ...': the wire's city is
    where the story was filed, not part of the attacker's phrase nor its country."""
    for text, attacker in (("KABUL — Pakistani air strikes on the Dand-e-Patan district of Paktia province "
                            "killed at least nine people on Sunday, officials said.", "PAK"),
                           ("JUBA, South Sudan — Sudanese warplanes bombed a market in Renk on Sunday.", "SDN")):
        attacks = _attacks(text)
        assert attacks, text
        assert all(e.actor is not None and e.actor.country == attacker for e in attacks), \
            [(e.actor.text if e.actor else None) for e in attacks]
        assert not any(e.actor is not None and e.actor.text.split()[0].isupper() for e in attacks), text


def test_an_acronym_and_a_dash_aside_is_no_dateline() -> None:
    """'NATO — the alliance ...' opens no dateline: the alliance is still the one who acts."""
    events = _events("NATO warplanes — flying from Aviano — struck a radar site near Pristina on Monday.")
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks
    assert any(e.actor is not None and "NATO" in e.actor.text for e in attacks)


def test_a_group_named_beside_its_national_branch_is_the_home_one() -> None:
    """'Islamabad accused the Taliban of harbouring the Pakistani Taliban': the bare name is the
    Afghan group, though the sentence names Pakistan most; the branch keeps its own country."""
    text = ("Islamabad accused the Taliban of harbouring commanders of the Pakistani Taliban, "
            "and Pakistani officials said the Taliban had ignored Pakistan's warnings.")
    accusations = [e for e in _events(text) if e.type == "ACCUSE"]
    assert accusations
    assert any(e.recipient is not None and e.recipient.country == "AFG" for e in accusations), \
        [(e.recipient.text, e.recipient.country) for e in accusations if e.recipient]
    assert not any(e.recipient is not None and e.recipient.text == "the Taliban" and e.recipient.country == "PAK"
                   for e in accusations)


def test_a_group_that_rules_acts_as_its_state() -> None:
    """'the Taliban government said its forces shelled Pakistani posts': the government's forces
    are Afghanistan's, though the sentence names Pakistan most."""
    attacks = _attacks("The Taliban government said on Monday that its forces had shelled Pakistani posts "
                       "after Pakistani jets bombed Pakistani Taliban hideouts near the Pakistani border.")
    ours = [e for e in attacks if e.actor is not None and e.actor.text == "its forces"]
    assert ours
    assert all(e.actor is not None and e.actor.country == "AFG" for e in ours)


def test_a_denial_of_the_charge_its_own_sentence_tells() -> None:
    """'X accuses Y of arming the rebels, which Y denies' after an attack by Y told on another's word:
    the denial is of the arming, not of that attack."""
    text = ("Ukrainian officials said Russian troops shelled Kherson on Monday. "
            "Kyiv accuses Moscow of supplying the separatists with arms, and Moscow denies it.")
    attacks = _attacks(text)
    assert attacks
    assert not any(e.status == "denied" for e in attacks), [(e.status, e.evidence.sentence if e.evidence else "")
                                                             for e in attacks]


def test_an_accused_drop_of_a_chemical_is_the_accused_act() -> None:
    """'accused the army of dropping chlorine on X': the drop is an attack from the air by the
    accused, on the accuser's word; 'dropped leaflets' stays none."""
    attacks = _attacks("Medics accused the air force of dropping chlorine on the village of Latamna on Monday.")
    assert attacks
    assert any(e.status == "claimed" and e.actor is not None and e.actor.text == "the air force"
               and "chemical" in e.weapons for e in attacks)
    assert _attacks("Helicopters released sarin over the town of Douma on Saturday, rescuers said.")
    assert not _attacks("Army helicopters dropped leaflets over Douma on Saturday.")


def test_a_place_that_fell_to_armed_men_was_taken_by_them() -> None:
    """'The town fell to the rebels', 'fell into the hands of the militants', 'fell to the Taliban':
    the takers are the actor, the town is no actor; other falls are no event."""
    for text, taker in (("The garrison town of Bunia fell to the rebels on Sunday.", "the rebels"),
                        ("On Friday the border post fell into the hands of the militants.", "the militants"),
                        ("Lashkar Gah fell to the Taliban on Friday after weeks of fighting.", "the Taliban")):
        attacks = _attacks(text)
        assert attacks, text
        assert any(e.actor is not None and e.actor.text == taker for e in attacks), \
            [(e.actor.text if e.actor else None) for e in attacks]
        places = ("the garrison", "lashkar", "the border")
        assert not any(e.actor is not None and e.actor.text.lower().startswith(places) for e in attacks)
    for text in ("The death toll fell to 12 on Monday.", "Fuel prices fell to a record low in the capital."):
        assert not _attacks(text), text


def test_a_state_body_named_again_is_the_one_named_before() -> None:
    """'Russia's defence ministry said ... The ministry also said its artillery had destroyed a
    Ukrainian depot': the bare ministry is Russia's, and so is its artillery, not the depot's side."""
    text = ("Israel's defence ministry said its jets had struck weapons stores in southern Lebanon. "
            "The ministry also said its artillery had destroyed a Lebanese border post near Naqoura.")
    attacks = [e for e in _attacks(text) if e.actor is not None and e.actor.text == "its artillery"]
    assert attacks
    assert all(e.actor is not None and e.actor.country == "ISR" for e in attacks)
    assert all(e.source is not None and e.source.country == "ISR" for e in attacks)


def test_they_said_by_a_group_under_the_is_the_group() -> None:
    """'the Houthis said they had shot down a drone': the tagger may take the name for a person;
    'they' are the group that speaks, not the side named last."""
    text = ("Britain said its warships had not fired. "
            "On Friday the Houthis said they had shot down an American drone over Marib.")
    attacks = [e for e in _attacks(text) if e.evidence is not None and "shot down" in e.evidence.sentence]
    assert attacks
    assert all(e.actor is not None and e.actor.country == "YEM" for e in attacks), \
        [(e.actor.text, e.actor.country) for e in attacks if e.actor]


def test_a_boast_of_destroyed_enemy_armour_is_a_claimed_attack() -> None:
    """'"We destroyed three enemy tanks," the brigade commander said': a weak verb with a pronoun
    subject is an attack when its object is the enemy's armour."""
    events = _attacks('"We destroyed three enemy tanks near Vuhledar," the brigade commander said.')
    assert events
    assert any(e.status == "claimed" for e in events)
    assert not _attacks("We destroyed the old records, the clerk said.")


def test_an_act_of_anyone_in_a_threat_is_no_happening() -> None:
    """'would annihilate any force that attacked the port', 'would punish anyone who fired': the act
    in the relative clause is no one's in particular and did not happen; 'would avenge the strike
    that killed nine on Sunday' still did (3eb765d)."""
    for text in ('The junta warned that it would "crush" any force that attacked the port of Kyaukphyu.',
                 "The commander said his men would punish anyone who fired on their patrols near Gao."):
        assert not [e for e in _attacks(text) if e.aux is None], text


def test_an_event_a_speaker_could_not_confirm_is_told_not_threatened() -> None:
    """'said it could not confirm any air strike there': others' word, neither a threat nor denied."""
    for text in ("The monitor said it could not confirm any air strike on the market in Binnish.",
                 "Police were unable to verify reports of an attack on the camp near Dori."):
        events = _events(text)
        assert events, text
        assert not any(e.type == "THREATEN" for e in events), text
        attacks = [e for e in events if e.type == "ASSAULT"]
        assert attacks and all(e.status == "claimed" and e.aux is None for e in attacks), text


def test_not_involved_in_an_attack_is_its_denial() -> None:
    """'said their fighters had not been involved in the attack', 'was not responsible for the
    bombing': the speaker's side denies the act; 'the rebels were responsible for' blames them."""
    for text, side in (("The Houthis said their fighters had not been involved in the attack on the tanker.", "YEM"),
                       ("Hamas said it was not responsible for the rocket attack on Ashkelon.", "PSE")):
        attacks = _attacks(text)
        assert attacks, text
        assert any(e.status == "denied" and e.actor is not None and e.actor.country == side for e in attacks), \
            [(e.status, e.actor.text if e.actor else None) for e in attacks]
    blamed = _attacks("The governor said the rebels were responsible for the bombing of the market in Beni.")
    assert blamed and any(e.actor is not None and e.actor.text == "the rebels" and e.status == "claimed"
                          for e in blamed)


def test_a_claim_a_side_rejected_in_a_relative_clause_is_denied() -> None:
    """'Ukraine said Russian forces had shelled Kherson, a claim Moscow rejected': the act stays
    Ukraine's claim and is Moscow's denial too."""
    events = _attacks("Kyiv said Russian forces had shelled Kherson on Monday, a claim Moscow rejected.")
    assert events
    assert {e.status for e in events if e.actor is not None and e.actor.country == "RUS"} >= {"claimed", "denied"}


def test_a_conditional_strike_back_is_a_threat() -> None:
    """'If the army advances, we will strike back': a weak verb with no object is a threat on its
    condition."""
    events = _events("If the army attacks Bunia, we will strike back, the militia leader said.")
    assert any(e.type == "THREATEN" for e in events)


def test_a_projectile_that_lands_is_shelling() -> None:
    """'a rocket landed near Metula', 'two mortar shells fell on the village': fire arrived there;
    prices that fall and planes that land are no attack."""
    for text in ("Officials said no one was hurt when a rocket landed near Metula on Monday.",
                 "Two mortar shells fell on the village of Kfar Kila on Sunday, wounding a child."):
        attacks = _attacks(text)
        assert attacks, text
        assert all(e.mode == "heavy-weapons" for e in attacks), text
    for text in ("Oil prices fell sharply on Monday.", "The plane landed in Goma on Tuesday."):
        assert not _attacks(text), text


def test_the_act_a_lapse_runs_from_is_background() -> None:
    """'The attack came two years after a similar assault on the base killed 20 soldiers', 'three
    years after the massacre in Yumbi': the earlier act is the story's past, no event of its day;
    'two days after' stays news."""
    for text in ("The ambush came two years after a similar assault on the camp killed 20 soldiers.",
                 "The raid came three years after the massacre of 40 villagers in Yumbi."):
        attacks = _attacks(text)
        assert len(attacks) == 1, [(e.evidence.spans if e.evidence else None) for e in attacks]
    recent = _attacks("The raid came two days after an attack on the same post killed two soldiers.")
    assert len(recent) == 2


def test_a_negated_light_verb_negates_its_act() -> None:
    """'did not launch any attack', 'said it had not carried out any air strikes': no act happened
    on the reporter's word; on a side's word, its denial."""
    plain = _attacks("The army did not launch any attack on Kidal on Monday.")
    assert plain and all(e.aux == "negation" for e in plain)
    said = _attacks("The air force said it had not carried out any air strikes near Tessalit.")
    assert said and all(e.status == "denied" for e in said)
    assert all(e.aux is None for e in _attacks("The air force carried out air strikes near Tessalit on Monday."))


def test_armed_men_who_fired_with_no_object_fired() -> None:
    """'the rebels said the army had fired first', 'troops shot back': the firing is an attack;
    'the company fired dozens of workers' is none."""
    claimed = _attacks("The rebels said the army had fired first near Bambari.")
    assert claimed and all(e.status == "claimed" for e in claimed)
    assert not _attacks("The company fired dozens of workers last week.")


def test_a_weak_noun_of_force_aimed_on_a_target_is_an_attack() -> None:
    """'reports of a strike on a school', 'reported a strike on the fuel depot': the 'on' phrase
    names what was hit; 'a strike on Monday' called by unions and a dock strike stay no attack."""
    for text in ("The army said it was looking into reports of a strike on a school in Rafah.",
                 "Residents reported a strike on the fuel depot near Feodosia."):
        assert _attacks(text), text
    for text in ("Unions called for a strike on Monday.", "The workers' strike on the docks entered its third week."):
        assert not _attacks(text), text


def test_a_country_name_the_parser_cut_is_whole() -> None:
    """'accused neighbouring Côte d'Ivoire of ...': the parser may leave 'd'Ivoire' alone as the
    object; the name is the country's."""
    events = [e for e in _events("The junta accused neighbouring Côte d'Ivoire of sheltering the plotters.")
              if e.type == "ACCUSE"]
    assert events
    assert any(e.recipient is not None and e.recipient.country == "CIV" for e in events)


def test_a_known_body_named_through_of_is_that_body() -> None:
    """'The Economic Community of West African States condemned the attack': the regional body
    (no country), not the United States its last words spell."""
    events = [e for e in _events("The Economic Community of West African States condemned the attack on Djibo.")
              if e.type == "ACCUSE"]
    assert events
    assert all(e.actor is not None and e.actor.country != "USA" for e in events)


def test_a_claim_called_untrue_is_rejected() -> None:
    """'Moscow called the report "fabricated"', 'dismissed the accusations as baseless': the namer
    rejects the claim; it is no phone call. 'Erdogan called Putin' still is one."""
    for text in ('Moscow called the report "fabricated".', "Kyiv dismissed the accusations as baseless propaganda."):
        events = _events(text)
        assert any(e.type == "REJECT" for e in events), text
        assert not any(e.type == "CONSULT" for e in events), text
    assert any(e.type == "CONSULT" for e in _events("Erdogan called Putin on Monday to discuss the grain deal."))


def test_people_pulled_from_the_rubble_were_rescued() -> None:
    """'Rescuers pulled 12 bodies from the rubble': a rescue, no withdrawal; 'Russian forces
    pulled back from the village' still withdrew."""
    events = _events("Rescuers pulled 12 bodies from the rubble in Kramatorsk on Tuesday.")
    assert not any(e.type == "RETREAT" for e in events)
    assert any(e.type == "RETREAT" for e in _events("Russian forces pulled back from the village overnight."))
