"""Casualties told in the idiom of ministries and missions (truce.extract.monitor_wounds), in our
own sentences (none from ../shared)."""
from __future__ import annotations

from datetime import date

from truce.extract.pipeline import extract
from truce.model import Event

_DAY = date(2022, 6, 3)


def _events(text: str) -> list[Event]:
    events = extract(text, published=_DAY)
    assert events, "no event read"
    return events


def test_a_soldier_who_received_a_gunshot_wound_is_the_attacks_wounded() -> None:
    events = _events("On 2 June, enemy units opened fire on our positions near Verin Shorzha. As a result, "
                     "a private of the border troops received a gunshot wound; he was taken to hospital.")
    assert any(e.type == "ASSAULT" and e.injured == 1 for e in events), [(e.type, e.injured) for e in events]
    assert not any(e.type == "CONSULT" for e in events), "receiving a wound read as a meeting"


def test_admitted_with_shrapnel_wounds_sustained_when_hit() -> None:
    events = _events("Doctors in Bakhmut told the mission that a 60-year-old woman had been admitted on 2 June "
                     "with shrapnel wounds, sustained when her yard in Zaitseve was shelled.")
    assert any(e.type == "ASSAULT" and e.injured == 1 for e in events), [(e.type, e.injured) for e in events]


def test_a_death_in_the_army_idiom_and_the_injured_of_the_next_sentence() -> None:
    events = _events("Indian troops fired mortars at villages in the Battal sector on 2 June. As a result of the "
                     "firing, a shopkeeper of Dabsi village embraced shahadat, while two children were injured.")
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert any(e.fatalities == 1 and e.injured == 2 for e in attacks), [(e.fatalities, e.injured) for e in attacks]


def test_the_idiom_does_not_overwrite_a_toll_read_already() -> None:
    events = _events("On 2 June, enemy shelling killed three soldiers near Verin Shorzha. As a result, a "
                     "villager received shrapnel wounds.")
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert any(e.fatalities == 3 for e in attacks), [(e.fatalities, e.injured) for e in attacks]
    assert not any(e.fatalities == 1 for e in attacks), [(e.fatalities, e.injured) for e in attacks]
