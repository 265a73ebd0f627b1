"""The recipe of the model Truce ships (`truce/extract/models/event-types`): which samples, how much
each source weighs, and where the result goes. `scripts/train_classifier.py` runs it; the
cross-validated figures in docs/classifier.md come from `crossval.py` with the same recipe.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from truce.extract.training.corpus import Sample, reweighted, team_samples
from truce.extract.training.notes import note_samples
from truce.extract.training.shared import shared_samples

NAME = "truce.event-types"
VERSION = "2.1.0"
FOLDER = Path(__file__).resolve().parent.parent / "models" / "event-types"
# UCDP headlines (8,500 dev texts, almost all ASSAULT) weigh as much in total as 30% of our own
# sentences, so they teach violence and its target without drowning the other 15 types.
UCDP_SHARE = 0.3
GSR_WEIGHT = 3.0  # few real sentences of the rarer types: each counts three times
CEP_WEIGHT = 2.0  # real texts reporting no event (disasters, business, sport...)
# Our ACLED-style notes (training/notes.py) weigh as much in total as this share of our sentences:
# they teach the ACLED heads alone, and note phrasing to the type, mode and target heads.
NOTES_SHARE = 0.3


def assemble(parts: dict[str, list[Sample]]) -> list[Sample]:
    """One training list from the sources' samples (keys: team, notes, ucdp, gsr, cep), deterministic."""
    team = parts.get("team", [])
    out = list(team)
    out += reweighted(parts.get("ucdp", []), UCDP_SHARE * max(len(team), 1))
    out += [replace(s, weight=GSR_WEIGHT) for s in parts.get("gsr", [])]
    out += [replace(s, weight=CEP_WEIGHT) for s in parts.get("cep", [])]
    out += reweighted(parts.get("notes", []), NOTES_SHARE * max(len(team), 1))
    return out


def sources(data: Path) -> dict[str, list[Sample]]:
    """Our sentences and notes, and the shared data's dev split, by source."""
    return {"team": team_samples(), "notes": note_samples(), **shared_samples(data, "dev")}
