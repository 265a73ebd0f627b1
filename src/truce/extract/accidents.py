"""Harm with no one behind it: deaths and damage a disaster or an accident caused are no attack.

"Five people are killed as a small plane crashes", "floods killing 10 people", "a train derailment
kills two", "an earthquake strikes the province", "the chemical plant explodes": the words of harm
are the words of an attack, but nothing in the sentence did it on purpose, and a monitor counting
them as violence would report ceasefire violations that no party committed. A trigger of force is
accidental when its cause, read from the parse, is a natural hazard, a mishap word, or a vehicle
or facility doing what machines do when they fail — and no person or armed group is its agent.

Where the cause is open ("an explosion in the city kills eleven") the trigger stays: a blast with
no stated cause may be a bomb, and the reviewer decides.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

# Natural hazards and mishaps: the thing that killed, when it is the subject or the "in/after/from"
# of the harm ("killed in a crash", "injured after an earthquake", "as a result of floods").
HAZARDS = frozenset({
    "accident", "crash", "collision", "pile-up", "derailment", "mishap", "capsizing", "sinking",
    "flood", "flooding", "floodwater", "deluge", "rain", "rainfall", "downpour", "monsoon", "storm",
    "thunderstorm", "lightning", "snowstorm", "blizzard", "avalanche", "landslide", "landslip",
    "mudslide", "earthquake", "quake", "tremor", "aftershock", "tsunami", "eruption", "volcano",
    "typhoon", "cyclone", "hurricane", "tornado", "heatwave", "heat", "cold", "drought", "wildfire",
    "bushfire", "blaze", "fire", "inferno", "stampede", "crush", "collapse", "cave-in", "meteor",
    "meteorite", "bolide", "fireball", "outbreak", "epidemic", "cholera", "disease", "illness",
    "leak", "spill", "electrocution", "drowning", "wind",
})
# Machines and buildings that crash, sink, derail or blow up by failing.
VEHICLES = frozenset({
    "bus", "minibus", "coach", "car", "truck", "lorry", "tanker", "van", "vehicle", "train",
    "tram", "plane", "aircraft", "airliner", "jet", "floatplane", "helicopter", "boat", "ship",
    "ferry", "vessel", "dinghy", "canoe", "motorcycle", "taxi", "tractor",
})
# What blows up or burns by failing (a vehicle that explodes may be a car bomb: not listed).
FACILITIES = frozenset({"plant", "factory", "refinery", "warehouse", "pipeline", "boiler", "cylinder",
                        "reactor", "tanker"})
# What falls down.
STRUCTURES = frozenset({"building", "house", "home", "bridge", "crane", "dam", "tower", "roof", "wall",
                        "stage", "scaffolding", "structure", "mine", "tunnel", "stand", "ceiling"})
# What goes wrong with a vehicle, and with a structure.
VEHICLE_MISHAPS = frozenset({"crash", "collide", "derail", "veer", "swerve", "overturn", "capsize",
                             "sink", "plunge", "skid"})
STRUCTURE_MISHAPS = frozenset({"collapse", "cave", "topple", "burst", "give"})
# Words of force: a clause with one of these tells an attack, whatever else went wrong in it
# ("the building collapsed after an airstrike", "a drone crashed into the block").
FORCE_WORDS = frozenset({"attack", "strike", "airstrike", "air-strike", "shelling", "shell", "bombing",
                         "bomb", "missile", "rocket", "drone", "uav", "mortar", "artillery", "grenade",
                         "gunman", "militant", "rebel", "troop", "soldier", "sniper", "shot", "gunfire",
                         "shooting", "ied", "munition", "projectile", "debris", "raid", "assault",
                         "offensive", "fighting", "clash", "suicide", "arson", "arsonist"})
# A blast is industrial when its own words say so ("a gas explosion", "explosions involving propane").
INDUSTRIAL = frozenset({"gas", "propane", "methane", "chemical", "factory", "plant", "boiler",
                        "cylinder", "firework", "fireworks", "refinery", "pipeline", "tanker", "fuel",
                        "industrial", "warehouse", "dust"})
BLASTS = frozenset({"explosion", "blast", "explode", "fire", "blaze"})
# "fire" of a weapon or of a party is shooting, never a hazard.
_FIRE_OF_FORCE = frozenset({"artillery", "mortar", "sniper", "gun", "gunfire", "tank", "rocket",
                            "machine-gun", "small-arms", "arm", "enemy", "hostile", "rebel",
                            "militant", "army", "troop", "force", "cross-border", "automatic", "heavy",
                            "sustained", "live", "return", "friendly", "anti-aircraft", "shell",
                            "government", "regime", "police", "security", "military", "separatist",
                            "insurgent", "jihadist", "opposition", "retaliatory", "counter-battery"})
_FORCE_VERBS = frozenset({"open", "exchange", "return", "come", "draw", "trade", "cease", "hold", "set"})
_CAUSE_PREPS = frozenset({"in", "after", "from", "by", "during", "following", "amid", "due", "of"})
_CLAUSE_DEPS = frozenset({"advcl", "conj", "xcomp", "acl", "relcl"})
_UNDERGONE = frozenset({"die", "perish", "drown", "succumb", "suffer"})  # verbs whose subject is the victim
_PARTY_ENTS = frozenset({"NORP", "ORG"})  # "Russian fire", "Hamas fire"


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _fire_of_force(tok: Token) -> bool:
    """'artillery fire', 'Russian fire', 'opened fire': fire that is shooting (a party named with
    the fire, not a name of the fire itself: 'the Butte Fire')."""
    if tok.head.i != tok.i and _lemma(tok.head) in _FORCE_VERBS:
        return True
    return any(c.dep_ in {"compound", "amod", "poss", "nmod"} and
               (_lemma(c) in _FIRE_OF_FORCE or (c.ent_type_ in _PARTY_ENTS and c.ent_type_ != tok.ent_type_))
               for c in tok.children)


def is_hazard(tok: Token) -> bool:
    """A noun naming a hazard or mishap (its own word, or a compound of one: 'train derailment',
    'Typhoon Dujuan', 'crane collapse')."""
    words = [tok, *(c for c in tok.children if c.dep_ == "compound")]
    for word in words:
        lemma = _lemma(word)
        if lemma in HAZARDS and not (lemma in {"fire", "blaze"} and _fire_of_force(tok)):
            return True
    return _industrial_blast(tok)


def _industrial_blast(tok: Token) -> bool:
    if _lemma(tok) not in BLASTS:
        return False
    return any(_lemma(t) in INDUSTRIAL for t in tok.subtree if t.i != tok.i)


def _machine(tok: Token) -> bool:
    lemma = _lemma(tok)
    return lemma in VEHICLES or lemma in FACILITIES


def _of_force(tok: Token) -> bool:
    """Does the clause under `tok` name a weapon, a fighter or an attack? Its own verb aside, and
    a verb of force whose doer is a hazard ('struck by lightning')."""
    for t in tok.subtree:
        if t.i == tok.i or (_lemma(t) not in FORCE_WORDS and t.lower_ not in FORCE_WORDS):
            continue
        if t.pos_ in {"VERB", "AUX"} and any(is_hazard(s) for s in _subjects(t)):
            continue
        return True
    return False


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects; a 'compound' before a root the small model misread ('a fertiliser
    factory explodes' parsed as one noun phrase) counts as one."""
    found = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    found += [c for prep in verb.children if prep.dep_ == "agent" for c in prep.children if c.dep_ == "pobj"]
    if not found and verb.dep_ == "ROOT":
        found = [c for c in verb.children if c.dep_ == "compound" and c.i < verb.i]
    return found


def _agent_nouns(verb: Token) -> list[Token]:
    """The verb's doers: its active subject (not of 'die': who dies is the victim), or the object
    of its passive 'by'."""
    found = [] if _lemma(verb) in _UNDERGONE else [c for c in verb.children if c.dep_ == "nsubj"]
    for prep in verb.children:
        if prep.dep_ == "agent":
            found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def mishap_clause(verb: Token) -> bool:
    """A clause telling a mishap: 'the plane crashes', 'a tanker veers off the road and explodes',
    'the chemical plant explodes', 'an earthquake strikes', 'involved in a collision'."""
    if _of_force(verb):
        return False
    lemma = _lemma(verb)
    subjects = _subjects(verb)
    if lemma in VEHICLE_MISHAPS and not any(s.ent_type_ in {"PERSON", "NORP"} for s in subjects):
        return True
    if lemma in STRUCTURE_MISHAPS and subjects and all(_lemma(s) in STRUCTURES for s in subjects):
        return True
    if any(is_hazard(s) for s in subjects):
        return True
    if lemma in {"explode", "burn", "blow", "ignite"} and subjects and all(
            _lemma(s) in FACILITIES for s in subjects):
        return True
    return _cause_prep(verb)


def _cause_prep(verb: Token) -> bool:
    """'killed in a crash', 'injured after an earthquake', 'as a result of floods', 'due to heat'."""
    for prep in verb.children:
        if prep.dep_ not in {"prep", "agent"}:
            continue
        if _lemma(prep) in _CAUSE_PREPS or prep.lower_ == "as":
            for noun in _objects_of(prep):
                if is_hazard(noun) or (noun.pos_ in {"VERB", "AUX"} and mishap_clause(noun)):
                    return True  # "after an earthquake", "after being struck by lightning"
    return False


def _objects_of(prep: Token) -> Iterable[Token]:
    """The nouns a preposition governs, through 'as a result of', 'because of', 'due to' and 'and'."""
    for child in prep.children:
        if child.dep_ in {"pobj", "pcomp"}:
            yield child
            yield from (c for c in child.conjuncts)
            for inner in child.children:
                if inner.dep_ == "prep":
                    yield from _objects_of(inner)
        elif child.dep_ in {"prep", "pcomp"}:
            yield from _objects_of(child)


def _under_mishap(tok: Token) -> bool:
    for ancestor in tok.ancestors:
        if _lemma(ancestor) in FORCE_WORDS:
            return False
        if ancestor.pos_ in {"NOUN", "PROPN"} and is_hazard(ancestor):
            return True
        if ancestor.pos_ in {"VERB", "AUX"} and mishap_clause(ancestor):
            return True
    return False


_MISHAP_WINDOW = 5  # tokens between a vehicle and what happened to it


def _mishap_sentence(tok: Token) -> bool:
    """A sentence with no word of force that tells a vehicle or structure coming to grief, however
    the parser tagged the verb ('a boat with migrants sinks off the coast killing 15', where the
    small model reads 'sinks' as a noun)."""
    sent = tok.sent
    if any(_lemma(t) in FORCE_WORDS or t.lower_ in FORCE_WORDS for t in sent):
        return False
    for word in sent:
        lemma = _lemma(word)
        if lemma not in VEHICLE_MISHAPS and lemma not in STRUCTURE_MISHAPS:
            continue
        before = sent.doc[max(sent.start, word.i - _MISHAP_WINDOW):word.i]
        if any(_lemma(t) in VEHICLES or _lemma(t) in STRUCTURES for t in before):
            return True
    return False


def accidental(tok: Token) -> bool:
    """Is the harm `tok` names (a verb or noun of force) caused by a hazard or a mishap, with no
    person or armed group as its agent? See the module docstring."""
    if tok.pos_ in {"NOUN", "PROPN"}:
        return (is_hazard(tok) and not _of_force(tok)) or _mishap_sentence(tok)
    agents = _agent_nouns(tok)
    if agents and not all(is_hazard(a) or _machine(a) for a in agents):
        return False  # someone did it: "gunmen killed five in the blaze"
    if any(_lemma(o) in FORCE_WORDS and o.pos_ in {"NOUN", "PROPN"} for prep in tok.children
           if prep.dep_ in {"prep", "agent"} for o in _objects_of(prep)):
        return False  # "killed in the shelling", whatever else the sentence tells
    if mishap_clause(tok) or any(is_hazard(a) for a in agents):
        return True
    if agents and all(_lemma(a) in VEHICLES for a in agents) and any(
            _lemma(c) in VEHICLES for c in tok.children if c.dep_ in {"nsubjpass", "dobj"}):
        return True  # "a school bus is struck by another vehicle"
    # the harm under the mishap: "floods killing 10", "the plane crashes, killing three",
    # "a crane collapse at the mosque killing 107"
    if tok.dep_ in _CLAUSE_DEPS and _under_mishap(tok):
        return True
    if _mishap_sentence(tok):
        return True
    # or the mishap as a clause of the harm: "killed as a small plane crashes", "injured when a bus
    # and four trucks are involved in a collision", "killed after a tanker veers off the road"
    # ("three die and 27 are injured after a crash": the cause is shared by the joined verbs)
    return any(c.dep_ == "advcl" and c.pos_ in {"VERB", "AUX"} and
               (mishap_clause(c) or any(mishap_clause(g) for g in c.conjuncts))
               for verb in (tok, *tok.conjuncts) for c in verb.children)
