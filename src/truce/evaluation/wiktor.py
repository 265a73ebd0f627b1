"""WikToR reader (`wiktor/wiktor.jsonl`): Wikipedia openings about ambiguous place names.

One article per line: `id`, `text`, `lat`/`lon` of the page's own place and `mentions[]` (its
`start`/`end` spans). Only that place is annotated. Texts CC BY-SA 3.0 (Wikipedia); gold Gritta
et al. 2017 (GPL-3.0). Articles without coordinates or mentions carry no gold and are skipped (not
bad); a seeded sample of WIKTOR_SAMPLE is used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from truce.evaluation.geovirus import toponym_of
from truce.evaluation.jsonl import as_float, read_jsonl
from truce.evaluation.records import Bad, GeoArticle, Loaded
from truce.evaluation.sample import WIKTOR_SAMPLE, seeded

FILE = "wiktor/wiktor.jsonl"


def read_wiktor(path: Path, size: int | None = WIKTOR_SAMPLE) -> Loaded[GeoArticle]:
    """The seeded sample of WikToR articles that have gold (None: all of them)."""
    records, bad = read_jsonl(path)
    items: list[GeoArticle] = []
    for number, record in records:
        where = f"{path.name}:{number}"
        if record.get("lat") is None or record.get("lon") is None or not record.get("mentions"):
            continue  # an article without a gold line (16 in the corpus) is not an error
        article = _article(record, where)
        if isinstance(article, Bad):
            bad.append(article)
        else:
            items.append(article)
    return Loaded(seeded(items, key=lambda a: a.key, size=size), len(items), bad)


def _article(record: dict[str, Any], where: str) -> GeoArticle | Bad:
    text = record.get("text")
    if not isinstance(text, str):
        return Bad(where, "field 'text' is missing or not a string")
    lat, lon = as_float(record.get("lat")), as_float(record.get("lon"))
    if lat is None or lon is None:
        return Bad(where, "fields 'lat' and 'lon' must be numbers")
    mentions = record.get("mentions")
    if not isinstance(mentions, list):
        return Bad(where, "field 'mentions' is not a list")
    gold = []
    for index, mention in enumerate(mentions):
        toponym = toponym_of(mention, len(text), lat, lon)
        if toponym is None:
            return Bad(where, f"mentions[{index}] needs integer start < end within the text")
        gold.append(toponym)
    return GeoArticle(str(record.get("id", where)), where, text, tuple(gold))
