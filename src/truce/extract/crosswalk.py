"""Crosswalk from PLOVER type + mode (+ actors' sectors) to ACLED event/sub-event types and CAMEO
root codes. Rules, not a model: each line below is a defensible mapping (version
`truce.extract.crosswalk.v2`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from truce.model import Event

VERSION = "truce.extract.crosswalk.v2"

_ARMED = {"MIL", "REB", "COP", "IMG", "UAF", "SPY"}
_REMOTE = {
    "aerial": "Air/drone strike",
    "drone": "Air/drone strike",
    "heavy-weapons": "Shelling/artillery/missile attack",
    "explosives": "Remote explosive/landmine/IED",
    "suicide-attack": "Suicide bomb",
}
_CIVILIAN_SUB = {"abduct": "Abduction/forced disappearance", "sexual": "Sexual violence"}
_CAMEO = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07", "CONCEDE": "08",
    "RETREAT": "08", "REQUEST": "02", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
    "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17", "ASSAULT": "18",
}
_DEMAND_WORDS = {"demand", "insist", "ultimatum", "order", "require"}


@dataclass(frozen=True, slots=True)
class Scene:
    """What the event's sentence says around it (truce.extract.scene reads it): the kind of
    people harmed, whether there was fighting, a protest and an intervention against it, lethal
    force, and whether a crowd or demonstrators did the violence."""

    civilian_victims: bool = False
    armed_victims: bool = False
    protest: bool = False
    intervention: bool = False
    lethal: bool = False
    fighting: bool = False
    crowd: bool = False
    demonstrators: bool = False
    clash: bool = False
    aircraft: bool = False
    disarmed: bool = False  # the people hit are former fighters ("executed 3 former soldiers"): civilians
    goods: bool = False  # what was destroyed or taken is a thing ("demolished a school"), not people
    regained: bool = False  # ground taken back ("retook", "recaptured", "regained"): mostly the state's


_NO_SCENE = Scene()
_STATE = {"MIL", "GOV", "COP", "SPY"}
_CIVILIAN_SECTORS = {"CIV", "MED", "REL", "EDU", "OPP", "LAB", "NGO", "HLH", "REF"}
# The same sets for the classifier's target refinement (truce.extract.classify): one definition.
ARMED_SECTORS = frozenset(_ARMED)
CIVILIAN_SECTORS = frozenset(_CIVILIAN_SECTORS)


def acled(etype: str, mode: str | None, actor_sector: str | None, recipient_sector: str | None,
          weapons: list[str] | None = None, territorial: bool = False,
          scene: Scene | None = None, forced: bool = False) -> dict[str, str | None]:
    """ACLED event_type and sub_event_type for one event (its sentence's `scene` when known;
    `forced`: a taking of ground its verb says was fought for, truce.extract.coding)."""
    weapons = weapons or []
    scene = scene or _NO_SCENE
    if etype == "ASSAULT":
        return _assault(mode, actor_sector, recipient_sector, weapons, territorial, scene, forced)
    if territorial and etype in {"MOBILIZE", "PROTEST"}:  # moved into ground given up (coding)
        return _pair("Strategic developments", "Non-violent transfer of territory")
    if etype == "PROTEST":
        if mode == "riot":
            return _pair("Riots", "Violent demonstration")
        if scene.intervention:
            return _pair("Protests", "Excessive force against protesters" if scene.lethal
                         else "Protest with intervention")
        return _pair("Protests", "Peaceful protest")
    if etype == "COERCE":
        if mode == "crowd-control" or (mode == "arrest" and scene.protest):
            return _pair("Protests", "Excessive force against protesters" if scene.lethal
                         else "Protest with intervention")
        if mode == "arrest":
            return _pair("Strategic developments", "Arrests")
        if mode in {"seize", "destroy"}:
            if scene.demonstrators:
                return _pair("Riots", "Violent demonstration")
            if recipient_sector in _CIVILIAN_SECTORS and not scene.goods:  # people burnt or seized, not goods
                return _pair("Violence against civilians",
                             "Attack" if mode == "destroy" else "Abduction/forced disappearance")
            return _pair("Strategic developments", "Looting/property destruction")
        if mode == "disrupt":
            return _pair("Strategic developments", "Disrupted weapons use")
        if mode == "abduct":  # people seized (truce.extract.coding)
            return _pair("Violence against civilians", "Abduction/forced disappearance")
        return _pair("Strategic developments", "Other")
    if etype in {"AGREE"} or (etype == "RETREAT" and mode in {"ceasefire", "release", "disarm"}):
        return _pair("Strategic developments", "Agreement")
    if etype == "RETREAT" and mode == "withdraw":
        return _pair("Strategic developments", "Non-violent transfer of territory")
    if etype == "MOBILIZE":
        if mode == "base":
            return _pair("Strategic developments", "Headquarters or base established")
        return _pair("Strategic developments", "Change to group/activity")
    return _pair("Strategic developments", "Other")


def _assault(mode: str | None, actor_sector: str | None, recipient_sector: str | None,
             weapons: list[str], territorial: bool, scene: Scene, forced: bool = False) -> dict[str, str | None]:
    """ACLED's violent types, decided by the means first (remote means make an explosion whoever
    is hit), then by who did it (a crowd riots), then by whom it hit (civilians or armed men)."""
    if mode == "disrupt":  # arms seized (truce.extract.coding)
        return _pair("Strategic developments", "Disrupted weapons use")
    if "chemical" in weapons or mode == "chemical" or ("tear-gas" in weapons and mode in _REMOTE):
        # whatever carried it (shell, bomb, canister); a riot agent dropped or fired as a weapon of
        # war ("drones dropped tear gas grenades on the trenches") is one too
        return _pair("Explosions/Remote violence", "Chemical weapon")
    if mode == "suicide-attack" or ("suicide-vest" in weapons and mode in {None, "explosives"}):
        return _pair("Explosions/Remote violence", "Suicide bomb")
    if "grenade" in weapons and mode in {None, "explosives", "firearms"}:
        return _pair("Explosions/Remote violence", "Grenade")
    mode = _named_means(mode, weapons)
    if mode == "firearms" and set(weapons) & _SHELLS and not set(weapons) & _SMALL_ARMS:
        mode = "heavy-weapons"  # "exchanged artillery fire": a fire verb whose only weapons are guns of war
    if scene.aircraft and mode in {None, "explosives", "firearms"}:
        # an aircraft's strike, whatever it dropped or fired ("aircraft struck a gathering")
        return _pair("Explosions/Remote violence", "Air/drone strike")
    if mode in _REMOTE:
        return _pair("Explosions/Remote violence", _REMOTE[mode])
    if mode == "sexual":  # "gang-raped by herders": the act decides, whoever the crowd
        return _pair("Violence against civilians", "Sexual violence")
    if scene.demonstrators or (scene.protest and scene.crowd):
        return _pair("Riots", "Violent demonstration")
    if scene.crowd and actor_sector not in _ARMED:
        return _pair("Riots", "Mob violence")
    if mode == "destroy":
        return _pair("Strategic developments", "Looting/property destruction")
    if scene.protest and not scene.armed_victims and (actor_sector in _STATE or recipient_sector == "CIV"):
        return _pair("Protests", "Excessive force against protesters")
    if mode in _CIVILIAN_SUB:
        return _pair("Violence against civilians", _CIVILIAN_SUB[mode or ""])
    if territorial:
        if not scene.fighting and not forced:  # "took control of the town after the peacekeepers left"
            return _pair("Strategic developments", "Non-violent transfer of territory")
        if actor_sector in _STATE or (actor_sector is None and scene.regained and recipient_sector not in _STATE):
            return _pair("Battles", "Government regains territory")  # ("the SNA retook X from Al Shabaab")
        if actor_sector is not None or recipient_sector in _STATE:
            return _pair("Battles", "Non-state actor overtakes territory")
        return _pair("Battles", "Armed clash")
    armed_target = not scene.disarmed and (recipient_sector in _ARMED or scene.armed_victims or scene.clash)
    if not armed_target and (recipient_sector in _CIVILIAN_SECTORS or scene.civilian_victims or scene.disarmed):
        return _pair("Violence against civilians", "Attack")
    if mode in {"beat", "torture", "targeted", "primitive"} and not armed_target:
        return _pair("Violence against civilians", "Attack")
    return _pair("Battles", "Armed clash")


_SHELLS = {"artillery", "mortar", "mlrs", "rocket", "missile"}
_SMALL_ARMS = {"small-arms", "sniper-rifle", "machine-gun", "grenade"}
_AIRCRAFT_CLASSES = {"aircraft", "helicopter"}
_GROUND_FIRE_CLASSES = {"artillery", "mortar", "mlrs", "rocket", "missile", "tank", "armored-vehicle"}


def _named_means(mode: str | None, weapons: list[str]) -> str | None:
    """The mode of a verb of heavy fire ("pounded", "fired rounds") told by the only weapons the
    sentence names: aircraft strike from the air ("warplanes pounded targets": aerial),
    small arms shoot ("fired live rounds into the crowd": firearms); otherwise `mode`."""
    named = set(weapons)
    if mode != "heavy-weapons" or not named or named & _GROUND_FIRE_CLASSES:
        return mode
    if named & _AIRCRAFT_CLASSES:
        return "aerial"
    return "firearms" if named <= {"small-arms", "sniper-rifle"} else mode


# ACLED's sub-event types under their event type (ACLED codebook 2023): a sub-type names its type.
ACLED_SUB_TYPES: dict[str, str] = {
    **dict.fromkeys(("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
                    "Battles"),
    **dict.fromkeys(("Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                     "Remote explosive/landmine/IED", "Grenade"), "Explosions/Remote violence"),
    **dict.fromkeys(("Sexual violence", "Attack", "Abduction/forced disappearance"), "Violence against civilians"),
    **dict.fromkeys(("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
                    "Protests"),
    **dict.fromkeys(("Violent demonstration", "Mob violence"), "Riots"),
    **dict.fromkeys(("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                     "Headquarters or base established", "Looting/property destruction",
                     "Non-violent transfer of territory", "Other"), "Strategic developments"),
}
# The ACLED sub-types a PLOVER type can be coded as when the reading of its sentence says so: an
# act of force can be any violent or coercive sub-type (a raid that arrests, drones shot down), a
# protest a protest or riot, a troop move or pull-out a strategic development of that kind. Types
# not listed (speech, consultation, aid...) keep the crosswalk's pair.
_NON_VIOLENT_SUBS = {"Peaceful protest", "Agreement", "Headquarters or base established",
                     "Change to group/activity", "Non-violent transfer of territory", "Other"}
_FORCE_SUBS = frozenset(set(ACLED_SUB_TYPES) - _NON_VIOLENT_SUBS)
READABLE_SUBS: dict[str, frozenset[str]] = {
    "ASSAULT": _FORCE_SUBS,
    "COERCE": frozenset(set(ACLED_SUB_TYPES) - {"Agreement", "Peaceful protest"}),
    "PROTEST": frozenset(s for s, t in ACLED_SUB_TYPES.items() if t in {"Protests", "Riots"}),
    "MOBILIZE": frozenset({"Change to group/activity", "Headquarters or base established",
                           "Non-violent transfer of territory", "Other"}),
    "RETREAT": frozenset({"Agreement", "Non-violent transfer of territory", "Change to group/activity", "Other"}),
    "AGREE": frozenset({"Agreement"}),
}


def cameo_root(etype: str, mode: str | None, actor_sector: str | None, recipient_sector: str | None,
               trigger_lemma: str | None = None) -> str:
    """CAMEO root code ("01".."20") for a PLOVER type and mode."""
    if etype == "ASSAULT":
        # armed forces fighting armed forces, or military means, is CAMEO 19 (fight); the rest 18
        if mode in {"heavy-weapons", "aerial", "drone"} or (
                actor_sector in _ARMED and (recipient_sector in _ARMED or recipient_sector is None)
                and mode not in {"abduct", "sexual", "torture", "beat", "suicide-attack"}):
            return "19"
        return "18"
    if etype == "AGREE" and mode in {"ceasefire", "peace"}:
        return "05"  # sign formal agreement
    if etype == "ACCUSE" and mode == "investigate":
        return "09"
    if etype == "REQUEST" and trigger_lemma in _DEMAND_WORDS:
        return "10"
    return _CAMEO.get(etype, "01")


def _pair(event_type: str, sub: str) -> dict[str, str | None]:
    return {"event_type": event_type, "sub_event_type": sub}


# What an ACLED coder codes a note by: violent and contentious acts before troop moves and deals,
# and those before speech (a note's condemnation or claim is context, not its event).
_NOTE_RANK = {"ASSAULT": 0, "PROTEST": 0, "COERCE": 1, "RETREAT": 2, "MOBILIZE": 2, "AGREE": 3}


# ACLED's own violent and contentious types: a coercion coded as one ("police fired tear gas to
# disperse a protest": a protest with intervention) is as salient as an attack or a protest.
_SALIENT_ACLED = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"}


def main_event(events: list[Event]) -> Event | None:
    """The event an ACLED-style coder would code a short note by: the first asserted event of
    the most salient kind (fighting, violence and protest first, then coercion, moves, deals),
    an event that is only the topic of another (inside its recipient: "protested against military
    operations") after the event it is the topic of."""
    if not events:
        return None
    def rank(pair: tuple[int, Event]) -> tuple[int, int, int, int, int]:
        index, ev = pair
        salience = 0 if ev.acled.event_type in _SALIENT_ACLED else _NOTE_RANK.get(ev.type, 4)
        return (_told_rank(ev), int(_topic_of_another(ev, events) or _intercepted(ev, events)
                                    or _told_as_reason(ev, events)), salience,
                int(_turned_violent(ev, events)), index)
    return min(enumerate(events), key=rank)[1]


# the words that set an act before another in its sentence as what led to it or what it is for
_REASON_BEFORE = re.compile(r"\b(after|following|for|over)\b(\s+[\w'’-]+){0,3}\s*$", re.I)


def _told_as_reason(event: Event, events: list[Event]) -> bool:
    """Whether `event` is told after another act of its sentence as what came before it or what
    it was for ("signed a reconciliation agreement after deadly clashes", "held a vigil for a
    journalist killed in Jenin", "arrested two men over the killing"): the sentence reports the
    other act; this one is its reason."""
    if not _reason_words_before(event):
        return False
    start = event.evidence.start if event.evidence is not None else None
    return any(other is not event and other.evidence is not None and other.evidence.start == start
               and "trigger" in other.evidence.spans and not _reason_words_before(other)
               for other in events)  # ("On 3 May, following an attack on 1 May, troops clashed": before it too)


def _reason_words_before(event: Event) -> bool:
    evidence = event.evidence
    if evidence is None or "trigger" not in evidence.spans:
        return False
    start = evidence.spans["trigger"][0]
    return bool(_REASON_BEFORE.search(evidence.sentence[:max(start - evidence.start, 0)]))


def _intercepted(event: Event, events: list[Event]) -> bool:
    """Whether `event` is the launch of what another event of its sentence stopped ("intercepted
    two rockets fired at Ashkelon", "shot down drones launched by"): its trigger follows right
    after the disruption's recipient. ACLED codes the interception; the launch stays an event."""
    if event.evidence is None or "trigger" not in event.evidence.spans:
        return False
    start = event.evidence.spans["trigger"][0]
    for other in events:
        if other is event or other.evidence is None or other.evidence.start != event.evidence.start:
            continue
        recipient = other.evidence.spans.get("recipient")
        if (other.acled.sub_event_type == "Disrupted weapons use" and recipient
                and 0 <= start - recipient[1] <= 2):
            return True
    return False


def _told_rank(event: Event) -> int:
    """Acts asserted or claimed first (an act others claim is what the report is about:
    "activists accused the army of dropping chlorine", "police said the attacker blew himself
    up"), then the accusing or saying, then acts denied, threatened or planned."""
    if event.status in {"asserted", "claimed"} and event.type in _NOTE_RANK:
        return 0
    return 1 if event.status == "asserted" else 2


def _turned_violent(event: Event, events: list[Event]) -> bool:
    """Whether `event` is a peaceful protest whose sentence also tells a riot ("demonstrators
    blocked the highway and looted shops"): a demonstration that turned violent is a riot in
    ACLED's coding, so the riot leads."""
    if event.acled.sub_event_type != "Peaceful protest" or event.evidence is None:
        return False
    return any(other.acled.event_type == "Riots" and other.evidence is not None
               and other.evidence.start == event.evidence.start for other in events)


def _topic_of_another(event: Event, events: list[Event]) -> bool:
    """Whether `event`'s trigger lies inside another event's recipient in the same sentence: the
    act a protest, a claim or a condemnation is about, not the act the sentence reports."""
    if event.evidence is None or "trigger" not in event.evidence.spans:
        return False
    start, end = event.evidence.spans["trigger"][:2]
    for other in events:
        if other is event or other.evidence is None or other.evidence.start != event.evidence.start:
            continue
        recipient = other.evidence.spans.get("recipient")
        if recipient and recipient[0] <= start and end <= recipient[1]:
            return True
    return False
