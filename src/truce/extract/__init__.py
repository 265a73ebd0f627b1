"""Event extraction: who did what to whom, where, when, and who says so.

`truce.extract.pipeline.extract(text, published)` is the entry point; the rule layer (triggers,
arguments, attribution) is explainable, and `classify` (a learned sentence classifier) helps where
it measurably beats the rules.
"""
