"""What the crosswalk codes a finished draft by, beyond its type and mode: the mode a seizing
verb's object decides (people seized are abducted, arms seized are a disrupted weapons use) and
whether a taking of ground was forced (captured, seized, dislodged: a battle's outcome, not a
hand-over). Read from the draft and its sentence (truce.extract.paragraph.to_event)."""

from __future__ import annotations

import re
from dataclasses import replace

from truce.extract import crosswalk
from truce.extract.draft import Draft
from truce.extract.victims import KILL, PEOPLE_SINGULAR

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


# verbs of coming upon a thing: arms found or recovered are arms kept from use
_FINDING = {"recover", "find", "discover", "uncover", "unearth", "confiscate", "impound", "seize"}
# a bomb made safe or set off by those who found it ("detonated it before it could go off")
_DEFUSED = re.compile(r"\b(before (it|they) could (go off|explode|detonate|be (detonated|used))|defus(ed|ing)|"
                      r"controlled (explosion|detonation)|disarmed the)\b", re.I)
# explosives worn by their bearer ("detonated explosives strapped to their bodies"): a suicide bombing
_WORN = re.compile(r"\b(strapped to (his|her|their) bod(y|ies)|blew (himself|herself|themselves) up|"
                   r"detonated (himself|herself|themselves))\b", re.I)


def coded_mode(d: Draft) -> str | None:
    """The mode the crosswalk codes `d` by: a seizing verb of taking ground ("seized", "captured")
    or of taking goods whose object is people ("seized six elders and took them away") took no
    ground and no goods: it abducted; a seizure of arms ("seized a cache of rifles") disrupted
    their use, and so did arms found or recovered and a bomb made safe (`_explosives_mode`)."""
    lemma = d.lemma.split()[0] if d.lemma else ""
    if d.type in {"ASSAULT", "COERCE"} and lemma in _FINDING and _arms_taken(d) and not _people(d)[0]:
        return "disrupt"  # "troops recovered a cache of rifles and grenades"
    if d.type == "ASSAULT" and d.mode == "explosives":
        return _explosives_mode(d)
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


def _explosives_mode(d: Draft) -> str:
    """A bomb attack's mode by what its sentence says of the bomb: made safe by those who found it
    ("police found and detonated a car bomb before it could go off": disrupted) or worn by its
    bearer ("two women detonated explosives strapped to their bodies": a suicide bombing)."""
    sentence = d.trigger.sent.text
    if _DEFUSED.search(sentence):
        return "disrupt"
    return "suicide-attack" if _WORN.search(sentence) else "explosives"


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
    """Whether `d` takes ground by force: a verb of capture ("captured the provincial capital"),
    or any taking of ground from a side named ("took control of the town from the rebels": the
    ground was that side's), in a sentence that does not say the ground was given up."""
    lemma = d.lemma.split()[0] if d.lemma else ""
    return (lemma in _FORCED or _taken_from(d)) and territorial(d) and not _UNOPPOSED.search(sentence)


_PLACE_ENTS = {"GPE", "LOC", "FAC"}
# verbs of taking ground back: a side the sentence does not name that retakes ground is mostly the
# state's ("the SNA retook Bulobarde from Al Shabaab", the army unnamed in the actor lexicon)
_TAKING_BACK = {"retake", "recapture", "regain", "reclaim", "liberate", "wrest", "reconquer"}


def _taken_from(d: Draft) -> bool:
    """"took control of Kidal from CSP rebels", "seized the district from the army": a 'from'
    phrase of the taking verb or of its object naming a side (not a place: "from the north")."""
    heads = [d.trigger, *(c for c in d.trigger.children if c.dep_ in {"dobj", "prt"})]
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from"):
        for side in (g for g in prep.children if g.dep_ == "pobj"):
            if side.ent_type_ not in _PLACE_ENTS and side.pos_ in {"NOUN", "PROPN"} \
                    and side.lemma_.lower() not in _DIRECTIONS:
                return True
    return False


_DIRECTIONS = {"north", "south", "east", "west", "direction", "side", "area", "border", "outskirts", "hand"}


_PROTEST_WORDS = {"protest", "demonstration", "rally", "march", "protester", "protestor", "demonstrator"}


def scene_coded(scene: crosswalk.Scene | None, d: Draft) -> crosswalk.Scene | None:
    """The sentence's scene as `d` is coded by: no protest for an arrest made for one; the
    violence of demonstrators or of civilians fighting the police a riot (`_rioting`); former
    fighters hit are civilians (`_disarmed`)."""
    if _disarmed(d):
        scene = replace(scene or crosswalk.Scene(), disarmed=True, armed_victims=False, clash=False)
    if d.type == "COERCE" and d.mode in {"destroy", "seize"} and d.recipient is not None and not _people(d)[0]:
        scene = replace(scene or crosswalk.Scene(), goods=True)  # "demolished a school": a building, no one hit
    if d.type == "ASSAULT" and d.lemma.split()[:1] and d.lemma.split()[0] in _TAKING_BACK and territorial(d):
        scene = replace(scene or crosswalk.Scene(), regained=True)
    if scene is None:
        return scene
    if scene.protest and not scene.lethal and d.type == "ASSAULT" and d.trigger.lemma_.lower() in KILL:
        scene = replace(scene, lethal=True)  # "killed several protesters with tear gas canisters"
    if protest_is_reason(d):
        return replace(scene, protest=False)
    return replace(scene, demonstrators=True) if not scene.demonstrators and _rioting(d) else scene


# ...of the state's forces: a former rebel may have joined the other side ("a former member of the
# factions that joined the regime forces" is a regime man), a former soldier or policeman is a civilian
_FORMER = re.compile(r"\b(former|ex-|retired|demobili[sz]ed|disarmed)\s*(\w+\s+){0,3}?(soldiers?|army|police|"
                     r"policem[ae]n|officers?|security|military|servicem[ae]n|gendarmes?|guards?|ANDSF|ANA|ANP|"
                     r"commandos?|troops?)\b", re.I)


def _disarmed(d: Draft) -> bool:
    """An attack on men who no longer serve in the state's forces ("executed 3 former ANDSF
    soldiers", "killed a retired police officer"): ACLED codes them civilians."""
    return d.type == "ASSAULT" and d.recipient is not None and former_fighters(d.recipient.text)


def former_fighters(text: str | None) -> bool:
    """Whether an attack's recipient words name men who no longer bear arms."""
    return bool(_FORMER.search(text or ""))


_DEMONSTRATORS = {"protester", "protestor", "demonstrator", "rioter", "marcher"}
# a party's or a leader's supporters who burn or storm are rioting ("PTI supporters set fire to the
# commander's house", "supporters of X invaded and vandalised Congress"), not an armed group's act
_CROWDS = _DEMONSTRATORS | {"supporter", "loyalist", "partisan"}
# ...and young men who burn or loot ("angry youths torched a police station"): rioters, where their
# fights with each other stay a crowd's (mob violence)
_BURNERS = _CROWDS | {"youth"}
_FIGHTING = {"clash", "fight", "battle", "scuffle", "brawl"}
_POLICE = {"police", "policeman", "officer", "gendarme", "force", "soldier", "troop"}


def _rioting(d: Draft) -> bool:
    """An attack whose sentence is about demonstrators ("Demonstrators hurled petrol bombs at the
    police during clashes": no actor coded, the sentence's subject is theirs), or a fight of
    civilians with the police ("students ..., clashing with police"): ACLED's riots, not a battle
    (no armed group on one side) nor an attack on civilians."""
    if d.type not in {"ASSAULT", "COERCE"}:
        return False
    if d.actor is not None and d.actor.text and (d.type == "ASSAULT" or d.mode in {"destroy", "seize"}):
        head = d.actor.text.split(" of ")[0].split()[-1].lower()
        head = head[:-1] if head.endswith("s") else head
        if head in _CROWDS or (head in _BURNERS and d.mode in {"destroy", "seize"}):
            return True
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
