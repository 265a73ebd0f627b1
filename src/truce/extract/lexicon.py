"""The extraction lexicons (data/*.yaml) loaded once into lookup tables.

Rule sets carry a version string (`truce.extract.triggers.v1`) so that a change in behaviour gets a
new name and old extractions stay reproducible.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from truce.errors import ConfigError
from truce.extract.datafiles import read_data
from truce.model import PLOVER_TYPES


@dataclass(frozen=True, slots=True)
class Sense:
    """One reading of a trigger word: PLOVER type, mode, and whether it is ambiguous alone."""

    type: str
    mode: str | None
    weak: bool


@dataclass(frozen=True, slots=True)
class ArgRule:
    """A reading decided by an argument: "fired rockets" is shelling, "released a statement" no
    event at all (type NONE). `role`: object, subject, modifier or prep (a governed preposition's
    object, "returned to base")."""

    role: str
    words: frozenset[str]
    type: str
    mode: str | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lookup tables built from triggers.yaml and actors.yaml."""

    version: str
    verbs: dict[str, tuple[Sense, ...]]
    nouns: dict[str, tuple[Sense, ...]]
    # first lemma -> [(lemmas, sense)], longest first
    phrases: dict[str, tuple[tuple[tuple[str, ...], Sense], ...]]
    light_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    hypothetical_cues: frozenset[str]
    future_cues: frozenset[str]
    negation_cues: frozenset[str]
    denial_verbs: frozenset[str]
    claim_verbs: frozenset[str]
    promise_verbs: frozenset[str]
    promise_adjectives: frozenset[str]
    sectors: dict[str, str]  # keyword (lower) -> sector
    organisations: dict[str, tuple[str | None, str]]
    names: dict[str, str]  # demonym / alias (lower) -> ISO3
    arg_rules: dict[str, tuple[ArgRule, ...]] = field(default_factory=dict)  # trigger lemma -> rules
    needs_rule: frozenset[str] = frozenset()  # lemmas that name an event only when a rule matches
    lemma_fixes: dict[str, str] = field(default_factory=dict)  # parser lemma slips ("stag" -> "stage")
    # past forms the tagger takes for nouns ("The army retook control" -> "retook" NOUN): by form
    form_fixes: dict[str, str] = field(default_factory=dict)


def _read_yaml(name: str) -> dict[str, Any]:
    return read_data(name)


def _add(table: dict[str, list[Sense]], key: str, sense: Sense) -> None:
    senses = table.setdefault(key.lower(), [])
    if all(s.type != sense.type for s in senses):
        senses.append(sense)


_Senses = dict[str, list[Sense]]
_Phrases = dict[str, list[tuple[tuple[str, ...], Sense]]]


def _trigger_senses(trig: dict[str, Any]) -> tuple[_Senses, _Senses, _Phrases]:
    """Verb, noun and phrase senses of every PLOVER type's block of triggers.yaml."""
    verbs: _Senses = {}
    nouns: _Senses = {}
    phrases: _Phrases = {}
    # YAML order is the default preference when a word has several readings ("strike").
    for etype, block in trig.items():
        if etype not in PLOVER_TYPES or not block:
            continue
        weak = set(block.get("weak") or [])
        weak_nouns = set(block.get("weak_nouns") or [])
        for lemma, mode in (block.get("verbs") or {}).items():
            _add(verbs, str(lemma), Sense(etype, mode, str(lemma) in weak))
        for lemma, mode in (block.get("nouns") or {}).items():
            _add(nouns, str(lemma), Sense(etype, mode, str(lemma) in weak_nouns))
        for phrase, mode in (block.get("phrases") or {}).items():
            lemmas = tuple(str(phrase).lower().split())
            phrases.setdefault(lemmas[0], []).append((lemmas, Sense(etype, mode, False)))
    return verbs, nouns, phrases


def _argument_rules(trig: dict[str, Any]) -> dict[str, tuple[ArgRule, ...]]:
    """triggers.yaml `argument_rules` by trigger lemma (an unknown type is a configuration error)."""
    arg_rules: dict[str, list[ArgRule]] = {}
    for rule in trig.get("argument_rules") or []:
        etype = str(rule["type"])
        if etype not in PLOVER_TYPES and etype != "NONE":
            raise ConfigError("E203", f"data/triggers.yaml argument_rules: unknown type {etype!r}",
                              hint="use a PLOVER type or NONE")
        words = frozenset(str(w).lower() for w in rule.get("words") or [])
        for lemma in rule.get("triggers") or []:
            arg_rules.setdefault(str(lemma).lower(), []).append(
                ArgRule(str(rule.get("role", "object")), words, etype, rule.get("mode")))
    return {k: tuple(v) for k, v in arg_rules.items()}


def _sectors(act: dict[str, Any]) -> dict[str, str]:
    """actors.yaml `sectors`: keyword (lower) -> sector, the first sector listing a word wins."""
    sectors: dict[str, str] = {}
    for sector, words in (act.get("sectors") or {}).items():
        for word in words:
            sectors.setdefault(str(word).lower(), str(sector))
    return sectors


def _lowered(table: dict[str, Any] | None) -> dict[str, str]:
    return {str(k).lower(): str(v).lower() for k, v in (table or {}).items()}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Parse the YAML lexicons once per process."""
    trig = _read_yaml("triggers.yaml")
    act = _read_yaml("actors.yaml")
    verbs, nouns, phrases = _trigger_senses(trig)

    def frozen(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in trig.get(key) or [])

    return Lexicon(
        version=str(trig.get("version", "truce.extract.triggers.v1")),
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
        light_verbs=frozen("light_verbs"),
        reporting_verbs=frozen("reporting_verbs"),
        hypothetical_cues=frozen("hypothetical_cues"),
        future_cues=frozen("future_cues"),
        negation_cues=frozen("negation_cues"),
        denial_verbs=frozen("denial_verbs"),
        claim_verbs=frozen("claim_verbs"),
        promise_verbs=frozen("promise_verbs"),
        promise_adjectives=frozen("promise_adjectives"),
        sectors=_sectors(act),
        organisations={str(k).lower(): (v[0], str(v[1])) for k, v in (act.get("organisations") or {}).items()},
        names={str(k).lower(): str(v) for k, v in (act.get("names") or {}).items()},
        arg_rules=_argument_rules(trig),
        needs_rule=frozen("needs_rule"),
        lemma_fixes=_lowered(trig.get("lemma_fixes")),
        form_fixes=_lowered(trig.get("form_fixes")),
    )


def lemma_of(tok: Token, lex: Lexicon) -> str:
    """The token's lemma, lower-cased, with the parser's known lemma slips corrected."""
    lemma = tok.lemma_.lower()
    if tok.lower_ in lex.form_fixes:
        return lex.form_fixes[tok.lower_]
    return lex.lemma_fixes.get(lemma, lemma) if tok.pos_ in {"VERB", "AUX"} else lemma
