"""Who stands behind a document named as a source: "according to a statement from the army", "the
ministry's report said", "a communique issued by the army said" - the army, the ministry.
"""

from __future__ import annotations

from spacy.tokens import Token

# what a side issues: "according to a statement from the army" is the army's word
_ISSUED = {"statement", "report", "communique", "communiqué", "release", "bulletin", "update", "briefing",
           "announcement", "figure", "data", "estimate", "tally", "count", "account", "summary", "post",
           "message", "letter", "note", "source"}

# who speaks for a body: "a spokesman for the Indian army", "a spokesperson of the ministry" give
# the body's word
_VOICES = {"spokesman", "spokeswoman", "spokesperson", "representative"}


def _voiced_body(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"for", "of"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in {"NOUN", "PROPN"}:
                return pobj
    return None


def issuer_of(noun: Token) -> Token | None:
    """Who issued "a statement from the army", "the ministry's report", "a statement released by
    Erdogan's office": the speaker behind a document noun, when the phrase names one."""
    if noun.lemma_.lower() in _VOICES:
        return _voiced_body(noun)
    if noun.lemma_.lower() not in _ISSUED:
        return None
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() not in _ISSUED and pobj.pos_ in {"NOUN", "PROPN"}:
                return pobj
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "a statement released by ..."
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None:
                return pobj
    return None


def document_reads(verb: Token) -> bool:
    """"Trump's statement read: ...", "the letter reads": a document's words, quoted after "read"."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return verb.lemma_.lower() == "read" and subj is not None and subj.lemma_.lower() in _ISSUED

