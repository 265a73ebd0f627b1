"""Pure functions more than one stage relies on, owned here so that no stage imports another's.

Every stage may import this package (docs/architecture.md): it imports nothing of Truce but
`model`. `words.normalise` is the form names and texts are compared in; `precision` the
uncertainty of a place of each precision; `dedup` the near-duplicate sketches of texts (computed
by the store at write time, compared by fusion); `families` the PLOVER type families incidents are
made within; `split` the shared dev/test split of real data (training and evaluation);
`fusion_state` the vocabulary fusion and the store share (item states, `ItemRow`, `FusionWrite`,
`Conflict`), so that fusion reaches the store through its port without importing it.
"""
