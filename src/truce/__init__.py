"""Truce: ceasefire monitoring — reports in, incidents and defensible verdicts out.

`extract(text, published=None)` returns Event records; `places(text)` returns place mentions.
Both load their models once per process and are safe to call in a loop.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from truce.model import Event, PlaceMention

__version__ = "0.1.0"
__all__ = ["__version__", "extract", "places"]


def extract(text: str, published: date | datetime | str | None = None) -> list[Event]:
    """Events in `text`, dates read relative to `published` (unknown stays unknown)."""
    from truce.extract.pipeline import extract as _extract

    return _extract(text, published=published)


def places(text: str) -> list[PlaceMention]:
    """Every place mention in `text`, resolved against the offline gazetteer."""
    from truce.geo.resolve import places as _places

    return _places(text)
