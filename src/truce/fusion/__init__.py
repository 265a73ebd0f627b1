"""Fusion: the events and observations of many reports become incidents.

`fuse(events, observations, reports, existing=None)` is the entry point; see `truce.fusion.engine`.
Modules: `items` (events and observations seen alike), `geometry` (distances, uncertainty),
`index` (time × space buckets), `sources` (independent origins), `cluster` (an incident growing).
"""

from truce.fusion.engine import fuse

__all__ = ["fuse"]
