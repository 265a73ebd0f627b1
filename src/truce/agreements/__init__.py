"""Agreements as data, and incidents judged against them.

- `load_agreement(path)`, `load_agreements(dir=None)` — YAML files → validated `Agreement`
  (schema in `schema.py`, documented in docs/agreements.md; errors E401–E413).
- `adjudicate(incident, agreement, evidence=None)`, `adjudicate_all(incidents, agreements)` →
  `Verdict`; `verdicts_changed(old, new)` for re-derivation when an agreement changes.
"""

from truce.agreements.adjudicate import RULES_VERSION, adjudicate, adjudicate_all, verdicts_changed
from truce.agreements.load import check_agreement, load_agreement, load_agreements
from truce.agreements.parties import AdjudicationContext
from truce.agreements.schema import Agreement

__all__ = [
    "RULES_VERSION",
    "AdjudicationContext",
    "Agreement",
    "adjudicate",
    "adjudicate_all",
    "check_agreement",
    "load_agreement",
    "load_agreements",
    "verdicts_changed",
]
