"""`truce train` and `truce eval-model`: a mission's ACLED export and reviewed incidents (small files
written for these tests, in data/) become a model that the classifier uses, scored on a held-out
split it never trained on; bad input is one line naming file, line and field."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from truce.errors import TruceError
from truce.extract.training.corpus import CIVILIAN, read_acled, read_reviewed, split_of

DATA = Path(__file__).resolve().parent / "data"
ACLED = DATA / "acled_export.csv"
REVIEWED = DATA / "reviewed.jsonl"


def run_truce(*args: str, home: Path, model_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRUCE_HOME": str(home)}
    env.pop("TRUCE_MODEL_DIR", None)
    if model_dir is not None:
        env["TRUCE_MODEL_DIR"] = str(model_dir)
    return subprocess.run([sys.executable, "-m", "truce", *args], capture_output=True, text=True, env=env,
                          timeout=300)


def test_acled_export_rows_become_labelled_samples() -> None:
    samples = read_acled(ACLED)
    assert len(samples) == 40
    by_type = {s.acled for s in samples}
    assert by_type == {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                       "Strategic developments"}
    kidnap = next(s for s in samples if "kidnapped 12 pupils" in s.text)
    assert (kidnap.type, kidnap.mode, kidnap.target, kidnap.deaths) == ("ASSAULT", "abduct", CIVILIAN, 0)
    shelling = next(s for s in samples if "shelled rebel positions" in s.text)
    assert (shelling.mode, shelling.target) == ("heavy-weapons", "armed")  # ACLED's flag: no civilian targeting
    riot = next(s for s in samples if s.acled == "Riots")
    assert riot.type is None  # Riots span PLOVER types: no type label


def test_reviewed_incidents_confirmed_and_rejected() -> None:
    samples = read_reviewed(REVIEWED)
    assert len(samples) == 8
    rejected = [s for s in samples if s.type == "NONE"]
    assert len(rejected) == 3 and all(s.acled is None for s in rejected)
    confirmed = [s for s in samples if s.type != "NONE"]
    assert {s.acled for s in confirmed} >= {"Battles", "Violence against civilians", "Protests"}


@pytest.mark.parametrize(("content", "code", "where"), [
    ("event_type,sub_event_type\nBattles,Armed clash\n", "E270", ":2"),
    ("notes,event_type,sub_event_type,fatalities\nA clash.,Fighting,Armed clash,1\n", "E271", ":2"),
    ("notes,event_type,sub_event_type,fatalities\nA clash.,Battles,Armed clash,1\nB.,Battles,Armed clash,many\n",
     "E277", ":3"),
])
def test_bad_acled_rows_name_file_and_line(tmp_path: Path, content: str, code: str, where: str) -> None:
    path = tmp_path / "export.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TruceError) as caught:
        read_acled(path)
    assert caught.value.code == code
    assert caught.value.where == f"{path}{where}"


@pytest.mark.parametrize(("line", "code"), [
    ("{not json", "E274"),
    ('{"text": "Shots fired.", "event_type": "Battles"}', "E276"),
    ('{"event_type": "Battles", "confirmed": true}', "E275"),
    ('{"text": "Shots fired.", "event_type": "Shooting", "confirmed": true}', "E271"),
])
def test_bad_reviewed_lines_name_file_and_line(tmp_path: Path, line: str, code: str) -> None:
    path = tmp_path / "reviewed.jsonl"
    path.write_text('{"text": "A ceasefire held.", "confirmed": false}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(TruceError) as caught:
        read_reviewed(path)
    assert caught.value.code == code and caught.value.where == f"{path}:2"


def test_training_holds_out_the_test_split_and_writes_a_usable_model(tmp_path: Path) -> None:
    from truce.extract import classify
    from truce.extract.training import artifact
    from truce.extract.training.train import train

    result = train([ACLED], [REVIEWED], tmp_path / "model", with_team=False)
    assert result.train and result.held_out
    assert all(split_of(s.text) == "dev" for s in result.train)
    assert all(split_of(s.text) == "test" for s in result.held_out)
    assert not {s.text for s in result.train} & {s.text for s in result.held_out}
    model = artifact.load(tmp_path / "model")
    assert {"type", "acled", "sub", "target"} <= set(model.heads)
    assert result.scores["acled"].total > 0 and result.scores["type"].total > 0
    [reading] = classify.predict(["Militiamen shot dead seven villagers in their homes."], model=model)
    assert reading.acled in model.heads["acled"].labels and reading.sub_event_type is not None
    assert reading.acled_probability is not None and 0 < reading.acled_probability <= 1


def test_nothing_to_learn_is_a_truce_error(tmp_path: Path) -> None:
    from truce.extract.training.train import train

    empty = tmp_path / "empty.csv"
    empty.write_text("notes,event_type,sub_event_type,fatalities\n", encoding="utf-8")
    with pytest.raises(TruceError) as caught:
        train([empty], [], tmp_path / "model", with_team=False)
    assert caught.value.code == "E278"


@pytest.mark.slow
def test_truce_train_then_eval_model_from_the_command_line(tmp_path: Path) -> None:
    """The default folder (TRUCE_MODEL_DIR/event-types) is where the classifier then looks."""
    models = tmp_path / "models"
    trained = run_truce("train", "--acled", str(ACLED), "--reviewed", str(REVIEWED), home=tmp_path,
                        model_dir=models)
    assert trained.returncode == 0, trained.stderr
    assert (models / "event-types" / "model.json").is_file()
    assert "held-out split" in trained.stdout and "acled: accuracy" in trained.stdout
    scored = run_truce("eval-model", "--model", str(models / "event-types"), "--acled", str(ACLED),
                       "--reviewed", str(REVIEWED), home=tmp_path, model_dir=models)
    assert scored.returncode == 0, scored.stderr
    assert "whole extraction on" in scored.stdout and "event_type: accuracy" in scored.stdout
    lines = [line for line in scored.stdout.splitlines() if "accuracy" in line]
    assert len(lines) >= 5


def test_command_line_errors_are_one_line(tmp_path: Path) -> None:
    nothing = run_truce("train", home=tmp_path)
    assert nothing.returncode == 2 and "[E281]" in nothing.stderr and "Traceback" not in nothing.stderr
    missing = run_truce("eval-model", "--model", str(tmp_path / "none"), "--acled", str(ACLED), home=tmp_path)
    assert missing.returncode == 2 and "[E260]" in missing.stderr and "Traceback" not in missing.stderr
