"""The numbers a monitors' sentence gives what it observed: its own count ("14 undetermined
explosions", "a burst"), a tally's number in brackets, and a tally's breakdown ("including 298
explosions")."""

from __future__ import annotations

from spacy.tokens import Token

from truce.extract import casualties as cas


def count_of(noun: Token) -> int | None:
    """The noun's own number ("14 undetermined explosions", "about 60 bursts"; "a burst" is one)."""
    for child in noun.children:
        if child.dep_ in {"nummod", "quantmod"}:
            value = cas.number_value(child)
            if value is not None:
                return value
        if child.dep_ == "det" and child.lower_ in {"a", "an", "one"}:
            return 1
    return None


def bracketed_count(noun: Token) -> int | None:
    """"fewer ceasefire violations in Donetsk region (about 120, including 30 explosions)": the
    tally's own number, opening its brackets (the parser hangs it anywhere in the phrase)."""
    doc = noun.doc
    for tok in noun.subtree:
        if tok.pos_ != "NUM" or tok.dep_ == "nummod" or tok.i < 1:
            continue
        before = doc[tok.i - 1]
        if before.lower_ in {"about", "some", "around", "approximately"} and tok.i > 1:
            before = doc[tok.i - 2]
        if before.text == "(":
            value = cas.number_value(tok)
            if value is not None:
                return value
    return None


def breakdown_of(noun: Token) -> dict[str, int]:
    """"676 ceasefire violations, including 298 explosions" -> {"explosion": 298}."""
    out: dict[str, int] = {}
    for prep in (c for c in noun.subtree if c.lower_ == "including" and c.dep_ == "prep"):
        for part in (g for g in prep.children if g.dep_ == "pobj"):
            for item in (part, *part.conjuncts):
                value = count_of(item)
                if value is not None:
                    out[item.lemma_.lower()] = value
    return out


# acts a party's statement counts one by one: "74 combat clashes took place", "carried out 12
# strikes", "launched five missile strikes"
COUNTED_ACTS = frozenset({"clash", "strike", "airstrike", "attack", "assault", "raid", "violation", "bombardment",
                          "shelling", "engagement", "battle", "sortie", "provocation", "attempt", "exchange"})
# the verbs that do a counted act ("carried out 12 strikes"): the act's number is the verb's
_DOING = frozenset({"carry", "launch", "conduct", "make", "perform", "commit", "deliver", "mount", "stage",
                    "record", "register", "inflict"})


def acts_count(trigger: Token) -> int | None:
    """The number of acts a party's tally gives its attack: the trigger's own number when it is a
    counted act, or the number of the counted act a verb of doing takes; never one, a calibre or a
    year (one act is no tally)."""
    noun = trigger
    if trigger.pos_ in {"VERB", "AUX"}:
        if trigger.lemma_.lower() not in _DOING:
            return None
        noun = next((c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}), trigger)
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in COUNTED_ACTS or noun.tag_ not in {"NNS", "NNPS"}:
        return None
    value = next((cas.number_value(c) for c in noun.children if c.dep_ == "nummod"), None)
    if value is None or value < 2 or 1900 <= value <= 2100:
        return None
    return value
