"""`truce eval --data`: options checked with one-line coded errors, a run on the invented data
sets, and records that make truce fail counted bad instead of ending the run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from truce.cli import app
from truce.errors import TruceError
from truce.evaluation import run as run_module
from truce.evaluation.options import parse_options
from truce.evaluation.run import Section, score_each


def _truce(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "truce", "eval", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **(env or {})}, timeout=300)


def test_a_missing_data_folder_is_one_coded_line(tmp_path: Path) -> None:
    done = _truce("--data", str(tmp_path / "nowhere"))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: [E240] --data: no such data folder")
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_no_folder_no_gold_and_no_default_data_is_nothing_to_evaluate(tmp_path: Path) -> None:
    (tmp_path / "work").mkdir()
    done = _truce(cwd=tmp_path / "work")
    assert done.returncode == 2
    assert done.stderr.startswith("error: [E214] nothing to evaluate") and len(done.stderr.splitlines()) == 1


@pytest.mark.parametrize(("args", "code"), [
    ({"split": "train"}, "E242"), ({"only": "geo,weather"}, "E243"), ({"only": ","}, "E243"),
    ({"limit": 0}, "E244"), ({"fmt": "xml"}, "E245"),
])
def test_wrong_options_are_refused_before_anything_runs(fixture_data: Path, args: dict[str, object],
                                                          code: str) -> None:
    given: dict[str, object] = {"data": str(fixture_data), "split": "dev", "only": None, "limit": None, "fmt": "text"}
    with pytest.raises(TruceError) as caught:
        parse_options(**{**given, **args})
    assert caught.value.code == code and caught.value.hint


def test_a_folder_without_the_chosen_data_sets_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--data", str(tmp_path), "--only", "ucdp"])
    assert isinstance(result.exception, TruceError) and result.exception.code == "E241"


def test_the_default_data_folder_is_beside_the_checkout(tmp_path: Path, fixture_data: Path) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "data").symlink_to(fixture_data)
    (tmp_path / "repo").mkdir()
    cwd = Path.cwd()
    try:
        os.chdir(tmp_path / "repo")
        assert parse_options(None, "all", "gsr", None, "text").data.resolve() == fixture_data.resolve()
    finally:
        os.chdir(cwd)


def test_a_run_on_every_invented_data_set(fixture_data: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--data", str(fixture_data), "--split", "all", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    sections = {s["label"]: s for s in report["sections"]}
    assert list(sections) == ["geo/geovirus", "geo/wiktor", "ucdp", "expect/wikinews-conflict", "re3d", "gsr",
                             "cep"]
    assert {label: len(s["bad"]) for label, s in sections.items()} == {
        "geo/geovirus": 2, "geo/wiktor": 1, "ucdp": 2, "expect/wikinews-conflict": 1, "re3d": 1, "gsr": 0, "cep": 3}
    assert {label: s["items"] for label, s in sections.items()} == {
        "geo/geovirus": 2, "geo/wiktor": 2, "ucdp": 4, "expect/wikinews-conflict": 2, "re3d": 2, "gsr": 2, "cep": 3}
    figures = {f["name"]: f for s in report["sections"] for f in s["figures"]}
    assert figures["geo/geovirus/acc@161km"]["total"] == 4
    assert figures["ucdp/violent event found"]["total"] == 4
    assert figures["ucdp/deaths where stated"]["total"] == 3
    items = figures["expect/wikinews-conflict/items met"]
    assert items["total"] == 4 and items["hit"] < 4  # 'never-met' cannot be met
    assert figures["re3d/location span recall"]["total"] == 3
    assert figures["gsr/event type"]["total"] == 2
    assert figures["cep/conflict found"]["total"] == 1 and figures["cep/quiet kept"]["total"] == 2


def test_text_output_is_one_line_per_measure_then_a_summary(fixture_data: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--data", str(fixture_data), "--split", "all", "--only",
                                      "wikinews", "--limit", "1"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("expect/wikinews-conflict/items met: ") and "(" in lines[0] and "/2)" in lines[0]
    assert lines[1].startswith("expect/wikinews-conflict/texts whole: ") and lines[1].endswith(("(0/1)", "(1/1)"))
    assert lines[2].startswith("expect/wikinews-conflict: 1 scored of 2 in split all (population 3)")
    assert "bad 1 (first: 03-invented-broken.expect.json: must[0] has no 'any_of' list)" in lines[2]
    assert lines[-1].startswith("summary: split=all wikinews.items=") and "limit=1" in lines[-1]


def test_a_text_that_makes_truce_raise_is_counted_bad(fixture_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from truce.settings import get_settings

    monkeypatch.setenv("TRUCE_EXTRACT_MAX_CHARS", "100")  # the first text is longer: truce refuses it (E160)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["eval", "--data", str(fixture_data), "--split", "all", "--only",
                                          "wikinews", "--format", "json"])
    finally:
        monkeypatch.delenv("TRUCE_EXTRACT_MAX_CHARS")
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    section = json.loads(result.output)["sections"][0]
    assert section["items"] == 1  # the short text is scored, the long one is not
    reasons = {b["where"]: b["reason"] for b in section["bad"]}
    assert "[E160]" in reasons["01-invented-shelling.expect.json"]
    assert reasons["01-invented-shelling.expect.json"].startswith("truce failed: TruceError")


def test_a_slow_or_failing_record_is_bad_and_a_slip_in_our_own_code_is_not_hidden(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_module, "RECORD_SECONDS", 0.2)
    section = Section("x")
    scored: list[int] = []

    def run(n: int) -> int:
        if n == 1:
            raise ValueError("no such field")
        if n == 2:
            time.sleep(2)
        return n

    score_each([0, 1, 2, 3], run, lambda n, out: scored.append(out), str, section)
    assert scored == [0, 3] and section.items == 2
    assert [(b.where, b.reason) for b in section.bad] == [
        ("1", "truce failed: ValueError: no such field"), ("2", "truce failed: RecordTimeout: took over 0.2 s")]
    with pytest.raises(NameError):
        score_each([0], lambda n: undefined_name, lambda n, out: None, str, Section("y"))  # type: ignore[name-defined]  # noqa: F821
