"""Train the event classifier on a mission's own data, and check the model at set-up.

`truce train` (training/commands.py) reads a mission's ACLED export(s) and reviewed incidents
(corpus.py documents both formats), adds our own sentences so that the types a mission's data
lacks are still known, holds out the test split (a hash of each text, 30%), fits, writes the
model into TRUCE_MODEL_DIR/event-types (where the classifier looks first) and scores the held-out
split. `build_asset` is `truce setup`'s step: the shipped model is committed, so it only verifies it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from truce.errors import InputRejected
from truce.extract.training import artifact
from truce.extract.training.artifact import LinearModel
from truce.extract.training.corpus import Sample, read_acled, read_reviewed, split_of, team_samples
from truce.extract.training.evaluate import Score, score_heads
from truce.extract.training.fit import fit

MISSION_NAME = "truce.event-types.mission"
# Our sentences together weigh as much as the mission's samples: enough to keep the types its data
# lacks (agreements, accusations...), not so much that they outvote its own notes.
TEAM_SHARE = 1.0
REVIEWED_WEIGHT = 2.0  # a reviewer's verdict on our own output is the most telling label there is


@dataclass
class Trained:
    model: LinearModel
    train: list[Sample]
    held_out: list[Sample]
    scores: dict[str, Score]


def mission_samples(acled: list[Path], reviewed: list[Path]) -> list[Sample]:
    """Every sample of the given files, in file order."""
    samples = [s for path in acled for s in read_acled(path)]
    samples += [replace(s, weight=REVIEWED_WEIGHT) for path in reviewed for s in read_reviewed(path)]
    return samples


def train(acled: list[Path], reviewed: list[Path], out: Path, with_team: bool = True,
          hold_out: bool = True) -> Trained:
    """Fit a mission model, write it to `out`, and score it on the held-out split."""
    samples = mission_samples(acled, reviewed)
    if not samples:
        raise InputRejected("E278", "no training samples in the given files",
                            where=", ".join(map(str, acled + reviewed)),
                            hint="give an ACLED export (--acled) and/or reviewed incidents (--reviewed) with rows")
    train_part = [s for s in samples if not hold_out or split_of(s.text) == "dev"]
    held = [s for s in samples if hold_out and split_of(s.text) == "test"]
    pool = list(train_part)
    if with_team:
        team = team_samples()
        share = TEAM_SHARE * sum(s.weight for s in train_part) / len(team)
        pool += [replace(s, weight=share) for s in team]
    try:
        model = fit(pool, info={"name": MISSION_NAME, "version": "1",
                                "mission_files": [p.name for p in acled + reviewed]})
    except ValueError as exc:
        raise InputRejected("E279", f"cannot train: {exc}", hint="give more labelled rows") from exc
    artifact.save(model, out)
    return Trained(model, train_part, held, score_heads(model, held) if held else {})


def build_asset() -> str:
    """`truce setup`: check that the model in force reads whole (it is committed, not built)."""
    from truce.extract.classify import model_folder

    folder = model_folder()
    model = artifact.load(folder)
    return f"{model.name} verified at {folder} ({len(model.heads)} heads, {len(model.vocabulary.terms)} features)"
