"""UCDP GED reader (`ucdp-ged/ged_events.jsonl`): real events with their source headlines.

Population: rows flagged `likely_english` and `informative_text`. Rows sharing one folded text are
ONE unit (a daily roll-up headline serves many events and must not count many times); a unit whose
rows disagree on `type_of_violence` is left out. The sample (UCDP_SAMPLE units) is stratified by
violence type (`sample.dealt`). Each unit's gold: `truce.evaluation.ucdp_gold`. Data CC BY 4.0,
UCDP (Sundberg & Melander 2013); check ucdp.uu.se/downloads before publishing anything from it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from truce.evaluation.jsonl import as_date, as_float, read_jsonl
from truce.evaluation.records import Bad, Loaded, UcdpUnit
from truce.evaluation.sample import UCDP_SAMPLE, dealt
from truce.evaluation.split import fold_text
from truce.evaluation.ucdp_gold import contains_words, fold_words, numbers_in, place_key, states_deaths

FILE = "ucdp-ged/ged_events.jsonl"
NOT_COUNTRY_PRECISION = 6  # where_prec 6 and 7 are country-level (or worse): no place to score


def read_ucdp(path: Path, size: int = UCDP_SAMPLE) -> Loaded[UcdpUnit]:
    """The stratified sample of UCDP units; `population` counts every unit of one type."""
    records, bad = read_jsonl(path)
    groups: dict[str, list[dict[str, Any]]] = {}
    for number, row in records:
        if not (row.get("likely_english") and row.get("informative_text")):
            continue
        problem = _row_problem(row)
        if problem:
            bad.append(Bad(f"{path.name}:{number}", problem))
            continue
        groups.setdefault(fold_text(row["text"]), []).append(row)
    strata: dict[int, list[str]] = {1: [], 2: [], 3: []}
    for key, rows in groups.items():
        kinds = {int(r["type_of_violence"]) for r in rows}
        if len(kinds) == 1:
            strata[kinds.pop()].append(key)
    chosen = dealt(strata, size)
    units = [unit_of(kind, groups[key]) for kind, key in chosen]
    return Loaded(units, sum(len(keys) for keys in strata.values()), bad)


def _row_problem(row: dict[str, Any]) -> str:
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return "field 'text' is missing or empty"
    kind = row.get("type_of_violence")
    if isinstance(kind, bool) or kind not in (1, 2, 3):
        return f"type_of_violence {kind!r} is not 1, 2 or 3"
    return ""


def unit_of(kind: int, rows: list[dict[str, Any]]) -> UcdpUnit:
    """One unit (the rows of one text) with the gold its text lets us score."""
    text: str = rows[0]["text"]
    deaths = None
    if len(rows) == 1 and states_deaths(text):
        best = as_float(rows[0].get("best"))
        if best is not None and best > 0:
            deaths = round(best)
    words = fold_words(text)
    places = []
    for row in rows:
        precision = as_float(row.get("where_prec"))
        lat, lon, where = as_float(row.get("latitude")), as_float(row.get("longitude")), row.get("where_coordinates")
        if precision is not None and precision >= NOT_COUNTRY_PRECISION:
            continue
        if lat is None or lon is None or not isinstance(where, str):
            continue
        if contains_words(words, place_key(where)):
            places.append((lat, lon))
    return UcdpUnit(id=str(rows[0].get("id")), kind=kind, text=text, published=as_date(rows[0].get("source_date")),
                    deaths_gold=deaths, best_stated=deaths is not None and deaths in numbers_in(text),
                    places_gold=tuple(places))
