"""What the crosswalk codes a finished draft by, beyond its type and mode: the mode a seizing
verb's object decides (people seized are abducted, arms seized are a disrupted weapons use) and
whether a taking of ground was forced (captured, seized, dislodged: a battle's outcome, not a
hand-over). Read from the draft and its sentence (truce.extract.paragraph.to_event)."""

from __future__ import annotations

import re
from dataclasses import replace

from truce.extract import crosswalk
from truce.extract.draft import Draft
from truce.extract.victims import PEOPLE_SINGULAR

# Men under arms taken by force are a battle's captives, not an abduction of civilians.
_COMBATANTS = {"soldier", "fighter", "militant", "rebel", "insurgent", "commander", "gendarme", "policeman",
               "guard", "officer", "militiaman", "peacekeeper", "serviceman", "gunman", "assailant",
               "attacker", "bomber", "bodyguard"}
_SEIZING = {"seize", "capture", "grab", "snatch"}
_HELD = {"hostage", "captive", "prisoner", "detainee", "abductee"}  # people held, freed or taken
# what a seizure of arms takes: ACLED codes it a disrupted weapons use, not looting
_ARMS = {"cache", "arsenal", "stockpile", "weapon", "arm", "ammunition", "munition", "explosive", "rifle",
         "gun", "bomb", "landmine", "mine", "rocket", "missile", "grenade", "ied", "mortar"}
# verbs of taking ground that say force was used: the side that lost it was fought or driven off
_FORCED = {"capture", "seize", "overrun", "storm", "dislodge", "liberate", "conquer"}
# ...unless the sentence says the ground was given up ("after the troops withdrew", "unopposed")
_UNOPPOSED = re.compile(r"\b(without (a |any )?(fight|fighting|resistance|a shot)|unopposed|withdr[ae]wn?|"
                        r"withdrawal|pulled out|pull-?out|abandon(ed)?|vacated|handed (it )?over|left by)\b", re.I)


def _people(d: Draft) -> tuple[bool, bool]:
    """Whether the draft's recipient is people, and whether they are men under arms."""
    if d.recipient is None or not d.recipient.text:
        return False, False
    head = d.recipient.text.split()[-1].lower()
    singular = head[:-1] if head.endswith("s") else head
    people = (head in PEOPLE_SINGULAR or singular in PEOPLE_SINGULAR or singular in _HELD
              or head in {"men", "women", "children", "people"})
    return people, singular in _COMBATANTS or d.recipient.sector in crosswalk.ARMED_SECTORS


def _arms_taken(d: Draft) -> bool:
    if d.recipient is None or not d.recipient.text:
        return False
    words = {w[:-1] if w.endswith("s") else w for w in re.findall(r"[a-z]+", d.recipient.text.lower())}
    return bool(words & _ARMS)


def coded_mode(d: Draft) -> str | None:
    """The mode the crosswalk codes `d` by: a seizing verb of taking ground ("seized", "captured")
    or of taking goods whose object is people ("seized six elders and took them away") took no
    ground and no goods: it abducted; a seizure of arms ("seized a cache of rifles") disrupted
    their use."""
    if d.type == "COERCE" and d.mode == "seize":
        people, armed = _people(d)
        if people and not armed:
            return "abduct"
        return "disrupt" if _arms_taken(d) else d.mode
    if not (d.type == "ASSAULT" and territorial(d) and d.lemma in _SEIZING):
        return d.mode
    people, armed = _people(d)
    if people and not armed:
        return "abduct"
    return "disrupt" if _arms_taken(d) else d.mode


# verbs that take ground whatever their object names: the place ("liberated the village") or
# the side driven from it ("dislodged the insurgents from Baga")
_DRIVING_OFF = {"liberate", "dislodge"}


# verbs of moving into a place: ground taken over where the sentence says it was given up
# ("occupied the town after the troops pulled out", "moved into the camp left by peacekeepers")
_MOVING_IN = {"occupy", "enter", "move"}


def territorial(d: Draft, sentence: str = "") -> bool:
    """Whether `d` takes ground: the rules' reading, a verb of driving a side off a place
    (liberating people, "liberated 20 hostages", takes none), or a move into ground given up."""
    lemma = d.lemma.split()[0] if d.lemma else ""
    if d.type in {"MOBILIZE", "PROTEST"}:
        return lemma in _MOVING_IN and not _people(d)[0] and bool(_UNOPPOSED.search(sentence))
    if d.territorial or d.type != "ASSAULT":
        return d.territorial
    if lemma == "liberate":
        people, armed = _people(d)
        return not people or armed
    return lemma in _DRIVING_OFF


def forced_taking(d: Draft, sentence: str) -> bool:
    """Whether `d` takes ground by force: a verb of capture ("captured the provincial capital")
    in a sentence that does not say the ground was given up."""
    lemma = d.lemma.split()[0] if d.lemma else ""
    return lemma in _FORCED and territorial(d) and not _UNOPPOSED.search(sentence)


_PROTEST_WORDS = {"protest", "demonstration", "rally", "march", "protester", "protestor", "demonstrator"}


def scene_coded(scene: crosswalk.Scene | None, d: Draft) -> crosswalk.Scene | None:
    """The sentence's scene as `d` is coded by: no protest for an arrest made for one; the
    violence of demonstrators or of civilians fighting the police a riot (`_rioting`)."""
    if scene is None:
        return scene
    if protest_is_reason(d):
        return replace(scene, protest=False)
    return replace(scene, demonstrators=True) if not scene.demonstrators and _rioting(d) else scene


_DEMONSTRATORS = {"protester", "protestor", "demonstrator", "rioter", "marcher"}
_FIGHTING = {"clash", "fight", "battle", "scuffle", "brawl"}
_POLICE = {"police", "policeman", "officer", "gendarme", "force", "soldier", "troop"}


def _rioting(d: Draft) -> bool:
    """An attack whose sentence is about demonstrators ("Demonstrators hurled petrol bombs at the
    police during clashes": no actor coded, the sentence's subject is theirs), or a fight of
    civilians with the police ("students ..., clashing with police"): ACLED's riots, not a battle
    (no armed group on one side) nor an attack on civilians."""
    if d.type != "ASSAULT":
        return False
    root = d.trigger.sent.root
    if d.actor is None:
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in _DEMONSTRATORS for c in root.children)
    if d.actor.sector not in crosswalk.CIVILIAN_SECTORS or d.trigger.lemma_.lower() not in _FIGHTING:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(o.lemma_.lower() in _POLICE for o in c.children)
               for c in d.trigger.children)


def arrest_reason(d: Draft) -> set[int]:
    """The token indices of what an arrest was made for ("arrested X for organising protests",
    "detained over the march"): the 'for' or 'over' phrases of its verb or its object."""
    if not (d.type == "COERCE" and d.mode == "arrest"):
        return set()
    heads = [d.trigger, *(c for c in d.trigger.children if c.dep_ in {"dobj", "nsubjpass"})]
    return {t.i for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in {"for", "over"}
            for t in c.subtree}


def protest_is_reason(d: Draft) -> bool:
    """Whether the only protest an arrest's sentence names is what the arrest was for ("arrests a
    comedian for backing protests"): the arrest is no intervention in a protest."""
    reasons = arrest_reason(d)
    words = [t.i for t in d.trigger.sent if t.lemma_.lower() in _PROTEST_WORDS] if reasons else []
    return bool(words) and all(i in reasons for i in words)
