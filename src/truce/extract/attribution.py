"""Who says so, and how: the speaker of a claim, the report's stance (status) and PLOVER aux modes.

- A trigger under a reporting verb ("X said Y attacked") or inside quotation marks belongs to the
  speaker of that verb; a quotation closed by "..., the official said" after it, or a paragraph that
  continues a quotation, is attributed to the same speaker. Unattributed sentences are the
  reporter's own: status `asserted`.
- `denied`: the trigger sits under a denial verb ("Turkey denied shelling ...").
- aux `negation` ("did not attack", "no attack"; the cues are truce.extract.negation's),
  `hypothetical` (if, could, threatened to), `future` (will, plans to).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from truce.extract.actors_known import known_organisation
from truce.extract.background import habitual_past as habitual_past  # (assemble reads it here)
from truce.extract.docext import sentence_of
from truce.extract.issuers import document_reads, issuer_of
from truce.extract.lexicon import Lexicon
from truce.extract.negation import (
    MODALS_HYPO,
    called_false,
    counterfactual,
    free_choice,
    has_negation,
    hypothetical_cue,
    neither,
    nobody_did,
    unverified,
)
from truce.extract.quotes import in_quote
from truce.extract.quotes import quote_regions as quote_regions  # (paragraph reads it here)
from truce.extract.subjects import reportedly_done

_MODALS_FUTURE = {"will", "shall", "'ll", "wo"}
_EXPECTED = {"expect", "schedule", "due", "set", "slate", "plan", "likely", "poise"}


@dataclass(slots=True)
class Stance:
    """Attribution of one trigger."""

    speaker: Token | None  # head of the speaker phrase
    status: str  # asserted | claimed | denied
    aux: str | None
    quoted: bool = False  # inside quotation marks with no speaker found in the paragraph


def _speaker_of(verb: Token) -> Token | None:
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        subj = _mistagged_organisation(verb) or _stranded_speaker(verb)
    if subj is None and verb.dep_ == "conj" and verb.head.i != verb.i:
        return _speaker_of(verb.head)  # "X denied ... and said instead that ...": X says it
    if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB":
        return _speaker_of(verb.head)  # "the army withdrew its statement, saying ...": the army says it
    if subj is not None and subj.dep_ == "nsubjpass":  # "it was reported by X"
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    return (issuer_of(subj) or subj) if subj is not None else None


def _stranded_speaker(verb: Token) -> Token | None:
    """"..., fire was opened on our positions in Tovuz and Gazakh, the Ministry of Defence said":
    the parser hangs the speaker as an apposition of the last noun before the verb, which then
    has no subject; the phrase that ends right before the verb, set off by a comma, speaks."""
    if verb.i == 0:
        return None
    tok = verb.doc[verb.i - 1]
    while tok.dep_ != "appos" and tok.head.i != tok.i and tok.head.i < verb.i and tok.head.right_edge.i == verb.i - 1:
        tok = tok.head
    start = tok.left_edge.i
    if tok.dep_ != "appos" or tok.pos_ not in {"NOUN", "PROPN"} or start == 0 or verb.doc[start - 1].text != ",":
        return None
    return tok


def _mistagged_organisation(verb: Token) -> Token | None:
    """A known organisation the tagger read as a verb in front of `verb`, which then lacks a subject:
    in "the news agency SANA, citing a source, said ..." SANA becomes a clause of "said"."""
    for child in verb.lefts:
        if child.pos_ in {"VERB", "AUX"} and child.text[:1].isupper() and child.i > sentence_of(verb).start \
                and known_organisation([child]) is not None:
            # its own "subject" is the phrase it names ("Syria's state news agency"), a noun the
            # actor coder reads; the bare mis-tagged name it would refuse as a verb
            return next((c for c in child.children if c.dep_ == "nsubj"), child)
    return None


def _according_to(sent: Span) -> Token | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            pobj = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return issuer_of(pobj) or pobj
    return None


def reporting_speaker(sent: Span, lex: Lexicon, regions: list[tuple[int, int]]) -> Token | None:
    """Speaker of a reporting verb outside quotation marks in `sent` (", the official said")."""
    for tok in sent:
        if tok.pos_ == "VERB" and not in_quote(tok.idx, regions) and (
                tok.lemma_.lower() in lex.reporting_verbs or document_reads(tok)):
            spk = _speaker_of(tok)
            if spk is not None:
                return spk
    return _according_to(sent)


@dataclass(slots=True)
class _Walk:
    """What the walk from a trigger up to its sentence's root has seen so far."""

    speaker: Token | None = None
    status: str = "asserted"
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    conditional: bool = False  # the walk passed through an if/unless clause
    object_of: bool = False  # the walk passed from an object up to its verb ("stop the attack")
    alleged: bool = False  # the walk passed through the content of a claim ("claims that X shelled")


def stance(trigger: Token, sent: Span, lex: Lexicon, regions: list[tuple[int, int]],
           quote_speaker: Token | None) -> Stance:
    """Attribute `trigger`: walk up to the sentence root noting reporting, denial and modal cues."""
    walk = _Walk(negated=has_negation(trigger) or neither(trigger) or nobody_did(trigger))
    chain = _walk_up(trigger, lex, walk)
    speaker, status = walk.speaker, walk.status
    if speaker is None and status == "asserted":
        side = _side_report(chain, lex)
        if side is not None:
            speaker = _speaker_of(side)
            if has_negation(side):
                status = "denied"
    quoted = False
    if speaker is None and in_quote(trigger.idx, regions):
        speaker = quote_speaker
        quoted = speaker is None
    if speaker is None:
        speaker = _according_to(sent)
    if status == "asserted" and reportedly_done(trigger):
        walk.alleged = True  # "the attack, reportedly carried out by X": X's act on others' word
    if status == "asserted" and (speaker is not None or walk.alleged):
        status = "claimed"
    negated, hypothetical = walk.negated, walk.hypothetical
    if counterfactual(trigger):
        # "could not have fought a war it would have lost": a past that did not happen, argued
        # about, neither a denial nor a happening
        negated, hypothetical = False, True
    if walk.conditional:
        # "if the rebels attack, the army will respond", "unless the group does not withdraw": a
        # condition has not happened, whatever the tense of its governor or a negation inside it
        negated, hypothetical = False, True
    if negated and status == "claimed" and speaker is not None:
        status = "denied"  # a party saying something did not happen is its denial
    aux = "negation" if negated else "hypothetical" if walk.conditional else "future" if walk.future \
        else "hypothetical" if hypothetical else None
    return Stance(speaker, status, aux, quoted)


# nouns whose "that" clause is what someone alleges, not what the reporter states
_CLAIM_CONTENT = {"claim", "allegation", "accusation", "charge", "report", "rumour", "rumor", "suggestion",
                  "assertion", "contention", "statement", "information"}
# verbs whose negation with the event as subject says it did not happen: "protests were not
# reported in the north", "no shelling was observed", "the attack never took place"
_WITNESS_VERBS = {"report", "record", "observe", "register", "see", "hear", "note", "detect", "occur",
                  "happen", "take", "confirm", "document"}
# "continued to fire": an aspect verb that is also a reporting verb ("..., he continued") reports
# nothing when it governs a "to" clause
_ASPECT_VERBS = {"continue", "begin", "start", "keep"}


def _walk_up(trigger: Token, lex: Lexicon, walk: _Walk) -> list[Token]:
    """Walk from the trigger to the root, filling `walk`; the nodes passed, trigger first."""
    node = trigger
    chain: list[Token] = []
    settled: tuple[bool, bool, bool, bool] | None = None
    for _ in range(12):
        chain.append(node)
        _modal_children(node, walk)
        parent = node.head
        if parent.i == node.i or _own_say(node, lex):
            break
        if node.dep_ == "relcl" and free_choice(node.head):
            walk.hypothetical = True  # "would annihilate any force that attacked X": no one in particular
        elif settled is None and node.dep_ == "relcl" and node.tag_ == "VBD":
            # "would avenge the strike that killed 12 on Monday": a past relative clause is a fact
            settled = (walk.negated, walk.hypothetical, walk.future, walk.conditional)
        if unverified(node, parent):
            walk.alleged = True  # "could not confirm any strike there": told by others, not denied
            break
        if _governor_speaks(node, parent, lex, walk):
            if parent.tag_ == "VBG" and parent.dep_ in {"acl", "advcl"} and called_false(parent, node):
                # "The information spread by X, claiming that Y fired on Z, is false": a claim the
                # sentence calls untrue is denied (its participle names no claimant who stands by it)
                walk.negated = True
            break
        if node.dep_ == "conj" and node.tag_ == "VBD" and parent.dep_ != "ROOT" and (
                parent.tag_ == "VBG" or _next_say(node, lex)):
            # "Eritrea denied attacking and blamed Ethiopia", "denied that its forces had struck and
            # blamed Kyiv": the subject's next act (or word), misparsed into what it denies
            break
        _claim_content(node, parent, walk)
        _clause_cues(node, parent, lex, walk)
        if node.dep_ == "dobj" and parent.pos_ == "VERB" and parent.lemma_.lower() not in lex.light_verbs:
            # "failed to stop the attack", "did not condemn the shelling": what is not done is the
            # act on the event, not the event ("did not launch an attack" is the event's own verb)
            walk.object_of = True
        elif node.dep_ == "dobj" and parent.pos_ == "VERB" and has_negation(parent) and not walk.object_of:
            walk.negated = True  # "did not launch any attack": the light verb's negation is the act's
        node = parent
    if settled is not None:
        walk.negated, walk.hypothetical, walk.future, walk.conditional = settled
    return chain


def _next_say(node: Token, lex: Lexicon) -> bool:
    """A subjectless conjunct verb of saying, denying or blaming ("... and blamed Kyiv")."""
    return node.lemma_.lower() in lex.reporting_verbs | lex.denial_verbs | {"blame", "accuse"} and not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in node.children)


def _claim_content(node: Token, parent: Token, walk: _Walk) -> None:
    """A "that" clause told as what a claim says is alleged: the claim noun's own clause
    ("investigating claims that the US used phosphorus bombs") or the clause of a verb the claim
    noun is the subject of ("Rumours spread that militants had attacked", "reports emerged that").
    A claim called untrue or taken back is denied by whoever does so."""
    if node.dep_ not in {"acl", "ccomp", "relcl"} or not any(c.dep_ == "mark" and c.lower_ == "that"
                                                             for c in node.children):
        return
    claim = parent if parent.lemma_.lower() in _CLAIM_CONTENT else None
    if claim is None and node.dep_ == "ccomp" and parent.pos_ == "VERB":
        claim = next((c for c in parent.children if c.dep_ == "nsubj" and c.lemma_.lower() in _CLAIM_CONTENT), None)
    if claim is None:
        return
    walk.alleged = True
    if called_false(claim, node) or _taken_back(claim):
        # "Baku called reports that its forces fired ... baseless", "the army retracted its
        # statement that rebels had attacked the base"
        walk.negated = True
        walk.speaker = walk.speaker or _claim_denier(claim)


# verbs that take a claim back: what it said is no longer said to have happened
_RETRACTING = {"retract", "withdraw", "recant", "disavow", "rescind", "correct", "revise"}


def _taken_back(claim: Token) -> bool:
    return claim.dep_ == "dobj" and claim.head.pos_ == "VERB" and claim.head.lemma_.lower() in _RETRACTING


def _claim_denier(claim: Token) -> Token | None:
    """Who calls the claim untrue: the subject of the verb it is the object of ("Baku called ...")."""
    if claim.dep_ == "dobj" and claim.head.pos_ == "VERB":
        return _speaker_of(claim.head)
    return None


def _own_say(node: Token, lex: Lexicon) -> bool:
    """"Ukraine accused Russia of shelling the town, which Moscow denied": a relative clause of
    saying or denying with a named subject of its own is that subject's word, told by the reporter,
    not part of what the governing speaker says."""
    if node.dep_ != "relcl" or node.lemma_.lower() not in lex.reporting_verbs | lex.denial_verbs:
        return False
    subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.pos_ in {"PROPN", "NOUN"}


def _fronted_content(node: Token, verb: Token) -> bool:
    """"Shelling damaged several houses, the governor added": the parser hangs the reported clause
    on the verb of saying as a side clause; it comes first, a comma before the speaker, and the
    verb has no complement of its own."""
    if node.dep_ not in {"advcl", "csubj", "parataxis"} or node.i > verb.i:
        return False
    if any(c.dep_ in {"ccomp", "xcomp", "dobj"} for c in verb.children):
        return False
    between = verb.doc[node.right_edge.i + 1:verb.i]
    return any(t.text == "," for t in between) and not any(
        c.dep_ == "mark" for c in node.children)  # ("After shelling the town, he said ...": his act)


def fronted_report(trigger: Token, lex: Lexicon) -> Token | None:
    """The verb of saying a fronted reported clause holding `trigger` hangs on (see `_fronted_content`)."""
    node = trigger
    for _ in range(4):
        parent = node.head
        if parent.i == node.i:
            return None
        if parent.pos_ == "VERB" and parent.lemma_.lower() in lex.reporting_verbs:
            return parent if _fronted_content(node, parent) else None
        node = parent
    return None


def _modal_children(node: Token, walk: _Walk) -> None:
    for child in node.children:
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in _MODALS_FUTURE:
            walk.future = True
        elif hypothetical_cue(child):
            walk.hypothetical = True
            walk.conditional = walk.conditional or child.dep_ == "mark"


def _governor_speaks(node: Token, parent: Token, lex: Lexicon, walk: _Walk) -> bool:
    """Note a denial, reporting or claim verb above `node`; True when the walk ends there."""
    plemma = parent.lemma_.lower()
    if parent.pos_ != "VERB":
        return False
    if plemma in lex.denial_verbs and node.dep_ != "conj":
        # (a conjunct is the denier's next act, not what it denies: "Russia denied shelling the
        # plant and accused Ukraine of the attack" accuses outright)
        walk.speaker = walk.speaker or _speaker_of(parent)
        walk.status = "denied"
        return True
    if plemma in lex.reporting_verbs and (node.dep_ in {"ccomp", "xcomp"} or _fronted_content(node, parent)
                                         or _that_clause(node)) \
            and not (plemma in _ASPECT_VERBS and node.dep_ == "xcomp"):
        walk.speaker = walk.speaker or _speaker_of(parent)
        if has_negation(parent):
            walk.status = "denied"
        return True
    if plemma in lex.claim_verbs and node.dep_ in {"pcomp", "prep", "pobj"}:
        walk.speaker = walk.speaker or _speaker_of(parent)
    return False


def _that_clause(node: Token) -> bool:
    """"said while in Sweden that rebels had attacked": a "that" clause the parser hung as a side
    clause (its "while" taken for the clause's) is still what is said."""
    return node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children)


def _clause_cues(node: Token, parent: Token, lex: Lexicon, walk: _Walk) -> None:
    """Modal, planning and negating cues of the clause that governs `node`."""
    plemma = parent.lemma_.lower()
    # a finished past clause before its governor ("A convoy reached Mekelle ... since the sides
    # agreed to stop fighting", misparsed) is no aim or promise of that governor; nor is a
    # headline's present tense with its own subject ("Regime kills dozens in raids, agrees aid
    # convoys": two acts reported, the parser hangs the first on the second)
    fronted = node.dep_ == "ccomp" and node.i < parent.i and (node.tag_ == "VBD" or (
        node.tag_ in {"VBZ", "VBP"} and any(c.dep_ == "nsubj" for c in node.children)
        and any(t.text == "," for t in node.doc[node.right_edge.i:parent.i])))
    if node.dep_ in {"xcomp", "ccomp", "advcl", "pcomp", "acl"} and parent.pos_ in {"VERB", "ADJ"} \
            and not fronted:
        if plemma in lex.hypothetical_cues or plemma in lex.promise_verbs:
            walk.hypothetical = True
        if plemma in {"plan", "intend", "prepare", "aim", "expect", "schedule", "due"}:
            walk.future = True
    if node.dep_ == "prep" and node.lower_ == "to" and plemma in lex.promise_verbs and \
            any(c.dep_ == "pcomp" for c in node.children):
        walk.hypothetical = True  # "committed to sending troops", "agreed to withdrawing": a promise
    if node.dep_ in {"nsubj", "nsubjpass"} and plemma in _EXPECTED and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in parent.children):
        walk.future = True  # "talks are expected to resume", "the vote is scheduled to take place"
    if node.dep_ == "xcomp" and plemma == "be" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                      for c in node.children):
        walk.future = True  # "forces are to hand over their weapons": an obligation still to be met
    if node.dep_ in {"ccomp", "xcomp"} and has_negation(parent) and plemma not in lex.reporting_verbs \
            and not walk.object_of:
        walk.negated = True
    if node.dep_ == "xcomp" and plemma in {"fail", "refuse", "decline"} and not walk.object_of:
        walk.negated = True  # "failed to reach agreement": it did not happen
    if node.dep_ in {"nsubj", "nsubjpass"} and plemma in _WITNESS_VERBS and has_negation(parent):
        walk.negated = True  # "protests were not reported in the city": none seen
    part = node.lower_ in {"in", "for"} and plemma in {"involve", "responsible"}  # "not involved in"
    if node.dep_ == "prep" and ((node.lower_ == "behind" and plemma == "be") or part) and (has_negation(
            parent) or (parent.dep_ == "acomp" and has_negation(parent.head))):
        walk.negated = True  # "they were not behind the attack", "was not responsible for it": a denial
    if node.dep_ == "attr" and plemma == "be" and (has_negation(parent) or neither(parent)):
        walk.negated = True  # "the fighting is not a war against X", "neither is it a war"
    if node.dep_ == "conj" and node.i > parent.i and any(
            c.dep_ == "cc" and c.lower_ == "nor" and c.i < node.i for c in parent.children):
        walk.negated = True  # "..., nor is it a proxy war": the conjunct after "nor" is denied


def _side_report(chain: list[Token], lex: Lexicon) -> Token | None:
    """A reporting verb hanging as a side clause on a clause above the trigger: "Instead, the RDF
    said, rockets ... had hit Musanze" - the parser makes "said" a child (parataxis or ccomp) of
    "hit" rather than its governor. A side clause has no complement of its own; one that has
    ("hit the town and said that ...") reports something else; so does a clause of its own tense
    or condition ("Iran will respond if attacked, the minister warned": what the warning says, the
    content of a verb of saying, not a side clause of it)."""
    for node in chain:
        saying = node.lemma_.lower() in lex.reporting_verbs
        for child in node.children:
            if child.dep_ in {"parataxis", "ccomp"} and child.pos_ == "VERB" and \
                    child.lemma_.lower() in lex.reporting_verbs and not (saying and child.dep_ == "ccomp") and \
                    not any(c.dep_ in {"ccomp", "xcomp", "dobj", "advcl"} or _modal(c) for c in child.children) and \
                    _speaker_of(child) is not None:
                return child
    return None


def _modal(aux: Token) -> bool:
    return aux.dep_ == "aux" and aux.lower_ in MODALS_HYPO | _MODALS_FUTURE
