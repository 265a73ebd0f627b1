"""Shapes of violent acts whose doer is not the clause's subject, read from the dependency tree.

- Suffered acts: "the school took a direct hit from an Israeli tank, killing 30", "the convoy came
  under fire from rebels", "the town suffered shelling from Russian artillery": the "from" phrase
  names the attacker and the subject was hit.
- Acts carried out by someone: "the attack, reportedly carried out by the Taliban", "the raid,
  conducted by government troops, killed three": the participle's agent is the doer.
- Fighting between two sides: "fighting broke out between X and Y", where the phrase may hang on
  the verb the noun is subject of: X and Y fought each other.
- A pronoun doer of what a speaker says is the speaker: "the Rwandan military said it had
  exercised restraint", "the Houthis said they had shot down a drone".
"""

from __future__ import annotations

from spacy.tokens import Token

from truce.extract.actors import country_of
from truce.extract.lexicon import load_lexicon
from truce.extract.subjects import child_by, doing_participle

_NOT_ACTORS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
# verbs whose subject undergoes the act: the victim, never its doer
UNDERGONE = frozenset({"die", "perish", "succumb", "drown"})
# verbs whose subject undergoes the act its object or "under" phrase names ("took a direct hit
# from a tank", "came under fire from rebels", "suffered shelling from the army")
_SUFFERING_VERBS = {"take", "receive", "suffer", "sustain", "come", "face", "endure"}


# verbs whose subject is under the act their "under" phrase names ("Kharkiv is under attack")
_UNDER_VERBS = _SUFFERING_VERBS | {"be", "remain", "stay", "fall"}


# what a subject takes, receives or faces when it is hit ("took fire", "received a direct hit"); what
# it "takes" otherwise is its own act ("took retaliatory measures")
_HITS = frozenset({"hit", "blow", "fire", "shelling", "bombardment", "barrage", "strike", "strikes"})
# verbs whose object is always something undergone ("suffered shelling", "sustained heavy fire")
_UNDERGOING = frozenset({"suffer", "sustain", "endure"})


def suffered_noun(verb: Token, trigger: Token | None = None) -> Token | None:
    """The attack a verb's subject underwent: its "under" phrase ("came under fire", "came under
    shelling", "is under attack") or its object where that is a hit taken or an attack from someone
    ("took a direct hit", "suffered shelling", "faced attacks from militants"); the `trigger`, when
    one is given (a trigger names an attack whatever the lexicon's nouns say)."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "under" and lemma in _UNDER_VERBS:
            noun = child_by(child, {"pobj", "pcomp"})
        elif child.dep_ == "dobj" and lemma in _SUFFERING_VERBS and (
                lemma in _UNDERGOING or child.lemma_.lower() in _HITS or _from_phrase(child, verb) is not None):
            noun = child
        else:
            continue
        if noun is not None and (noun.i == trigger.i if trigger is not None else (
                noun.lemma_.lower() in _HITS or noun.lower_ == "shelling" or _names_assault(noun))):
            return noun
    return None


def suffered_act(noun: Token) -> tuple[Token | None, Token] | None:
    """The attacker, if named, and the victim of an act the clause's subject underwent: "the convoy
    came under fire (from rebels)", "the village came under Russian shelling", "Kharkiv is under
    attack". The subject was hit: it never did the act."""
    verb = noun.head.head if noun.dep_ in {"pobj", "pcomp"} else noun.head
    victim = child_by(verb, {"nsubj", "nsubjpass"})
    if victim is None or suffered_noun(verb, noun) is None:
        return None
    return _from_phrase(noun, verb) or _attacking_modifier(noun), victim


def _from_phrase(noun: Token, verb: Token) -> Token | None:
    for holder in (noun, verb):
        source = next((child_by(c, {"pobj"}) for c in holder.children
                       if c.dep_ == "prep" and c.lower_ == "from"), None)
        if source is not None and source.ent_type_ not in _NOT_ACTORS:
            return source
    return None


def sides_between(noun: Token) -> tuple[Token, Token | None] | None:
    """The two sides of "fighting between X and Y" or of "fighting broke out between X and Y", where
    the phrase hangs on the verb the noun is subject of; they fought each other, the first named is
    the actor (a noun that names its own actor, "Russian shelling", has no sides to find)."""
    if child_by(noun, {"poss"}) is not None:
        return None
    parties = between(noun)
    if parties is None and noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
        parties = between(noun.head)
    return parties




def between(noun: Token) -> tuple[Token, Token | None] | None:
    """The two sides of "a dispute between X and Y" ("between two village groups": the one phrase)."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"between", "among", "amongst"}):
        first = child_by(prep, {"pobj"})
        if first is not None:
            second = next((c for c in first.conjuncts if c.i > first.i), None)
            return first, second
    return None


def doer_of(noun: Token) -> Token | None:
    """The agent of the participle that says who carried out the act (`subjects.doing_participle`)."""
    doing = doing_participle(noun)
    agent = child_by(doing, {"agent"}) if doing is not None else None
    doer = child_by(agent, {"pobj"}) if agent is not None else None
    return doer if doer is not None and doer.ent_type_ not in _NOT_ACTORS else None


def violent_shapes(actor: Token, recipient: Token | None, etype: str,
                   verb: Token) -> tuple[Token | None, Token | None]:
    """A verb's actor and recipient after the shapes above: a subject that suffered the act gives
    way to whom it came from; a subject naming the act itself ("The raid, carried out by X, killed
    three") to whoever carried it out; the subject of a verb of dying ("two soldiers die in
    blast", "three civilians perished") is the one who died, and the verb names no attacker."""
    if verb.lemma_.lower() in UNDERGONE:
        return None, actor
    warded = child_by(verb, {"dobj"})
    if warded is not None and _names_assault(warded) and verb.lemma_.lower() in _WARDING | _PREVENTING:
        # "repelled 12 enemy attacks": the enemy attacked them; "foiled an attack on a church": the
        # police stopped it, the church was its target
        hit = actor if verb.lemma_.lower() in _WARDING else recipient
        return _attacking_modifier(warded), hit if hit is None or hit.i != warded.i else None
    noun = suffered_noun(actor.head, verb) or suffered_noun(actor.head) if actor.dep_ == "nsubj" else None
    if noun is not None:  # "the school took a direct hit from a tank, killing 30", "came under fire"
        hit_noun = recipient is not None and recipient.i in {noun.i, noun.head.i}
        return _from_phrase(noun, actor.head) or _attacking_modifier(noun), \
            actor if recipient is None or hit_noun else recipient
    if any(s.type == etype for s in load_lexicon().nouns.get(actor.lemma_.lower()) or ()):
        doer = doer_of(actor)
        if doer is not None:
            return doer, recipient
    return actor, recipient


# verbs whose subject tells or perceives the act their object names ("Residents reported heavy
# fighting", "Local media reported an airstrike on a market"): the teller is a source, not the doer
_TELLING_OF = frozenset({"report", "describe", "hear", "see", "witness", "document", "record", "observe",
                         "confirm", "recount", "film", "photograph", "detail", "verify"})
# verbs whose subject met the act their object names ("repelled 12 enemy attacks", "survived an
# assassination attempt"): the subject was attacked, and the act's own modifier says by whom
_WARDING = frozenset({"repel", "repulse", "withstand", "survive", "fend", "ward"})
# verbs whose subject stopped the act ("Police foiled an attack on a church"): neither side of it
_PREVENTING = frozenset({"foil", "thwart", "prevent", "avert"})


def told_or_warded(noun: Token, actor: Token | None,
                   recipient: Token | None) -> tuple[Token | None, Token | None] | None:
    """Actor and recipient of an act of force named as the object of a verb of telling or of
    prevention (the verb's subject is neither) or of warding off (its subject is the recipient);
    None for other verbs."""
    if noun.dep_ != "dobj" or noun.head.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = noun.head.lemma_.lower()
    attacker = actor or _attacking_modifier(noun)
    if lemma in _WARDING:
        return attacker, child_by(noun.head, {"nsubj"}) or recipient
    if lemma in _PREVENTING:
        return attacker, recipient
    return (actor, recipient) if lemma in _TELLING_OF else None


def second_party(actor: Token) -> Token | None:
    """The other side in "Armenia and Azerbaijan agreed" or "Turkish and Russian officials met",
    when it names another country than the first."""
    own = country_of(actor.text)
    for conj in actor.conjuncts:
        if conj.i > actor.i and country_of(conj.text) not in {None, own}:
            return conj
    for child in actor.children:
        if child.dep_ in {"amod", "compound"} and country_of(child.text):
            for conj in child.conjuncts:
                if conj.i > child.i and country_of(conj.text) not in {None, country_of(child.text)}:
                    return conj
    return None


# modifiers of an attack noun that name who attacked ("enemy attacks", "rebel assaults")
_HOSTILE_MODS = frozenset({"enemy", "rebel", "militant", "insurgent", "terrorist", "jihadist", "separatist",
                           "guerrilla", "militia", "gunman", "bandit"})


def _names_assault(noun: Token) -> bool:
    return any(s.type == "ASSAULT" for s in load_lexicon().nouns.get(noun.lemma_.lower()) or ())


def _attacking_modifier(noun: Token) -> Token | None:
    """Who an attack noun says attacked: "an attack by militants", "Russia's assault", "enemy attacks"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return child_by(child, {"pobj"})
        if child.dep_ == "poss" or (child.dep_ in {"amod", "compound"} and (
                child.lemma_.lower() in _HOSTILE_MODS or country_of(child.text))):
            return child
    return None


_SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "spokespersons", "spokesmen"}


def reported_self(pron: Token) -> Token | None:
    """"The Rwandan military said it had exercised restraint": a pronoun subject of a clause that
    a verb of saying governs refers to that verb's named subject, when number and kind agree."""
    low = pron.lower_
    clause = pron.head
    if pron.pos_ != "PRON" or low not in {"it", "they", "he", "she"} or pron.dep_ != "nsubj" or \
            clause.dep_ != "ccomp" or clause.head.pos_ != "VERB":
        return None
    lex = load_lexicon()
    say = clause.head
    if say.lemma_.lower() not in lex.reporting_verbs | lex.denial_verbs:
        return None
    subj = child_by(say, {"nsubj"})
    if subj is None or subj.pos_ not in {"NOUN", "PROPN"} or subj.ent_type_ in _NOT_ACTORS:
        return None
    # ("Hugo Chávez, the president of Venezuela, said that he ...": a name the tagger left untyped)
    person = subj.ent_type_ == "PERSON" or (subj.pos_ == "PROPN" and not subj.ent_type_ and any(
        (c.dep_ == "compound" and c.pos_ == "PROPN") or (c.dep_ == "appos" and c.pos_ == "NOUN")
        for c in subj.children))
    # "the group's spokesman Yahya Sarea said it had carried out the attack": the group he speaks for
    speaks_for = person and any(t.lower_ in _SPOKESPEOPLE for t in subj.subtree if t.i < subj.i or t.dep_ == "appos")
    plural = subj.tag_ in {"NNS", "NNPS"}
    # "the Houthis said they had shot down", "the Taliban said they": a name under "the" is a group
    # the tagger may take for a person; "they" agrees with it
    group_name = subj.pos_ == "PROPN" and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children) \
        and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in subj.children)
    if group_name and low == "they":
        return subj
    agrees = (low in {"he", "she"} and person) or (low == "it" and (speaks_for or not person) and not plural) or \
        (low == "they" and plural)
    return subj if agrees else None
