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

import statistics
from typing import TYPE_CHECKING

from truce.geo.geometry import haversine_km

if TYPE_CHECKING:
    from truce.geo.rank import Context, Scored

# The median of a text's places, when it has at least this many, stands for where the story is.
STRAY_KM = 800.0
MIN_PLACES_FOR_MEDIAN = 3
# Without such a median: how far from the nearest named place or named country's point is too far.
FAR_FROM_NAMED_KM = 1500.0
# A city this large is a plausible second theatre (a capital abroad, a summit venue) on its own.
STRONG_POPULATION = 1_000_000
AREA_KINDS = frozenset({"country", "region"})


def _distance_to_story(scored: Scored, context: Context, own_text: str) -> float | None:
    """How far the candidate lies from where the rest of the text happens, or None if unknown."""
    c = scored.candidate
    others = [(lat, lon) for text, lat, lon, _ in context.anchors if text != own_text]
    if len(others) >= MIN_PLACES_FOR_MEDIAN:
        mid = statistics.median(lat for lat, _ in others), statistics.median(lon for _, lon in others)
        return haversine_km(c.lat, c.lon, *mid)
    points = others + [p for iso, p in context.country_points.items() if iso != c.country]
    if not points:
        return None
    return min(haversine_km(c.lat, c.lon, lat, lon) for lat, lon in points)


def _far(scored: Scored, context: Context, own_text: str) -> bool:
    distance = _distance_to_story(scored, context, own_text)
    limit = STRAY_KM if len(context.anchors) > MIN_PLACES_FOR_MEDIAN else FAR_FROM_NAMED_KM
    return distance is not None and distance > limit


def keep_in_theatre(ranked: list[Scored], context: Context, own_text: str) -> tuple[Scored | None, str | None]:
    """The reading to keep for one mention, and why it changed (None when it did not).

    Returns (None, why) when the best reading is a far namesake and the named countries hold no
    other: the mention is then no place rather than a wrong one."""
    if not ranked:
        return None, None
    best = ranked[0]
    c = best.candidate
    named = context.countries_besides(c.country)
    if not named or c.kind in AREA_KINDS or c.country in named or c.population >= STRONG_POPULATION:
        return best, None
    if not _far(best, context, own_text):
        return best, None
    inside = next((s for s in ranked if s.candidate.country in named), None)
    if inside is not None:
        return inside, f"kept within {inside.candidate.country}, which the text names (not {c.name}, {c.country})"
    return None, f"{c.name} ({c.country}) is far from the countries the text names"
