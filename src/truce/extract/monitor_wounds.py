"""Casualties told in the idiom of ministries and missions, and the attack they belong to.

A defence ministry or a mission tells its casualties in fixed phrases that name no attack of their
own: "a contract serviceman received a gunshot wound", "a man had been admitted with shrapnel
wounds to his legs, sustained when his house was hit", "a 45-year-old woman embraced shahadat,
while three civilians were seriously injured" (the Pakistani army's word for a death), "two
fighters were martyred". The wounded or dead are the toll of the attack the sentence tells, else
(the sentence tells none: "As a result, ...") of the last attack told before it in the paragraph.
A verb of the idiom is no act of its own: "received a wound" is no meeting, "admitted with
wounds" no concession.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from truce.extract import casualties as cas
from truce.extract.draft import Draft

_WOUND_NOUNS = frozenset({"wound", "injury"})
# what a wounded person does with a wound: receives, sustains, suffers it; is admitted or treated with it
_WOUND_VERBS = frozenset({"receive", "sustain", "suffer", "admit", "hospitalise", "hospitalize", "treat",
                          "take", "evacuate", "bring"})
_HURT_VERBS = frozenset({"injure", "wound"})
# a death in the words of a side that honours its dead
_MARTYRDOM = frozenset({"shahadat", "martyrdom", "shahadah"})
_PERSON_NOUNS = frozenset({"man", "woman", "child", "boy", "girl", "civilian", "serviceman", "servicemen",
                           "soldier", "resident", "person", "people", "fighter", "member", "officer",
                           "policeman", "villager", "farmer", "driver", "peacekeeper", "combatant",
                           "private", "sergeant", "conscript", "guard", "shopkeeper", "teacher", "student",
                           "worker", "labourer", "laborer", "herder", "shepherd", "elder", "mother", "father",
                           "son", "daughter", "youth", "passenger", "militiaman", "volunteer"})
_NOT_HAPPENED = frozenset({"negation", "future", "hypothetical"})


def _number(person: Token) -> int | None:
    """How many the phrase names: its number, one for a singular person ("a contract serviceman")."""
    for child in person.children:
        if child.dep_ == "nummod":
            value = cas.number_value(child)
            if value is not None:
                return value
    return 1 if person.tag_ in {"NN", "NNP"} else None


def _told(person: Token) -> Told:
    number = _number(person)
    return (number, person) if number is not None else None


def _person_before(tok: Token, sent: Span) -> Token | None:
    """The person the idiom is about: the verb's subject, else the nearest person noun before it."""
    subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is not None and subj.pos_ == "NOUN":
        return subj  # "a contract serviceman received a gunshot wound": whoever receives it
    before = [t for t in sent if t.i < tok.i and t.pos_ == "NOUN" and t.lemma_.lower() in _PERSON_NOUNS]
    return before[-1] if before else None


def _wound_verb(noun: Token) -> Token | None:
    """The verb a wound noun hangs on ("received a gunshot wound", "admitted with shrapnel wounds")."""
    node = noun
    for _ in range(5):  # ("admitted on 4 May with shrapnel wounds": the parser may hang it on the date)
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node if node.lemma_.lower() in _WOUND_VERBS else None
        if node.head.i == node.i:
            return None
    return None


Told = tuple[int, Token] | None  # a number and the person phrase it was read from


def told_casualties(sent: Span) -> tuple[Told, Told, set[int]]:
    """(dead, wounded, the idiom's verbs) the sentence tells in the idiom; None where it tells none."""
    dead: Told = None
    hurt: Told = None
    verbs: set[int] = set()
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in _WOUND_NOUNS and tok.pos_ == "NOUN":
            verb = _wound_verb(tok)
            person = _person_before(verb, sent) if verb is not None else None
            if verb is not None and person is not None:
                verbs.add(verb.i)
                hurt = hurt or _told(person)
        elif lemma in _MARTYRDOM or (lemma == "martyr" and tok.pos_ == "VERB"):
            verb = tok.head if lemma in _MARTYRDOM else tok
            person = _person_before(verb, sent)
            if person is not None:
                verbs.add(verb.i)
                dead = dead or _told(person)
        elif lemma in _HURT_VERBS and tok.pos_ == "VERB" and tok.tag_ == "VBN":
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if subj is not None and subj.lemma_.lower() in _PERSON_NOUNS:
                hurt = hurt or _told(subj)  # "while three civilians were seriously injured"
    return dead, hurt, verbs


def attach_told_casualties(sents: list[Span], per_sentence: list[list[Draft]], offset: int) -> None:
    """Give the idiom's dead and wounded to the attack they belong to (the module docstring says which)."""
    last: Draft | None = None
    for sent, drafts in zip(sents, per_sentence, strict=True):
        dead, hurt, verbs = told_casualties(sent)
        if verbs:
            drafts[:] = [d for d in drafts if d.type == "ASSAULT" or d.trigger.i not in verbs]
        here = [d for d in drafts if d.type == "ASSAULT" and d.aux not in _NOT_HAPPENED and d.status != "denied"]
        # a sentence telling no attack gives its toll to the last one only when it says it follows
        # from it ("As a result, ...") or tells it in the idiom
        follows = bool(verbs) or "as a result" in sent.text.lower()
        target = here[0] if here else (last if follows else None)
        if target is not None:
            _give(target, "fatalities", dead, offset)
            _give(target, "injured", hurt, offset)
        if here:
            last = here[-1]


def _give(draft: Draft, field: str, told: Told, offset: int) -> None:
    if told is None or getattr(draft, field) is not None:
        return
    number, person = told
    setattr(draft, field, number)
    if draft.spans is not None:
        draft.spans[field] = [person.left_edge.idx + offset, person.idx + len(person.text) + offset]
