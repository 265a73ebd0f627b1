"""Where an actor phrase's country comes from, and the bounds of the phrase it is read in.

`np_tokens` bounds the noun phrase naming an actor (past a dateline: "KHARKIV, June 26 -");
`country_of` codes one name, demonym, capital or known organisation; the rest find a phrase's
country in its modifiers, its of/in phrases, the place it stands in, or the sentence around it.
Lookups are cached.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from truce.extract.actors_known import known_organisation, known_person
from truce.extract.actors_phrase import pair_mention
from truce.extract.docext import dateline_end, ents_of, mentions_cache, places_of, sentence_of
from truce.extract.lexicon import load_lexicon
from truce.geo.countries import country_for_name
from truce.model import PlaceMention

# Dependents that belong to the noun phrase an actor is named by.
_NP_LEFT = {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "npadvmod", "advmod"}


# Bare descriptions of a place named before ("the enclave", "the region").
_PLACE_WORDS = {"enclave", "territory", "strip", "region", "province", "area", "city", "town", "state", "district",
                "country", "capital", "village", "exclave", "peninsula"}


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
def country_of(text: str, gazetteer: bool = True) -> str | None:
    """ISO3 for a country name, demonym, capital or known organisation, else None. Without
    `gazetteer`, only our own tables and country names count (for words inside a person's name)."""
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
    if text.strip().isupper() and "." not in text and len(text.strip()) <= 5:
        gazetteer = False  # an unknown acronym ("GNA") is not a place name
    if gazetteer and key[:1].isalpha() and text.strip()[:1].isupper():
        found = country_for_name(text.strip())
        if found is not None and len(key) <= 4 and not text.strip().isupper() and _by_acronym(text.strip(), found):
            return None  # "Car bomb kills 12": a word at a sentence's start is not the acronym "CAR"
        return found
    return None


def _by_acronym(text: str, country: str) -> bool:
    """Whether `text` names `country` only as an acronym of its name ("CAR", "DRC", "UAE")."""
    from truce.geo.gazetteer import get_gazetteer

    key = text.lower()
    return not any(c.country == country and c.name.lower().startswith(key)
                   for c in get_gazetteer().candidates(text))


def np_tokens(head: Token) -> list[Token]:
    """The head and its left modifiers (recursively), plus flat names: the phrase naming an actor."""
    keep = [head]
    for child in head.children:
        if child.dep_ in _NP_LEFT and child.i < head.i:
            if child.ent_type_ in {"DATE", "TIME"} and child.dep_ == "npadvmod":
                continue  # a dateline or date the parser hung on the noun ("Feb 12 - Turkish convoys")
            keep.extend(child.subtree)
        elif child.dep_ in {"appos", "compound", "flat"} and child.i > head.i:
            keep.extend(t for t in child.subtree if t.dep_ != "punct" or t.i < max(c.i for c in child.subtree))
    keep = [t for t in keep if not t.is_space]
    cut = dateline_end(head)
    if cut >= 0 and head.i > cut:
        keep = [t for t in keep if t.i > cut]  # "KHARKIV, June 26 - Russian forces": not the dateline
    return sorted(set(keep), key=lambda t: t.i)


def past_dateline(head: Token) -> Token | None:
    """The real head when `head` is a dateline word: the top token of the phrase after the dash."""
    cut = dateline_end(head)
    if cut < 0 or head.i >= cut:
        return None
    after = [t for t in head.subtree if t.i > cut and not t.is_punct]
    tops = [t for t in after if t.head.i <= cut or t.head.i == t.i]
    return tops[0] if tops else None


def modifier_country(head: Token, content: list[Token], skip: set[int]) -> str | None:
    for tok in content:
        if tok.i < head.i and tok.i not in skip:
            found = country_of(tok.text) or (country_of(tok.lemma_) if tok.pos_ == "ADJ" else None)
            if found:
                return found
    return None


def country_from_participle(head: Token) -> str | None:
    """"fighters based in Trinidad", "guerrillas operating in Macedonia": where the group acts."""
    for child in head.children:
        if child.dep_ == "acl" and child.lemma_.lower() in {"operate", "base", "active", "fight", "live"}:
            found = country_from_of_phrase(child, preps=("in",))
            if found:
                return found
    return None


def named_pair(head: Token) -> tuple[Token, Token] | None:
    """The two countries "the two countries" / "both sides" in `head`'s phrase stand for: the
    nearest coordination of two different countries named before it in the paragraph
    ("India and Pakistan ... the two countries")."""
    pair = pair_mention(head)
    if pair is None:
        return None
    for tok in reversed(head.doc[: pair.i]):
        if tok.dep_ != "conj" or tok.head.i >= tok.i:
            continue
        first, second = tok.head, tok
        a, b = country_of(first.text, gazetteer=False), country_of(second.text, gazetteer=False)
        if a and b and a != b:
            return first, second
    return None


def anaphoric_place_country(head: Token) -> str | None:
    """"militants in the enclave", "rebels in the province": a place named before by a bare
    description takes the country of the nearest place the paragraph named before it."""
    for child in head.children:
        if child.dep_ != "prep" or child.lower_ not in {"in", "from", "of"}:
            continue
        for pobj in child.children:
            if pobj.dep_ == "pobj" and pobj.lemma_.lower() in _PLACE_WORDS and \
                    any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in pobj.children) and \
                    not any(c.dep_ in {"amod", "compound", "poss"} for c in pobj.children):
                before = [p for p in _places(head) if p.start < pobj.idx and p.country and p.usage == "literal"]
                if before:
                    return max(before, key=lambda p: p.start).country
    return None


def place_country(head: Token, toks: list[Token]) -> str | None:
    """The country of a place the geo stage resolved inside the phrase or its "of" phrase."""
    span = {t.i for t in toks}
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            span.update(t.i for t in child.subtree)
    starts = {head.doc[i].idx for i in span}
    return next((p.country for p in _places(head) if p.start in starts and p.country), None)


def located_country(head: Token) -> str | None:
    """The one country of the places (geo stage, literal use) named in the sentence of `head`."""
    sent = sentence_of(head)
    lo, hi = sent.start_char, sent.end_char
    found = {p.country for p in _places(head) if lo <= p.start < hi and p.country and p.usage == "literal"}
    return found.pop() if len(found) == 1 else None


def _places(head: Token) -> list[PlaceMention]:
    return places_of(head.doc)


def dominant_country(head: Token, exclude: set[int], armed: bool = False) -> str | None:
    """The country the sentence of `head` (else its paragraph Doc) names clearly most often, outside
    the tokens in `exclude`; None when there is none or a tie. For an `armed` group, a person's
    nationality ("Briton Murray Watson", "a Kenyan colleague") is left out: a foreigner seized or
    killed somewhere says nothing of the gunmen's side."""
    for scope in (sentence_of(head), head.doc[:]):
        counts = _country_mentions(scope, exclude | (_nationalities(scope) if armed else set()))
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        if ranked:
            return None  # a tie in the sentence is not resolved by the paragraph
    return None


# nouns for a person whose nationality word tells where the person is from
_PERSON_NOUNS = {"colleague", "journalist", "worker", "national", "citizen", "tourist", "engineer", "hostage",
                 "reporter", "photographer", "doctor", "nurse", "teacher", "student", "businessman", "man",
                 "woman", "volunteer", "contractor", "employee", "missionary", "diplomat"}


def _nationalities(scope: Span) -> set[int]:
    """Tokens naming a person's nationality: inside a person's name, or modifying a noun for a person."""
    out: set[int] = set()
    for tok in scope:
        if tok.pos_ not in {"PROPN", "ADJ"} or not tok.text[:1].isupper():
            continue
        node, hops = tok, 0
        while node.dep_ in {"compound", "amod", "appos"} and node.head.i != node.i and hops < 3:
            node, hops = node.head, hops + 1
        person = tok.ent_type_ == "PERSON" or (hops and (node.ent_type_ == "PERSON"
                                                         or node.lemma_.lower() in _PERSON_NOUNS))
        if person:
            out.add(tok.i)
    return out


def _country_mentions(scope: Span, exclude: set[int]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for first, last, country in _mentions(scope):
        if not any(k in exclude for k in range(first, last + 1)):  # (a mention spans few tokens)
            counts[country] = counts.get(country, 0) + 1
    return counts


def _mentions(scope: Span) -> list[tuple[int, int, str]]:
    """(first token, last token, ISO3) of every country named in `scope`, cached on the Doc: every
    actor of a paragraph asks, so the scan is done once per sentence and per paragraph."""
    cache = mentions_cache(scope.doc)
    key = (scope.start, scope.end)
    if key in cache:
        return list(cache[key])
    found: list[tuple[int, int, str]] = []
    seen: set[int] = set()
    for ent in scope.ents:
        if ent.label_ not in {"GPE", "NORP", "LOC", "ORG", "FAC"}:
            continue
        seen.update(t.i for t in ent)
        if known_organisation(list(ent)) is not None:
            continue  # "JNIM", "the UN": a group's home base is not what the text is about
        country = country_of(ent.text) or next(
            (c for c in (country_of(t.text) for t in ent if t.pos_ in {"ADJ", "PROPN"}) if c), None)
        if country:
            found.append((ent.start, ent.end - 1, country))
    for tok in scope:  # the small parser misses entities ("the Kenya Anti-Corruption Commission")
        if tok.i in seen or tok.pos_ not in {"PROPN", "ADJ"} or not tok.text[:1].isupper() or \
                known_organisation([tok]) is not None:
            continue
        country = country_of(tok.text, gazetteer=tok.ent_type_ != "PERSON")
        if country:
            found.append((tok.i, tok.i, country))
    cache[key] = found
    return list(found)


def country_from_of_phrase(head: Token, preps: tuple[str, ...] = ("of", "from"), depth: int = 0) -> str | None:
    """"units of the Armed Forces of Armenia": follow of-phrases (two levels) to a country."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    org = known_organisation(np_tokens(pobj), pobj)
                    if org is not None:
                        return org.country  # "of the Economic Community of West African States": none
                    person = known_person(np_tokens(pobj)) if pobj.pos_ == "PROPN" else None
                    if person is not None and person.country:
                        return person.country  # "supporters of Ahmed Ben Bella"
                    for tok in [pobj, *pobj.children]:
                        found = country_of(tok.text, gazetteer=tok.ent_type_ != "PERSON")
                        if found:
                            return found
                    ent = next((e for e in ents_of(head.doc) if e.start <= pobj.i < e.end), None)
                    if ent is not None and country_of(ent.text):
                        return country_of(ent.text)
                    if depth < 2:
                        found = country_from_of_phrase(pobj, ("of",), depth + 1)
                        if found:
                            return found
    return None
