"""Negation and modality cues of a clause: what did not happen, or only might ("did not fire",
"no shots were fired", "neither side attacked", "could have fought", "called the reports baseless").
The stance walk (truce.extract.attribution) reads them on the trigger and the verbs above it."""

from __future__ import annotations

from spacy.tokens import Token

MODALS_HYPO = {"could", "might", "may", "would", "should", "can"}


def nobody_did(tok: Token) -> bool:
    """"Neither side fired a shot", "no rockets hit the town": a doer denied by its determiner."""
    if tok.pos_ != "VERB":
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if any(any((d.dep_ == "det" and d.lower_ in {"neither", "no"}) or (d.dep_ == "preconj" and d.lower_ == "neither")
               for d in c.children) for c in subjects):
        return True  # ("Neither the army nor the rebels attacked the town")
    # "No shots were fired", "no rockets were launched": no rounds fired is no firing (a passive
    # subject that names people, "no civilians were killed", is a toll's zero, not this)
    return tok.lemma_.lower() in _FIRING and any(
        c.dep_ == "nsubjpass" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in tok.children)


# verbs of discharging a weapon, whose passive subject is what was fired
_FIRING = {"fire", "launch", "shoot", "drop", "lob"}


def neither(tok: Token) -> bool:
    """"neither a battle ... nor a war": the word is denied by a correlative "neither" or "nor"."""
    return any((c.dep_ == "preconj" and c.lower_ == "neither") or (c.dep_ == "cc" and c.lower_ == "nor")
               for c in tok.children)


def counterfactual(trigger: Token) -> bool:
    """The trigger's verb is a modal perfect ("could have fought", "would not have attacked")."""
    verb = trigger.head if trigger.dep_ in {"dobj", "pobj"} and trigger.pos_ == "NOUN" else trigger
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return verb.tag_ == "VBN" and "have" in auxes and bool(auxes & (MODALS_HYPO | {"must"}))


def hypothetical_cue(child: Token) -> bool:
    low = child.lower_
    if child.dep_ in {"aux", "auxpass"}:
        return low in MODALS_HYPO and low != "can"
    return child.dep_ == "mark" and low in {"if", "unless", "whether"}


def has_negation(tok: Token) -> bool:
    """The word is negated: "not", "no", "never" on it."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if any(c.dep_ == "det" and c.lower_ in {"no"} for c in tok.children):
        return True
    return any(c.dep_ == "advmod" and c.lower_ in {"never"} for c in tok.children)


# words that call a claim untrue ("called the reports baseless", "said the claims were lies")
_FALSE_WORDS = {"baseless", "false", "groundless", "fabricated", "untrue", "fake", "lie", "lies", "nonsense",
                "unfounded", "absurd", "fabrication", "fabrications", "fiction", "disinformation", "propaganda"}


# "does not correspond to reality", "does not reflect reality": a ministry's way of calling it untrue
_TRUE_TO = {"correspond", "reflect", "match", "conform"}


def called_false(claim: Token, clause: Token) -> bool:
    """The sentence calls the claim untrue after stating it: a word of falsity past the trigger's
    clause that nothing negates, or a negated "corresponds to reality"."""
    after = [t for t in claim.sent if t.i > clause.i and (t.lemma_.lower() in _FALSE_WORDS or t.lower_ in _FALSE_WORDS)]
    if any(not has_negation(t) and not has_negation(t.head) for t in after):
        return True
    return any(t.i > clause.i and t.lower_ == "reality" and any(
        v.lemma_.lower() in _TRUE_TO and has_negation(v) for v in (t.head, t.head.head)) for t in claim.sent)


# who or what a free-choice word picks: no one in particular ("any force that attacks", "whoever fires")
_FREE_CHOICE_DETS = frozenset({"any", "every", "whichever", "whatever"})
_FREE_CHOICE_WORDS = frozenset({"anyone", "anybody", "whoever", "anything", "everyone", "everybody"})


def free_choice(noun: Token) -> bool:
    """A noun picked by a free-choice word ("any force", "anyone", "whoever"): an act told of it in
    a relative clause ("any force that attacked Sittwe") happened to no one in particular."""
    return noun.lower_ in _FREE_CHOICE_WORDS or any(
        c.dep_ == "det" and c.lower_ in _FREE_CHOICE_DETS for c in noun.children)


# verbs of checking what others told: "could not confirm the attack" leaves it told, not denied
_VERIFYING = frozenset({"confirm", "verify", "corroborate", "substantiate", "authenticate"})


def unverified(node: Token, verb: Token) -> bool:
    """An event `node` that `verb` could not or did not confirm ("said it could not confirm any air
    strike there", "was unable to verify the reports of an attack"): the event is others' word; the
    negation and the modal are the checker's, not the event's."""
    if node.dep_ not in {"dobj", "ccomp", "pobj"} or verb.lemma_.lower() not in _VERIFYING:
        return False
    unable = verb.dep_ == "xcomp" and verb.head.lower_ in {"unable", "impossible"}
    return unable or has_negation(verb)


def false_word(tok: Token) -> bool:
    """A word that calls a claim untrue ("baseless", "fabricated", "lies", "propaganda")."""
    return tok.lemma_.lower() in _FALSE_WORDS or tok.lower_ in _FALSE_WORDS
