"""One test per general rule added in the third round of final fixes (own sentences)."""

from __future__ import annotations

from truce.extract.pipeline import extract
from truce.model import Event


def _events(text: str, published: str) -> list[Event]:
    return extract(text, published, use_classifier=False)


def test_known_agency_tagged_as_verb_is_the_speaker() -> None:
    # the tagger reads "SANA" as a verb, so "said" has no subject of its own
    text = "Syria's official news agency SANA, citing a security source, said one soldier was wounded."
    events = _events(text, "2021-03-04")
    tolls = [e for e in events if e.type == "ASSAULT"]
    assert tolls, events
    assert tolls[0].status == "claimed"
    assert tolls[0].source is not None and tolls[0].source.country == "SYR"


def test_calling_an_act_an_aggression_accuses_the_named_side() -> None:
    text = "The ministry said five people died in what it called a Turkish aggression on the village."
    events = _events(text, "2021-03-04")
    accusations = [e for e in events if e.type == "ACCUSE"]
    assert accusations, events
    assert accusations[0].recipient is not None and accusations[0].recipient.country == "TUR"
    assert accusations[0].actor is None or accusations[0].actor.country != "TUR"


def test_interceptor_is_not_the_attacker_of_the_toll() -> None:
    text = ("The army said two soldiers were killed and four wounded near the border, "
            "and said air defences had shot down several missiles.")
    events = _events(text, "2019-06-03")
    tolls = [e for e in events if e.type == "ASSAULT" and e.fatalities == 2]
    assert all(e.actor is None or "defence" not in e.actor.text for e in tolls)
    assert tolls, events


def test_bare_toll_takes_the_place_of_the_reports_attack() -> None:
    text = ("ODESA, May 3 - A Russian missile hit a warehouse in Odesa on Thursday, the governor said.\n\n"
            "Eleven people were wounded in the strike, among them two children, he said.")
    events = _events(text, "2024-05-03")
    tolls = [e for e in events if e.type == "ASSAULT" and e.injured == 11]
    assert tolls, events
    assert tolls[0].location is not None and tolls[0].location.name == "Odesa"


def test_fire_with_named_heavy_weapons_is_heavy_weapons() -> None:
    text = "Officials said the rebels opened fire with mortars on an army camp near Kidal on Monday."
    events = _events(text, "2022-05-10")
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks, events
    assert attacks[0].mode == "heavy-weapons"
