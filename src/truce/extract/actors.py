"""Actors: a noun phrase in the parse -> ActorRef (text, name, ISO3 country, sector).

Countries come from named entities, demonyms ("Azeri"), capitals used metonymically ("Ankara"),
possessives ("Baku's military operation") and "of" phrases ("the president of Turkey"); sectors
from the head noun and its modifiers ("defense ministry official" -> GOV). Lookups are cached.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from truce.extract.actors_known import known_organisation, known_person
from truce.extract.actors_phrase import ethnic_tokens, pair_mention, partitive_of, proxy_modifiers
from truce.extract.docext import ents_of, mentions_cache, places_of, sentence_of
from truce.extract.lexicon import load_lexicon
from truce.geo.countries import country_for_name
from truce.model import ActorRef, PlaceMention

# Dependents that belong to the noun phrase an actor is named by.
_NP_LEFT = {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "npadvmod", "advmod"}
_PERSONAL = {"he", "she", "him", "her", "his", "hers"}
_PLURAL = {"they", "them", "their", "theirs"}
_NEUTER = {"it", "its"}
# Heads naming a group of people, coded with where they live or act ("rebels in the Ivory Coast").
_GROUP_HEADS = {"rebel", "group", "opposition", "separatist", "insurgent", "militant", "guerrilla",
                "protester", "demonstrator", "albanian", "serb", "kurd", "party", "faction", "militia",
                "student", "worker", "resident", "refugee", "movement", "tribe", "clan", "fighter",
                "gunman", "jihadist", "fundamentalist", "extremist", "islamist", "paramilitary", "albanians",
                "serbs", "kurds", "armenian", "azeri", "tamil", "hutu", "tutsi", "prisoner", "villager", "elder",
                "supporter", "youth", "activist", "tribesman", "tribesmen", "civilian"}
# Targets that are places: a shelled town belongs to the country the sentence (or paragraph) is about.
_PLACE_HEADS = {"town", "village", "city", "district", "settlement", "neighbourhood", "neighborhood", "suburb",
                "hamlet", "outpost", "checkpoint", "hospital", "school", "market", "camp", "building",
                "port", "airport", "bridge", "depot", "refinery", "power plant", "substation"}
# Bare descriptions of a place named before ("the enclave", "the region").
_PLACE_WORDS = {"enclave", "territory", "strip", "region", "province", "area", "city", "town", "state", "district",
                "country", "capital", "village", "exclave", "peninsula"}
# "the country", "the official": definite descriptions that point back to an actor already named.
ANAPHORIC_HEADS = {"country", "official", "government", "army", "ministry", "spokesman",
                   "spokeswoman", "group", "president", "minister", "leader", "side", "state"}


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
        return country_for_name(text.strip())
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


_DASHES = {"-", "–", "—", "--"}
_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
           "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"}


def dateline_end(tok: Token) -> int:
    """Index of the dash closing a dateline that opens the sentence of `tok` ("KHARKIV, June 26 -"),
    else -1. The parser often makes the dateline city the subject and the real one its apposition."""
    sent = sentence_of(tok)
    first = sent[0]
    if not (first.is_upper and first.is_alpha and len(first.text) >= 3) and first.lower_ not in _MONTHS:
        return -1
    dated = False
    for t in sent[:16]:
        if t.text in _DASHES and dated:
            return t.i
        if t.lower_.rstrip(".") in _MONTHS or t.ent_type_ == "DATE":
            dated = True
    return -1


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


def is_pronoun(head: Token) -> bool:
    """A pronoun or a bare definite description that needs an antecedent."""
    low = head.lower_
    if head.pos_ == "PRON" and (low in _PERSONAL | _PLURAL | _NEUTER):
        return True
    if head.lemma_.lower() in ANAPHORIC_HEADS:
        mods = [c for c in head.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
        det = [c for c in head.children if c.dep_ == "det"]
        if _country_from_of_phrase(head, preps=("in", "of")) is not None:
            return False  # "the government in Kinshasa", "the army of Chad" name their state
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
    if head.lemma_.lower() == "group":
        return "organisation"  # "the group": an armed group or movement named before, not a state
    return "state"


def actor_from(head: Token, offset: int) -> ActorRef | None:
    """Code the noun phrase headed by `head`; offsets shifted by `offset` into the report text.

    Order: a known organisation or person (data/actors.yaml) decides country and sector; else named
    entities, demonyms and capitals in the phrase ("Bosnian Serbs": the modifier, the place they
    live, before the people noun), then of/in phrases; a person or armed group still without a
    country takes the country the sentence (else the paragraph) is clearly about."""
    if head.pos_ in {"ADP", "PUNCT", "SPACE"} or (head.pos_ in {"VERB", "AUX"} and not _named_argument(head)):
        return None
    real = past_dateline(head)
    if real is not None:
        return actor_from(real, offset)
    pair = named_pair(head) if head.pos_ in {"NOUN", "PROPN"} else None
    if pair is not None:  # "the DGMOs of the two countries": the first of the pair named before
        first = actor_from(pair[0], offset)
        toks = np_tokens(head)
        if first is not None and toks:
            lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            return ActorRef(text=head.doc.text[lo:hi], name=first.name, country=first.country,
                            sector=sector_of([head.lemma_]) or first.sector, span=(lo + offset, hi + offset))
    members = partitive_of(head)
    if members is not None:  # "thousands of students", "leaders of the coalition": who they are
        inner = actor_from(members, offset)
        if inner is not None and (inner.country or inner.sector):
            whole = [*np_tokens(head), *members.subtree]
            lo, hi = min(t.idx for t in whole), max(t.idx + len(t.text) for t in whole)
            inner.text, inner.span = head.doc.text[lo:hi], (lo + offset, hi + offset)
            return inner
    toks = np_tokens(head)
    if not toks:
        return None
    span_text = head.doc[toks[0].i: toks[-1].i + 1].text
    content = [t for t in toks if t.dep_ not in {"det", "case", "punct"} and not t.is_space]
    words = [head.lemma_] + [t.lemma_ for t in sorted(content, key=lambda t: -t.i) if t.i != head.i]
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    ents = [e for e in ents_of(head.doc) if e.start >= toks[0].i and e.end <= toks[-1].i + 1]
    # "NATO-member Norway": a named state heading the phrase is the actor, not the body it belongs to
    named_state = head.ent_type_ == "GPE" and country_of(head.text) is not None
    proxies = proxy_modifiers(toks)
    own = [t for t in content if t.i not in proxies]
    known = (None if named_state else known_organisation(own, head)) or known_person(own)
    if known is not None:
        known_country = known.country
        if known.sector == "REB" and (known.country is None or known.operates_in):
            # an armed group is coded with the country it fights in: the one the report is about
            here = dominant_country(head, {t.i for t in toks})
            if here is not None and (known.country is None or here in known.operates_in):
                known_country = here
        known_sector: str | None = known.sector
        if known.country is not None and known.sector == "GOV":
            known_sector = sector_of(words) or known_sector  # "Kremlin spokesman": GOV; "IDF soldiers": MIL
        name: str | None = known.name
        if ents and known.sector not in {"IGO", "NGO"} and ents[0].label_ == "PERSON":
            name = ents[0].text
        return ActorRef(text=span_text, name=name, country=known_country, sector=known_sector,
                        span=(start + offset, end + offset))
    ethnic = ethnic_tokens(content)
    # names of people are not places ("Ben" is also a Swiss town): persons come from the tables
    skip = proxies | ethnic | {t.i for t in content if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"
                               and country_of(t.text, gazetteer=False) is None}
    country: str | None = None
    group_head = _singular(head) in _GROUP_HEADS or bool(ethnic)
    if group_head:
        country = _country_from_of_phrase(head, preps=("in", "from", "of"))  # "rebels in the Ivory Coast"
        if country is None:
            country = _country_from_participle(head)  # "guerrillas operating in Macedonia"
        if country is None:
            country = _anaphoric_place_country(head)  # "militants in the enclave" after "Gaza City"
    people_noun = head.ent_type_ == "NORP" or (head.tag_ in {"NNS", "NNPS"} and country_of(head.text) is not None)
    if country is None and people_noun and head.i not in skip:
        country = _modifier_country(head, content, skip)  # "Bosnian Serbs", "Iraqi Kurds"
    if country is None:
        for ent in ents:  # the first named: "Hungarian and Romanian officials" -> Hungary
            if ent.label_ in {"GPE", "NORP", "LOC", "ORG", "FAC", "PERSON"} and \
                    not any(t.i in proxies or t.i in ethnic for t in ent):
                country = country_of(ent.text, gazetteer=ent.label_ != "PERSON")
                if country:
                    break
    if country is None:
        # single tokens right to left (the head side first): "Turkish", "Azeri", "Ankara's"
        for tok in sorted(content, key=lambda t: -t.i):
            if tok.i in skip:
                continue
            country = country_of(tok.text) or (country_of(tok.lemma_) if tok.pos_ == "ADJ" else None)
            if country:
                break
    if country is None:
        # "units of the Armed Forces of Armenia", "security forces in Guinea"
        country = _country_from_of_phrase(head, preps=("of", "from", "in") if sector_of(words) in
                                          {"MIL", "COP", "REB", "GOV"} else ("of", "from"))
    people = [e for e in ents if e.label_ in {"PERSON", "ORG"}]
    name = people[0].text if people else " ".join(t.text for t in content) or span_text
    sector = sector_of(words)
    if sector is None and country is not None and head.pos_ in {"PROPN", "NOUN"} and not people_noun and \
            country_of(head.text, gazetteer=False) == country:  # a country or capital, not a shelled town
        sector = "GOV"  # a state named by its name or capital acts through its government
    if sector == "CIV" and any(t.lower_ in {"rebel", "separatist", "militant"} for t in content):
        sector = "REB"
    titled = head.pos_ == "PROPN" and sector in {"GOV", "MIL", "JUD", "LEG", "COP"}  # "President Avril"
    place_target = head.lemma_.lower() in _PLACE_HEADS  # "the town", "a village": where the blow fell
    if country is None and (place_target or head.pos_ == "PROPN" or head.ent_type_ in {"GPE", "LOC", "FAC"}):
        # "shelled Kharkiv", "the village of Krynky" (the tagger may call the town a PERSON)
        country = _place_country(head, toks)
    if country is None and any(t.lower_ in {"its", "their"} and t.dep_ == "poss" for t in toks):
        owner = _reported_owner(head)  # "Russia said some of its troops were returning"
        if owner is not None:
            country = owner
    if country is None and (place_target or sector == "CIV"):
        # targets and victims: where it happened, never the attacker's country named beside them
        country = _located_country(head)
    elif country is None and (group_head or titled or sector in {"REB", "OPP"} or
                              any(e.label_ == "PERSON" for e in ents) or head.ent_type_ == "PERSON"):
        country = dominant_country(head, {t.i for t in toks})
    return ActorRef(text=span_text, name=name, country=country, sector=sector,
                    span=(start + offset, end + offset))


def _named_argument(tok: Token) -> bool:
    """An acronym the tagger took for a verb ("ECOWAS imposed"): a known name in a noun's slot."""
    return tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"} and tok.text.isupper() and \
        known_organisation([tok]) is not None


def _singular(tok: Token) -> str:
    low = tok.lemma_.lower()
    return low[:-1] if low.endswith("s") and low[:-1] in _GROUP_HEADS else low


def _modifier_country(head: Token, content: list[Token], skip: set[int]) -> str | None:
    for tok in content:
        if tok.i < head.i and tok.i not in skip:
            found = country_of(tok.text) or (country_of(tok.lemma_) if tok.pos_ == "ADJ" else None)
            if found:
                return found
    return None


def _country_from_participle(head: Token) -> str | None:
    """"fighters based in Trinidad", "guerrillas operating in Macedonia": where the group acts."""
    for child in head.children:
        if child.dep_ == "acl" and child.lemma_.lower() in {"operate", "base", "active", "fight", "live"}:
            found = _country_from_of_phrase(child, preps=("in",))
            if found:
                return found
    return None


def _reported_owner(head: Token) -> str | None:
    """The country of whoever says "its"/"their" X: "Kyiv said its troops had advanced" (the
    possessive sits in the clause a verb of saying governs; its named subject owns X)."""
    node = head
    for _ in range(6):
        if node.head.i == node.i:
            return None
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in load_lexicon().reporting_verbs:
            subj = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.pos_ not in {"PROPN", "NOUN"}:
                return None
            owner = actor_from(subj, 0)
            return owner.country if owner is not None else None
        node = node.head
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


def _anaphoric_place_country(head: Token) -> str | None:
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


def _place_country(head: Token, toks: list[Token]) -> str | None:
    """The country of a place the geo stage resolved inside the phrase or its "of" phrase."""
    span = {t.i for t in toks}
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            span.update(t.i for t in child.subtree)
    starts = {head.doc[i].idx for i in span}
    return next((p.country for p in _places(head) if p.start in starts and p.country), None)


def _located_country(head: Token) -> str | None:
    """The one country of the places (geo stage, literal use) named in the sentence of `head`."""
    sent = sentence_of(head)
    lo, hi = sent.start_char, sent.end_char
    found = {p.country for p in _places(head) if lo <= p.start < hi and p.country and p.usage == "literal"}
    return found.pop() if len(found) == 1 else None


def _places(head: Token) -> list[PlaceMention]:
    return places_of(head.doc)


def dominant_country(head: Token, exclude: set[int]) -> str | None:
    """The country the sentence of `head` (else its paragraph Doc) names clearly most often, outside
    the tokens in `exclude`; None when there is none or a tie."""
    for scope in (sentence_of(head), head.doc[:]):
        counts = _country_mentions(scope, exclude)
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        if ranked:
            return None  # a tie in the sentence is not resolved by the paragraph
    return None


def _country_mentions(scope: Span, exclude: set[int]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for first, last, country in _mentions(scope):
        if not any(first <= i <= last for i in exclude):
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


def _country_from_of_phrase(head: Token, preps: tuple[str, ...] = ("of", "from"), depth: int = 0) -> str | None:
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
                        found = _country_from_of_phrase(pobj, ("of",), depth + 1)
                        if found:
                            return found
    return None
