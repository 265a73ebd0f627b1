"""re3d reader (`re3d/re3d.jsonl`): defence and security documents with entity gold.

Only the `Location` entities are used (span recall of the place recogniser); spans that do not
match the text (`span_matches` false) are skipped. Licences differ per subset and are repeated in
each record's `license` (UK OGL v3.0, US government public domain, CC BY-SA 3.0, CC BY 3.0 AU,
EU reuse notice); source dstl/re3d. The BBC subset (non-commercial) is not in the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from truce.evaluation.jsonl import read_jsonl
from truce.evaluation.records import Bad, EntityDoc, Loaded
from truce.evaluation.sample import seeded

FILE = "re3d/re3d.jsonl"


def read_re3d(path: Path) -> Loaded[EntityDoc]:
    """Every re3d document with its Location spans, in sample order."""
    records, bad = read_jsonl(path)
    items: list[EntityDoc] = []
    for number, record in records:
        where = f"{path.name}:{number}"
        doc = _doc(record, where)
        if isinstance(doc, Bad):
            bad.append(doc)
        else:
            items.append(doc)
    return Loaded(seeded(items, key=lambda d: d.key), len(items), bad)


def _doc(record: dict[str, Any], where: str) -> EntityDoc | Bad:
    text, entities = record.get("text"), record.get("entities")
    if not isinstance(text, str):
        return Bad(where, "field 'text' is missing or not a string")
    if not isinstance(entities, list):
        return Bad(where, "field 'entities' is missing or not a list")
    spans: set[tuple[int, int]] = set()
    for index, entity in enumerate(entities):
        if not isinstance(entity, dict):
            return Bad(where, f"entities[{index}] is not an object")
        if entity.get("type") != "Location" or entity.get("span_matches") is False:
            continue
        begin, end = entity.get("begin"), entity.get("end")
        if not (isinstance(begin, int) and isinstance(end, int) and 0 <= begin < end <= len(text)):
            return Bad(where, f"entities[{index}] needs integer begin < end within the text")
        spans.add((begin, end))  # re3d repeats a span once per annotator: count it once
    return EntityDoc(str(record.get("id", where)), where, text, tuple(sorted(spans)))
