"""The other stages extraction leans on: places (truce.geo) and dates (truce.timex). Imported
plainly: a broken geo or time stage fails loudly at import, never silently drops every location."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from truce.geo.resolve import places_in_doc, resolve_name
from truce.model import DateRef, PlaceMention
from truce.timex import dates_in_doc


def places_for(doc: Doc) -> list[PlaceMention]:
    """Place mentions of a Doc from the geoparser."""
    return list(places_in_doc(doc))


def dates_for(doc: Doc, published: date | None) -> list[DateRef]:
    """Date phrases of a Doc from the time normaliser."""
    return list(dates_in_doc(doc, published))


_BEARINGS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
             "north-east", "north-west", "south-east", "south-west"}


def bearing_places(doc: Doc, found: list[PlaceMention]) -> list[PlaceMention]:
    """Places named as a reference point, "20 km south of Djibo", that the geoparser missed.

    Rule: a proper noun after "<distance> <bearing> of" is a place by construction, so it is
    looked up by name in the gazetteer even when the tagger saw no entity there."""
    covered = {(p.start, p.end) for p in found}
    out: list[PlaceMention] = []
    for tok in doc:
        if tok.lower_ != "of" or tok.head.lower_ not in _BEARINGS or tok.i < 2:
            continue
        if not any(t.lower_ in {"km", "kilometres", "kilometers", "miles", "mi"} for t in tok.head.children) \
                and doc[tok.i - 2].lower_ not in {"km", "kilometres", "kilometers", "miles"}:
            continue
        obj = next((c for c in tok.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
        if obj is None:
            continue
        lo, hi = obj.left_edge, obj
        start, end = lo.idx, hi.idx + len(hi.text)
        if any(a < end and start < b for a, b in covered):
            continue
        place = resolve_name(doc.text[start:end])
        if place is not None and place.precision != "country":
            out.append(replace(place, start=start, end=end))
    return out
