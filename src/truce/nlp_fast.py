"""Faster stand-ins for the two rule components of en_core_web_sm, with the same output.

Profiled on real news, the model's attribute ruler and lemmatizer took a quarter of spaCy's time,
more than the parser: both are Python, token by token.
- The attribute ruler runs ~180 Matcher patterns over every token, though all but a few look at one
  token only (its tag, lower-case form, dependency, whitespace). `TruceAttributeRuler` answers
  those from a table keyed on exactly what they read, filled on first sight of each key, and
  leaves the few multi-token patterns to a Matcher of their own; matches are applied in the same
  order as spaCy's (by rule number), so later rules still win.
- The rule lemmatizer caches only the forms it derives, not the base forms it recognises first
  (every singular noun goes through `is_base_form` and a morphology dict again), and it checks
  each candidate form against word lists (57,000 nouns) by scanning them. Its answer depends on
  the token's form, part of speech and morphology only, so `TruceLemmatizer` caches every answer
  on that key, and its word lists answer membership from a set (`_WordList`, still a list).
Both are registered as spaCy factories and replace the model's components at load time
(truce.nlp); they read the model's own patterns and tables from disk, so a different model
version brings its own rules. `tests/extract/test_pipeline_nlp.py` compares every token against
the stock components.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab
from thinc.api import Model

# What a one-token pattern may test for the table to answer it: the token's attributes it reads.
_READS = {"LOWER": "lower_", "TAG": "tag_", "DEP": "dep_", "IS_SPACE": "is_space"}
_TABLE_LIMIT = 200_000  # keys kept before the table starts afresh (memory stays bounded)
Key = tuple[str, str, str, bool]


def _test(value: Any) -> Any:
    """A predicate on one attribute value from a Matcher pattern value, or None if unsupported."""
    if isinstance(value, (str, bool)):
        return lambda have: have == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(arg)
            return lambda have: have in allowed
        if op == "NOT_IN" and isinstance(arg, list):
            barred = frozenset(arg)
            return lambda have: have not in barred
        if op == "REGEX" and isinstance(arg, str):
            rx = re.compile(arg)
            return lambda have: isinstance(have, str) and rx.search(have) is not None
    return None


def _one_token(pattern: list[dict[str, Any]]) -> list[tuple[int, Any]] | None:
    """(key position, predicate) pairs of a one-token pattern the table can answer, else None."""
    if len(pattern) != 1:
        return None
    tests: list[tuple[int, Any]] = []
    for attr, value in pattern[0].items():
        if attr not in _READS:
            return None  # OP, ENT_TYPE, ...: left to the Matcher
        test = _test(value)
        if test is None:
            return None
        tests.append((list(_READS).index(attr), test))
    return tests


class TruceAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler with one-token rules answered from a table (module docstring).

    Each one-token pattern (and the first token of each multi-token one) is an entry with a bit;
    for every value of every attribute read, a mask says which entries that value lets through
    (filled on first sight of the value), so a token's matches are four lookups and an AND. The
    multi-token Matcher runs only on a Doc with a token that can begin one of its patterns."""

    def _build(self) -> None:
        self._built_for = len(self.attrs)
        self._entry_rule: list[int] = []  # entry bit -> rule number, -1 for a multi-token first token
        self._tests: list[list[tuple[int, Any]]] = []  # per attribute position: (entry bit, predicate)
        self._tests = [[] for _ in _READS]
        self._free = [0] * len(_READS)  # per position: entries that do not test it
        self._starts = 0  # entries that are the first token of a multi-token pattern
        self._always_multi = False
        self._multi = Matcher(self.vocab, validate=False)
        self._has_multi = False
        for rule in range(len(self.attrs)):
            patterns = self.matcher.get(str(rule))[1]
            tests = [_one_token(p) for p in patterns]
            single = all(t is not None for t in tests) and self.indices[rule] in (0, -1)
            if not single:
                self._multi.add(self.vocab.strings.add(str(rule)), patterns)
                self._has_multi = True
                tests = [_one_token(p[:1]) if p else None for p in patterns]
                if any(t is None for t in tests):
                    self._always_multi = True  # a first token the table cannot test: always match
            for alternative in tests:
                self._add_entry(rule if single else -1, alternative or [])
        self._masks: list[dict[Any, int]] = [{} for _ in _READS]
        self._table: dict[Key, tuple[tuple[int, ...], dict[Any, Any], bool]] = {}

    def _add_entry(self, rule: int, tests: list[tuple[int, Any]]) -> None:
        bit = 1 << len(self._entry_rule)
        self._entry_rule.append(rule)
        if rule < 0:
            self._starts |= bit
        tested = set()
        for at, test in tests:
            self._tests[at].append((bit, test))
            tested.add(at)
        for at in range(len(_READS)):
            if at not in tested:
                self._free[at] |= bit

    def _mask(self, at: int, value: Any) -> int:
        masks = self._masks[at]
        mask = masks.get(value)
        if mask is None:
            mask = self._free[at]
            for bit, test in self._tests[at]:
                if test(value):
                    mask |= bit
            masks[value] = mask
        return mask

    def _rules_for(self, key: Key) -> tuple[tuple[int, ...], dict[Any, Any], bool]:
        """The one-token rules a token with these attributes matches, their merged attributes
        (applied in rule order, so a later rule's value wins, as spaCy applies them), and whether
        the token can begin a multi-token pattern."""
        found = self._table.get(key)
        if found is None:
            mask = -1
            for at, value in enumerate(key):
                mask &= self._mask(at, value)
            rules = tuple(sorted({self._entry_rule[i] for i in range(len(self._entry_rule))
                                  if mask >> i & 1 and self._entry_rule[i] >= 0}))
            merged: dict[Any, Any] = {}
            for rule in rules:
                merged.update(self.attrs[rule])
            if len(self._table) >= _TABLE_LIMIT:
                self._table.clear()
                for masks in self._masks:
                    masks.clear()
            found = self._table[key] = (rules, merged, bool(mask & self._starts))
        return found

    def __call__(self, doc: Doc) -> Doc:
        if getattr(self, "_built_for", -1) != len(self.attrs):
            self._build()
        found = [self._rules_for((t.lower_, t.tag_, t.dep_, t.is_space)) for t in doc]
        may_begin = self._has_multi and (self._always_multi or any(f[2] for f in found))
        multi = self._multi(doc, allow_missing=True, as_spans=False) if may_begin else []
        if not multi:
            for token, (_, merged, _) in zip(doc, found, strict=True):
                if merged:
                    set_token_attrs(token, merged)
            return doc
        # a multi-token rule matched: every match in spaCy's order (rule number, then position)
        strings = self.vocab.strings
        matches = [(int(strings[m_id]), m_id, s, e) for m_id, s, e in multi]
        matches += [(rule, strings[str(rule)], i, i + 1) for i, f in enumerate(found) for rule in f[0]]
        matches.sort()
        self.set_annotations(doc, matches)
        return doc


class _WordList(list[str]):
    """A lemma index word list that answers `in` from a set (spaCy scans the list for each form);
    still a list, so it serialises and iterates as before."""

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self._set = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self._set


class TruceLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer with every answer cached (module docstring)."""

    def __init__(self, vocab: Vocab, model: Model | None, name: str = "lemmatizer", *, mode: str = "rule",
                 overwrite: bool = False, scorer: Any = None) -> None:
        kwargs = {"scorer": scorer} if scorer is not None else {}
        super().__init__(vocab, model, name, mode=mode, overwrite=overwrite, **kwargs)
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def _validate_tables(self, error_message: str = Errors.E912) -> None:
        """spaCy's check of the loaded tables (run when they are loaded), then the word lists
        made quick to search."""
        super()._validate_tables(error_message)
        index = self.lookups.get_table("lemma_index", {})
        for pos, words in list(index.items()):
            if isinstance(words, list) and not isinstance(words, _WordList):
                index[pos] = _WordList(words)

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables()
        strings = self.vocab.strings
        lemmas = self._lemmas
        if len(lemmas) >= _TABLE_LIMIT:
            lemmas.clear()
        for token in doc:
            if self.overwrite or token.lemma == 0:
                key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
                lemma = lemmas.get(key)
                if lemma is None:
                    lemma = lemmas[key] = strings.add(self.lemmatize(token)[0])
                token.lemma = lemma
        return doc


@Language.factory("truce_attribute_ruler", default_config={"validate": False, "scorer": None})
def make_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: Any) -> TruceAttributeRuler:
    kwargs = {"scorer": scorer} if scorer is not None else {}
    return TruceAttributeRuler(nlp.vocab, name, validate=validate, **kwargs)


@Language.factory("truce_lemmatizer",
                  default_config={"model": None, "mode": "rule", "overwrite": False, "scorer": None})
def make_lemmatizer(nlp: Language, model: Model | None, name: str, mode: str, overwrite: bool,
                    scorer: Any) -> TruceLemmatizer:
    return TruceLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)
