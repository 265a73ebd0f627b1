"""Actors: a noun phrase in the parse -> ActorRef (text, name, ISO3 country, sector).

Countries come from named entities, demonyms ("Azeri"), capitals used metonymically ("Ankara"),
possessives ("Baku's military operation") and "of" phrases ("the president of Turkey"); sectors
from the head noun and its modifiers ("defense ministry official" -> GOV). Lookups are cached.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Span, Token

from truce.extract.lexicon import load_lexicon
from truce.model import ActorRef

# Dependents that belong to the noun phrase an actor is named by.
_NP_LEFT = {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "npadvmod", "advmod"}
_PERSONAL = {"he", "she", "him", "her", "his", "hers"}
_PLURAL = {"they", "them", "their", "theirs"}
_NEUTER = {"it", "its"}
# "the country", "the official": definite descriptions that point back to an actor already named.
_GROUP_HEADS = {"rebel", "group", "opposition", "separatist", "insurgent", "militant", "guerrilla",
                "protester", "demonstrator", "albanian", "serb", "kurd", "party", "faction", "militia",
                "student", "worker", "resident", "refugee", "movement", "tribe", "clan"}
ANAPHORIC_HEADS = {"country", "official", "government", "army", "ministry", "spokesman",
                   "spokeswoman", "group", "president", "minister", "leader", "side", "state"}


def _geo_country_lookup() -> Callable[[str], str | None] | None:
    try:
        from truce.geo.countries import country_for_name
    except ImportError:  # the geo stage is optional for extraction; our own tables still work
        return None
    return country_for_name


@lru_cache(maxsize=1)
def _pycountry_names() -> dict[str, str]:
    import pycountry

    table: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                table[value.lower()] = c.alpha_3
    return table


@lru_cache(maxsize=65536)
def country_of(text: str) -> str | None:
    """ISO3 for a country name, demonym, capital or known organisation, else None."""
    key = text.strip().lower().removeprefix("the ").strip(" '’\"")
    if not key:
        return None
    if len(key) <= 2 and not text.strip().isupper():
        return None  # "us", "un" written in lower case are words, not countries
    lex = load_lexicon()
    if key in lex.organisations:
        return lex.organisations[key][0]
    if key in lex.names:
        return lex.names[key]
    if key.endswith("'s") and key[:-2] in lex.names:
        return lex.names[key[:-2]]
    if key in _pycountry_names():
        return _pycountry_names()[key]
    lookup = _geo_country_lookup()
    if lookup is not None and key[:1].isalpha() and text.strip()[:1].isupper():
        try:
            return lookup(text.strip())
        except Exception:  # a geo failure must not lose the event; the country stays unknown
            return None
    return None


def sector_of(words: list[str]) -> str | None:
    """Sector from the words of a noun phrase, head first; bigrams before single words."""
    lex = load_lexicon()
    lowered = [w.lower() for w in words]
    for i in range(len(lowered)):
        if i + 1 < len(lowered) and f"{lowered[i + 1]} {lowered[i]}" in lex.sectors:
            return lex.sectors[f"{lowered[i + 1]} {lowered[i]}"]
        if lowered[i] in lex.sectors:
            return lex.sectors[lowered[i]]
    return None


def np_tokens(head: Token) -> list[Token]:
    """The head and its left modifiers (recursively), plus flat names: the phrase naming an actor."""
    keep = [head]
    for child in head.children:
        if child.dep_ in _NP_LEFT and child.i < head.i:
            keep.extend(child.subtree)
        elif child.dep_ in {"appos", "compound", "flat"} and child.i > head.i:
            keep.extend(t for t in child.subtree if t.dep_ != "punct" or t.i < max(c.i for c in child.subtree))
    keep = [t for t in keep if not t.is_space]
    return sorted(set(keep), key=lambda t: t.i)


def is_pronoun(head: Token) -> bool:
    """A pronoun or a bare definite description that needs an antecedent."""
    low = head.lower_
    if head.pos_ == "PRON" and (low in _PERSONAL | _PLURAL | _NEUTER):
        return True
    if head.lemma_.lower() in ANAPHORIC_HEADS:
        mods = [c for c in head.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
        det = [c for c in head.children if c.dep_ == "det"]
        return not mods and bool(det) and det[0].lower_ in {"the", "this", "that"}
    return False


def pronoun_kind(head: Token) -> str:
    """person, group or state: which earlier actor a pronoun can refer to."""
    low = head.lower_
    if low in _PERSONAL or head.lemma_.lower() in {"official", "spokesman", "spokeswoman", "president",
                                                     "minister", "leader"}:
        return "person"
    if low in _PLURAL:
        return "group"
    return "state"


def actor_from(head: Token, offset: int) -> ActorRef | None:
    """Code the noun phrase headed by `head`; offsets shifted by `offset` into the report text."""
    if head.pos_ in {"VERB", "AUX", "ADP", "PUNCT", "SPACE"}:
        return None
    toks = np_tokens(head)
    if not toks:
        return None
    lex = load_lexicon()
    span_text = head.doc[toks[0].i: toks[-1].i + 1].text
    # drop a leading determiner from the normalised name
    content = [t for t in toks if t.dep_ not in {"det", "case", "punct"} and not t.is_space]
    country: str | None = None
    org_sector: str | None = None
    name: str | None = None
    low_span = " ".join(t.lower_ for t in content)
    for key, (org_country, org_sec) in lex.organisations.items():
        if key in low_span and (f" {key} " in f" {low_span} "):
            country, org_sector, name = org_country, org_sec, key.title() if len(key) > 4 else key.upper()
            break
    ents = [e for e in head.doc.ents if e.start >= toks[0].i and e.end <= toks[-1].i + 1]
    if country is None and head.lemma_.lower() in _GROUP_HEADS:
        country = _country_from_of_phrase(head, preps=("in", "from"))  # "rebels in the Ivory Coast"
    if country is None:
        for ent in ents:  # the first named: "Hungarian and Romanian officials" -> Hungary
            if ent.label_ in {"GPE", "NORP", "LOC", "ORG", "FAC", "PERSON"}:
                country = country_of(ent.text)
                if country:
                    break
    if country is None:
        # single tokens right to left (the head side first): "Turkish", "Azeri", "Ankara's"
        for tok in sorted(content, key=lambda t: -t.i):
            country = country_of(tok.text) or (country_of(tok.lemma_) if tok.pos_ == "ADJ" else None)
            if country:
                break
    if country is None:
        country = _country_from_of_phrase(head)
    people = [e for e in ents if e.label_ in {"PERSON", "ORG"}]
    if name is None:
        name = people[0].text if people else " ".join(t.text for t in content) or span_text
    words = [head.lemma_] + [t.lemma_ for t in sorted(content, key=lambda t: -t.i) if t.i != head.i]
    sector = org_sector or sector_of(words)
    if sector is None and country is not None and head.pos_ in {"PROPN", "NOUN"} and \
            country_of(head.text) == country:
        sector = "GOV"  # a state named by its name or capital acts through its government
    if sector == "CIV" and any(t.lower_ in {"rebel", "separatist", "militant"} for t in content):
        sector = "REB"
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return ActorRef(text=span_text, name=name, country=country, sector=sector,
                    span=(start + offset, end + offset))


def _country_from_of_phrase(head: Token, preps: tuple[str, ...] = ("of", "from"), depth: int = 0) -> str | None:
    """"units of the Armed Forces of Armenia": follow of-phrases (two levels) to a country."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    for tok in [pobj, *pobj.children]:
                        found = country_of(tok.text)
                        if found:
                            return found
                    ent = next((e for e in head.doc.ents if e.start <= pobj.i < e.end), None)
                    if ent is not None and country_of(ent.text):
                        return country_of(ent.text)
                    if depth < 2:
                        found = _country_from_of_phrase(pobj, ("of",), depth + 1)
                        if found:
                            return found
    return None


def span_actor(span: Span, offset: int) -> ActorRef | None:
    """Code a whole span (a speaker phrase, an entity) by its root."""
    return actor_from(span.root, offset)
