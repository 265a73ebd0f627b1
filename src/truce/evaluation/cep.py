"""Wikipedia Current Events Portal reader (`wikitimes-cep-2015-09/cep_2015_09.jsonl`).

One or two sentences an editor wrote about one happening, with the portal day and WikiTimes'
topical category. The War_Conflict summaries are the texts a conflict reader must not miss; the
summaries of categories where no political violence is to be expected (QUIET) are the texts it
must not read an attack into. Law_Crime, Politics and International_Relation summaries are
neither: a coup, a police shooting or a threat between states is a fair event or a fair
non-event, so they are left out of both measures. Text CC BY-SA 3.0 (Wikipedia contributors).
"""

from __future__ import annotations

from pathlib import Path

from truce.evaluation.jsonl import as_date, read_jsonl
from truce.evaluation.records import Bad, CepSummary, Loaded

FILE = "wikitimes-cep-2015-09/cep_2015_09.jsonl"
CONFLICT = "War_Conflict"
QUIET = frozenset({"Disaster_Accident", "Business_Finance", "Entertainment_Culture", "Sports",
                   "Technology_Internet", "Health_Medical_Pharma"})


def read_cep(path: Path) -> Loaded[CepSummary]:
    """Every summary of a conflict or a quiet category, in file order; bad lines named."""
    records, bad = read_jsonl(path)
    items: list[CepSummary] = []
    for number, row in records:
        where = f"{path.name}:{number}"
        text, category = row.get("text"), row.get("category")
        if not isinstance(text, str) or not text.strip():
            bad.append(Bad(where, "field 'text' is missing or empty"))
            continue
        if not isinstance(category, str) or not category:
            bad.append(Bad(where, "field 'category' is missing or empty"))
            continue
        if category != CONFLICT and category not in QUIET:
            continue
        items.append(CepSummary(where=where, text=text, published=as_date(row.get("date")),
                                conflict=category == CONFLICT))
    return Loaded(items, len(items), bad)
