"""Frames that change what a trigger word reports: the same noun or verb read differently by the
clause around it (an agreement already in force, a ministry's "subjected ... to fire")."""

from __future__ import annotations

from spacy.tokens import Token

from truce.extract.actors_known import known_organisation
from truce.extract.lexicon import Sense
from truce.extract.negation import false_word


def subjected_to(tok: Token) -> Token | None:
    """"subjected our positions to fire", which the parser often reads as an infinitive ("to fire"
    hung on the positions): the act is the subjecting verb's, whose subject fired on its object."""
    if tok.dep_ not in {"acl", "advcl"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    # ("subjected the positions of the units located in X to fire": hung on a participle inside
    # the object, as its clause)
    for verb in list(tok.ancestors)[:6]:
        if verb.lemma_.lower() == "subject" and verb.pos_ == "VERB":
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            return verb if obj is not None and tok in obj.subtree else None
    return None


# what an agreement already in force does: it holds, lasts, frays or collapses; none of it is an
# agreement made ("the truce appeared to be holding", "the ceasefire collapsed on Thursday")
_AGREEMENT_STATE = frozenset({"hold", "last", "survive", "collapse", "fail", "falter", "crumble", "fray",
                              "unravel", "break", "expire", "lapse", "remain", "appear", "seem", "endure",
                              "stick", "stand", "teeter", "wobble", "shatter"})


def agreement_in_force(tok: Token, senses: tuple[Sense, ...]) -> bool:
    """An agreement noun whose clause tells the state of an agreement already made, not its making."""
    if tok.dep_ not in {"nsubj", "nsubjpass"} or not all(s.type == "AGREE" for s in senses):
        return False
    verb = tok.head
    while verb.lemma_.lower() in {"appear", "seem", "continue", "remain", "begin"} and any(
            c.dep_ == "xcomp" for c in verb.children):
        verb = next(c for c in verb.children if c.dep_ == "xcomp")  # "appeared to be holding"
    return verb.lemma_.lower() in _AGREEMENT_STATE


_AGREEMENT_NOUNS = frozenset({"agreement", "accord", "ceasefire", "cease-fire", "truce", "deal", "treaty", "armistice",
                              "arrangement", "package", "protocol", "memorandum", "resolution"})
# "in violation of the agreements", "in accordance with the accord", "according to the truce": the
# noun these take an agreement under cites it
_CITING = {"of": frozenset({"violation", "breach", "provision", "term", "spirit", "letter", "contravention"}),
           "with": frozenset({"accordance", "line", "compliance", "keeping", "conformity"}),
           "to": frozenset({"according", "pursuant", "contrary", "due"})}


def agreement_cited(tok: Token, senses: tuple[Sense, ...]) -> bool:
    """An agreement noun cited as the rule an act is judged by, not made: "weapons banned by the
    Minsk agreements", "under the 2020 ceasefire", "in violation of the accord"."""
    if tok.dep_ != "pobj" or not all(s.type == "AGREE" for s in senses):
        return False
    prep = tok.head
    word = prep.lower_
    if prep.dep_ == "agent" or word in {"under", "per"}:
        return True
    return word in _CITING and prep.head.lemma_.lower() in _CITING[word]


def ruled_by_agreement(verb: Token) -> bool:
    """"which are banned by the Minsk agreements", "prohibited under the truce": an agreement's
    rule, not an act of force by anyone."""
    for child in verb.children:
        citing = child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in {"under", "per"})
        if citing and any(g.dep_ == "pobj" and g.lemma_.lower() in _AGREEMENT_NOUNS for g in child.children):
            return verb.tag_ == "VBN"
    return False


# machines that fly: a UAV "flying near Debaltseve" or a drone "prevented from flying" travels to
# meet no one
_FLYING_MACHINES = frozenset({"uav", "uavs", "drone", "drones", "aircraft", "helicopter", "helicopters", "plane",
                              "planes", "jet", "jets", "warplane", "warplanes", "mini-uav", "quadcopter"})


def machine_flying(verb: Token) -> bool:
    """"An SMM mini-UAV flying near Staromykhailivka", "the drone was prevented from flying": a
    machine flies; no visit (the sense of "the minister flew to Kyiv")."""
    if verb.lemma_.lower() != "fly":
        return False
    node = verb
    for _ in range(3):
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if node.dep_ == "acl":
            subjects.append(node.head)
        if any(t.lower_ in _FLYING_MACHINES or t.lower_.endswith("-uav") for s in subjects for t in s.subtree):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


# an office named after what it runs: "the directors general of military operations", "the head
# of the counter-terrorism operation", "the chief of air operations"
_OFFICES = frozenset({"director", "directorate", "head", "chief", "commander", "department", "officer", "deputy",
                      "minister", "ministry", "directors", "heads", "chiefs", "commanders", "centre", "center",
                      "general", "headquarters", "staff"})


def office_title(tok: Token) -> bool:
    """The noun names the business of an office or its holder ("directors general of military
    operations"), not an act."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in _OFFICES


# what is fired to light, signal or warn, not to hit: "fired flares", "launched illumination rounds"
_SIGNALS = frozenset({"flare", "flares", "illumination", "smoke", "firework", "fireworks", "tracer", "tracers"})


def signal_fire(verb: Token) -> bool:
    """"Israeli troops fired flares and warning shots near the Blue Line": every thing fired lights
    or warns (warning shots are a threat, read on their own), so the firing hits no one."""
    if verb.lemma_.lower() not in {"fire", "launch", "shoot"}:
        return False
    objects = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    def signals(o: Token) -> bool:
        words = {o.lemma_.lower(), o.lower_} | {c.lower_ for c in o.children if c.dep_ in {"compound", "amod"}}
        return bool(words & _SIGNALS) or (o.lemma_.lower() == "shot" and "warning" in words)
    return bool(objects) and all(signals(o) for o in objects)


# "the ceasefire is not enough", "called the offer unacceptable": judging a proposal wanting rejects it
_WANTING = {"insufficient", "unacceptable", "inadequate", "meaningless", "worthless", "useless"}
_PROPOSALS = {"ceasefire", "truce", "offer", "proposal", "plan", "deal", "agreement", "initiative", "concession",
              "pledge", "promise", "resolution", "measure", "step", "withdrawal", "gesture", "cease-fire"}


def wanting(tok: Token) -> bool:
    """"the ceasefire is not enough", "the offer was unacceptable": a proposal judged wanting."""
    if tok.dep_ not in {"acomp", "attr"} or tok.head.lemma_.lower() != "be":
        return False
    lemma = tok.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in tok.head.children) or any(c.dep_ == "neg" for c in tok.children)
    if not (lemma in _WANTING or (lemma == "enough" and negated)):
        return False
    subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in _PROPOSALS


def lying(tok: Token) -> bool:
    """"those who blame us are lying", "he lied about the strike": calling a claim a lie."""
    if tok.lemma_.lower() != "lie" or tok.pos_ != "VERB" or tok.tag_ not in {"VBG", "VBD"}:
        return False
    if any(c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ not in {"about", "to", "like"}) for c in tok.children):
        return False  # "lying in ruins", "lay down": a place or a posture
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ in {"PRON", "PROPN", "NOUN"} for c in tok.children)


# who takes a place that falls: armed men, named by what they are ("fell to the rebels", "fell into
# the hands of the militants"); a known armed group is one too ("fell to the Taliban")
_TAKERS = frozenset({"rebel", "militant", "force", "troop", "army", "fighter", "jihadist", "insurgent", "militia",
                     "separatist", "soldier", "gunman", "extremist", "islamist", "junta", "guerrilla", "paramilitary"})
_ARMED_SECTORS = frozenset({"REB", "MIL", "UAF"})


def fallen_to(tok: Token) -> Token | None:
    """The taker of a place that "fell to" armed men ("The town fell to rebels on Monday", "the
    base fell into the hands of the militants"): the place changed hands by force, and the taker
    is the actor, not the subject that fell. None for every other fall ("prices fell to", "the toll
    fell to 12", "fell to his death")."""
    if tok.lemma_.lower() != "fall" or tok.pos_ not in {"VERB", "AUX"}:
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"to", "into"}):
        taker = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if taker is not None and taker.lemma_.lower() in {"hand", "hands"}:
            of = next((c for c in taker.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            taker = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if taker is not None and _armed(taker):
            return taker
    return None


def _armed(tok: Token) -> bool:
    if tok.lemma_.lower() in _TAKERS or tok.lower_ in _TAKERS:
        return True
    known = known_organisation(list(tok.subtree), tok)
    return known is not None and known.sector in _ARMED_SECTORS


def armed_fire(tok: Token) -> bool:
    """Armed men who fired or shot with no object told ("the rebels said the army had fired first",
    "troops shot back"): their firing is the act; a company that fired (its staff) is none."""
    return tok.lemma_.lower() in {"fire", "shoot"} and any(
        c.dep_ == "nsubj" and (c.lemma_.lower() in _TAKERS or c.lower_ in _TAKERS or c.lemma_.lower() == "police")
        for c in tok.children)


# weapons and blows that, aimed "on" a target, name an attack ("a strike on a school", "fire on the
# convoy", "rockets on Sderot"); a war on drugs or a strike on Monday does not
_AIMED = frozenset({"strike", "fire", "rocket", "missile", "drone", "bomb", "mortar", "shell", "artillery"})


def aimed_at(noun: Token) -> bool:
    """A weak noun of force with an "on" phrase naming what it hit, not when."""
    return noun.lemma_.lower() in _AIMED and any(
        c.dep_ == "prep" and c.lower_ == "on" and any(
            g.dep_ == "pobj" and g.ent_type_ not in {"DATE", "TIME"} and g.pos_ in {"NOUN", "PROPN"}
            for g in c.children) for c in noun.children)


# verbs that name what a claim is ("called the report fabricated", "described the accusations as
# lies", "dismissed the charges as baseless", "branded them propaganda")
_NAMING = frozenset({"call", "describe", "dismiss", "brand", "label", "term", "denounce"})
_TOLD = frozenset({"report", "reports", "claim", "claims", "accusation", "accusations", "allegation", "allegations",
                   "charge", "charges", "statement", "statements", "information", "it", "them", "this", "that"})


def called_untrue(verb: Token) -> bool:
    """A claim named untrue by the verb's subject ("Moscow called the report fabricated"): the
    subject rejects it (PLOVER REJECT), whatever "call" means elsewhere (a phone call)."""
    if verb.lemma_.lower() not in _NAMING or verb.pos_ != "VERB":
        return False
    told = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}
                 and (c.lower_ in _TOLD or c.lemma_.lower() in _TOLD)), None)
    return told is not None and any(false_word(t) for t in verb.subtree if t.i > told.i)
