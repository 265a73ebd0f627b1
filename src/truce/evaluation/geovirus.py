"""GeoVirus reader (`geovirus/geovirus.jsonl`): Wikinews articles with gold toponyms.

One article per line: `id`, `text`, `locations[]` with 0-based `start`/`end` offsets into the text
and the gold `lat`/`lon`. Texts CC BY 2.5 (Wikinews); annotations Gritta et al. 2018 (GPL-3.0).
Every article is used, in the seeded order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from truce.evaluation.jsonl import as_float, read_jsonl
from truce.evaluation.records import Bad, GeoArticle, GoldToponym, Loaded
from truce.evaluation.sample import seeded

FILE = "geovirus/geovirus.jsonl"


def read_geovirus(path: Path) -> Loaded[GeoArticle]:
    """Every usable article of a GeoVirus JSONL file, in sample order."""
    records, bad = read_jsonl(path)
    items: list[GeoArticle] = []
    for number, record in records:
        where = f"{path.name}:{number}"
        article = _article(record, where)
        if isinstance(article, Bad):
            bad.append(article)
        else:
            items.append(article)
    return Loaded(seeded(items, key=lambda a: a.key), len(items), bad)


def _article(record: dict[str, Any], where: str) -> GeoArticle | Bad:
    text = record.get("text")
    if not isinstance(text, str):
        return Bad(where, "field 'text' is missing or not a string")
    locations = record.get("locations")
    if not isinstance(locations, list):
        return Bad(where, "field 'locations' is missing or not a list")
    gold = []
    for index, location in enumerate(locations):
        toponym = toponym_of(location, len(text))
        if toponym is None:
            return Bad(where, f"locations[{index}] needs integer start < end within the text and numeric lat, lon")
        gold.append(toponym)
    return GeoArticle(str(record.get("id", where)), where, text, tuple(gold))


def toponym_of(value: Any, length: int, lat: float | None = None, lon: float | None = None) -> GoldToponym | None:
    """A gold toponym from a {start, end[, lat, lon]} object, or None when it is malformed.
    `lat`/`lon` given here (WikToR: one point per page) take the place of the object's own."""
    if not isinstance(value, dict):
        return None
    start, end = value.get("start"), value.get("end")
    lat = as_float(value.get("lat")) if lat is None else lat
    lon = as_float(value.get("lon")) if lon is None else lon
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length):
        return None
    if lat is None or lon is None:
        return None
    return GoldToponym(start, end, lat, lon)
