"""Intentions, demands and conditions: what a trigger's clause makes of its event.

PLOVER codes intentions as events of their own: AGREE covers promises and offers, THREATEN threats
and ultimatums, REQUEST demands ("must"), REJECT refusals ("will not", "failed to"). The rules here
read the clause around a trigger (modals, if/unless, must, fail/refuse, prepare) and return the
PLOVER type and mode the event is coded as.
"""

from __future__ import annotations

from spacy.tokens import Token

from truce.extract.lexicon import Lexicon, Sense, lemma_of
from truce.extract.negation import counterfactual

_COOPERATIVE = {"SUPPORT", "AID", "CONCEDE", "RETREAT", "CONSULT", "COOPERATE"}
_HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"}
# verbs of pledging: troops they send are a promise made, not a deployment nor a threat ("vowed to
# send troops" against someone stays a threat)
_PLEDGING = {"pledge", "commit", "promise", "offer", "agree", "undertake", "volunteer", "consent"}


def intent_type(sense: Sense, aux: str | None, tok: Token, voiced: bool,
                lex: Lexicon) -> tuple[str, str | None]:
    """PLOVER type and mode of a trigger read in its clause (`voiced`: someone is quoted saying it).
    Intentions are their own events (PLOVER: AGREE covers promises and offers, THREATEN threats):
    "X said it will withdraw" is a promise (AGREE), "will impose a curfew" a threat, "will withdraw
    unless ..." a threat, "will not accept" and "failed to reach agreement" rejections, "Y must
    withdraw" a demand. The condition of a threat ("if Israel violated the ceasefire") stays what it
    is, marked hypothetical; a plan stated by the reporter ("the minister will resign") keeps its type
    with aux future; troops preparing to attack are mobilising."""
    if _conditional(tok) or counterfactual(tok):  # "could have fought a war": no intention either
        return sense.type, sense.mode
    if sense.type == "AGREE" and _vowed_force(tok, lex):
        return "THREATEN", None  # "vowed to attack more targets": a promise of force is a threat
    if sense.type not in {"REQUEST", "THREATEN"} and (_must(tok, lex) or (voiced and _ought(tok))):
        return "REQUEST", None
    if aux == "negation" and sense.type in _COOPERATIVE | {"AGREE", "CONSULT"} and (
            _future(tok) or _failed(tok)):
        return "REJECT", None
    governor = _governor(tok, lex)
    if sense.type == "ASSAULT" and governor == "prepare":
        return "MOBILIZE", "troops"
    if sense.type == "MOBILIZE" and governor in {"try", "attempt"} and aux is None:
        return "ASSAULT", None  # "forces tried to land near the plant": an attempted incursion
    if aux in {"future", "hypothetical"} and sense.type == "RETREAT" and _announced(tok):
        return sense.type, sense.mode  # "announced its troops would leave": a decision told, no promise
    if aux in {"future", "hypothetical"} and sense.type == "MOBILIZE" and _pledged(tok, lex):
        return "AGREE", None  # "pledged to send troops", "committed to deploying a brigade": a promise
    if aux in {"future", "hypothetical"}:
        if sense.type in _HOSTILE or (sense.type in _COOPERATIVE | {"AGREE"} and _unless(tok)):
            return "THREATEN", None
        if sense.type == "SANCTION" or (sense.type == "REJECT" and tok.lemma_.lower() == "boycott"):
            return "THREATEN", None
        if sense.type in _COOPERATIVE and (voiced or aux == "hypothetical"):
            return "AGREE", sense.mode if sense.mode in {"ceasefire", "peace"} else None
    return sense.type, sense.mode


# verbs of vowing that promise what their clause says: force vowed is a threat, not an agreement
_VOWING = {"vow", "swear", "promise", "pledge"}
_FORCE = {"ASSAULT", "COERCE"}


def _vowed_force(tok: Token, lex: Lexicon) -> bool:
    """"The militants vowed to attack more targets", "swore to keep fighting": the trigger is a verb
    of vowing whose "to" clause (or the clause that one governs) is an act of force."""
    if tok.lemma_.lower() not in _VOWING:
        return False
    node: Token | None = tok
    for _ in range(2):
        node = next((c for c in node.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None) \
            if node is not None else None
        if node is None:
            return False
        if any(s.type in _FORCE and not s.weak for s in lex.verbs.get(lemma_of(node, lex), ())):
            return True
    return False


def _clause_chain(tok: Token, lex: Lexicon) -> list[Token]:
    """The trigger and the verbs above it up to (not into) a reporting verb."""
    out = [tok]
    node = tok
    while node.head.i != node.i and len(out) < 6:
        if node.dep_ not in {"xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "pcomp", "acomp", "attr"}:
            break
        node = node.head
        if lemma_of(node, lex) in lex.reporting_verbs:
            break
        out.append(node)
    return out


def _must(tok: Token, lex: Lexicon) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "must" for t in _clause_chain(tok, lex) for c in t.children)


def _ought(tok: Token) -> bool:
    """What a speaker says others should or need to do is a demand ("foreign forces should leave",
    "they need to stand by us"); said of oneself ("we need to rebuild") it is no demand."""
    subject = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if any(c.dep_ == "aux" and c.lower_ == "should" for c in tok.children):
        pass
    elif tok.dep_ == "xcomp" and tok.head.lemma_.lower() in {"need", "have"} and tok.head.tag_ in {"VBP", "VBZ"} \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        subject = next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    else:
        return False
    return subject is not None and subject.lower_ not in {"we", "i", "us"} and not any(
        c.dep_ == "neg" for c in tok.children)


def _announced(tok: Token) -> bool:
    """The trigger's clause is what a government announces or decides ("announced that its troops
    would be leaving")."""
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in {"announce", "declare", "decide"}


def _governor(tok: Token, lex: Lexicon) -> str | None:
    node = tok
    for _ in range(3):
        if node.dep_ not in {"xcomp", "ccomp", "dobj", "pobj", "prep"} or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "VERB" and lemma_of(node, lex) not in lex.light_verbs:  # "prepared to resume"
            return lemma_of(node, lex)
    return None


def _pledged(tok: Token, lex: Lexicon) -> bool:
    """The trigger is what a verb of pledging governs ("pledged to send", "committed to deploying")."""
    node = tok
    for _ in range(3):
        if node.dep_ not in {"xcomp", "pcomp", "prep"} or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ == "VERB" and lemma_of(node, lex) in _PLEDGING:
            return True
    return False


def _conditional(tok: Token) -> bool:
    """The trigger sits in an if/unless clause: the condition of a threat or offer."""
    node = tok
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "should"} for c in node.children):
            return node.dep_ in {"advcl", "ccomp"}
        if node.head.i == node.i or node.dep_ in {"ROOT", "ccomp"}:
            return False
        node = node.head
    return False


def _unless(tok: Token) -> bool:
    """The trigger's clause carries an "unless" condition: a threat."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in tok.children)


def _failed(tok: Token) -> bool:
    node = tok
    for _ in range(3):
        if node.head.i == node.i:
            return False
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in {"fail", "refuse", "decline"}:
            return True
        node = node.head
    return False


def _future(tok: Token) -> bool:
    node = tok
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll", "wo"} for c in node.children):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False
