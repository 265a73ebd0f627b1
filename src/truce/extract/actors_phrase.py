"""Phrase shapes around an actor's name: backers in hyphen compounds ("Russian-backed"), kinship
after "ethnic", and quantities or parts whose "of" phrase says who acts ("thousands of students").
Token-level helpers of truce.extract.actors, without any lookup tables."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

_HYPHENS = {"-", "‐", "–"}
_PROXY_SUFFIXES = {"backed", "allied", "aligned", "sponsored", "supported", "funded", "armed", "installed",
                   "appointed", "controlled", "friendly", "leaning", "trained", "linked", "affiliated",
                   "inspired", "run", "held", "occupied"}
# Heads that count or select people, so the "of" phrase says who acts ("a group of refugees").
_PARTITIVE = {"ten", "tens", "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "score", "scores",
              "group", "number", "member", "members", "leader", "leaders", "patch", "batch", "contingent",
              "third", "half", "quarter", "majority", "minority", "some", "many", "most", "all", "part",
              "unit", "detachment", "column", "convoy", "band", "crowd", "handful", "delegation", "head"}


def partitive_of(head: Token) -> Token | None:
    """The people a quantity or part names: "Tens of thousands of students" -> students."""
    if not (head.pos_ == "NUM" or head.lemma_.lower() in _PARTITIVE or head.lemma_.lower() == "state"):
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in {"state", "government"} and head.lemma_.lower() == "head":
                inner = partitive_of(pobj)  # "heads of state of ECOWAS": the body they lead
                if inner is not None:
                    return inner
                continue
            if pobj is not None:
                return partitive_of(pobj) or pobj
    return None


def proxy_modifiers(toks: list[Token]) -> set[int]:
    """Indices of country words that name a backer, not the actor: "Russian-backed", "pro-Kremlin"."""
    out: set[int] = set()
    doc = toks[0].doc if toks else None
    for tok in toks:
        if doc is None:
            break
        after = doc[tok.i + 2] if tok.i + 2 < len(doc) and doc[tok.i + 1].text in _HYPHENS else None
        if after is not None and after.lower_ in _PROXY_SUFFIXES:
            out.add(tok.i)
            # the whole name before the hyphen: "Al Qaeda-linked"
            out.update(c.i for c in tok.children if c.dep_ == "compound" and c.i < tok.i)
        before = doc[tok.i - 2] if tok.i >= 2 and doc[tok.i - 1].text in _HYPHENS else None
        if before is not None and before.lower_ in {"pro", "anti"}:
            out.add(tok.i)
        if tok.lower_.startswith(("pro-", "anti-")) or "-backed" in tok.lower_ or "-allied" in tok.lower_:
            out.add(tok.i)
    return out


def ethnic_tokens(content: list[Token]) -> set[int]:
    """The people word after "ethnic" ("ethnic Armenian separatists"): kinship, not the actor's state."""
    out: set[int] = set()
    for a, b in pairwise(content):
        if a.lower_ == "ethnic":
            out.add(b.i)
    return out


# Nouns that name both sides of a pair named before: "the two countries", "both sides".
_PAIR_NOUNS = {"country", "side", "nation", "neighbour", "neighbor", "state", "government", "army", "party"}


def pair_noun(tok: Token) -> bool:
    """"the two countries", "both sides", "the two neighbours": a phrase standing for a pair."""
    return tok.lemma_.lower() in _PAIR_NOUNS and tok.tag_ in {"NNS", "NNPS"} and any(
        c.lower_ in {"two", "both"} and c.dep_ in {"nummod", "det", "predet", "amod"} for c in tok.children)


def pair_mention(tok: Token) -> Token | None:
    """The pair phrase inside the phrase headed by `tok` ("Directors General ... of the two
    countries", "the armies of both sides"), or `tok` itself."""
    if pair_noun(tok):
        return tok
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "from"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = pair_mention(pobj)
                    if found is not None:
                        return found
    return None
