"""Readings decided by a trigger's arguments (data/triggers.yaml, `argument_rules`).

Many trigger words name different events depending on what they act on: "fired rockets" is
shelling, "fired the minister" is not violence; "lifted the curfew" is a concession, "lifted the
blockade" a military easing (RETREAT, access); "released a statement" is no event at all. A rule
names the trigger lemmas, the role that decides (object, subject, modifier, prep) and the words of
that role; the first rule that matches retypes the trigger, and a lemma listed under `needs_rule`
names an event only when one of its rules matches ("returned to base" yes, "returned home" no).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from truce.extract.actors import past_dateline
from truce.extract.lexicon import ArgRule, Lexicon, Sense, lemma_of

_OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_QUANTITY = {"kg", "ton", "tonne", "tons", "lot", "number", "dozen", "hundred", "thousand", "batch",
             "shipment", "load", "consignment", "group", "pair", "set", "unit", "box", "truckload"}


def _words_under(tok: Token) -> Iterator[Token]:
    """A phrase head and the nouns it stands for: conjuncts, compounds and "700 kg of medicine"."""
    yield tok
    for child in tok.children:
        if child.dep_ in {"conj", "compound", "amod"}:
            yield child
        elif child.dep_ == "prep" and child.lower_ == "of" and tok.lemma_.lower() in _QUANTITY:
            yield from (c for c in child.children if c.dep_ == "pobj")


def role_words(trigger: Token, role: str) -> set[str]:
    """Lower-case lemmas (and forms) of the phrase filling `role` of `trigger`."""
    heads: list[Token] = []
    if role == "object":
        heads = [c for c in trigger.children if c.dep_ in _OBJECT_DEPS]
        if any(c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children) for c in trigger.children):
            heads = [h for h in heads if h.dep_ != "nsubjpass"]  # "a drone was fired at": the target
        # "hand over the weapons", "exchanged hundreds of prisoners"
        heads += [g for c in trigger.children if c.dep_ == "dobj" for g in c.children
                  if g.dep_ == "prep" and g.lower_ == "of" for g in g.children if g.dep_ == "pobj"]
        if trigger.dep_ in {"amod", "acl"} and trigger.head.pos_ in {"NOUN", "PROPN"}:
            heads.append(trigger.head)  # "the lifted curfew", "prisoners released on Monday"
    elif role == "subject":
        heads = [c for c in trigger.children if c.dep_ in _SUBJECT_DEPS]
        if trigger.dep_ in {"conj", "xcomp"} and not heads:
            heads = [c for c in trigger.head.children if c.dep_ in _SUBJECT_DEPS]
        if trigger.pos_ in {"NOUN", "PROPN"}:
            heads += [c for c in trigger.children if c.dep_ in {"compound", "amod", "poss"}]
        # "ZAPORIZHZHIA, Ukraine, Sept 2 - A team ... reached": the parser's subject is the dateline
        heads = [past_dateline(h) or h for h in heads]
    elif role == "modifier":
        heads = [c for c in trigger.children if c.dep_ in {"amod", "compound", "advmod", "npadvmod"}]
        return {h.lemma_.lower() for h in heads} | {h.lower_ for h in heads}
    elif role == "prep":
        for child in trigger.children:
            if child.dep_ == "prt":
                heads.append(child)  # "called off", "pulled back"
            elif child.dep_ == "prep":
                heads += [g for g in child.children if g.dep_ == "pobj"]
    out: set[str] = set()
    for head in heads:
        for tok in _words_under(head):
            out.add(tok.lemma_.lower())
            out.add(tok.lower_)
    return out


def rule_for(trigger: Token, lex: Lexicon) -> ArgRule | None:
    """The first argument rule of the trigger's lemma whose role words match."""
    rules = lex.arg_rules.get(lemma_of(trigger, lex))
    if not rules:
        return None
    cache: dict[str, set[str]] = {}
    for rule in rules:
        words = cache.get(rule.role)
        if words is None:
            words = cache[rule.role] = role_words(trigger, rule.role)
        if words & rule.words:
            return rule
    return None


def apply_rules(trigger: Token, senses: tuple[Sense, ...], lex: Lexicon) -> tuple[Sense, ...] | None:
    """Senses after argument rules; None when the trigger names no event here."""
    rule = rule_for(trigger, lex)
    if rule is None:
        return None if lemma_of(trigger, lex) in lex.needs_rule else senses
    if rule.type == "NONE":
        return None
    return (Sense(rule.type, rule.mode, False),)
