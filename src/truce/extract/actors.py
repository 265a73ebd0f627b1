"""Actors: a noun phrase in the parse -> ActorRef (text, name, ISO3 country, sector).

Countries come from named entities, demonyms ("Azeri"), capitals used metonymically ("Ankara"),
possessives ("Baku's military operation") and "of" phrases ("the president of Turkey"); sectors
from the head noun and its modifiers ("defense ministry official" -> GOV). Lookups are cached.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from truce.extract.actor_country import (
    anaphoric_place_country,
    country_from_of_phrase,
    country_from_participle,
    country_of,
    dateline_end,
    dominant_country,
    located_country,
    modifier_country,
    named_pair,
    np_tokens,
    past_dateline,
    place_country,
)
from truce.extract.actors_known import KnownActor, home_side, known_organisation, known_person
from truce.extract.actors_phrase import ethnic_tokens, partitive_of, proxy_modifiers
from truce.extract.docext import actors_cache, ents_of
from truce.extract.lexicon import load_lexicon
from truce.model import ActorRef

# Also read from here by the other extraction modules.
__all__ = ["ANAPHORIC_HEADS", "actor_from", "country_of", "dateline_end", "dominant_country", "is_pronoun",
           "named_pair", "np_tokens", "past_dateline", "pronoun_kind", "sector_of"]

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
# "the country", "the official": definite descriptions that point back to an actor already named.
ANAPHORIC_HEADS = {"country", "official", "government", "army", "ministry", "spokesman",
                   "spokeswoman", "group", "president", "minister", "leader", "side", "state"}


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


def is_pronoun(head: Token) -> bool:
    """A pronoun or a bare definite description that needs an antecedent."""
    low = head.lower_
    if head.pos_ == "PRON" and (low in _PERSONAL | _PLURAL | _NEUTER):
        return True
    if head.lemma_.lower() in ANAPHORIC_HEADS:
        mods = [c for c in head.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
        det = [c for c in head.children if c.dep_ == "det"]
        if country_from_of_phrase(head, preps=("in", "of")) is not None:
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
    country takes the country the sentence (else the paragraph) is clearly about. The coding reads
    only the parsed paragraph, so it is done once per head (`Doc._.truce_actors`)."""
    memo = actors_cache(head.doc)
    key = (head.i, offset)
    if key not in memo:
        memo[key] = _code_phrase(head, offset)
    return memo[key]


def _code_phrase(head: Token, offset: int) -> ActorRef | None:
    if head.pos_ in {"ADP", "PUNCT", "SPACE"} or (head.pos_ in {"VERB", "AUX"} and not _named_argument(head)):
        return None
    real = past_dateline(head)
    if real is not None:
        return actor_from(real, offset)
    borrowed = _of_pair(head, offset) or _of_members(head, offset)
    if borrowed is not None:
        return borrowed
    toks = np_tokens(head)
    if not toks:
        return None
    return _phrase_actor(_Phrase.of(head, _whole_name(head, toks)), offset)


def _named_with_of(head: Token) -> KnownActor | None:
    """A known body whose name runs on through an "of" phrase the noun phrase leaves out ("The
    Economic Community of West African States", "the Organisation of Islamic Cooperation")."""
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if head.pos_ != "PROPN" or obj is None or obj.pos_ != "PROPN":
        return None
    return known_organisation(list(head.doc[head.left_edge.i:obj.i + 1]), head)


def _whole_name(head: Token, toks: list[Token]) -> list[Token]:
    """The phrase's tokens with the rest of a country's name the parser cut off before it
    ("neighbouring Côte d'Ivoire", parsed as two objects: "d'Ivoire" alone names nothing)."""
    if head.ent_iob_ not in {"B", "I"} or country_of(head.text) is not None:
        return toks
    ent = next((e for e in ents_of(head.doc) if e.start <= head.i < e.end), None)
    if ent is None or ent.start >= toks[0].i or country_of(ent.text) is None:
        return toks
    return [*head.doc[ent.start:toks[0].i], *toks]


def _of_pair(head: Token, offset: int) -> ActorRef | None:
    """"the DGMOs of the two countries": the first of the pair named before."""
    pair = named_pair(head) if head.pos_ in {"NOUN", "PROPN"} else None
    if pair is None:
        return None
    first = actor_from(pair[0], offset)
    toks = np_tokens(head)
    if first is None or not toks:
        return None
    lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return ActorRef(text=head.doc.text[lo:hi], name=first.name, country=first.country,
                    sector=sector_of([head.lemma_]) or first.sector, span=(lo + offset, hi + offset))


def _of_members(head: Token, offset: int) -> ActorRef | None:
    """"thousands of students", "leaders of the coalition": who they are."""
    members = partitive_of(head)
    if members is None:
        return None
    inner = actor_from(members, offset)
    if inner is None or not (inner.country or inner.sector):
        return None
    whole = [*np_tokens(head), *members.subtree]
    lo, hi = min(t.idx for t in whole), max(t.idx + len(t.text) for t in whole)
    return replace(inner, text=head.doc.text[lo:hi], span=(lo + offset, hi + offset))


@dataclass(slots=True)
class _Phrase:
    """The noun phrase an actor is named by, and what the coding rules read off it."""

    head: Token
    toks: list[Token]
    content: list[Token]  # without determiners, case markers and punctuation
    words: list[str]  # lemmas, head first, then right to left
    ents: list[Span]
    proxies: set[int]  # modifiers naming a patron, not the actor ("Iran-backed")

    @classmethod
    def of(cls, head: Token, toks: list[Token]) -> _Phrase:
        content = [t for t in toks if t.dep_ not in {"det", "case", "punct"} and not t.is_space]
        words = [head.lemma_] + [t.lemma_ for t in sorted(content, key=lambda t: -t.i) if t.i != head.i]
        ents = [e for e in ents_of(head.doc) if e.start >= toks[0].i and e.end <= toks[-1].i + 1]
        return cls(head, toks, content, words, ents, set(proxy_modifiers(toks)))

    @property
    def text(self) -> str:
        return self.head.doc[self.toks[0].i: self.toks[-1].i + 1].text

    def span(self, offset: int) -> tuple[int, int]:
        return self.toks[0].idx + offset, self.toks[-1].idx + len(self.toks[-1].text) + offset


def _phrase_actor(p: _Phrase, offset: int) -> ActorRef:
    head = p.head
    # "NATO-member Norway": a named state heading the phrase is the actor, not the body it belongs to
    named_state = head.ent_type_ == "GPE" and country_of(head.text) is not None
    own = [t for t in p.content if t.i not in p.proxies]
    known = (None if named_state else known_organisation(own, head) or _named_with_of(head)) or known_person(own)
    if known is not None:
        return _known_actor(p, known, offset)
    ethnic = ethnic_tokens(p.content)
    # names of people are not places ("Ben" is also a Swiss town): persons come from the tables
    skip = p.proxies | ethnic | {t.i for t in p.content if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"
                                 and country_of(t.text, gazetteer=False) is None}
    group_head = _singular(head) in _GROUP_HEADS or bool(ethnic)
    people_noun = head.ent_type_ == "NORP" or (head.tag_ in {"NNS", "NNPS"} and country_of(head.text) is not None)
    country = _named_country(p, ethnic, skip, group_head, people_noun)
    people = [e for e in p.ents if e.label_ in {"PERSON", "ORG"}]
    name = people[0].text if people else " ".join(t.text for t in p.content) or p.text
    sector = sector_of(p.words)
    if sector is None and country is not None and head.pos_ in {"PROPN", "NOUN"} and not people_noun and \
            country_of(head.text, gazetteer=False) == country:  # a country or capital, not a shelled town
        sector = "GOV"  # a state named by its name or capital acts through its government
    if sector == "CIV" and any(t.lower_ in {"rebel", "separatist", "militant"} for t in p.content):
        sector = "REB"
    if country is None:
        country = _context_country(p, sector, group_head)
    return ActorRef(text=p.text, name=name, country=country, sector=sector, span=p.span(offset))


def _known_actor(p: _Phrase, known: KnownActor, offset: int) -> ActorRef:
    """A known organisation or person: the tables decide country and sector."""
    known_country = known.country
    if known.sector == "REB" and (known.country is None or known.operates_in):
        # an armed group is coded with the country it fights in: the one the report is about
        here = dominant_country(p.head, {t.i for t in p.toks})
        if here is not None and (known.country is None or here in known.operates_in) and \
                not home_side(known.name, known.country, here, p.text, p.head.doc.text):
            known_country = here
    known_sector: str | None = known.sector
    if known.country is not None and known.sector == "GOV":
        known_sector = sector_of(p.words) or known_sector  # "Kremlin spokesman": GOV; "IDF soldiers": MIL
    name: str | None = known.name
    if p.ents and known.sector not in {"IGO", "NGO"} and p.ents[0].label_ == "PERSON":
        name = p.ents[0].text
    return ActorRef(text=p.text, name=name, country=known_country, sector=known_sector, span=p.span(offset))


def _named_country(p: _Phrase, ethnic: set[int], skip: set[int], group_head: bool,
                   people_noun: bool) -> str | None:
    """The country the phrase itself names: by where a group lives or acts, a people's modifier,
    its first named entity, a single word, or an of/in phrase."""
    head, country = p.head, None
    if group_head:
        country = country_from_of_phrase(head, preps=("in", "from", "of"))  # "rebels in the Ivory Coast"
        if country is None:
            country = country_from_participle(head)  # "guerrillas operating in Macedonia"
        if country is None:
            country = anaphoric_place_country(head)  # "militants in the enclave" after "Gaza City"
    if country is None and people_noun and head.i not in skip:
        country = modifier_country(head, p.content, skip)  # "Bosnian Serbs", "Iraqi Kurds"
    if country is None:
        for ent in p.ents:  # the first named: "Hungarian and Romanian officials" -> Hungary
            if ent.label_ in {"GPE", "NORP", "LOC", "ORG", "FAC", "PERSON"} and \
                    not any(t.i in p.proxies or t.i in ethnic for t in ent):
                country = country_of(ent.text, gazetteer=ent.label_ != "PERSON")
                if country:
                    break
    if country is None:
        # single tokens right to left (the head side first): "Turkish", "Azeri", "Ankara's"
        for tok in sorted(p.content, key=lambda t: -t.i):
            if tok.i in skip:
                continue
            country = country_of(tok.text) or (country_of(tok.lemma_) if tok.pos_ == "ADJ" else None)
            if country:
                break
    if country is None:
        # "units of the Armed Forces of Armenia", "security forces in Guinea"
        country = country_from_of_phrase(head, preps=("of", "from", "in") if sector_of(p.words) in
                                         {"MIL", "COP", "REB", "GOV"} else ("of", "from"))
    return country


def _context_country(p: _Phrase, sector: str | None, group_head: bool) -> str | None:
    """The country of a phrase that names none: the place it stands for, the owner a report
    speaks of, where a target was hit, or what the sentence is about."""
    head = p.head
    titled = head.pos_ == "PROPN" and sector in {"GOV", "MIL", "JUD", "LEG", "COP"}  # "President Avril"
    place_target = head.lemma_.lower() in _PLACE_HEADS  # "the town", "a village": where the blow fell
    country: str | None = None
    if place_target or head.pos_ == "PROPN" or head.ent_type_ in {"GPE", "LOC", "FAC"}:
        # "shelled Kharkiv", "the village of Krynky" (the tagger may call the town a PERSON)
        country = place_country(head, p.toks)
    if country is None and any(t.lower_ in {"its", "their"} and t.dep_ == "poss" for t in p.toks):
        country = reported_owner(head)  # "Russia said some of its troops were returning"
    if country is None and (place_target or sector == "CIV"):
        # targets and victims: where it happened, never the attacker's country named beside them
        country = located_country(head)
    elif country is None and (group_head or titled or sector in {"REB", "OPP"} or
                              any(e.label_ == "PERSON" for e in p.ents) or head.ent_type_ == "PERSON"):
        country = dominant_country(head, {t.i for t in p.toks}, armed=sector in {"REB", "OPP"} or group_head)
    return country


def _named_argument(tok: Token) -> bool:
    """An acronym the tagger took for a verb ("ECOWAS imposed"): a known name in a noun's slot."""
    return tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"} and tok.text.isupper() and \
        known_organisation([tok]) is not None


def _singular(tok: Token) -> str:
    low = tok.lemma_.lower()
    return low[:-1] if low.endswith("s") and low[:-1] in _GROUP_HEADS else low


def reported_owner(head: Token) -> str | None:
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
