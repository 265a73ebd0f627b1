"""Scoring against a PLOVER-GSR-style gold file (one coded sentence per record).

PLOVER 0.5 names map to 2.0 as the gold file's README says: DEMAND -> REQUEST, DISAPPROVE ->
ACCUSE, INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT; DOCUMENT records are skipped.

A sentence with several events is scored by its most confident event (ties: the earliest); the
rules give the main clause's event the highest confidence, which is the one the coders code. A
sentence with no event counts as wrong for type and actor. Actor country is scored on records
whose first gold source actor has a country code (CAMEO codes are mapped to ISO3 where they
differ); group codes such as IGO or NGO are left out of that figure and counted apart.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from truce.errors import TruceError
from truce.model import PLOVER_TYPES, Event

PLOVER_05_TO_20 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# CAMEO country codes that are not ISO 3166-1 alpha-3
CAMEO_TO_ISO3 = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "UKG": "GBR", "GMY": "DEU",
                 "DRC": "COD", "ZAR": "COD", "SER": "SRB", "BOS": "BIH", "KOS": "XKX"}
NON_COUNTRY = {"IGO", "NGO", "IMG", "ISM", "MNC", "UIS", "REF", "CVL"}


@dataclass(slots=True)
class GoldScores:
    """Event-type and actor-country figures over a gold file."""

    records: int = 0
    type_correct: int = 0
    actor_scored: int = 0
    actor_correct: int = 0
    group_scored: int = 0
    group_correct: int = 0
    no_event: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    classifier: bool = False

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.records if self.records else 0.0

    @property
    def actor_accuracy(self) -> float:
        return self.actor_correct / self.actor_scored if self.actor_scored else 0.0

    def macro_f1(self) -> float:
        """Mean F1 over the gold types present (predicted 'none' counts as a miss)."""
        labels = sorted({g for g, _ in self.confusion})
        f1s = []
        for label in labels:
            tp = self.confusion[(label, label)]
            fp = sum(n for (g, p), n in self.confusion.items() if p == label and g != label)
            fn = sum(n for (g, p), n in self.confusion.items() if g == label and p != label)
            prec = tp / (tp + fp) if tp + fp else 0.0
            rec = tp / (tp + fn) if tp + fn else 0.0
            f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
        return sum(f1s) / len(f1s) if f1s else 0.0


def gold_type(record: dict[str, Any]) -> str | None:
    """The PLOVER 2.0 type of a gold record; None for documentation records."""
    name = str(record.get("event", "")).upper()
    name = PLOVER_05_TO_20.get(name, name)
    return name if name in PLOVER_TYPES else None


def main_event(events: list[Event]) -> Event | None:
    """The event a sentence is mainly about: highest confidence, then earliest trigger."""
    if not events:
        return None
    return max(events, key=lambda e: (e.confidence, -e.evidence.spans.get("trigger", [0])[0]
                                      if e.evidence else 0))


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The scorable records of a gold file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise TruceError("E230", f"cannot read gold file: {exc}", where=str(path),
                         hint="give a JSON list of PLOVER-coded records") from exc
    if not isinstance(data, list):
        raise TruceError("E231", "gold file is not a JSON list of records", where=str(path),
                         hint="use the PLOVER_GSR_CAMEO.json layout")
    return [r for r in data if isinstance(r, dict) and r.get("text") and gold_type(r)]


def score_gold(path: Path, use_classifier: bool = True) -> GoldScores:
    """Extract every gold sentence and score type, actor country and the confusion table."""
    from truce.extract.pipeline import extract_many

    records = load_gold(path)
    scores = GoldScores(classifier=use_classifier and _classifier_ready())
    texts = [(str(r["text"]).strip("{} "), None) for r in records]
    for record, events in zip(records, extract_many(texts, use_classifier=scores.classifier), strict=True):
        want = gold_type(record) or "?"
        top = main_event(events)
        got = top.type if top else "none"
        scores.records += 1
        scores.no_event += top is None
        scores.type_correct += got == want
        scores.confusion[(want, got)] += 1
        sources = record.get("source") or []
        code = str(sources[0].get("code", "")).upper() if sources else ""
        code = CAMEO_TO_ISO3.get(code, code)
        have = (top.actor.country or "") if top and top.actor else ""
        if code in NON_COUNTRY:
            scores.group_scored += 1
            scores.group_correct += bool(top and top.actor and top.actor.sector == code and not have)
        elif len(code) == 3:
            scores.actor_scored += 1
            scores.actor_correct += have == code
    return scores


def _classifier_ready() -> bool:
    try:
        from truce.extract import classify
    except ImportError:
        return False
    return bool(classify.available())


def format_scores(s: GoldScores) -> str:
    """Figures and a confusion table (rows: gold type, columns: predicted)."""
    lines = [
        f"gold records: {s.records} (classifier {'on' if s.classifier else 'off'})",
        f"event-type accuracy: {s.type_accuracy:.3f}   macro-F1: {s.macro_f1():.3f}   no event: {s.no_event}",
        f"actor-country accuracy: {s.actor_accuracy:.3f} over {s.actor_scored} records with a country code"
        f"   (group actors IGO/NGO: {s.group_correct}/{s.group_scored})",
    ]
    labels = sorted({g for g, _ in s.confusion})
    cols = [*labels, *sorted({p for _, p in s.confusion} - set(labels))]
    short = [c[:5] for c in cols]
    lines.append("gold\\pred  " + " ".join(f"{c:>5}" for c in short))
    for g in labels:
        lines.append(f"{g[:10]:<10} " + " ".join(f"{s.confusion[(g, p)] or '.':>5}" for p in cols))
    return "\n".join(lines)
