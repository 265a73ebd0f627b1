"""News-snippet shapes (CASE 2021 task 2), phenomena found on the held-out CASE-shape fresh set
(data/case_fresh.yaml) and fixed in the rules; the sentences here are our own, written for each
phenomenon, never the fresh set's (it stays a measure). Each case: the main event's ACLED
sub-event type (crosswalk.main_event)."""

from __future__ import annotations

import pytest

from truce.extract import crosswalk

PUBLISHED = "2023-06-15"


def _subs(texts: list[str]) -> list[str | None]:
    from truce.extract.pipeline import extract_many

    out = []
    for events in extract_many([(t, PUBLISHED) for t in texts]):
        top = crosswalk.main_event(events)
        out.append(top.acled.sub_event_type if top else None)
    assert len(out) == len(texts)
    return out


CASES = [
    # chemical agents: whatever carried them, ACLED's chemical weapon
    ("Witnesses said helicopters dropped barrels of chlorine on the town of Saraqib, choking residents.",
     "Chemical weapon"),
    ("A mustard gas attack hit Kurdish fighters near Kirkuk on Monday, a health official said.", "Chemical weapon"),
    ("Ukraine said drones had dropped tear gas grenades on its trenches near Vuhledar.", "Chemical weapon"),
    # a claimed act is what the report is about, not the accusing or the saying
    ("Opposition activists accused government troops of firing shells filled with sarin at Zamalka.",
     "Chemical weapon"),
    # a vest of explosives makes a suicide bombing even where the words 'suicide bomber' are missing
    ("Officials said a man wearing an explosive vest blew himself up at a checkpoint in Baidoa.", "Suicide bomb"),
    # aircraft pounding a place strike from the air; live rounds are bullets, not shells
    ("Syrian warplanes pounded rebel positions in Jisr al-Shughur overnight, a monitor said.", "Air/drone strike"),
    ("Police fired live rounds at demonstrators in Khartoum, killing two, doctors said.",
     "Excessive force against protesters"),
    # the rioters' petrol bombs are no planted explosive
    ("Masked youths hurled molotov cocktails at riot police in Santiago.", "Violent demonstration"),
    # a capture by force is a battle's outcome, not a handover; unopposed it is a transfer
    ("Jihadist fighters captured the town of Mansila in northern Burkina Faso, residents said.",
     "Non-state actor overtakes territory"),
    ("Rebels seized the district headquarters of Hpakant, a local official said.",
     "Non-state actor overtakes territory"),
    ("Rebels entered the town of Mansila unopposed after the army withdrew.", "Non-violent transfer of territory"),
    # driving a side off ground takes it back
    ("Iraqi troops liberated the town of Rutba from Islamic State, the army said.", "Government regains territory"),
    ("Malian soldiers dislodged jihadists from the village of Dioura, the army said.",
     "Government regains territory"),
    # people seized are abducted; arms seized are a disrupted weapons use, not looting
    ("Militants seized three bus drivers near Wajir and took them into the forest.",
     "Abduction/forced disappearance"),
    ("Police seized a cache of grenades and rifles at a house in Mombasa.", "Disrupted weapons use"),
    # an interception is the event, not the rockets it stopped; a plot foiled is no attack
    ("Air defences intercepted three missiles launched at Riyadh, the coalition said.", "Disrupted weapons use"),
    ("Police in Kano said they had thwarted a plan to bomb a mosque.", "Disrupted weapons use"),
    # mines cleared are weapons kept from use
    ("Deminers cleared 120 landmines from the fields around Kharkiv last month.", "Disrupted weapons use"),
    # arrests made in raids: the raid is how, not another act
    ("Soldiers arrested 20 suspected militants in dawn raids across Diyala province.", "Arrests"),
    # protesters who disperse leave: no intervention
    ("Thousands of workers marched in Accra, chanting slogans, before dispersing peacefully.", "Peaceful protest"),
    # dispersals and sit-ins in other words
    ("Students who rallied in Lusaka were scattered by police firing tear gas.", "Protest with intervention"),
    ("Nurses in Harare staged a sit-in at the health ministry over unpaid salaries.", "Peaceful protest"),
    # a base built or opened
    ("The Turkish army built a new outpost near the village of Kafr Nabl.", "Headquarters or base established"),
    ("French troops opened a forward base near Menaka.", "Headquarters or base established"),
    # goods made off with are looted
    ("Gunmen made off with 200 goats from a village near Gusau.", "Looting/property destruction"),
    # a group's make-up changes: mergers, allegiance, recruits joining
    ("The two Darfur rebel movements said they had merged under a single command.", "Change to group/activity"),
    ("A splinter group of the ADF pledged allegiance to Islamic State, the group said in a video.",
     "Change to group/activity"),
    ("Dozens of former soldiers joined the militia in Masisi, local officials said.", "Change to group/activity"),
    # a campaign is the act it was launched for
    ("Rebel commanders began an operation to recruit fighters in the camps of Ituri.", "Change to group/activity"),
    # ground moved into after its holders left is transferred, not fought for
    ("Government troops moved into the town of Kutum left by the rebels a week earlier.",
     "Non-violent transfer of territory"),
    ("Rebel fighters occupied the village of Tine after the army withdrew.", "Non-violent transfer of territory"),
    # an arrest for a protest is no intervention in one
    ("Police in Harare arrested a union leader for organising protests.", "Arrests"),
    # demonstrators' violence and civilians fighting the police are riots, not battles
    ("Protesters threw stones at riot police during clashes outside parliament in Tbilisi.",
     "Violent demonstration"),
    ("Farmers clashed with police in Amritsar after they tried to break through barricades.",
     "Violent demonstration"),
    ("Militants clashed with police in Anantnag, a police spokesman said.", "Armed clash"),
]


@pytest.mark.parametrize("text, want", CASES)
def test_news_snippet_shapes(text: str, want: str) -> None:
    assert _subs([text]) == [want]


def test_liberated_people_are_no_ground_taken() -> None:
    from truce.extract.coding import territorial
    from truce.extract.pipeline import extract_many

    events = next(iter(extract_many([("Soldiers liberated 14 hostages held by bandits near Gusau.", PUBLISHED)])))
    assert events
    assert all("territory" not in (e.acled.sub_event_type or "") for e in events)
    assert callable(territorial)


def test_a_vest_beside_an_air_raid_leaves_the_raid_an_air_strike() -> None:
    # the weapons are the sentence's: a bomber's vest does not make the aircraft's raid a suicide bombing
    pair = crosswalk.acled("ASSAULT", "aerial", "MIL", None, ["suicide-vest"])
    assert pair["sub_event_type"] == "Air/drone strike"
    assert crosswalk.acled("ASSAULT", None, None, None, ["suicide-vest"])["sub_event_type"] == "Suicide bomb"


def test_an_attack_foiled_is_still_an_attack() -> None:
    # a plot or a bombing foiled is a disrupted weapons use; an attack foiled was fought off
    from truce.extract.pipeline import extract_many

    text = "Kurdish fighters foiled an attack by Islamic State militants on the village of Tal Hamis."
    top = crosswalk.main_event(next(iter(extract_many([(text, PUBLISHED)]))))
    assert top is not None and top.type == "ASSAULT"
