"""Who the monitors are in a sentence: the mission, its members, patrols and sensors
(truce.extract.monitor reads their observations; monitor_assets what is fired at them)."""

from __future__ import annotations

from spacy.tokens import Token

# who observes: the mission, its members, patrols and sensors
MONITOR_WORDS = frozenset({"smm", "mission", "monitor", "monitors", "observer", "observers", "patrol", "patrols",
                           "camera", "cameras", "team", "teams", "members", "osce", "unmo", "unmogip", "unifil",
                           "minusma", "monusco", "monitoring", "peacekeeper", "peacekeepers", "peacekeeping",
                           "undof", "untso", "unmiss", "unisfa", "minusca", "minurso", "eumm", "unmik",
                           "unamid", "unmis", "unmil", "unoci", "unmee", "jmc", "ctsamvm"})
SENSORS = {"camera": "camera", "cameras": "camera", "uav": "uav", "uavs": "uav", "drone": "uav"}
# a pronoun subject of a verb of observation taking an observed thing ("In Luhansk region, it
# recorded 52 ceasefire violations"): in a report's run of observations it is the mission
PRONOUNS = frozenset({"it", "they", "we"})


def is_monitor(tok: Token) -> bool:
    if tok.lower_ in PRONOUNS:
        return True
    words = {t.lower_ for t in tok.subtree if t.i <= tok.i} | {tok.lemma_.lower()}
    return bool(words & MONITOR_WORDS)


def names_mission(text: str) -> bool:
    return bool({w.strip(".,'’").lower() for w in text.replace("-", " ").split()} & MONITOR_WORDS)
