"""Keeping a text's places in the theatre it writes about: the geocoder's own correction of far namesakes.

A village the gazetteer lacks is often resolved to a namesake on another continent ("Tallousa" in
south Lebanon to Tarusa in Russia, "Vang" of Karabakh to a village in Norway). Such a reading lies
in a country the text never names and far from every place it does name. Without strong evidence
for it (a large city, or other places of the text close by) the mention keeps to the named
countries: the best-scored namesake inside them when there is one, else no place at all. This
replaces fusion's old after-the-fact rule (a report's event placed more than 800 km from the
median of its other events lost its place), which only saw events and came too late to pick the
right namesake.
"""

from __future__ import annotations

import math
import statistics
from typing import TYPE_CHECKING

from truce.geo.geometry import distance_to_km, haversine_km
from truce.geo.names import fold

if TYPE_CHECKING:
    from collections.abc import Callable

    from shapely.geometry.base import BaseGeometry

    from truce.geo.rank import Context, Scored

    OutlineOf = Callable[[str], BaseGeometry | None]  # a country's border by its ISO3 code

# The median of a text's places, when it has at least this many, stands for where the story is.
STRAY_KM = 800.0
MIN_PLACES_FOR_MEDIAN = 3
# A place within this distance of a named country's point is a neighbour of the story, not a stray
# (within the wider one, only when the text's other places do not lie far from it).
FAR_FROM_NAMED_KM = 1500.0
NEIGHBOUR_KM = 600.0
# A place this close to a named country's border is a neighbour of the story too (a front line).
BORDER_KM = 500.0
# A place this close to another place of the text is part of the story wherever it lies.
NEAR_ANOTHER_KM = 400.0
# A city this large is a plausible second theatre (a capital abroad, a summit venue) on its own.
STRONG_POPULATION = 1_000_000
# The only place of its exact name, this large, is what the text means even abroad.
UNIQUE_TOWN_POPULATION = 20_000
AREA_KINDS = frozenset({"country", "region"})


def _median_distance(scored: Scored, context: Context, own_text: str) -> float | None:
    """How far the candidate lies from the middle of the text's other places (None: too few)."""
    c = scored.candidate
    others = [(lat, lon) for text, lat, lon, _ in context.anchors if text != own_text]
    if len(others) < MIN_PLACES_FOR_MEDIAN:
        return None
    mid = statistics.median(lat for lat, _ in others), statistics.median(lon for _, lon in others)
    return haversine_km(c.lat, c.lon, *mid)


def _far(scored: Scored, context: Context, own_text: str, named: set[str],
         outline_of: OutlineOf | None = None) -> bool:
    """Far from every place and named country of the text, and from the middle of its places."""
    if scored.near_km is not None and scored.near_km <= NEAR_ANOTHER_KM:
        return False  # another place of the text lies close by: a second scene, not a stray
    c = scored.candidate
    points = [p for iso, p in context.country_points.items() if iso in named]
    distances = [haversine_km(c.lat, c.lon, lat, lon) for lat, lon in points]
    if any(d <= NEIGHBOUR_KM for d in distances):
        return False  # next to a country the text names ("Malakal" in a story about Sudan)
    if outline_of is not None and any(_border_km(c.lat, c.lon, outline_of(iso)) <= BORDER_KM for iso in named):
        return False  # "Russian forces in Kherson": by a large country's border, far from its middle
    median = _median_distance(scored, context, own_text)
    reference = median if median is not None else scored.near_km  # the middle of the others, or the one
    if reference is not None:
        return reference > STRAY_KM  # "al Shuhadaa neighbourhood, Raqqah city" read in Egypt: far
    return not any(d <= FAR_FROM_NAMED_KM for d in distances)


# Distances from points to borders measured before, by (lat, lon, id of the outline), with the
# outline itself (held, so its id is not reused): every resolution pass asks again for the same
# namesakes and the same named countries, and each measure projects a whole country's border.
_BORDERS: dict[tuple[float, float, int], tuple[BaseGeometry, float]] = {}


def _border_km(lat: float, lon: float, outline: BaseGeometry | None) -> float:
    if outline is None:
        return math.inf
    key = (lat, lon, id(outline))
    known = _BORDERS.get(key)
    if known is not None and known[0] is outline:
        return known[1]
    km = distance_to_km(lat, lon, outline)
    if len(_BORDERS) > 100_000:
        _BORDERS.clear()
    _BORDERS[key] = (outline, km)
    return km


def _own_name(written: str, name: str) -> bool:
    from truce.geo.resolve import same_but_article  # (resolve imports this module)

    return same_but_article(written, name) or fold(written) in fold(name).split()  # "Kuwait" of "Kuwait City"


def _strong(best: Scored, ranked: list[Scored], own_text: str) -> bool:
    """Evidence enough for a place abroad: a capital (talks in Doha), a city of a million, or a
    sizeable town that is the only place of that exact name (Eilat)."""
    c = best.candidate
    if c.population >= STRONG_POPULATION:
        return True
    if c.kind == "capital":  # by its own name: "Doha", not "Rai" (an alternate name of Praia)
        return _own_name(own_text, c.name)
    return len(ranked) == 1 and not c.loose and c.population >= UNIQUE_TOWN_POPULATION


def keep_in_theatre(ranked: list[Scored], context: Context, own_text: str, own_country: str | None = None,
                    outline_of: OutlineOf | None = None) -> tuple[Scored | None, str | None]:
    """The reading to keep for one mention, and why it changed (None when it did not).

    `own_country` is the country this mention itself added to the context, if any (it does not
    count as the text naming it). Returns (None, why) when the best reading is a far namesake and
    the named countries hold no other: the mention is then no place rather than a wrong one.
    `outline_of` gives a country's border: a country's point is its middle, which for Russia
    lies in Siberia, so a town by its border would otherwise count as far from it."""
    if not ranked:
        return None, None
    best = ranked[0]
    c = best.candidate
    named = context.countries_besides(own_country)
    if not named or c.kind in AREA_KINDS or c.country in named or _strong(best, ranked, own_text):
        return best, None
    if not _far(best, context, own_text, named, outline_of):
        return best, None
    inside = next((s for s in ranked if s.candidate.country in named), None)
    if inside is not None:
        return inside, f"kept within {inside.candidate.country}, which the text names (not {c.name}, {c.country})"
    return None, f"{c.name} ({c.country}) is far from the countries the text names"
