"""Arguments of a trigger from the dependency tree: who acts (actor) and who is acted on (recipient).

Verb triggers: actor = subject (climbing xcomp/advcl/conj/relcl when the clause has none), or the
`by` agent of a passive; recipient = object, passive subject, or a type-specific preposition
("against", "on", "with", "to"). Noun triggers: possessive ("Baku's operation"), `by` phrase, a
demonym modifier ("Turkish airstrike"), else the subject of the governing verb ("Azerbaijan launched
an offensive", "In a phone call, Erdogan ..."). "X accused Y of shelling": Y shelled. The subject a clause has or
inherits is read in `truce.extract.subjects`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from truce.extract.actors import country_of, dateline_end, named_pair, past_dateline
from truce.extract.actors_phrase import partitive_of, proxy_modifiers
from truce.extract.argshapes import (
    UNDERGONE,
    between,
    doer_of,
    reported_self,
    second_party,
    sides_between,
    suffered_act,
    told_or_warded,
    violent_shapes,
)
from truce.extract.docext import sentence_of
from truce.extract.lexicon import load_lexicon
from truce.extract.subjects import behind_verb, child_by, is_passive, subject_of
from truce.extract.trigger_frames import fallen_to
from truce.extract.triggers import Trigger

_SUBJ = {"nsubj", "csubj", "expl"}
_RECIPIENT_PREPS: dict[str, set[str]] = {
    "ASSAULT": {"against", "on", "at", "upon", "into", "toward", "towards"},
    "COERCE": {"against", "on"},
    "PROTEST": {"against", "outside"},
    "CONSULT": {"with", "between", "to"},
    "COOPERATE": {"with", "between"},
    "AGREE": {"with", "between"},
    "SUPPORT": {"to", "for", "behind", "with"},
    "AID": {"to", "for"},
    "REQUEST": {"on", "upon", "from", "to"},
    "ACCUSE": {"against"},
    "REJECT": {"from"},
    "THREATEN": {"against", "with"},
    "SANCTION": {"on", "against", "with"},  # ("severed diplomatic ties with Russia")
    "MOBILIZE": {"against", "toward", "towards"},
    "RETREAT": {"from"},
    "CONCEDE": {"to"},
}
_MUNITIONS = {"rocket", "missile", "shell", "mortar", "round", "bomb", "grenade", "drone", "projectile", "bullet",
              "launcher", "arm", "arms", "weapon", "gun", "rifle", "artillery",
              "shot", "salvo", "barrage", "munition"}
_NOT_ACTORS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
_VIOLENT = {"ASSAULT", "COERCE", "MOBILIZE"}
_HARM_VERBS = {"kill", "wound", "injure", "hit", "destroy", "damage"}
# acts on people whose subject, when the verb has no object and no auxiliary, is the one who
# suffered them: news English drops the passive's auxiliary in headlines ("Woman killed in attack")
_PATIENT_VERBS = {"kill", "wound", "injure", "behead", "slay", "murder", "assassinate", "execute", "abduct",
                  "kidnap", "lynch", "massacre", "torture", "rape"}
_STATIVE = {"commit", "oppose", "prepare", "determine", "dedicate", "resolve", "poise", "engage", "involve",
            "opposed", "committed", "prepared", "determined"}
_ACCUSE_VERBS = {"accuse", "blame", "charge", "fault", "condemn", "denounce", "criticize", "criticise"}
# Events two parties hold together: "Turkish and Russian officials held talks" names both sides.
_JOINT = {"CONSULT", "AGREE", "COOPERATE"}
# People who live somewhere; "Kherson residents" are the ones attacks fall on, not the attackers.
_DWELLERS = {"resident", "villager", "civilian", "inhabitant", "passenger", "family", "citizen", "local",
             "townspeople", "householder", "worshipper", "shopper", "patient"}


@dataclass(slots=True)
class ArgHeads:
    """Head tokens of the actor and recipient phrases (None when the tree names none)."""

    actor: Token | None
    recipient: Token | None


def _recipient_from(tok: Token, etype: str, skip: set[int] | None = None, depth: int = 0) -> Token | None:
    skip = skip or set()
    lex = load_lexicon()
    obj = child_by(tok, {"dobj", "dative", "nsubjpass"} if tok.pos_ in {"VERB", "AUX"} else set())
    if obj is not None and obj.i not in skip and etype == "ASSAULT" and _munition(obj):
        for child in tok.children:  # "fired hundreds of rockets at Tel Aviv": the aim is the recipient
            aimed = child_by(child, {"pobj"}) if child.dep_ == "prep" and child.lower_ in _RECIPIENT_PREPS[etype] \
                else None
            if aimed is not None and aimed.i not in skip and aimed.ent_type_ not in _NOT_ACTORS:
                return aimed
    if obj is not None and obj.i not in skip:
        senses = lex.nouns.get(obj.lemma_.lower()) or ()
        if any(s.type == etype for s in senses) and depth < 2:
            # "reaffirmed its support to X": the noun names the event; its preposition the recipient
            return _recipient_from(obj, etype, skip | {obj.i}, depth + 1) or obj
        return obj
    preps = _RECIPIENT_PREPS.get(etype, set())
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            pobj = child_by(child, {"pobj"})
            if pobj is not None and pobj.i not in skip and pobj.ent_type_ not in _NOT_ACTORS:
                return pobj
    if obj is not None and depth < 2:
        return _recipient_from(obj, etype, skip | {obj.i}, depth + 1)
    if obj is None and tok.pos_ in {"VERB", "AUX"}:
        return _small_clause_object(tok, skip)
    return None


def _small_clause_object(verb: Token, skip: set[int]) -> Token | None:
    """"We hold the regime responsible", "found them guilty": the parser makes the object the
    subject of a verbless adjective clause; it is still who the verb acts on."""
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp", "oprd"} and child.pos_ == "ADJ" and child.i > verb.i and \
                not any(c.dep_ in {"aux", "cop", "auxpass"} or c.pos_ == "AUX" for c in child.children):
            subj = child_by(child, {"nsubj"})
            if subj is not None and subj.i not in skip and subj.ent_type_ not in _NOT_ACTORS:
                return subj
    return None


def _munition(noun: Token) -> bool:
    """What is fired, not what is hit: "rockets", "hundreds of rockets", "14 drones"."""
    inner = partitive_of(noun) or noun
    return inner.lemma_.lower() in _MUNITIONS


def is_interception(verb: Token) -> bool:
    """"Air defences shot down several missiles", "intercepted two drones": the side attacked
    stopping the weapons, not an attacker."""
    lemma = verb.lemma_.lower()
    if lemma == "shoot" and not any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        return False
    if lemma not in {"shoot", "intercept", "down"}:
        return False
    obj = child_by(verb, {"dobj", "nsubjpass"})
    return obj is not None and _munition(obj)


def _bare_participle_agent(verb: Token) -> bool:
    """"missiles launched by the Houthis": a participle without subject whose `by` names a doer."""
    agent = child_by(verb, {"agent"})
    pobj = child_by(agent, {"pobj"}) if agent is not None else None
    return verb.tag_ == "VBN" and pobj is not None and pobj.ent_type_ not in _NOT_ACTORS and \
        child_by(verb, {"nsubj", "csubj"}) is None


def _stative(verb: Token) -> bool:
    """A participle of state, not a passive: "X is committed / opposed / prepared / determined"."""
    return verb.lemma_.lower() in _STATIVE and is_passive(verb) and child_by(verb, {"agent"}) is None


def _by_phrase(tok: Token) -> Token | None:
    for other in sentence_of(tok):
        if other.dep_ == "prep" and other.lower_ == "by" and other.head.pos_ in {"NOUN", "PROPN"}:
            pobj = child_by(other, {"pobj"})
            if pobj is not None and pobj.ent_type_ not in _NOT_ACTORS:
                return pobj
    return None


def _prep_object(tok: Token, etype: str, skip: set[int]) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in _RECIPIENT_PREPS.get(etype, set()) | {"to"}:
            pobj = child_by(child, {"pobj"})
            if pobj is not None and pobj.i not in skip and pobj.ent_type_ not in _NOT_ACTORS:
                return pobj
    return None


def _modifier_actor(noun: Token) -> Token | None:
    """Who a noun trigger's own modifiers name: "Baku's operation", "shelling by X", "Russian drone
    attack" (the demonym may sit on a compound: "Russian" -> "drone" -> "attack")."""
    poss = child_by(noun, {"poss"})
    if poss is not None and poss.ent_type_ in _NOT_ACTORS:
        poss = None  # "Saturday's Russian attack": a date owns nothing
    if poss is not None and poss.pos_ == "PRON" and _clause_subject(noun) is not None:
        return _clause_subject(noun)
    if poss is not None:
        return poss
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return child_by(child, {"pobj"})
    cut = dateline_end(noun)  # "KYIV — Russian glide bombs": the dateline city is no modifier of the noun
    for child in noun.children:
        if child.dep_ in {"amod", "compound"} and child.i > cut and not proxy_modifiers([child]) \
                and country_of(child.text):
            return child
    for child in noun.children:
        if child.dep_ == "compound":
            for grand in child.children:
                if grand.dep_ in {"amod", "compound"} and grand.i > cut and not proxy_modifiers([grand]) \
                        and country_of(grand.text):
                    return grand
    return poss


def _clause_subject(noun: Token) -> Token | None:
    """"The rebels continued their hunger strike": a possessive pronoun on a verb's object refers to
    that verb's subject, which names the actor better than the pronoun."""
    if noun.dep_ not in {"dobj", "attr"} or noun.head.pos_ not in {"VERB", "AUX"}:
        return None
    subj = subject_of(noun.head)
    if subj is None or subj.pos_ == "PRON":
        return None
    return subj


def arguments(trig: Trigger, etype: str) -> ArgHeads:
    """Actor and recipient heads for one trigger read as `etype`."""
    return _settle(_arguments(trig, etype), trig, etype)


def _settle(found: ArgHeads, trig: Trigger, etype: str) -> ArgHeads:
    """Corrections that hold whatever the trigger's shape: victims named as subjects, and the
    second party of a joint event named in a coordination with the first."""
    actor, recipient = found.actor, found.recipient
    if actor is not None:
        actor = past_dateline(actor) or actor  # "MOSCOW, Nov 10 - Armenia and Azerbaijan agreed"
        actor = reported_self(actor) or actor
    if actor is not None and etype in _VIOLENT and actor.lemma_.lower() in _STRIFE_NOUNS:
        parties = between(actor)  # "a dispute between two village groups left three dead"
        if parties is not None:
            actor, recipient = parties[0], parties[1] or recipient
    if actor is not None and etype in _VIOLENT and _victim_subject(actor, trig.token):
        keep = recipient is not None and recipient.ent_type_ not in _NOT_ACTORS  # ("describe months of ...")
        return ArgHeads(_agent(trig.token), recipient if keep else actor)
    if actor is not None and etype in _JOINT and (recipient is None or _names_event(recipient, etype)):
        recipient = second_party(actor) or recipient  # ("held talks": the noun is the event, not a party)
        pair = named_pair(actor) if recipient is None or _names_event(recipient, etype) else None
        if pair is not None:
            recipient = pair[1]  # "the two countries held talks": the second of the pair named before
    return ArgHeads(actor, recipient)


# nouns naming strife between two sides: the sides are in its "between" phrase, the noun is no party
_STRIFE_NOUNS = {"dispute", "feud", "clash", "clashes", "fighting", "conflict", "violence", "quarrel", "row",
                 "confrontation", "brawl", "fight", "skirmish", "rivalry", "tension", "tensions"}


def _victim_subject(head: Token, trig: Token) -> bool:
    """A subject that suffered the violence: "Kherson residents" (dwellers named by their place),
    "seven wounded" (a bare count before a headline-style participle)."""
    if head.lemma_.lower() in _DWELLERS and any(
            c.dep_ in {"compound", "amod", "nmod", "poss"} and c.text[:1].isupper() and c.ent_type_ not in _NOT_ACTORS
            for c in head.children):
        return True
    if any(c.dep_ in {"aux", "auxpass", "dobj", "dative"} for c in trig.children):
        return False
    lemma = trig.lemma_.lower()
    subject = head.dep_ == "nsubj" and head.head.i == trig.i
    if subject and trig.tag_ == "VBN" and lemma in _HARM_VERBS and \
            (head.pos_ == "NUM" or any(c.dep_ == "nummod" for c in head.children)):
        return True
    # A headline's passive without its auxiliary: "Teacher shot dead by gunmen", "Woman killed in
    # attack on convoy" (the parser's subject of a past tense), "a youth leader killed in the
    # capital" (a participle on its noun). The noun suffered the act; a `by` phrase names the doer.
    # A present tense is a headline's active voice ("Militia kills 20", "fighters massacre 34").
    patient = (subject and trig.tag_ in {"VBD", "VBN"}) or \
        (trig.dep_ == "acl" and trig.head.i == head.i and trig.tag_ == "VBN")
    if not patient:
        return False
    if _agent(trig) is not None:
        return lemma in _PATIENT_VERBS | {"shoot"}
    if lemma == "shoot":  # "shot dead"; "police shot at protesters" is their act
        return any(c.dep_ in {"oprd", "acomp", "advmod"} and c.lower_ == "dead" for c in trig.children)
    return lemma in _PATIENT_VERBS


def _agent(trig: Token) -> Token | None:
    """The doer a passive's `by` phrase names ("shot dead by unknown gunmen"), if any; the parser
    takes a headline's `by` for a plain preposition as often as for an agent."""
    agent = next((c for c in trig.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")), None)
    doer = child_by(agent, {"pobj"}) if agent is not None else None
    return doer if doer is not None and doer.ent_type_ not in _NOT_ACTORS else None


def _names_event(tok: Token, etype: str) -> bool:
    return any(sense.type == etype for sense in load_lexicon().nouns.get(tok.lemma_.lower()) or ())


def _arguments(trig: Trigger, etype: str) -> ArgHeads:
    return _noun_arguments(trig, etype) if trig.nominal else _verb_arguments(trig, etype)


def _verb_arguments(trig: Trigger, etype: str) -> ArgHeads:
    tok = trig.token
    skip = {t.i for t in trig.tokens}
    if tok.pos_ == "ADJ":  # "ready to withdraw": the adjective's subject offers
        return ArgHeads(subject_of(tok), None)
    taker = fallen_to(tok)
    if taker is not None:  # "the town fell to the rebels": the takers act; the town is the place
        return ArgHeads(taker, None)
    actor = None
    head = tok.head
    # "accused Azerbaijan of shelling": the accused is the actor of the embedded event
    if tok.dep_ == "pcomp" and head.lower_ == "of" and head.head.lemma_.lower() in _ACCUSE_VERBS:
        actor = child_by(head.head, {"dobj"})
    if actor is None and _stative(tok):
        actor = child_by(tok, {"nsubjpass"})  # "Israel is opposed to", "Kyiv is committed to"
        recipient = _prep_object(tok, etype, skip | ({actor.i} if actor is not None else set()))
        return ArgHeads(actor, recipient)
    if actor is None:
        if is_passive(tok) or _bare_participle_agent(tok):
            # also a bare participle: "missiles launched by the Houthis"
            agent = child_by(tok, {"agent"})
            actor = child_by(agent, {"pobj"}) if agent is not None else None
        else:
            actor = subject_of(tok)
    recipient = _recipient_from(tok, etype, skip)
    if recipient is None and etype == "REJECT" and tok.dep_ == "relcl":
        recipient = tok.head  # "..., a claim Moscow rejected": what is rejected is the noun the clause is on
    if actor is not None and etype in _VIOLENT:
        actor, recipient = violent_shapes(actor, recipient, etype, tok)
    if actor is None and etype in _VIOLENT:
        actor = _by_phrase(tok)  # "as a result of shelling by X, two soldiers were killed"
    if recipient is not None and actor is not None and recipient.i == actor.i:
        recipient = None
    return ArgHeads(actor, recipient)


def _noun_arguments(trig: Trigger, etype: str) -> ArgHeads:
    tok = trig.token
    skip = {t.i for t in trig.tokens}
    behind = behind_verb(tok)
    if behind is not None:  # "Iran was behind the strikes on the refinery"
        doer = subject_of(behind) or child_by(behind, {"nsubjpass"})  # ("had not been involved in")
        return ArgHeads(doer, _recipient_from(tok, etype, skip))
    if etype in _VIOLENT and (suffered := suffered_act(tok)) is not None:
        return ArgHeads(suffered[0] or _modifier_actor(tok), suffered[1])  # "the convoy came under fire"
    if etype in _VIOLENT:
        parties = sides_between(tok)
        if parties is not None:
            return ArgHeads(parties[0], parties[1])
        doer = doer_of(tok) if _modifier_actor(tok) is None else None
        if doer is not None:  # "the attack, carried out by X"
            return ArgHeads(doer, _recipient_from(tok, etype, skip))
    if etype == "ACCUSE" and tok.dep_ == "oprd" and tok.head.pos_ == "VERB":
        # "what it called an Israeli aggression": the namer accuses, the modifier names the accused
        return ArgHeads(subject_of(tok.head), _modifier_actor(tok))
    actor = _modifier_actor(tok)
    recipient = _recipient_from(tok, etype, skip)
    gov = tok.head
    if tok.dep_ == "pobj" and gov.head.i != gov.i:
        gov = gov.head  # "in a phone call ... X reaffirmed": the clause the phrase modifies
        if gov.pos_ not in {"VERB", "AUX"}:
            return ArgHeads(actor, recipient)
        if etype in _VIOLENT:
            # "two soldiers were killed in an airstrike", "two soldiers died in a blast": the
            # clause's subject is hit, not hitting
            if recipient is None:
                recipient = child_by(gov, {"nsubjpass"}) or (
                    child_by(gov, {"dobj"}) if gov.lemma_.lower() in _HARM_VERBS else None) or (
                    child_by(gov, {"nsubj"}) if gov.lemma_.lower() in UNDERGONE else None)
            return ArgHeads(actor, recipient)
        if actor is None:
            actor = subject_of(gov)
        if recipient is None:  # "in a phone call, X reaffirmed support to Y": only a preposition says whom
            for holder in (gov, child_by(gov, {"dobj"})):
                if holder is not None and recipient is None:
                    recipient = _prep_object(holder, etype, skip | {tok.i})
        return ArgHeads(actor, recipient)
    if gov.pos_ in {"VERB", "AUX"} and gov.i != tok.i and tok.dep_ not in {"nsubj", "nsubjpass"}:
        if etype in _VIOLENT and (shaped := told_or_warded(tok, actor, recipient)) is not None:
            return ArgHeads(*shaped)  # "Residents reported fighting", "repelled enemy attacks"
        if actor is None:
            actor = subject_of(gov)
        if recipient is None:
            recipient = _recipient_from(gov, etype, skip | {tok.i})
    if actor is not None and recipient is not None and actor.i == recipient.i:
        recipient = None
    return ArgHeads(actor, recipient)
