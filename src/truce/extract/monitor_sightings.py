"""What the monitors can see standing: weapon systems by class, and armed people (truce.extract.monitor
reads a sighting of them as a MOBILIZE, never as fire)."""

from __future__ import annotations

from spacy.tokens import Token

from truce.extract import casualties as cas

# weapons the monitors can see standing (a sighting, not fire): weapon classes of systems, as
# casualties.weapons names them; a projectile ("three rockets") is fire and stays in OBSERVED
_SIGHTED_CLASSES = frozenset({"artillery", "mlrs", "tank", "armored-vehicle", "mortar", "air-defence"})
# air-defence systems seen standing ("a surface-to-air missile system (9K35 Strela-10)", "an
# anti-aircraft gun (ZU-23)"): the words that make a system, gun or launcher one
_AIR_DEFENCE = frozenset({"surface-to-air", "anti-aircraft", "air-defence", "air-defense", "sam", "aircraft", "air"})
_SYSTEM_HEADS = frozenset({"system", "gun", "launcher", "complex", "cannon", "installation", "mount"})
_FIGHTERS = frozenset({"soldier", "troop", "fighter", "militant", "gunman", "combatant", "serviceman",
                       "militiaman", "servicemen", "gunmen", "militiamen"})
_PEOPLE = frozenset({"man", "men", "group", "person", "people", "individual", "personnel"})


def sighted_class(noun: Token) -> str | None:
    """The weapon class of a weapon system the noun names ("two self-propelled howitzers" ->
    artillery, "a multiple rocket launcher" -> mlrs), or None (a projectile, or no weapon)."""
    words = list(noun.doc[noun.left_edge.i: noun.i + 1])
    lowered = {t.lower_ for t in words}
    if lowered & _AIR_DEFENCE and noun.lemma_.lower() in _SYSTEM_HEADS:
        return "air-defence"  # "a surface-to-air missile system", "an anti-aircraft gun"
    # "anti-tank mines": the weapon a word is against is not the thing seen
    doc = noun.doc
    against = {t.i + 2 for t in words if t.lower_ == "anti" and t.i + 1 < len(doc) and doc[t.i + 1].text == "-"}
    kept = [t for t in words if t.i not in against and t.lower_ != "anti"]
    if not kept:
        return None
    head = noun.doc[kept[0].i: noun.i + 1] if len(kept) == len(words) else None
    found = [w for w in cas.weapons(head) if w in _SIGHTED_CLASSES] if head is not None else \
        [w for t in kept for w in cas.weapons(noun.doc[t.i: t.i + 1]) if w in _SIGHTED_CLASSES]
    return found[-1] if found else None


def armed_people(noun: Token) -> bool:
    """Armed people the monitors saw ("a group of armed men", "about 20 soldiers"): a presence, no fire."""
    lemma = noun.lemma_.lower()
    if lemma in _FIGHTERS:
        return True
    words = {t.lower_ for t in noun.subtree}
    return lemma in _PEOPLE and bool(words & {"armed", "uniformed", "masked"})
