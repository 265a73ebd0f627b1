"""Stance turns (sentences written here, not from ../shared): rumours and retractions, acts no one
did, a charge denied in the next sentence, each side of a mutual charge, the speaker's "its", a
spokesman's body, and the act a protest is against."""
from __future__ import annotations

from datetime import date

from truce.extract.pipeline import extract
from truce.model import Event

_DAY = date(2024, 5, 14)


def _attacks(text: str) -> list[Event]:
    return [e for e in extract(text, published=_DAY) if e.type == "ASSAULT"]


def _pairs(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.country if e.source else None, e.actor.country if e.actor else None, e.status)
            for e in events}


def test_a_rumour_or_report_that_emerged_is_alleged() -> None:
    """'Rumours spread that X attacked', 'reports emerged that': on someone's word, not the reporter's."""
    for text in ("Rumours circulated that bandits had raided a village near Gusau.",
                 "Reports emerged on Monday that soldiers had shot two fishermen near Lake Chad."):
        attacks = _attacks(text)
        assert attacks, text
        assert all(e.status == "claimed" for e in attacks), text
    plain = _attacks("Bandits raided a village near Gusau on Monday.")
    assert plain and all(e.status == "asserted" for e in plain)


def test_a_statement_taken_back_is_denied() -> None:
    """'retracted its statement that rebels had attacked': the speaker no longer says it happened."""
    attacks = _attacks("The police withdrew their earlier statement that gunmen had attacked the checkpoint.")
    assert attacks
    assert all(e.status == "denied" or e.aux == "negation" for e in attacks)


def test_the_word_of_a_participle_is_its_subjects() -> None:
    """'X rejected the report, saying Y had hit the depot': what follows 'saying' is X's word."""
    attacks = _attacks("Moscow rejected the report, saying Ukrainian drones had hit a fuel depot in Kursk.")
    assert attacks
    assert all(e.status == "claimed" and e.source is not None and e.source.country == "RUS" for e in attacks)


def test_no_rounds_fired_and_neither_side_attacking_are_no_attack() -> None:
    for text in ("No mortar rounds were fired across the border overnight, the army said.",
                 "Neither the militia nor the soldiers opened fire during the handover."):
        attacks = _attacks(text)
        assert all(e.aux == "negation" or e.status == "denied" for e in attacks), text
    # a passive subject that counts people is a toll's zero, not a denied act
    assert any(e.aux is None for e in _attacks("No civilians were killed when shells hit the depot."))


def test_what_a_warning_says_is_no_side_report() -> None:
    """'Iran will respond if attacked, the minister warned': the warned clause is not a side clause
    telling who speaks for the warning itself."""
    threats = [e for e in extract("Baku will respond firmly if Armenian troops cross the border, the "
                                  "defence minister warned.", published=_DAY) if e.type == "THREATEN"]
    assert threats
    assert all(e.source is None or e.source.text != "Baku" for e in threats)


def test_a_charge_denied_next_is_the_accused_sides_denial() -> None:
    """'X accused Y of shelling. Y denied the charge.': Y's denial of the act, beside X's claim."""
    attacks = _attacks("Kyiv accused Russian troops of shelling a bus station in Kherson. "
                       "Moscow rejected the accusation.")
    assert ("UKR", "RUS", "claimed") in _pairs(attacks)
    assert ("RUS", "RUS", "denied") in _pairs(attacks)
    offer = _attacks("Kyiv accused Russian troops of shelling a bus station in Kherson. Moscow refused it.")
    assert ("RUS", "RUS", "denied") not in _pairs(offer)


def test_each_side_of_a_mutual_charge_blames_the_other() -> None:
    """'X and Y accused each other of starting the fighting', 'traded accusations over who fired
    first': each side's claim is that the other did it, never itself."""
    for text in ("Serbia and Kosovo accused each other of starting the violence at the crossing.",
                 "Serbia and Kosovo traded accusations over who opened fire first at the crossing."):
        pairs = {(s, a) for s, a, status in _pairs(_attacks(text)) if status == "claimed"}
        assert ("SRB", "XKX") in pairs and ("XKX", "SRB") in pairs, (text, pairs)
        assert ("SRB", "SRB") not in pairs and ("XKX", "XKX") not in pairs, text


def test_its_forces_in_a_speakers_word_are_the_speakers() -> None:
    """'X denied Y's reports that its forces fired': 'its' is X's, not the side named last."""
    attacks = _attacks("The Indian army denied Pakistani reports that its soldiers had fired on a village.")
    assert attacks
    assert all(e.actor is not None and e.actor.country == "IND" for e in attacks)


def test_a_spokesman_speaks_for_the_body_named() -> None:
    """'a spokesman for the Armenian army said ...': the army's word, not the side it blames."""
    attacks = _attacks("A spokesman for the Armenian army said Azerbaijani troops fired on a village near Jermuk.")
    assert attacks
    assert all(e.source is not None and e.source.country == "ARM" for e in attacks)


def test_the_act_a_protest_is_against_is_no_new_attack() -> None:
    """'rallied against Israeli air strikes': the strikes are the protest's grievance."""
    events = extract("Thousands marched in Amman to protest against Israeli air strikes on Gaza.", published=_DAY)
    assert any(e.type == "PROTEST" for e in events)
    assert not [e for e in events if e.type == "ASSAULT"]
    told = _attacks("Israeli air strikes hit Gaza on Monday, and thousands marched in Amman in protest.")
    assert told


def test_an_office_warning_what_a_state_will_do_speaks_for_it() -> None:
    """'Egypt will respond if its waters are touched, the foreign minister warned': Egypt's threat,
    whatever state was named last; an office named with its country keeps it."""
    threats = [e for e in extract("Egypt will respond firmly if Ethiopia fills the dam again, the foreign "
                                  "minister warned.", published=_DAY) if e.type == "THREATEN"]
    assert threats and all(e.actor is not None and e.actor.country == "EGY" for e in threats)
    named = [e for e in extract("Ethiopia will pay a price, the Egyptian foreign minister warned.",
                                published=_DAY) if e.type == "THREATEN"]
    assert named and all(e.actor is not None and e.actor.country == "EGY" for e in named)


def test_a_past_relative_clause_keeps_its_own_mood() -> None:
    """'would retaliate for the strike that killed 12 on Monday': the strike happened (on the
    speaker's word); the retaliation is the threat."""
    events = extract("The militia said it would avenge the drone strike that killed nine of its fighters "
                     "on Sunday.", published=_DAY)
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks and all(e.aux is None and e.status == "claimed" for e in attacks)
    threats = [e for e in extract("The militia said it would attack the base again.", published=_DAY)
               if e.type in {"THREATEN", "ASSAULT"}]
    assert threats and all(e.aux is not None or e.type == "THREATEN" for e in threats)


def test_a_charge_denied_in_a_relative_clause_is_denied() -> None:
    """'..., which Yerevan denied': the side accused denies the act told before."""
    attacks = _attacks("Baku said Armenian troops fired on its positions near Kalbajar, which Yerevan denied.")
    assert ("AZE", "ARM", "claimed") in _pairs(attacks)
    assert ("ARM", "ARM", "denied") in _pairs(attacks)


def test_a_blame_joined_to_a_denied_clause_is_the_deniers_word() -> None:
    """'X denied that its forces had struck the dam and blamed Y': the blaming is X's own act, not
    part of what X denies."""
    events = extract("Moscow denied that its forces had struck the dam and blamed Ukrainian shelling.",
                     published=_DAY)
    accusations = [e for e in events if e.type == "ACCUSE"]
    assert accusations and all(e.status == "asserted" for e in accusations)
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert any(e.status == "denied" for e in attacks)
