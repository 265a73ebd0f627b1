"""An attack's means or time read as its doer, taken back.

"Missiles hit Kyiv", "an IED killed two soldiers", "a woman was injured by shrapnel": the subject
(or by-phrase) names what hit, and the parse makes it the actor; "the attack on a camp on Friday,
which killed 15" can even make the day the actor. Neither says who did it. The claims pass reads a
weapon subject first ("shells hit our hospital, blaming Russian forces" -> the side blamed), so this
runs on the report's finished events, after it: an ASSAULT whose actor has no country and no sector
and whose words name only a weapon, a munition or a time keeps no actor (its weapons stay). A weapon
with a side ("Russian drones", "Houthi missiles") still names the side and is kept.
"""

from __future__ import annotations

from truce.model import Event

# munitions and weapons as the last word of a subject (not truce.extract.weapons' table, which also
# names weapons that are people: "a sniper killed two"); a weapon with a maker's side has a country
_MEANS = frozenset({
    "missile", "rocket", "shell", "mortar", "round", "bullet", "shrapnel", "fragment", "projectile",
    "drone", "uav", "bomb", "ied", "mine", "landmine", "grenade", "explosive", "device", "artillery",
    "shelling", "gunfire", "fire", "blast", "explosion", "airstrike", "strike", "barrage", "munition",
    "warhead", "interceptor", "debris", "rpg", "katyusha", "grad"})
_TIMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                    "yesterday", "today", "tonight", "morning", "evening", "night", "overnight", "dawn"})
# words before the means that name no party ("two cruise missiles"); a means word may also stand there
_FILLERS = frozenset({"a", "an", "the", "two", "three", "several", "many", "dozens", "of", "one", "stray",
                      "guided", "cruise", "ballistic", "improvised", "roadside", "car", "heavy", "kamikaze",
                      "suicide", "unidentified", "unmanned", "aerial", "loitering", "anti-tank",
                      "anti-personnel", "cluster"})


def _singular(word: str) -> str:
    word = word.lower().strip(".,;:'’\"")
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def names_means(text: str) -> bool:
    """True when a phrase names only a weapon, a munition or a time ("two cruise missiles",
    "shrapnel", "Friday"), no party."""
    words = [_singular(w) for w in text.replace("-", " - ").split() if w != "-"]
    if not words:
        return False
    head = words[-1]
    if head in _TIMES and len(words) <= 2:
        return True
    return head in _MEANS and all(w in _FILLERS or w in _MEANS or w.isdigit() for w in words[:-1])


def drop_means_actors(events: list[Event]) -> None:
    """Take back an ASSAULT's actor that names only its means or its time (module docstring)."""
    for event in events:
        actor = event.actor
        if event.type != "ASSAULT" or actor is None or actor.country is not None or actor.sector is not None:
            continue
        if names_means(actor.text):
            event.actor = None
            if event.evidence is not None:
                event.evidence.spans.pop("actor", None)
