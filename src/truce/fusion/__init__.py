"""Fusion: the events and observations of many reports become incidents.

`fuse(events, observations, reports, existing=None)` is the entry point; see `truce.fusion.engine`.
Modules: `items` (events and observations seen alike), `geometry` (distances, uncertainty),
`index` (time × space buckets), `sources` (independent origins), `cluster` (an incident growing);
over the store, `incremental` (fuse what is new) and `decisions` (the reviewers' rulings, with
`corrections`), both written against the port `ports.FusionStore` and never against `truce.store`.
"""

from truce.fusion.engine import fuse

__all__ = ["fuse"]
