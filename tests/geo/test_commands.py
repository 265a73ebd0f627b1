"""`truce places` and `truce gazetteer`: output formats, errors as one line, imports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from truce.cli import app

DATA = Path(__file__).resolve().parent / "data"


def test_places_on_stdin_as_table(geo: Path) -> None:
    result = CliRunner().invoke(app, ["places", "-"], input="Shells fell on Mariupol and Kharkiv.")
    assert result.exit_code == 0, result.output
    assert "Mariupol" in result.stdout and "UKR" in result.stdout


@pytest.mark.parametrize(("args", "code"), [
    (["places", "/no/such/file.txt"], "E306"),
    (["places", "-", "--format", "xml"], "E308"),
])
def test_bad_input_is_a_coded_error(geo: Path, args: list[str], code: str) -> None:
    from truce.errors import TruceError

    result = CliRunner().invoke(app, args, input="")
    assert result.exit_code != 0
    assert isinstance(result.exception, TruceError) and result.exception.code == code


@pytest.mark.slow
def test_gazetteer_import_adds_villages_and_reports_bad_lines(geo: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from truce.geo.gazetteer import get_gazetteer
    from truce.geo.geonames_import import import_geonames
    from truce.geo.resolve import resolve_name
    from truce.settings import get_settings

    copy = tmp_path / "gazetteer.sqlite"
    shutil.copy(geo, copy)
    report = import_geonames(DATA / "XX.txt", copy)
    assert report.places == 3 and report.skipped == 2
    where = sorted(w.where or "" for w in report.warnings)
    assert where == ["XX.txt:3", "XX.txt:4"]
    assert all(w.code == "E310" for w in report.warnings)
    names = import_geonames(DATA / "alternateNamesV2.txt", copy)
    assert names.skipped == 1 and names.warnings[0].where == "alternateNamesV2.txt:3"
    assert names.names >= 1

    monkeypatch.setenv("TRUCE_GAZETTEER_PATH", str(copy))
    get_settings.cache_clear()
    get_gazetteer.cache_clear()
    try:
        robotyne = resolve_name("Robotyne")
        assert robotyne is not None and robotyne.country == "UKR" and robotyne.precision == "village"
        assert resolve_name("Robotyne village") is not None  # from the alternate names file
        assert resolve_name("Robotyno") is not None  # from the dump's own alternate names
        result = CliRunner().invoke(app, ["gazetteer", "info"])
        assert result.exit_code == 0 and "CC BY 4.0" in result.stdout
    finally:
        get_settings.cache_clear()
        get_gazetteer.cache_clear()


def test_import_of_a_missing_file_is_a_coded_error(tmp_path: Path) -> None:
    from truce.errors import TruceError
    from truce.geo.geonames_import import import_geonames

    with pytest.raises(TruceError, match="E313"):
        import_geonames(tmp_path / "AZ.txt", tmp_path / "gazetteer.sqlite")
