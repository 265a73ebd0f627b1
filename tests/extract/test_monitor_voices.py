"""Who fired and who speaks in monitoring prose, in our own sentences (none from ../shared): the
sender of what the monitors saw when the sentence names it, and a statement's issuing body."""
from __future__ import annotations

from datetime import date

from truce.extract.pipeline import extract
from truce.model import Event


def _assaults(text: str, day: date) -> list[Event]:
    events = [e for e in extract(text, published=day) if e.type == "ASSAULT"]
    assert events, "no ASSAULT read"
    return events


def test_observed_rounds_keep_the_sender_the_sentence_names() -> None:
    events = _assaults("On 3 May, UN military observers saw three mortar rounds fired by the Syrian Arab Army "
                       "land near Jubata al-Khashab.", date(2020, 5, 4))
    assert any(e.actor is not None and e.actor.country == "SYR" for e in events), \
        [(e.actor, e.observation) for e in events]


def test_observed_rounds_with_no_sender_name_no_actor() -> None:
    events = _assaults("On 3 May, UN military observers heard three explosions near Jubata al-Khashab.",
                       date(2020, 5, 4))
    assert all(e.actor is None for e in events), [e.actor for e in events]


_HEADER = "Press service of the Ministry of Defence of Georgia, 5 March 2021\n\n"


def test_a_ministry_header_voices_the_statement() -> None:
    events = _assaults(_HEADER + "Russian occupation forces opened fire on our positions near Ergneti.",
                       date(2021, 3, 5))
    assert all(e.status == "claimed" and e.source is not None and e.source.country == "GEO" for e in events), \
        [(e.status, e.source) for e in events]
    assert any(e.recipient is not None and e.recipient.country == "GEO" for e in events), \
        [e.recipient for e in events]


def test_a_ministry_header_denies_what_the_statement_says_was_not_done() -> None:
    events = [e for e in extract(_HEADER + "The Georgian side did not open fire.", published=date(2021, 3, 5))
              if e.type == "ASSAULT"]
    assert events, "no ASSAULT read"
    assert all(e.status == "denied" for e in events), [(e.status, e.aux) for e in events]


def test_untrue_in_a_ministrys_idiom() -> None:
    text = (_HEADER + "The information disseminated by Tskhinvali that units of the Georgian police opened "
            "fire near Ergneti on 4 March does not correspond to reality.")
    events = [e for e in extract(text, published=date(2021, 3, 5)) if e.type == "ASSAULT"]
    assert events, "no ASSAULT read"
    assert all(e.status == "denied" and e.aux == "negation" for e in events), [(e.status, e.aux) for e in events]


def test_a_missions_header_is_no_partys_voice() -> None:
    text = ("Statement of the European Union Monitoring Mission, 5 March 2021\n\n"
            "Russian forces detained two Georgian villagers near Ergneti and fired warning shots.")
    events = extract(text, published=date(2021, 3, 5))
    assert events, "no event read"
    assert all(e.status == "asserted" for e in events), [(e.type, e.status) for e in events]


def test_a_ministrys_subjecting_to_fire_split_by_the_object() -> None:
    events = _assaults("On 4 March, units of the armed forces of Armenia subjected the positions of the "
                       "Azerbaijan Army units located near Tovuz to fire from small arms.", date(2021, 3, 5))
    assert any(e.actor is not None and e.actor.country == "ARM" for e in events), [e.actor for e in events]


def test_fire_answered_with_is_the_answering_sides() -> None:
    events = _assaults("Militants fired two rockets at Sderot on Monday. The Israeli army responded with "
                       "tank fire at positions east of Gaza City.", date(2021, 3, 9))
    answer = [e for e in events if e.evidence is not None and "responded" in e.evidence.sentence]
    assert answer, "the answer was not read as an attack"
    assert all(e.actor is not None and e.actor.country == "ISR" for e in answer), [e.actor for e in answer]


def test_what_the_monitors_could_not_tell_is_no_negation() -> None:
    events = _assaults("A UN patrol came under small-arms fire near Kidal; the mission could not determine "
                       "who fired.", date(2021, 3, 9))
    assert all(e.aux is None for e in events), [(e.aux, e.evidence.sentence if e.evidence else None) for e in events]


def test_a_sighting_keeps_the_side_its_phrase_names() -> None:
    seen = [e for e in extract("UN observers saw Israeli army soldiers crossing the Blue Line near Kfar Shouba.",
                               published=date(2021, 7, 3)) if e.type == "MOBILIZE"]
    assert seen and any(e.actor is not None and e.actor.country == "ISR" for e in seen), [e.actor for e in seen]
    seen = [e for e in extract("In Luhansk region, the SMM saw ten armed men near Zolote.",
                               published=date(2021, 7, 3)) if e.type == "MOBILIZE"]
    assert seen and all(e.actor is None for e in seen), [e.actor for e in seen]
