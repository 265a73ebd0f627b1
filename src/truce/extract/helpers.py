"""The other stages extraction leans on — places (truce.geo) and dates (truce.timex) — behind
guarded imports, so extraction still runs (without locations or dates) if one is missing."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from truce.model import DateRef, PlaceMention


def places_for(doc: Doc) -> list[PlaceMention]:
    """Place mentions of a Doc from the geoparser; [] when the geo stage is unavailable."""
    try:
        from truce.geo.resolve import places_in_doc
    except ImportError:
        return []
    return list(places_in_doc(doc))


def dates_for(doc: Doc, published: date | None) -> list[DateRef]:
    """Date phrases of a Doc from the time normaliser; [] when it is unavailable."""
    try:
        from truce.timex import dates_in_doc
    except ImportError:
        return []
    return list(dates_in_doc(doc, published))
