"""Frames that change what a trigger word reports: the same noun or verb read differently by the
clause around it (an agreement already in force, a ministry's "subjected ... to fire")."""

from __future__ import annotations

from spacy.tokens import Token

from truce.extract.lexicon import Sense


def subjected_to(tok: Token) -> Token | None:
    """"subjected our positions to fire", which the parser often reads as an infinitive ("to fire"
    hung on the positions): the act is the subjecting verb's, whose subject fired on its object."""
    if tok.dep_ != "acl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    noun = tok.head
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() == "subject" and verb.pos_ == "VERB":
        return verb
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
