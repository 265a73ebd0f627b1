"""Every setting changes behaviour: for each, the same call gives a different result when it is set.

test_settings_documented.py checks that code reads each setting; this file checks that reading it
matters. `EFFECTS` names the test of each setting, and a test fails when a setting has none.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from truce.settings import Settings, get_settings

if TYPE_CHECKING:
    from truce.store import Store

SetEnv = Callable[..., None]
REPORT = "Shelling near Martuni\n\nArtillery fire was reported near Martuni on Thursday, officials said.\n"


@pytest.fixture
def setenv(truce_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SetEnv]:
    """`setenv(name=value, ...)`: set TRUCE_NAME for this test and re-read the settings."""

    def _set(**values: object) -> None:
        for name, value in values.items():
            monkeypatch.setenv(f"TRUCE_{name.upper()}", str(value))
        get_settings.cache_clear()

    yield _set
    get_settings.cache_clear()


def test_home_holds_the_default_store(setenv: SetEnv, tmp_path: Path) -> None:
    from truce.store import open_store

    for folder in (tmp_path / "one", tmp_path / "two"):
        folder.mkdir()
        setenv(home=folder)
        open_store()
        assert (folder / "truce.sqlite").exists()


def test_db_url_names_the_store(setenv: SetEnv, truce_home: Path, tmp_path: Path) -> None:
    from truce.store import open_store

    other = tmp_path / "elsewhere.sqlite"
    setenv(db_url=f"sqlite:///{other}")
    open_store()
    assert other.exists() and not (truce_home / "truce.sqlite").exists()


def test_max_report_bytes_bounds_each_input(setenv: SetEnv, tmp_path: Path) -> None:
    from truce.ingest import ParsedItem, read_sources

    path = tmp_path / "report.txt"
    path.write_text(REPORT * 20, encoding="utf-8")  # about 1,900 bytes
    [accepted] = read_sources([str(path)])
    setenv(max_report_bytes=1000)
    [refused] = read_sources([str(path)])
    assert isinstance(accepted, ParsedItem) and not isinstance(refused, ParsedItem) and refused.code == "E104"


def test_ingest_batch_size_sets_reports_per_transaction(setenv: SetEnv, tmp_path: Path) -> None:
    from truce.pipeline import ingest
    from truce.store import open_store

    for number in range(5):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{number}.txt").write_text(REPORT.replace("Thursday", f"day {number}"), encoding="utf-8")
    batches: dict[int, list[int]] = {}
    for size in (500, 2):
        setenv(ingest_batch_size=size, db_url=f"sqlite:///{tmp_path / f'store-{size}.sqlite'}")
        seen: list[int] = []
        summary = ingest(open_store(), [str(tmp_path / "in")], on_item=seen.append)
        assert summary.ingested == 5
        batches[size] = seen
    assert batches == {500: [5], 2: [2, 2, 1]}


def test_column_map_renames_csv_columns(setenv: SetEnv, tmp_path: Path) -> None:
    from truce.ingest import ParsedItem, read_sources

    csv_file = tmp_path / "log.csv"
    csv_file.write_text("team,when_heard,what,how\nTeam 1,2023-09-21T14:05:00+04:00,explosion,heard\n",
                        encoding="utf-8")
    column_map = tmp_path / "map.yaml"
    column_map.write_text("columns:\n  observed_at: [when_heard]\n", encoding="utf-8")
    [without] = read_sources([str(csv_file)])
    setenv(column_map=column_map)
    [with_map] = read_sources([str(csv_file)])
    assert not isinstance(without, ParsedItem) and without.code == "E122"
    assert isinstance(with_map, ParsedItem) and with_map.observations[0].observed_from.hour == 14


def test_gazetteer_path_names_the_index_read(setenv: SetEnv, tmp_path: Path) -> None:
    from truce.geo.gazetteer import get_gazetteer

    shared = get_settings().gazetteer_file
    if not shared.exists():
        pytest.skip("no gazetteer built (set TRUCE_GAZETTEER_PATH, as the Makefile does)")
    copy = tmp_path / "copy.sqlite"
    shutil.copy(shared, copy)
    get_gazetteer.cache_clear()
    try:
        setenv(gazetteer_path=copy)
        assert get_gazetteer().path == copy
    finally:
        get_gazetteer.cache_clear()


def test_gazetteer_min_population_reaches_the_builder(setenv: SetEnv, tmp_path: Path) -> None:
    """A build takes half a minute, so the effect shown is the builder refusing a value it cannot use."""
    from truce.errors import TruceError
    from truce.geo.gazetteer import get_gazetteer

    get_gazetteer.cache_clear()
    try:
        setenv(gazetteer_path=tmp_path / "new.sqlite", gazetteer_min_population=123)
        with pytest.raises(TruceError) as raised:
            get_gazetteer()
        assert raised.value.code == "E302" and "123" in raised.value.message
    finally:
        get_gazetteer.cache_clear()


def test_model_dir_holds_the_mission_classifier(setenv: SetEnv, tmp_path: Path) -> None:
    from truce.extract import classify

    setenv(model_dir=tmp_path / "empty")
    shipped = classify.model_folder()
    (tmp_path / "mission" / classify.MISSION_MODEL).mkdir(parents=True)
    setenv(model_dir=tmp_path / "mission")
    assert classify.model_folder() == tmp_path / "mission" / classify.MISSION_MODEL != shipped


def test_agreements_dir_names_the_agreements_judged(setenv: SetEnv, tmp_path: Path) -> None:
    from truce.agreements.load import examples_dir, load_agreements

    shipped = [a.id for a in load_agreements()]
    folder = tmp_path / "agreements"
    folder.mkdir()
    first = sorted(examples_dir().glob("*.yaml"))[0]
    shutil.copy(first, folder / first.name)
    setenv(agreements_dir=folder)
    chosen = [a.id for a in load_agreements()]
    assert len(shipped) > 1 and len(chosen) == 1 and chosen[0] in shipped


def _two_observations(hours_apart: float, km_apart: float) -> tuple[list, dict]:
    from truce.model import Observation, PlaceRef, Report, content_id

    log = Report(id=Report.make_id("field", "Team 1 log"), kind="field", text="Team 1 log", source_name="Team 1")
    start = datetime(2023, 9, 21, 8, tzinfo=UTC)
    observations = [
        Observation(id=content_id("ob", log.id, str(n)), report_id=log.id, what="explosion", how="heard",
                    observed_from=start + timedelta(hours=hours_apart * n), observer="Team 1",
                    observer_lat=39.80, observer_lon=46.70, source_name="Team 1",
                    location=PlaceRef(text="impact", lat=39.80 + km_apart / 111.2 * n, lon=46.70, precision="point"))
        for n in range(2)
    ]
    return observations, {log.id: log}


def test_fuse_window_hours_bounds_the_time_gap_fused(setenv: SetEnv) -> None:
    from truce.fusion.engine import fuse

    observations, reports = _two_observations(hours_apart=20, km_apart=0)
    default = len(fuse([], observations, reports))
    setenv(fuse_window_hours=10)
    assert (default, len(fuse([], observations, reports))) == (1, 2)


def test_fuse_distance_km_bounds_the_distance_fused(setenv: SetEnv) -> None:
    from truce.fusion.engine import fuse

    observations, reports = _two_observations(hours_apart=0.1, km_apart=10)
    default = len(fuse([], observations, reports))
    setenv(fuse_distance_km=5)
    assert (default, len(fuse([], observations, reports))) == (1, 2)


def test_extract_max_chars_bounds_the_text_extracted(setenv: SetEnv) -> None:
    import truce
    from truce.errors import TruceError

    text = "Artillery shelled Martuni on Monday, officials said."
    assert truce.extract(text)
    setenv(extract_max_chars=20)
    with pytest.raises(TruceError) as raised:
        truce.extract(text)
    assert raised.value.code == "E160"


def test_extract_workers_reads_in_worker_processes(setenv: SetEnv, tmp_path: Path, pooled_batches: list[int]) -> None:
    from truce.model import Report
    from truce.pipeline import extract_pending
    from truce.store import open_store

    day = datetime(2023, 9, 21, tzinfo=UTC)
    for workers in (1, 2):
        setenv(db_url=f"sqlite:///{tmp_path / f'workers-{workers}.sqlite'}", extract_workers=workers)
        store = open_store()
        texts = [REPORT.replace("Thursday", weekday) for weekday in ("Monday", "Tuesday", "Wednesday", "Friday")]
        store.add_reports([(Report(id=Report.make_id("news", text), kind="news", text=text, published=day,
                                   language="en", origin="settings-test"), []) for text in texts])
        assert extract_pending(store, batch=2)[0] == 4
        store.close()
        assert pooled_batches == ([] if workers == 1 else [2]), "the second batch of two is read in the workers"


def _stored_observations(tmp_path: Path, setenv: SetEnv, name: str, **settings: object) -> Store:
    """A fresh SQLite store holding five field observations (JSON Lines ingested), `settings` in force."""
    import json

    from truce.pipeline import ingest
    from truce.store import open_store

    lines = tmp_path / "observations.jsonl"
    lines.write_text("".join(json.dumps({"kind": "field", "observed_at": f"2023-09-{10 + 4 * n}T14:05:00+04:00",
                                         "what": "explosion", "how": "heard", "observer": "Team 5",
                                         "lat": 39.8, "lon": 46.7}) + "\n" for n in range(5)), encoding="utf-8")
    setenv(db_url=f"sqlite:///{tmp_path / f'{name}.sqlite'}", **settings)
    store = open_store()
    assert ingest(store, [str(lines)]).observations == 5
    return store


def test_fuse_chunk_items_sets_items_per_fusion_chunk(setenv: SetEnv, tmp_path: Path) -> None:
    from truce.pipeline import fuse_pending

    chunks = {}
    for size in (2000, 2):
        store = _stored_observations(tmp_path, setenv, f"chunk-{size}", fuse_chunk_items=size)
        summary = fuse_pending(store)
        assert summary.items == 5
        chunks[size] = summary.chunks
    assert chunks == {2000: 1, 2: 3}


def test_store_page_size_sets_incidents_judged_per_page(setenv: SetEnv, tmp_path: Path) -> None:
    from truce.pipeline import fuse_pending, judge_pending

    pages = {}
    for size in (200, 1):
        store = _stored_observations(tmp_path, setenv, f"page-{size}", store_page_size=size)
        fuse_pending(store)
        asked: list[int] = []
        unjudged = store.unjudged

        def counted(signature: str, limit: int, after: str = "", _unjudged: Any = unjudged,
                    _asked: list[int] = asked) -> Any:
            _asked.append(limit)
            return _unjudged(signature, limit, after)

        store.unjudged = counted  # type: ignore[method-assign]  # observed, not replaced: it still answers
        judged = judge_pending(store).judged
        assert judged >= 2
        pages[size] = (asked, judged)
    assert pages[200][0] == [200, 200]  # one page, then an empty one
    assert pages[1][0] == [1] * (pages[1][1] + 1)


EFFECTS = {name: f"test_{name}_" for name in Settings.model_fields}


def test_every_setting_has_an_effect_test() -> None:
    tests = [name for name in globals() if name.startswith("test_")]
    missing = [name for name, prefix in EFFECTS.items() if not any(t.startswith(prefix) for t in tests)]
    assert EFFECTS and not missing, f"settings without a test of their effect: {missing}"


# --- the console (truce serve); fuller tests in tests/web/test_security.py ---------------------------
def _console(setenv: SetEnv, **values: object) -> Any:
    from fastapi.testclient import TestClient

    from truce.web.app import create_app

    setenv(**values)
    return TestClient(create_app(), base_url="http://localhost")


def test_env_production_refuses_the_default_secret(setenv: SetEnv) -> None:
    from truce.errors import ConfigError

    assert _console(setenv, env="development").get("/api/health").status_code == 200
    with pytest.raises(ConfigError, match="E601"):
        _console(setenv, env="production")


def test_secret_key_lets_production_start_and_keys_csrf(setenv: SetEnv) -> None:
    from truce.web.security import csrf_token

    assert _console(setenv, env="production", secret_key="k" * 40).get("/api/health").status_code == 200
    assert csrf_token("k" * 40, "token") != csrf_token("j" * 40, "token")


def test_mission_names_who_signs(setenv: SetEnv) -> None:
    default = _console(setenv).get("/api/mission").json()
    demo = _console(setenv, mission=Path(__file__).resolve().parents[2] / "demo" / "mission.yaml").get(
        "/api/mission").json()
    assert [s["id"] for s in demo["signatories"]] == ["RUS", "TUR"] != [s["id"] for s in default["signatories"]]


def test_tile_url_replaces_the_offline_basemap(setenv: SetEnv) -> None:
    assert 'data-tiles=""' in _console(setenv).get("/").text
    assert 'data-tiles="https://t.example/{z}/{x}/{y}.png"' in _console(
        setenv, tile_url="https://t.example/{z}/{x}/{y}.png").get("/").text


def test_max_upload_bytes_refuses_larger_bodies(setenv: SetEnv) -> None:
    body = {"username": "x" * 50, "password": "y" * 500}
    assert _console(setenv).post("/api/login", json=body).status_code == 401
    assert _console(setenv, max_upload_bytes=100).post("/api/login", json=body).status_code == 413


def test_session_hours_sets_how_long_a_login_lasts(setenv: SetEnv) -> None:
    from truce.store import open_store
    from truce.web.accounts import create_account
    from truce.web.mission import load_mission
    from truce.web.roles import Principal, Role

    client = _console(setenv, session_hours=5)
    create_account(open_store().engine, username="a1", password="a long enough password", role=Role.analyst,
                   mission=load_mission(None, []), by=Principal("t", Role.admin))
    cookie = client.post("/api/login", json={"username": "a1", "password": "a long enough password"})
    assert "max-age=18000" in cookie.headers["set-cookie"].lower()
