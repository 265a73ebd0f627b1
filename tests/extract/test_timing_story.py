"""Dates and triggers of news stories told over several paragraphs, on sentences written for these
tests: the lead's date carried to the incident's later, undated sentences; acts still going on at
publication; saying dates; reported and dated event nouns; ordinal campaign days."""

from __future__ import annotations

from truce.extract.pipeline import extract

PUBLISHED = "2024-03-08"  # a Friday


def _events(text: str, published: str | None = PUBLISHED) -> list[dict]:
    return [e.to_dict() for e in extract(text, published=published, use_classifier=False)]


def _with(events: list[dict], word: str) -> list[dict]:
    found = [e for e in events if word in e["evidence"]["sentence"]]
    assert found, f"no event in a sentence with {word!r}: {[e['evidence']['sentence'] for e in events]}"
    return found


def _starts(events: list[dict]) -> set[str | None]:
    return {(e["date"] or {}).get("start") for e in events}


STORY = ("Gunmen seize two engineers in northern province\n\n"
         "Two water engineers were seized by gunmen on a road near Karsi on Tuesday, officials said.\n\n"
         "The engineers' guards exchanged fire with the attackers. One guard was wounded "
         "in the leg.\n\n"
         "Local elders said they were trying to reach the kidnappers.")


def test_the_leads_date_dates_the_incidents_later_undated_sentences() -> None:
    events = _events(STORY)
    assert _starts(_with(events, "exchanged fire")) == {"2024-03-05"}


def test_a_later_paragraph_with_another_date_ends_the_story() -> None:
    text = (STORY + "\n\nIn January, three aid workers were abducted in the same district.\n\n"
            "A convoy was ambushed on the coast road.")
    events = _events(text)
    assert _starts(_with(events, "convoy was ambushed")) == {None}


def test_an_attack_somewhere_else_keeps_no_date_of_the_lead() -> None:
    text = ("Rockets hit an army base near Tikrit on Thursday, the military said.\n\n"
            "Separately, a bomb exploded at a market in Basra, police said.")
    events = _events(text)
    assert _starts(_with(events, "Rockets hit")) == {"2024-03-07"}
    assert _starts(_with(events, "market in Basra")) == {None}


def test_background_told_in_the_present_perfect_takes_no_story_date() -> None:
    text = ("A car bomb killed six soldiers at a checkpoint on Wednesday.\n\n"
            "Insurgents have attacked checkpoints in the province before.")
    events = _events(text)
    assert _starts(_with(events, "have attacked")) == {None}


def test_an_act_still_going_on_is_dated_on_the_day_of_publication() -> None:
    events = _events("Despite the truce, the militia continues to fire rockets into the border villages.")
    attacks = [e for e in _with(events, "continues") if e["type"] == "ASSAULT"]
    assert attacks and _starts(attacks) == {PUBLISHED}


def test_a_continuing_act_said_in_the_past_is_not_dated_by_publication() -> None:
    events = _events("The militia continued to fire rockets into the border villages.")
    attacks = [e for e in events if e["type"] == "ASSAULT"]
    assert attacks and _starts(attacks) == {None}


def test_the_day_a_death_was_announced_is_not_the_day_of_the_killing() -> None:
    events = _events("On Tuesday, the president said the group's commander has been killed in a raid.")
    attacks = [e for e in events if e["type"] == "ASSAULT"]
    assert attacks and _starts(attacks) == {None}


def test_an_attack_a_statement_reports_is_an_event() -> None:
    events = _events("On Thursday, the coalition issued a statement saying an attack that day on a "
                     "supply depot near Kirkuk caused no injuries.")
    attacks = [e for e in events if e["type"] == "ASSAULT"]
    assert attacks and _starts(attacks) == {"2024-03-07"}


def test_reports_on_a_killing_name_the_killing() -> None:
    events = _events("The union said it had received reports on the killing of a radio reporter in "
                     "Quetta on March 2.")
    attacks = [e for e in events if e["type"] == "ASSAULT"]
    assert attacks and _starts(attacks) == {"2024-03-02"}


def test_receiving_reports_is_no_visit() -> None:
    events = _events("The commission received reports of beatings in the camp.")
    assert not [e for e in events if e["type"] == "CONSULT"]


def test_a_dated_attack_noun_is_an_event_wherever_it_stands() -> None:
    events = _events("The envoy pointed to the February 20 attack on the consulate as proof.")
    attacks = [e for e in events if e["type"] == "ASSAULT"]
    assert attacks and _starts(attacks) == {"2024-02-20"}


def test_the_nth_day_of_an_offensive_is_no_calendar_date() -> None:
    events = _events("Tank fire hit a shelter in the city, killing nine people on the 12th day of the offensive.")
    attacks = [e for e in events if e["type"] == "ASSAULT"]
    assert attacks and _starts(attacks) == {None}


def test_a_date_in_an_after_clause_dates_the_earlier_act() -> None:
    events = _events("Late on Sunday, the militia announced it had signed an agreement with the "
                     "government after the army began an offensive on Wednesday.")
    agreements = [e for e in events if e["type"] == "AGREE"]
    assert agreements and _starts(agreements) != {"2024-03-06"}


def test_an_announced_withdrawal_is_a_withdrawal() -> None:
    events = _events("On Monday, the president announced the troops would be leaving the country.")
    assert [e for e in events if e["type"] == "RETREAT" and e["mode"] == "withdraw"]


def test_a_statement_delivered_is_no_aid() -> None:
    events = _events("In a statement delivered by his spokesman, the governor condemned the raid.")
    assert not [e for e in events if e["type"] == "AID"]


def test_a_participle_shares_its_clauses_past() -> None:
    text = ("Rebels attack army post in the north\n\n"
            "Rebels attacked an army post near Dori on Wednesday, officials said.\n\n"
            "A rocket hit the barracks, killing three soldiers.")
    attacks = [e for e in _with(_events(text), "killing three") if e["type"] == "ASSAULT"]
    assert attacks and _starts(attacks) == {"2024-03-06"}


def test_the_disappearance_of_a_person_is_an_abduction() -> None:
    events = _events("Rights groups reported the disappearance of a student activist in the capital on March 1.")
    assert [e for e in events if e["type"] == "ASSAULT" and e["mode"] == "abduct"]


def test_the_disappearance_of_an_aircraft_is_no_abduction() -> None:
    events = _events("The disappearance of the aircraft on March 1 puzzled investigators.")
    assert not [e for e in events if e["mode"] == "abduct"]
