"""Who a verb's clause is about: the subject of a verb, inherited from the clause that governs it.

The primitive readings of the dependency tree that `truce.extract.arguments` builds on: a token's
child by dependency label, whether a verb is passive, and the subject a clause has or inherits
("troops who attacked": the troops; "X persuaded Y to withdraw": Y withdraws).
"""

from __future__ import annotations

from spacy.tokens import Token

from truce.extract.lexicon import load_lexicon

# verbs whose subject holds an object in the state a participle names ("had troops massed")
_HOLDING_VERBS = {"have", "keep", "hold"}
# verbs whose object is the one who does what the verb's complement names ("persuaded Y to withdraw")
_CAUSING_VERBS = {"persuade", "force", "urge", "order", "ask", "call", "tell", "allow", "compel"}


def child_by(tok: Token, deps: set[str]) -> Token | None:
    """The first child of `tok` attached by one of `deps`."""
    return next((c for c in tok.children if c.dep_ in deps), None)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _nearest_subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    if not subjects:
        return None
    before = [c for c in subjects if c.i < verb.i]
    return max(before, key=lambda c: c.i) if before else subjects[0]


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of `verb`, inherited from the governing clause when it has none of its own."""
    subj = _nearest_subject(verb)
    if subj is not None and subj.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
        head = verb.head  # "troops who attacked": the troops; "a ceasefire that would disarm": its maker
        if head.ent_type_ or load_lexicon().nouns.get(head.lemma_.lower()) is None:
            return head
        return subject_of(head.head, depth + 1) if head.head.pos_ in {"VERB", "AUX"} else None
    if subj is not None:
        return subj
    if is_passive(verb):
        agent = child_by(verb, {"agent"})
        return child_by(agent, {"pobj"}) if agent is not None else None
    if verb.dep_ == "ROOT" and depth == 0 and verb.tag_ in {"VBZ", "VBP"}:
        # a headline's second act ("Regime kills dozens in raids, agrees aid convoys"): the parser
        # hangs the first clause on it, whose subject does both
        first = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and c.tag_ == verb.tag_),
                     None)
        return _nearest_subject(first) if first is not None else None
    if depth > 4 or verb.head.i == verb.i:
        return None
    if verb.dep_ == "relcl":
        return verb.head
    if verb.dep_ in {"xcomp", "conj", "advcl", "acl", "pcomp", "acomp"}:
        return _inherited_subject(verb, depth)
    return None


# nouns of a decision whose "to" clause is what its maker will do ("a resolution to expel the troops")
_DECISION_NOUNS = {"resolution", "decision", "plan", "bill", "motion", "order", "proposal", "move", "bid",
                   "attempt", "effort", "pledge", "promise", "commitment", "offer", "threat", "vow", "law",
                   "decree", "campaign", "operation", "offensive"}
# verbs whose subject makes or adopts the decision ("voted on a resolution", "announced a plan")
_ADOPTING_VERBS = {"vote", "adopt", "approve", "pass", "announce", "sign", "issue", "make", "launch", "take",
                   "unveil", "draft", "introduce", "table", "submit", "begin", "start", "mount", "step",
                   "renew", "repeat", "reiterate"}


def _decision_maker(verb: Token, depth: int) -> Token | None:
    """"The parliament voted on a resolution to expel US troops": the expelling is the parliament's."""
    noun = verb.head
    if noun.lemma_.lower() not in _DECISION_NOUNS or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    gov = noun.head
    if noun.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head
    if noun.dep_ not in {"dobj", "pobj"} or gov.pos_ != "VERB" or gov.lemma_.lower() not in _ADOPTING_VERBS:
        return None
    return subject_of(gov, depth + 1)


def _inherited_subject(verb: Token, depth: int) -> Token | None:
    """The subject a subjectless dependent clause takes from the word that governs it."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.head.i != head.i:
        head = head.head
    if verb.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"}:
        owner = child_by(head, {"poss"})
        if owner is None:
            owner = _decision_maker(verb, depth)
            if owner is not None:
                return owner
        if owner is None and verb.tag_ == "VBN" and head.dep_ == "dobj" and \
                head.head.lemma_.lower() in _HOLDING_VERBS:
            # "Russia had 100,000 troops massed near the border": whoever has the troops so
            # placed is the one who placed them
            return subject_of(head.head, depth + 1)
        if owner is None and head.dep_ == "ROOT" and verb.tag_ in {"VBD", "VBN"}:
            # a sentence whose root is a noun ("On 11 May, units of the Armed Forces ...,
            # subjected to fire the positions"): the parser took the main verb for a
            # participle, and the noun is its subject
            return head
        return owner
    # "X persuaded Y to withdraw": the object of the governing verb acts
    if verb.dep_ == "xcomp":
        obj = child_by(head, {"dobj"})
        if obj is not None and head.lemma_.lower() in _CAUSING_VERBS:
            return obj
    if head.pos_ in {"VERB", "AUX", "ADJ"}:
        return subject_of(head, depth + 1)
    return None


# verbs of carrying out an act: "the attack, reportedly carried out by the Taliban"
_DOING_VERBS = {"conduct", "carry", "launch", "stage", "mount", "perpetrate", "commit", "execute",
                "orchestrate", "claim"}


def doing_participle(noun: Token) -> Token | None:
    """The participle that names who carried out the act `noun` names: on the noun ("an attack
    carried out by X") or, as the parser often hangs it, on the clause after the noun ("Dozens died
    in the attack, reportedly conducted by X")."""
    candidates = [c for c in noun.children if c.dep_ == "acl"]
    if noun.pos_ in {"VERB", "AUX"}:  # ("Eleven died in the ambush, carried out by X": the verb's clause)
        candidates += [c for c in noun.children if c.dep_ == "advcl"]
    gov = noun.head.head if noun.dep_ == "pobj" else noun.head
    if gov.i != noun.i and gov.pos_ in {"VERB", "AUX"}:
        candidates += [c for c in gov.children if c.dep_ in {"advcl", "acl"} and c.i > noun.i]
    for verb in candidates:
        if verb.tag_ == "VBN" and verb.lemma_.lower() in _DOING_VERBS and child_by(verb, {"agent"}) is not None:
            return verb
    return None


# words of having had a part in an act: "involved in", "responsible for"
_TAKING_PART = frozenset({"involve", "involved", "responsible"})


def behind_verb(noun: Token) -> Token | None:
    """The verb "be" of "X was (not) behind the attack": who stands behind an act carried it out.
    The noun is the object of "behind", or (as the parser may have it) the attribute of a "be"
    that has the "behind" phrase ("Iran was behind the drone strikes")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "behind":
        verb = noun.head.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in {"in", "for"} and noun.head.head.lemma_.lower() in _TAKING_PART:
        # "their fighters had not been involved in the attack", "X was responsible for the bombing"
        part = noun.head.head
        return part if part.pos_ == "VERB" else part.head if part.head.lemma_.lower() == "be" else None
    elif noun.dep_ == "attr" and any(c.dep_ == "prep" and c.lower_ == "behind" and c.i < noun.i
                                     for c in noun.head.children):
        verb = noun.head
    else:
        return None
    return verb if verb.lemma_.lower() == "be" and verb.i != noun.i else None


_HEARSAY = {"reportedly", "allegedly", "purportedly", "supposedly"}


def reportedly_done(noun: Token) -> bool:
    """"the attack, reportedly carried out by X": the participle that tells the doer is hearsay."""
    doing = doing_participle(noun)
    return doing is not None and any(c.dep_ == "advmod" and c.lower_ in _HEARSAY for c in doing.children)
