"""Trigger detection: which words of a sentence name an event, and of which PLOVER type.

A verb fires on its lemma; a noun fires only when a verb governs it (object of a light verb such as
"launched an offensive", subject of any verb, or object of a preposition attached to a verb, "in a
phone call"), never as a modifier ("ceasefire violations"). Multi-word phrases ("open fire",
"call for", "martial law") are matched on lemmas first and take precedence over their words.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from truce.extract.accidents import accidental
from truce.extract.argrules import apply_rules
from truce.extract.casualties import is_target
from truce.extract.lexicon import Lexicon, Sense, lemma_of, load_lexicon
from truce.extract.trigger_frames import (
    agreement_cited,
    agreement_in_force,
    aimed_at,
    armed_fire,
    called_untrue,
    fallen_to,
    lying,
    machine_flying,
    office_title,
    ruled_by_agreement,
    signal_fire,
    subjected_to,
    wanting,
)

_GENERIC_HEADS = {"effort", "mission", "process", "initiative", "bid", "plan", "programme", "program",
                  "campaign", "drive", "action", "measure", "operation", "round"}
_NOMINAL_DEPS = {"compound", "dobj", "nsubj", "nsubjpass", "pobj", "attr", "ROOT", "conj", "appos", "oprd", "dative"}
_MILITARY_MODS = {"military", "ground", "army", "armed", "naval", "air", "aerial", "offensive",
                  "counter-terrorism", "counterterrorism", "anti-terrorist", "punitive", "combat",
                  "bombing", "shelling", "artillery", "missile", "rocket", "drone", "mortar", "sniper",
                  "cross-border", "deadly", "fatal", "lethal", "arms", "small-arms", "machine-gun", "automatic",
                  "anti-aircraft", "tank", "retaliatory", "counter-battery"}
# verbs by which a happening is known: "fire was heard", "shelling reported overnight"
_PERCEIVED = {"report", "hear", "record", "observe", "register", "see", "witness", "detect"}
# Triggers nested under these take their type from the governing word rather than standing alone.
_CONFLICT_WORDS = {"troop", "soldier", "army", "military", "force", "rebel", "militant", "separatist",
                   "artillery", "mortar", "rocket", "missile", "drone", "shell", "killed", "wounded",
                   "injured", "dead", "casualty", "gunman", "fighter", "bomb", "village", "position",
                   "insurgent", "police", "civilian", "front", "frontline", "weapon", "gun", "sniper",
                   "crowd", "mob", "protester", "demonstrator", "uav", "fire", "explosion", "burst",
                   "battle", "war", "fighting", "clash", "militia", "insurgency", "jihadist",
                   # "died of shrapnel wounds", "died of gunshot wounds": the wounds of violence
                   "shrapnel", "gunshot", "wound",
                   # "We destroyed two enemy tanks": the other side in arms and its armour
                   "enemy", "tank", "armoured", "armored", "howitzer", "warplane"}
# "the death toll from Saturday's attack": a noun of harm names the event it counts
_TOLL_HEADS = {"toll", "casualty", "victim", "survivor", "aftermath"}
# "reports of an abduction", "news about the attack": a noun of news names the event it tells
_NEWS_HEADS = {"report", "news", "word", "account", "information", "footage", "video", "allegation", "claim"}
# verbs whose object is what is told, not acted on ("confirmed an attack", "reported a strike")
_TELLING = {"say", "report", "confirm", "announce", "state", "tell", "claim", "allege", "acknowledge",
            "reveal", "disclose", "describe", "record", "document", "witness", "observe", "verify"}
# "said the accusation was false": calling a claim untrue rejects it (PLOVER REJECT, a denial)
_FALSITY = {"false", "untrue", "baseless", "groundless", "unfounded", "fabricated", "fake", "lie",
            "nonsense", "absurd", "fabrication", "slander", "disinformation", "misinformation"}
_CLAIM_NOUNS = {"accusation", "allegation", "claim", "report", "charge", "information", "statement",
                "assertion", "it", "this", "that", "story", "rumour", "rumor", "suggestion"}


@dataclass(slots=True)
class Trigger:
    """A word (or phrase) naming an event; `token` is its syntactic head."""

    token: Token
    senses: tuple[Sense, ...]
    tokens: tuple[Token, ...]
    nominal: bool
    via_phrase: bool = False

    @property
    def weak(self) -> bool:
        return all(s.weak for s in self.senses)


_PHRASE_CHILD_DEPS = {"dobj", "prt", "oprd", "acomp", "xcomp", "ccomp", "nsubjpass", "attr"}


def _verb_phrase(tok: Token, lemma: str, lex: Lexicon, used: set[int]) -> Trigger | None:
    """A two-word verb phrase matched on the parse, so that words may stand between its parts:
    "lifted on Friday the day-old blockade", "hold the Syrian regime responsible"."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return None
    for words, sense in lex.phrases.get(lemma, ()):
        if len(words) != 2:
            continue
        for child in tok.children:
            if child.dep_ in _PHRASE_CHILD_DEPS and child.i not in used and \
                    words[1] in {child.lemma_.lower(), child.lower_}:
                return Trigger(tok, (sense,), (tok, child), False, via_phrase=True)
    return None


def _phrase_matches(sent: Span, lex: Lexicon) -> list[Trigger]:
    found: list[Trigger] = []
    used: set[int] = set()
    toks = [t for t in sent if (not t.is_space and not t.is_punct) or t.text == "-"]
    lemmas = [lemma_of(t, lex) for t in toks]
    for i, lemma in enumerate(lemmas):
        for words, sense in lex.phrases.get(lemma, ()):
            # allow one optional determiner/possessive inside a phrase ("reach a deal", "its support")
            j, k = i, 0
            matched: list[Token] = []
            while j < len(toks) and k < len(words):
                if lemmas[j] == words[k]:
                    matched.append(toks[j])
                    j, k = j + 1, k + 1
                elif k > 0 and toks[j].pos_ in {"DET", "PRON", "ADJ", "ADV"} and len(matched) < 4:
                    j += 1
                else:
                    break
            if k == len(words) and not any(t.i in used for t in matched):
                ids = {t.i for t in matched}
                head = next((t for t in matched if t.head.i not in ids or t.head.i == t.i), matched[-1])
                found.append(Trigger(head, (sense,), tuple(matched), head.pos_ not in {"VERB", "AUX"},
                                     via_phrase=True))
                used |= ids
                break
        else:
            if toks[i].i not in used:
                trig = _verb_phrase(toks[i], lemma, lex, used)
                if trig is not None:
                    found.append(trig)
                    used |= {t.i for t in trig.tokens}
    return found


def _noun_fires(tok: Token, lex: Lexicon, weak: bool, assault: bool = False) -> bool:
    if tok.dep_ not in _NOMINAL_DEPS:
        return False
    if any(c.dep_ == "det" and c.lower_ in {"no"} for c in tok.children) and not _reported(tok, lex):
        return False  # "no direct involvement": nothing happened; "X said it carried out no
        # strikes" is X's denial of the strikes (attribution marks it denied)
    head = tok.head
    if not weak and dated(tok):
        return True  # "the December 31 attack", "Monday's bombing": a dated act is a happening
    if tok.dep_ == "conj":
        return _noun_fires(head, lex, weak, assault) if head.i != tok.i else False
    if tok.dep_ == "dobj":
        # "lifted the curfew": the verb is the event; "said an attack hit the base": told, so happened
        return lemma_of(head, lex) in lex.light_verbs or (
            (not weak or aimed_at(tok)) and lemma_of(head, lex) in _TELLING)
    if tok.dep_ == "compound" and head.lemma_.lower() in _GENERIC_HEADS:
        return _noun_fires(head, lex, weak, assault)  # "a mediation effort", "peace talks"
    if weak:
        if assault and (aimed_at(tok) or any(c.lower_ in _MILITARY_MODS for c in tok.children
                                             if c.dep_ in {"amod", "compound"})):
            return True  # "a military operation"; "reports of a strike on a school": aimed at a target
        if tok.dep_ == "oprd":
            return True  # "called it an aggression": naming the act is the accusation
        if tok.dep_ in {"nsubj", "nsubjpass"} and head.tag_ == "VBN" and head.lemma_.lower() in _PERCEIVED:
            return True  # "fire was heard", "with only sporadic fire reported near X": perceived, so it happened
        return tok.dep_ in {"nsubj", "nsubjpass"} and head.lemma_.lower() in {
            "kill", "wound", "injure", "hit", "target", "destroy", "damage", "erupt", "occur", "begin",
            "continue", "resume", "intensify"}
    if tok.dep_ in {"nsubj", "nsubjpass", "ROOT", "attr", "oprd"}:
        return True
    if tok.dep_ == "pobj":
        prep = head
        if prep.lower_ in {"from", "in", "of"} and prep.head.lemma_.lower() in _TOLL_HEADS:
            return True
        if prep.lower_ in {"on", "of", "about"} and prep.head.lemma_.lower() in _NEWS_HEADS and not weak:
            return True  # "reports on the killing of a journalist": the news tells a happening
        if prep.lower_ == "into" and prep.head.lemma_.lower() == "enter":
            return True  # "entered into an agreement", "entered into talks"
        if prep.lower_ == "under" and assault and prep.head.pos_ in {"VERB", "AUX"}:
            return True  # "said Kharkiv was under attack" (not "under the agreement": no new one)
        return prep.head.pos_ in {"VERB", "AUX"} and prep.lower_ in {
            "in", "during", "after", "amid", "with", "by", "of", "through", "following", "despite"}
    return tok.dep_ in {"appos", "dative"}


def dated(tok: Token) -> bool:
    """The noun carries its own date ("the December 31 attack", "Monday's strike", "the attack last
    week", "the abduction of a reporter on August 11"): a modifier or phrase that is a date."""
    for c in tok.children:
        if c.dep_ in {"compound", "nmod", "npadvmod", "poss"} and c.ent_type_ == "DATE" \
                and c.lower_ not in {"today", "now"}:
            return True
        if c.dep_ == "prep" and c.lower_ in {"on", "in"} and any(
                g.dep_ == "pobj" and g.ent_type_ == "DATE" and g.pos_ in {"PROPN", "NUM"} for g in c.children):
            return True  # "the disappearance of a reporter on August 11"
    return False


def _reported(tok: Token, lex: Lexicon) -> bool:
    """The word's clause is what a reporting verb reports ("Moscow said its aircraft ...")."""
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.dep_ in {"ccomp", "xcomp"} and lemma_of(node.head, lex) in lex.reporting_verbs:
            return True
        node = node.head
    return False


def _falsity(tok: Token, lex: Lexicon) -> bool:
    """"the accusation was false", "the report is a lie", said by someone: a rejection."""
    if tok.lemma_.lower() not in _FALSITY or tok.dep_ not in {"acomp", "attr"}:
        return False
    verb = tok.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return verb.lemma_.lower() == "be" and subj is not None and \
        subj.lemma_.lower() in _CLAIM_NOUNS and _reported(verb, lex)


def _conflict_context(sent: Span) -> bool:
    return any(t.lemma_.lower() in _CONFLICT_WORDS or t.lower_ in _CONFLICT_WORDS for t in sent)


def find_triggers(sent: Span, lex: Lexicon | None = None) -> list[Trigger]:
    """Every trigger in `sent`, phrases first, in text order."""
    lex = lex or load_lexicon()
    # a phrase headed by a preposition ("on high alert") is a state its governing verb is in
    found = [t for t in _phrase_matches(sent, lex)
             if not t.nominal or t.token.pos_ == "ADP" or _noun_fires(t.token, lex, weak=False)
             or t.token.dep_ == "compound"]
    used = {t.i for trig in found for t in trig.tokens}
    conflict: list[bool] = []  # the sentence's conflict context, computed once and only when asked
    for tok in sent:
        if tok.i in used or tok.is_space or tok.is_punct:
            continue
        if tok.pos_ == "VERB" or (tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.tag_.startswith("VB")):
            trigger = _verb_trigger(tok, sent, lex, conflict)
        elif tok.pos_ in {"NOUN", "PROPN", "ADJ"}:
            trigger = _noun_trigger(tok, lex)
        else:
            trigger = None
        if trigger is not None:
            found.append(trigger)
    found = _stances(sent, found, lex)
    return _filtered(found, lex)


def _verb_trigger(tok: Token, sent: Span, lex: Lexicon, conflict: list[bool]) -> Trigger | None:
    """The trigger a verb makes, if its lexicon senses survive their argument rules."""
    lemma = lemma_of(tok, lex)
    if lemma == "fall" and fallen_to(tok) is not None:  # "the town fell to the rebels": taken by force
        return Trigger(tok, (Sense("ASSAULT", None, False),), (tok,), nominal=False, via_phrase=True)
    senses = lex.verbs.get(lemma) or ()
    if (not senses and lemma not in lex.arg_rules) or tok.dep_ in {"amod", "compound"} or _aim(tok):
        return None
    if ruled_by_agreement(tok) or machine_flying(tok) or signal_fire(tok):
        return None  # a rule ("banned by the Minsk agreements"), no visit ("a UAV flying"), no hit ("fired flares")
    ruled = apply_rules(tok, senses, lex)
    if not ruled:
        return None
    subjecting = subjected_to(tok)
    if subjecting is not None:
        return Trigger(subjecting, ruled, (subjecting, tok), nominal=False, via_phrase=True)
    if all(s.weak for s in ruled) and any(c.dep_ == "oprd" for c in tok.children):
        return None  # "calling it disinformation", "called the claims baseless": naming, no phone call
    if ruled != senses:  # an argument decided the reading: no longer ambiguous
        return Trigger(tok, ruled, (tok,), nominal=False, via_phrase=True)
    if all(s.weak for s in senses):
        has_arg = any(c.dep_ in {"dobj", "nsubjpass", "prep", "agent", "xcomp", "ccomp"} for c in tok.children) \
            or armed_fire(tok)
        if not has_arg and not _conditional_threat(tok):  # ("we will strike back if ...": a threat)
            return None
        if any(s.type == "ASSAULT" for s in senses) and len(senses) == 1 and not _conditional_threat(tok):
            if not conflict:
                conflict.append(bool(_conflict_context(sent)))
            if not conflict[0]:
                return None
    return Trigger(tok, senses, (tok,), nominal=False)


def _conditional_threat(tok: Token) -> bool:
    """"if they cross the line, we will destroy them": an act of force promised on a condition is a
    threat, whatever the sentence's other words."""
    verb = tok.head if tok.dep_ == "conj" else tok
    future = any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in verb.children)
    condition = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
                    for c in verb.children)
    return future and condition


def _noun_trigger(tok: Token, lex: Lexicon) -> Trigger | None:
    """The trigger a noun (or a noun-like adjective or name) makes, if it fires."""
    senses = lex.nouns.get(lemma_of(tok, lex)) or lex.nouns.get(tok.lower_) or ()
    if not senses or (tok.pos_ == "PROPN" and tok.ent_type_ not in {"", "NORP"}):
        return None
    if is_target(tok):
        return None  # "a mini-UAV was targeted by small-arms fire": the drone was hit, it hit nothing
    weak = all(s.weak for s in senses)
    if not _noun_fires(tok, lex, weak, any(s.type == "ASSAULT" for s in senses)):
        return None
    if agreement_in_force(tok, senses) or agreement_cited(tok, senses) or office_title(tok):
        return None
    noun_senses = apply_rules(tok, senses, lex)
    return Trigger(tok, noun_senses, (tok,), nominal=True) if noun_senses else None


def _stances(sent: Span, found: list[Trigger], lex: Lexicon) -> list[Trigger]:
    """Offers ("ready to withdraw", "willing to talk") and rejections ("the claim is false"), which
    replace the claim they reject."""
    for tok in sent:
        if tok.lemma_.lower() in lex.promise_adjectives and any(
                c.dep_ == "xcomp" and not _hostile(c, lex) for c in tok.children):
            found.append(Trigger(tok, (Sense("AGREE", None, False),), (tok,), nominal=False))
    for tok in sent:
        if _falsity(tok, lex) or wanting(tok) or lying(tok) or called_untrue(tok):
            rejected = {c.i for c in tok.head.children if c.dep_ == "nsubj"} | {tok.i}
            found = [t for t in found if t.token.i not in rejected]  # the claim is what is rejected
            found.append(Trigger(tok, (Sense("REJECT", None, False),), (tok,), nominal=False, via_phrase=True))
    return found


def _filtered(found: list[Trigger], lex: Lexicon) -> list[Trigger]:
    """Triggers left once light verbs, demands, threats, stopped acts, accidents and aims are dropped,
    in text order."""
    found = _drop_light_verbs(found, lex)
    found = _drop_demanded(found)
    found = _drop_threatened(found)
    found = _drop_stopped(found)
    # a crash, a flood or a collapse that kills is harm with no attacker (truce.extract.accidents)
    found = [t for t in found if not (any(s.type == "ASSAULT" for s in t.senses) and accidental(t.token))]
    found = [t for t in found if not any(_aim(x) or (x.dep_ == "dobj" and _aim(x.head)) for x in t.tokens)]
    found.sort(key=lambda t: t.token.i)
    return found


# "efforts to reach a peace agreement", "a bid to end the war": the verb names an aim, not an event
_AIM_NOUNS = {"effort", "bid", "attempt", "push", "drive", "hope", "aim", "goal", "quest", "initiative"}


def _aim(tok: Token) -> bool:
    return tok.dep_ in {"acl", "relcl"} and tok.head.lemma_.lower() in _AIM_NOUNS and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _drop_demanded(found: list[Trigger]) -> list[Trigger]:
    """What a demand asks for is part of the demand, not an event of its own: in "called on the
    military to end its campaign", "urged Russia to withdraw" or "urged the sides to respect the
    truce" only the REQUEST happened."""
    requests = {t.token.i for t in found if any(s.type == "REQUEST" for s in t.senses)}
    found = [t for t in found if not (t.token.dep_ == "xcomp" and t.token.head.i in requests
                                      and not any(s.type == "REQUEST" for s in t.senses))]
    # "urged all parties to respect the ceasefire and to allow humanitarian access": what the
    # asked-for acts take (the ceasefire kept, the access allowed) is asked for too, not done; an
    # attack named there ("to stop the shelling") is still one that happens
    asked: set[int] = set()
    for trig in found:
        if any(s.type == "REQUEST" for s in trig.senses):
            for verb in (c for c in trig.token.children if c.dep_ == "xcomp"):
                for act in (verb, *verb.conjuncts):
                    asked |= {o.i for o in act.children if o.dep_ in {"dobj", "nsubjpass"}} | {act.i}
    return [t for t in found if not (t.token.i in asked and not any(s.type in {"REQUEST", "ASSAULT"}
                                                                       for s in t.senses))]


def _drop_threatened(found: list[Trigger]) -> list[Trigger]:
    """What a threat announces is part of the threat: in "would not hesitate to defend its
    territory" or "threatened to expel the envoys" only the THREATEN happened."""
    threats = {t.token.i for t in found if any(s.type == "THREATEN" for s in t.senses)}
    return [t for t in found if not (t.token.dep_ == "xcomp" and t.token.head.i in threats
                                     and not any(s.type == "THREATEN" for s in t.senses))]


def _drop_stopped(found: list[Trigger]) -> list[Trigger]:
    """The fighting a ceasefire halts is not an event of its own: "agreed to halt six weeks of
    fighting" names the halt only."""
    stopped: set[int] = set()
    for trig in found:
        if any(s.mode == "ceasefire" for s in trig.senses) and not trig.nominal:
            for obj in (c for c in trig.token.children if c.dep_ == "dobj"):
                stopped |= {t.i for t in obj.subtree}
    return [t for t in found if t.token.i not in stopped]


_HOSTILE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"}


def _hostile(verb: Token, lex: Lexicon) -> bool:
    """Whether an embedded verb names a hostile act ("prepared to impose martial law")."""
    lemma = lemma_of(verb, lex)
    objects = {c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"}
    candidates = [*lex.verbs.get(lemma, ())[:1]]
    candidates += [s for o in objects for s in lex.nouns.get(o, ())[:1]]
    candidates += [s for words, s in lex.phrases.get(lemma, ()) if len(words) == 2 and words[1] in objects]
    return any(s.type in _HOSTILE_TYPES for s in candidates)


def _drop_light_verbs(found: list[Trigger], lex: Lexicon) -> list[Trigger]:
    """An ambiguous verb that is also a light verb yields to the event noun it governs:
    "ordered patrols", "imposed a curfew" are about the patrols and the curfew."""
    nominal_heads = {t.token.head.i for t in found if t.nominal and t.token.dep_ in {"dobj", "oprd"}}
    return [t for t in found if not (not t.nominal and not t.via_phrase and t.weak
                                     and t.token.i in nominal_heads
                                     and lemma_of(t.token, lex) in lex.light_verbs)]
