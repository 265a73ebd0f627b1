"""Evaluation on the real shared data sets (`truce eval --data DIR`): readers, split, measures.

One reader per data set (`geovirus`, `wiktor`, `ucdp`, `wikinews`, `re3d`, `gsr`) turns its
files into typed records (`records`); `split.split_of` puts every text in dev or test; one
scoring module per measure family (`score_geo`, `score_ucdp`, `score_wikinews`, `score_re3d`;
PLOVER GSR is scored by `truce.extract.plover`); `run.run_eval` ties them together and `output`
prints. Measures are defined as `shared/tools/dev_eval.py` defines them, so its figures and ours
can be compared; docs/evaluation.md describes each. The data never ships with the product.
"""

from __future__ import annotations

from truce.evaluation.options import EvalOptions, parse_options
from truce.evaluation.split import split_of

__all__ = ["EvalOptions", "parse_options", "split_of"]
