"""Known actors: people and organisations named without their country ("Erdogan said", "UN
peacekeepers", "Hamas fighters"), looked up in data/actors.yaml.

Names are compared in a normal form (lower case, accents and punctuation folded, "al-Assad" ==
"al assad"). A person is found by full name or alias, by the longest tail of a name ("President
Bashar al-Assad"), or by surname alone when that surname is telling: not shared by people of
different countries, not a common name or word, and not from a naming order that puts the family
name first. Organisation keys of three letters or fewer ("UN", "EU", "ADF") match only upper-case
text, so the words "un" or "who" stay words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Token
from unidecode import unidecode

from truce.extract.datafiles import read_data
from truce.extract.lexicon import load_lexicon

# Surnames too common (or too much like ordinary words) to identify anyone alone.
_COMMON_SURNAMES = {
    "khan", "ali", "ahmed", "ahmad", "mohamed", "mohammed", "muhammad", "mohammad", "hassan", "hussein",
    "abdullah", "mustafa", "omar", "singh", "santos", "may", "major", "johnson", "taylor", "rice", "baker",
    "powell", "perry", "austin", "harris", "henry", "jonathan", "christopher", "james", "saleh", "idris",
    "diop", "camara", "faye", "kim", "lee", "moon", "park", "salam", "abdi", "barre", "mohamud", "dar",
    "bio", "sall", "traore", "sharaa", "amin", "yunus", "michel", "katz", "fletcher", "griffiths", "carney",
    "jian", "ning", "yi", "reda", "hasina", "sheikh", "rahman",
}
# Countries whose leaders' names are given family name first, or have no surname.
_FAMILY_FIRST = {"CHN", "PRK", "KOR", "TWN", "KHM", "MMR", "VNM", "IDN"}


@dataclass(frozen=True, slots=True)
class KnownActor:
    """An entry of the known-actor tables."""

    name: str
    country: str | None
    sector: str
    operates_in: tuple[str, ...] = ()  # other countries an armed group fights in


@lru_cache(maxsize=131_072)  # every actor phrase asks for its words' forms again
def normal(text: str) -> str:
    """Normal form for comparing names: lower case ASCII words separated by single spaces."""
    folded = unidecode(text).lower().replace("'s ", " ").replace("’", "'")
    folded = re.sub(r"[\-‐–—_/.,'\"()]", " ", folded)
    return " ".join(folded.split())


@dataclass(frozen=True, slots=True)
class _Tables:
    full: dict[str, KnownActor]
    surname: dict[str, KnownActor]
    orgs: dict[str, KnownActor]
    short_orgs: frozenset[str]  # keys matched only in upper case
    longest_org: int
    org_starts: frozenset[str]  # the organisations' keys and their leading words ("islamic state", "islamic")


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = read_data("actors.yaml")
    people = data.get("people") or {}
    operates = {normal(str(k)): tuple(str(c) for c in v) for k, v in (data.get("operates_in") or {}).items()}
    full: dict[str, KnownActor] = {}
    by_surname: dict[str, set[KnownActor]] = {}
    for name, value in people.items():
        country, sector = value[0], str(value[1])
        aliases = [str(a) for a in value[2]] if len(value) > 2 and value[2] else []
        actor = KnownActor(str(name), country, sector)
        for alias in [str(name), *aliases]:
            full.setdefault(normal(alias), actor)
        words = normal(str(name)).split()
        if len(words) > 1 and country not in _FAMILY_FIRST:
            last = words[-1]
            by_surname.setdefault(last, set()).add(actor)  # "al-Assad" -> "al assad" -> "assad"
    surname: dict[str, KnownActor] = {}
    for key, actors in by_surname.items():
        countries = {a.country for a in actors}
        if len(countries) == 1 and key not in _COMMON_SURNAMES and len(key) > 3 and key not in full:
            surname[key] = sorted(actors, key=lambda a: a.name)[0]
    orgs: dict[str, KnownActor] = {}
    short: set[str] = set()
    for key, (country, sector) in load_lexicon().organisations.items():
        norm = normal(key)
        label = key.upper() if len(norm.replace(" ", "")) <= 4 else key.title()
        orgs.setdefault(norm, KnownActor(label, country, sector, operates.get(norm, ())))
        if " " not in norm and (len(norm) <= 3 or (sector == "MED" and len(norm) <= 5)):
            short.add(norm)  # "SANA", "TASS", "WAFA": acronyms only, not the names Sana or Wafa
    longest = max((len(k.split()) for k in orgs), default=1)
    starts = frozenset(" ".join(k.split(" ")[:n]) for k in orgs for n in range(1, len(k.split(" ")) + 1))
    return _Tables(full, surname, orgs, frozenset(short), longest, starts | {""})


def known_person(tokens: Sequence[Token]) -> KnownActor | None:
    """A known person named by a run of proper nouns among `tokens` ("President Vladimir Putin")."""
    tables = _tables()
    runs: list[list[Token]] = []
    for tok in tokens:
        if tok.pos_ == "PROPN" or (tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} and tok.is_alpha) \
                or (tok.text in {"-", "al", "el"} and runs and runs[-1] and runs[-1][-1].i == tok.i - 1):
            if runs and runs[-1] and runs[-1][-1].i == tok.i - 1:
                runs[-1].append(tok)
            else:
                runs.append([tok])
    for run in runs:
        words = normal(" ".join(t.text for t in run)).split()
        for start in range(len(words)):  # longest tail first: "president bashar al assad"
            tail = " ".join(words[start:])
            if tail in tables.full:
                return tables.full[tail]
        if words and words[-1] in tables.surname:
            return tables.surname[words[-1]]
    return None


def known_organisation(tokens: Sequence[Token], head: Token | None = None) -> KnownActor | None:
    """The known organisation named inside `tokens` ("UN peacekeepers", "Hamas fighters"): the one
    that covers `head` if any ("Al Qaeda-linked JNIM" is JNIM), else the longest."""
    tables = _tables()
    toks, norms = _name_words(tokens)
    best: tuple[int, KnownActor] | None = None
    covering: KnownActor | None = None
    for i in range(len(toks)):
        j = _longest_org_at(toks, norms, i, tables)
        if j is None:
            continue
        found = replace(tables.orgs[" ".join(n for n in norms[i:j] if n)],
                        name=" ".join(t.text for t in toks[i:j]))  # as written
        if best is None or j - i > best[0]:
            best = (j - i, found)
        if head is not None and any(t.i == head.i for t in toks[i:j]):
            covering = found
    return covering or (best[1] if best else None)


def _name_words(tokens: Iterable[Token]) -> tuple[list[Token], list[str]]:
    """The words an organisation's name is matched on (no spaces, punctuation or possessive 's),
    and their normal forms."""
    toks = [t for t in tokens if not (t.is_space or t.is_punct or t.lower_ in {"'s", "’s"})]
    return toks, [normal(t.text) for t in toks]


def _longest_org_at(toks: list[Token], norms: list[str], i: int, tables: _Tables) -> int | None:
    """The end of the longest organisation name starting at toks[i] (within `longest_org` + 3
    tokens), or None. Words are added one at a time while they still begin some name: a run that
    begins none cannot grow into one."""
    end: int | None = None
    key = ""
    for j in range(i + 1, min(len(toks), i + tables.longest_org + 3) + 1):
        if norms[j - 1]:
            key = f"{key} {norms[j - 1]}" if key else norms[j - 1]
        if key not in tables.org_starts:
            break
        if key in tables.orgs and (key not in tables.short_orgs or toks[i].text.isupper() or "." in toks[i].text):
            end = j
    return end


def operating_countries(name: str, home: str | None) -> tuple[str, ...]:
    """Countries a known armed group named `name` fights in, beyond `home` (data/actors.yaml,
    `operates_in`); () for other actors. A group with no home country may be anywhere: ("*",)."""
    found = _tables().orgs.get(normal(name))
    if found is None or found.sector != "REB":
        return ()
    if found.country is None:
        return ("*",) if home is None else ()
    return found.operates_in if home == found.country else ()



@lru_cache(maxsize=256)
def _branch_names(name: str) -> tuple[tuple[str, str], ...]:
    """The national branches of a known armed group with their countries: other organisations
    whose names hold the group's name ("pakistani taliban", "tehrik i taliban pakistan" for the
    Taliban), in normal form."""
    key = normal(name)
    if not key:
        return ()
    return tuple((other, str(found.country)) for other, found in _tables().orgs.items()
                 if other != key and found.country and f" {key} " in f" {other} ")


# words by which a group that rules a country acts as its state ("the Taliban government", "the
# Taliban's defence ministry")
_STATE_WORDS = {"government", "ministry", "minister", "administration", "authorities", "authority", "regime"}


def home_side(name: str, home: str | None, here: str, phrase: str, text: str) -> bool:
    """Whether a known armed group fighting in several countries is its home country's side in a
    text about `here`: named as the state it rules (`phrase`), or the text (`text`) names its branch
    in `here` apart ("Pakistan accuses the Taliban of sheltering the Pakistani Taliban": the bare
    name is the Afghan Taliban)."""
    if home is None or here == home:
        return False
    if _STATE_WORDS.intersection(normal(phrase).split()):
        return True
    folded = f" {normal(text)} "
    return any(country == here and f" {branch} " in folded for branch, country in _branch_names(name))


def organisation_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of every known organisation's name of two words or more in `doc`,
    longest first at each start ("Islamic State West Africa Province", "Kurdistan Workers' Party")."""
    tables = _tables()
    toks, norms = _name_words(doc)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        j = _longest_org_at(toks, norms, i, tables) if norms[i] in tables.org_starts else None
        if j is not None and j - i >= 2:
            spans.append((toks[i].idx, toks[j - 1].idx + len(toks[j - 1].text)))
            i = j
        else:
            i += 1
    return spans
