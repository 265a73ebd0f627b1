"""Training samples for the event classifier and the readers that make them.

A `Sample` is one text with whatever labels its source knows; a head is trained on the samples
that carry its label (None = the source does not say). Readers:
- our own sentences (`data/handwritten.txt`, `data/generated.txt`): PLOVER type and mode;
- a mission's ACLED export (CSV with `notes`, `event_type`, `sub_event_type`, `fatalities`);
- a mission's reviewed incidents (JSONL of {text, event_type, sub_event_type, confirmed});
- the shared development data (`shared.py`), used to build the model Truce ships.
Splits are by a hash of the folded text, so copies of one text always fall on the same side.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypedDict

from truce.errors import InputRejected
from truce.extract.training.generate import DATA, GENERATED, read_tsv
from truce.foundation.split import fold_text
from truce.foundation.split import split_of as split_of  # the one split, used here by training
from truce.model import PLOVER_TYPES

NONE_LABEL = "NONE"
CIVILIAN, ARMED = "civilian", "armed"
VAC = "Violence against civilians"
HANDWRITTEN = DATA / "handwritten.txt"
TEAM_FILES = (HANDWRITTEN, GENERATED)

# ACLED event types that are one PLOVER type whatever the note says; Riots and Strategic
# developments span several PLOVER types, so they give no type label.
ACLED_TO_PLOVER = {"Battles": "ASSAULT", "Explosions/Remote violence": "ASSAULT", VAC: "ASSAULT",
                   "Protests": "PROTEST"}
# ACLED sub-event types that fix the PLOVER mode of an ASSAULT.
SUB_TO_MODE = {"Shelling/artillery/missile attack": "heavy-weapons", "Remote explosive/landmine/IED": "explosives",
               "Suicide bomb": "suicide-attack", "Abduction/forced disappearance": "abduct",
               "Sexual violence": "sexual"}
ACLED_TYPES = ("Battles", "Explosions/Remote violence", VAC, "Protests", "Riots", "Strategic developments")


@dataclass(frozen=True)
class Sample:
    """One training text and the labels its source gives (None: not known from this source).
    `mode` "" means "no specific mode"; `target` is CIVILIAN or ARMED for violent events."""

    text: str
    type: str | None = None
    mode: str | None = None
    acled: str | None = None
    sub: str | None = None
    target: str | None = None
    source: str = ""
    weight: float = 1.0
    deaths: int | None = None  # the source's death toll (ACLED fatalities), for pipeline scores


# The shared dev/test split (as the evaluation and the shared dev_eval tool split): one function.
folded = fold_text


def fold_of(text: str, folds: int) -> int:
    """A cross-validation fold inside a split, independent of `split_of`'s hash."""
    digest = hashlib.sha256(b"fold\x1f" + folded(text).encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % folds


def team_samples() -> list[Sample]:
    """Our own sentences: every line of the hand-written and generated files."""
    return [Sample(e.text, e.type, e.mode or "", source="team") for path in TEAM_FILES for e in read_tsv(path)]


class Labels(TypedDict):
    type: str | None
    mode: str | None
    acled: str | None
    sub: str | None
    target: str | None


def acled_labels(event_type: str, sub: str | None, civilian_targeting: str | None = None) -> Labels:
    """The labels an ACLED (event type, sub-type) pair gives: PLOVER type and mode where the pair
    fixes them, and whether the target was civilian (ACLED's own flag when the export has it)."""
    plover = ACLED_TO_PLOVER.get(event_type)
    mode = SUB_TO_MODE.get(sub or "") if plover == "ASSAULT" else None
    target = None
    if civilian_targeting is not None and plover == "ASSAULT":
        target = CIVILIAN if civilian_targeting.strip() else ARMED
    elif event_type == VAC:
        target = CIVILIAN
    elif event_type == "Battles":
        target = ARMED
    return {"type": plover, "mode": mode, "acled": event_type, "sub": sub or None, "target": target}


def _column(row: dict[str, str], name: str, where: str) -> str:
    value = row.get(name)
    if value is None:
        raise InputRejected("E270", f"column '{name}' is missing", where=where,
                            hint="give an ACLED export CSV with notes, event_type and sub_event_type columns")
    return value.strip()


def _deaths(value: str | None, where: str) -> int | None:
    if value is None or not value.strip():
        return None
    try:
        deaths = int(value.strip())
    except ValueError:
        deaths = -1
    if deaths < 0:
        raise InputRejected("E277", f"fatalities '{value}' is not a whole number of 0 or more", where=where,
                            hint="write the death count as digits, or leave it empty")
    return deaths


def read_acled(path: Path) -> list[Sample]:
    """Samples from an ACLED export CSV: the note is the text, ACLED's types its labels."""
    samples = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), 2):
                where = f"{path}:{number}"
                text, event_type = _column(row, "notes", where), _column(row, "event_type", where)
                sub = _column(row, "sub_event_type", where)
                if event_type not in ACLED_TYPES:
                    raise InputRejected("E271", f"event_type '{event_type}' is not an ACLED event type", where=where,
                                        hint="use ACLED's names: " + ", ".join(ACLED_TYPES))
                if not text:
                    continue  # ACLED leaves some notes empty; nothing to learn from them
                labels = acled_labels(event_type, sub, row.get("civilian_targeting"))
                deaths = _deaths(row.get("fatalities"), where)
                samples.append(Sample(text, source="acled", deaths=deaths, **labels))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputRejected("E272", f"cannot read the ACLED export: {exc}", where=str(path),
                            hint="give a UTF-8 CSV as exported from acleddata.com") from exc
    return samples


def read_reviewed(path: Path) -> list[Sample]:
    """Samples from reviewed incidents, one JSON object a line: {text, event_type, sub_event_type,
    confirmed}. A confirmed incident teaches its ACLED labels; a rejected one teaches that its text
    reports no event (type NONE)."""
    samples = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputRejected("E273", f"cannot read the reviewed incidents: {exc}", where=str(path),
                            hint="give a UTF-8 JSONL file") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputRejected("E274", f"not JSON: {exc.msg}", where=where,
                                hint="write one JSON object per line") from exc
        samples.append(_reviewed_sample(item, where))
    return samples


def _reviewed_sample(item: object, where: str) -> Sample:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
        raise InputRejected("E275", "each line needs a non-empty 'text'", where=where,
                            hint='write {"text": ..., "event_type": ..., "sub_event_type": ..., "confirmed": true}')
    confirmed = item.get("confirmed")
    if not isinstance(confirmed, bool):
        raise InputRejected("E276", "'confirmed' must be true or false", where=where,
                            hint="true: the reviewers confirmed the incident; false: they rejected it")
    if not confirmed:
        return Sample(item["text"], type=NONE_LABEL, source="reviewed")
    event_type = item.get("event_type")
    if event_type not in ACLED_TYPES:
        raise InputRejected("E271", f"event_type {event_type!r} is not an ACLED event type", where=where,
                            hint="use ACLED's names: " + ", ".join(ACLED_TYPES))
    sub = item.get("sub_event_type")
    labels = acled_labels(str(event_type), sub if isinstance(sub, str) else None)
    return Sample(item["text"], source="reviewed", **labels)


def check_types(samples: list[Sample]) -> None:
    """Every PLOVER label is known: a typo in a data file must not become a class of its own."""
    for s in samples:
        if s.type is not None and s.type not in (*PLOVER_TYPES, NONE_LABEL):
            raise ValueError(f"unknown PLOVER type {s.type!r} in a {s.source} sample: {s.text[:60]!r}")


def reweighted(samples: list[Sample], total: float) -> list[Sample]:
    """The same samples with weights scaled so they sum to `total` (a source's share of a head)."""
    have = sum(s.weight for s in samples)
    return [replace(s, weight=s.weight * total / have) for s in samples] if have else []
