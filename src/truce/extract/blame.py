"""Acts named only as what someone is blamed or criticised for, or denies responsibility for.

A noun of force fires as a trigger only when a verb governs it (truce.extract.triggers); in
"the governor blamed Russian forces for the shelling of the hospital" or "Russia and Ukraine
accused each other of the attack" the attack hangs on the accusation's "for"/"of" phrase and would
be lost, leaving the accusation without the claimed event it is about. In "Hamas denied
responsibility for the attack" the attack is what the speaker denies. Such nouns are triggers
here; attribution reads them as the speaker's claim (blame verbs are claim verbs) or denial.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from truce.extract.lexicon import Lexicon, lemma_of
from truce.extract.subjects import behind_verb
from truce.extract.triggers import Trigger

# verbs whose "for"/"of" phrase names the act the object is blamed for
_BLAME_VERBS = {"blame", "accuse", "charge", "hold"}
_RESPONSIBILITY = {"responsibility", "role", "involvement"}
# the preposition each of them names the act with: "responsibility for", "any involvement in", "a
# role in" (or "for")
_RESPONSIBILITY_PREPS = {"for", "in"}
# verbs whose "for"/"over" phrase names the act the criticism is about ("criticised the government
# over the killing of 12 villagers by bandits"): the act happened, and whom the criticism is aimed
# at is not thereby its author
_CRITICISM_VERBS = {"criticise", "criticize", "condemn", "denounce", "slam", "fault", "rebuke", "censure",
                    "chastise", "berate"}
_HOSTILE = {"ASSAULT", "COERCE"}
# "traded blame / exchanged accusations over": a mutual blame with no verb of blame
_TRADING_VERBS = {"trade", "exchange"}
_ACCUSATION_NOUNS = {"blame", "accusation", "charge", "allegation", "recrimination"}


def blamed_acts(sent: Span, lex: Lexicon, found: list[Trigger]) -> list[Trigger]:
    """Triggers for the acts `sent` blames someone for or denies responsibility for, and for a
    "held X responsible" the parse split, none of them in `found`."""
    used = {t.i for trig in found for t in trig.tokens}
    out: list[Trigger] = []
    for tok in sent:
        if tok.i in used or tok.pos_ != "NOUN" or tok.dep_ not in {"pobj", "attr"}:
            continue
        behind = behind_verb(tok)  # "the Taliban said they were not behind the attack"
        verb = behind or (_blamed_for(tok, lex) if tok.dep_ == "pobj" else None)
        if verb is None:
            continue
        senses = tuple(s for s in lex.nouns.get(lemma_of(tok, lex)) or lex.nouns.get(tok.lower_) or ()
                       if s.type in _HOSTILE and (not s.weak or behind is not None))
        if senses:
            out.append(Trigger(tok, senses, (tok,), nominal=True))
        held = _held_responsible(verb, lex)
        if held is not None and verb.i not in used:
            used.add(verb.i)
            out.append(held)
    return out


def _blamed_for(tok: Token, lex: Lexicon) -> Token | None:
    """The verb of blame or denial whose "for"/"of" phrase `tok` ends, if any."""
    prep = tok.head
    if prep.lower_ not in {"for", "of", "over", "in"} or prep.head.i == prep.i:
        return None
    gov = prep.head
    if gov.lemma_.lower() in _RESPONSIBILITY and gov.dep_ == "dobj":
        # "denied responsibility for the attack", "denied playing any role in the massacre"
        return _denial_of(gov, lex)
    if prep.lower_ == "in":
        return None
    node = gov
    for _ in range(3):  # "accused the rebels of the massacre", "held Hamas responsible for"
        if node.pos_ == "VERB":
            lemma = node.lemma_.lower()
            if lemma in _TRADING_VERBS and gov.dep_ == "dobj" and gov.head.i == node.i \
                    and gov.lemma_.lower() in _ACCUSATION_NOUNS:
                return node  # "Russia and Ukraine traded blame for the shelling of the plant"
            if lemma in _BLAME_VERBS and prep.lower_ != "over" and (
                    lemma != "hold" or any(c.lower_ == "responsible" for c in node.subtree)):
                return node
            return node if lemma in _CRITICISM_VERBS and prep.lower_ in {"for", "over"} else None
        if node.dep_ not in {"dobj", "amod", "acomp", "oprd", "ccomp", "xcomp"} or node.head.i == node.i:
            return None
        node = node.head
    return None


def _held_responsible(verb: Token, lex: Lexicon) -> Trigger | None:
    """"held Hamas responsible": the phrase's accusation, when "responsible" hangs on the object."""
    if verb.lemma_.lower() != "hold":
        return None
    resp = next((t for t in verb.subtree if t.lower_ == "responsible"), None)
    sense = next((s for words, s in lex.phrases.get("hold", ()) if words == ("hold", "responsible")), None)
    if resp is None or sense is None:
        return None
    return Trigger(verb, (sense,), (verb, resp), nominal=False, via_phrase=True)


def denied_responsibility(tok: Token, lex: Lexicon) -> bool:
    """The trigger is the act of a "denied responsibility for ..." phrase: the denier's own act."""
    prep = tok.head
    gov = prep.head
    if gov.lemma_.lower() in _SHARE_VERBS:  # "denied playing any role in": the parse hangs "in" on the verb
        gov = next((c for c in gov.children if c.dep_ == "dobj" and c.lemma_.lower() in _RESPONSIBILITY), gov)
    return tok.dep_ == "pobj" and prep.lower_ in _RESPONSIBILITY_PREPS and gov.lemma_.lower() in _RESPONSIBILITY \
        and gov.dep_ == "dobj" and _denial_of(gov, lex) is not None


# verbs that carry a share in an act: "denied playing any role in", "denied having any involvement in"
_SHARE_VERBS = {"play", "have", "bear", "take"}


def _denial_of(share: Token, lex: Lexicon) -> Token | None:
    """The denial verb "responsibility", "role" or "involvement" is the object of, directly or
    through a verb of having a share ("denied playing any role in")."""
    verb = share.head
    if verb.lemma_.lower() in _SHARE_VERBS and verb.dep_ in {"xcomp", "ccomp"} and verb.head.i != verb.i:
        verb = verb.head
    return verb if verb.lemma_.lower() in lex.denial_verbs else None
