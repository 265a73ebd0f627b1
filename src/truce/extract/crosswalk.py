"""Crosswalk from PLOVER type + mode (+ actors' sectors) to ACLED event/sub-event types and CAMEO
root codes. Rules, not a model: each line below is a defensible mapping (version
`truce.extract.crosswalk.v2`).
"""

from __future__ import annotations

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


def acled(etype: str, mode: str | None, actor_sector: str | None, recipient_sector: str | None,
          weapons: list[str] | None = None, territorial: bool = False) -> dict[str, str | None]:
    """ACLED event_type and sub_event_type for one event."""
    weapons = weapons or []
    if etype == "ASSAULT":
        if mode == "destroy":
            return _pair("Strategic developments", "Looting/property destruction")
        if mode in _REMOTE:
            return _pair("Explosions/Remote violence", _REMOTE[mode])
        if "grenade" in weapons:
            return _pair("Explosions/Remote violence", "Grenade")
        if recipient_sector in {"CIV", "MED", "REL", "EDU"} or mode in _CIVILIAN_SUB:
            return _pair("Violence against civilians", _CIVILIAN_SUB.get(mode or "", "Attack"))
        if territorial:
            if actor_sector in {"REB"}:
                return _pair("Battles", "Non-state actor overtakes territory")
            return _pair("Battles", "Government regains territory")
        if mode in {"beat", "torture", "targeted", "primitive"} and recipient_sector not in _ARMED:
            return _pair("Violence against civilians", "Attack")
        return _pair("Battles", "Armed clash")
    if etype == "PROTEST":
        if mode == "riot":
            return _pair("Riots", "Violent demonstration")
        return _pair("Protests", "Peaceful protest")
    if etype == "COERCE":
        if mode == "crowd-control":
            return _pair("Protests", "Excessive force against protesters")
        if mode == "arrest":
            return _pair("Strategic developments", "Arrests")
        if mode in {"seize", "destroy"}:
            return _pair("Strategic developments", "Looting/property destruction")
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
