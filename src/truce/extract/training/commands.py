"""`truce train` and `truce eval-model`: a mission retrains the event classifier on its own data.

    truce train --acled export.csv [--reviewed reviewed.jsonl] [--out DIR] [--no-team] [--no-hold-out]
    truce eval-model --model DIR --acled export.csv [--reviewed reviewed.jsonl] [--pipeline]

Both run offline. The formats are in truce.extract.training.corpus and docs/classifier.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from truce.errors import TruceError


def _files(paths: list[Path] | None, what: str) -> list[Path]:
    for path in paths or []:
        if not path.is_file():
            raise TruceError("E280", f"no such {what} file", where=str(path), hint="give an existing file")
    return list(paths or [])


def train_command(
    acled: Annotated[list[Path] | None, typer.Option(help="ACLED export CSV (notes, event_type, "
                                                           "sub_event_type, fatalities); repeatable")] = None,
    reviewed: Annotated[list[Path] | None, typer.Option(help="reviewed incidents JSONL: {text, event_type, "
                                                             "sub_event_type, confirmed}; repeatable")] = None,
    out: Annotated[Path | None, typer.Option(help="model folder (default: TRUCE_MODEL_DIR/event-types, "
                                                   "which the classifier then uses)")] = None,
    team: Annotated[bool, typer.Option(help="add Truce's own sentences (keeps types the data lacks)")] = True,
    hold_out: Annotated[bool, typer.Option(help="keep the test split (30% of texts, by hash) out of "
                                                 "training and score it")] = True,
) -> None:
    """Retrain the event classifier offline on a mission's ACLED export and reviewed incidents."""
    from truce.extract import classify
    from truce.extract.training.evaluate import format_scores
    from truce.extract.training.train import train
    from truce.settings import get_settings

    acled_files, reviewed_files = _files(acled, "ACLED export"), _files(reviewed, "reviewed incidents")
    if not acled_files and not reviewed_files:
        raise TruceError("E281", "nothing to train on", hint="give --acled FILE and/or --reviewed FILE")
    folder = out or get_settings().models_folder / classify.MISSION_MODEL
    result = train(acled_files, reviewed_files, folder, with_team=team, hold_out=hold_out)
    classify.unload()
    print(f"{result.model.name}: trained on {len(result.train)} mission samples"
          f"{' and our sentences' if team else ''}; heads {', '.join(result.model.heads)} -> {folder}")
    if result.scores:
        print(format_scores(f"held-out split ({len(result.held_out)} samples):", result.scores))


def eval_model_command(
    model: Annotated[Path, typer.Option(help="model folder written by `truce train`")],
    acled: Annotated[list[Path] | None, typer.Option(help="ACLED export CSV; repeatable")] = None,
    reviewed: Annotated[list[Path] | None, typer.Option(help="reviewed incidents JSONL; repeatable")] = None,
    split: Annotated[str, typer.Option(help="test (the held-out split), dev, or all")] = "test",
    pipeline: Annotated[bool, typer.Option(help="also score whole extraction on the ACLED notes")] = True,
) -> None:
    """Score a classifier model on the held-out split of ACLED notes and reviewed incidents."""
    from truce.extract import classify
    from truce.extract.training import artifact
    from truce.extract.training.corpus import split_of
    from truce.extract.training.evaluate import format_scores, score_heads, score_pipeline
    from truce.extract.training.train import mission_samples

    if split not in {"test", "dev", "all"}:
        raise TruceError("E282", f"--split '{split}' is not known", hint="use test, dev or all")
    samples = mission_samples(_files(acled, "ACLED export"), _files(reviewed, "reviewed incidents"))
    chosen = [s for s in samples if split == "all" or split_of(s.text) == split]
    if not chosen:
        raise TruceError("E283", f"no samples in the {split} split of the given files",
                         hint="give more rows, or --split all")
    loaded = artifact.load(model)
    print(format_scores(f"{loaded.name} on {len(chosen)} samples ({split} split), classifier:",
                        score_heads(loaded, chosen)))
    notes = [s for s in chosen if s.source == "acled"]
    if pipeline and notes:
        classify.install(loaded)
        try:
            print(format_scores(f"whole extraction on {len(notes)} ACLED notes (main event):",
                                score_pipeline(notes)))
        finally:
            classify.unload()


def register(app: typer.Typer) -> None:
    """Add `train` and `eval-model` to the `truce` app."""
    app.command("train")(train_command)
    app.command("eval-model")(eval_model_command)
