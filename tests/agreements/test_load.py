"""Agreement files: the shipped examples load; bad files are refused with one clear message each."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from truce.agreements import check_agreement, load_agreement, load_agreements
from truce.agreements.commands import agreements_app
from truce.errors import TruceError

GOOD = {
    "id": "test-ceasefire",
    "name": "test ceasefire",
    "effective_from": "2023-09-20T13:00:00+04:00",
    "parties": [{"id": "AZE", "name": "Azerbaijan", "country": "AZE"},
                {"id": "ARM", "name": "Karabakh Armenian forces", "country": "ARM"}],
    "area": {"regions": ["Nagorno-Karabakh"]},
    "clauses": [{"id": "1", "title": "all attacks prohibited", "binds": ["AZE", "ARM"],
                 "prohibits": [{"types": ["ASSAULT"]}]}],
}


def _write(tmp_path: Path, data: dict, name: str = "agreement.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _refusal(path: Path, resolve_region) -> TruceError:
    with pytest.raises(TruceError) as info:
        load_agreement(path, resolve_region)
    return info.value


def test_shipped_examples_load(examples, resolve_region):
    agreements = {a.id: a for a in load_agreements(examples, resolve_region)}
    assert {"karabakh-2023-09-20", "karabakh-2020-11-10", "minsk-2015-02-12"} <= set(agreements)
    k23 = agreements["karabakh-2023-09-20"]
    assert k23.effective_from.astimezone(UTC) == datetime(2023, 9, 20, 9, 0, tzinfo=UTC)
    assert {p.id for p in k23.parties if p.role == "party"} == {"AZE", "ARM"}
    assert "separatists" in k23.party("ARM").aliases  # type: ignore[union-attr]
    k20 = agreements["karabakh-2020-11-10"]
    assert k20.effective_from.astimezone(UTC) == datetime(2020, 11, 9, 21, 0, tzinfo=UTC)
    assert k20.area_geometry.contains(k20.area_geometry.representative_point())
    assert agreements["minsk-2015-02-12"].effective_from.astimezone(UTC) == datetime(2015, 2, 14, 22, 0,
                                                                                     tzinfo=UTC)
    assert all(a.version and len(a.version) == 64 for a in agreements.values())


def test_good_file_loads_and_its_version_is_the_file_hash(tmp_path, resolve_region):
    path = _write(tmp_path, GOOD)
    first = load_agreement(path, resolve_region)
    assert first.id == "test-ceasefire"
    changed = dict(GOOD, name="test ceasefire, amended")
    assert load_agreement(_write(tmp_path, changed), resolve_region).version != first.version


def test_naive_time_is_refused_as_missing_time_zone(tmp_path, resolve_region):
    path = _write(tmp_path, dict(GOOD, effective_from="2023-09-20T13:00:00"))
    err = _refusal(path, resolve_region)
    assert err.code == "E404"
    assert "missing time zone" in str(err)
    assert str(path) in str(err) and "effective_from" in str(err)


def test_time_zone_by_name_is_accepted(tmp_path, resolve_region):
    path = _write(tmp_path, dict(GOOD, effective_from="2023-09-20T13:00:00[Asia/Baku]"))
    assert load_agreement(path, resolve_region).effective_from.astimezone(UTC).hour == 9


def test_unknown_party_in_a_clause_is_refused(tmp_path, resolve_region):
    clauses = [dict(GOOD["clauses"][0], binds=["AZE", "NKR"])]
    path = _write(tmp_path, dict(GOOD, clauses=clauses))
    err = _refusal(path, resolve_region)
    assert err.code == "E405"
    assert "unknown party 'NKR'" in str(err)
    assert str(path) in str(err) and "clauses[0].binds[1]" in str(err)


def test_invalid_geojson_is_refused(tmp_path, resolve_region):
    bowtie = {"type": "Polygon", "coordinates": [[[46, 39], [47, 40], [47, 39], [46, 40], [46, 39]]]}
    path = _write(tmp_path, dict(GOOD, area={"shapes": [{"name": "bad", "geometry": bowtie}]}))
    err = _refusal(path, resolve_region)
    assert err.code == "E406" and "invalid GeoJSON" in str(err)
    assert str(path) in str(err) and "area.shapes[0].geometry" in str(err)
    line = {"type": "LineString", "coordinates": [[46.5]]}
    path = _write(tmp_path, dict(GOOD, lines=[{"id": "loc", "geometry": line}]), "line.yaml")
    err = _refusal(path, resolve_region)
    assert err.code == "E406" and "lines[0].geometry" in str(err)


def test_area_name_the_gazetteer_lacks_is_refused(tmp_path, resolve_region):
    path = _write(tmp_path, dict(GOOD, area={"regions": ["Atlantis"]}))
    err = _refusal(path, resolve_region)
    assert err.code == "E407"
    assert "area name 'Atlantis' is not in the gazetteer" in str(err)
    assert str(path) in str(err) and "area.regions[0]" in str(err)


def test_error_names_the_line_of_the_field(tmp_path, resolve_region):
    path = tmp_path / "lines.yaml"
    path.write_text(yaml.safe_dump(GOOD, sort_keys=False).replace("T13:00:00+04:00", "T13:00:00"))
    err = _refusal(path, resolve_region)
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("effective_from"))
    assert err.where == f"{path}:{line}"


def test_other_mistakes_are_refused_with_their_own_codes(tmp_path, resolve_region):
    cases = {
        "E403": dict(GOOD, colour="blue"),
        "E412": dict(GOOD, clauses=[dict(GOOD["clauses"][0], prohibits=[{"types": ["SHELLING"]}])]),
        "E409": dict(GOOD, parties=GOOD["parties"] + [GOOD["parties"][0]]),
        "E410": dict(GOOD, effective_until="2023-09-01T00:00:00Z"),
    }
    for code, data in cases.items():
        err = _refusal(_write(tmp_path, data, f"{code}.yaml"), resolve_region)
        assert err.code == code, (code, str(err))
    (tmp_path / "broken.yaml").write_text("id: [unclosed\n")
    assert _refusal(tmp_path / "broken.yaml", resolve_region).code == "E402"
    assert _refusal(tmp_path / "missing.yaml", resolve_region).code == "E401"


def test_check_command_prints_one_line_per_problem_and_fails(tmp_path, monkeypatch, resolve_region):
    import truce.agreements.load as load

    monkeypatch.setattr(load, "default_region_resolver", resolve_region)
    good = _write(tmp_path, GOOD, "good.yaml")
    bad = _write(tmp_path, dict(GOOD, effective_from="2023-09-20T13:00:00", colour="blue"), "bad.yaml")
    runner = CliRunner()
    result = runner.invoke(agreements_app, ["check", str(good)])
    assert result.exit_code == 0 and "ok:" in result.output
    result = runner.invoke(agreements_app, ["check", str(good), str(bad)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and all(str(bad) in line for line in errors)
    assert check_agreement(good, resolve_region)[1] == []
