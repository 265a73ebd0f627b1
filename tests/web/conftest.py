"""The console over a private copy of the demo store (the demo run once through the real
`truce run`), with one account per role and side of the demo's mission."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from truce.settings import Settings
from truce.store import Store, open_store

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "demo"
SOURCES = [str(DEMO / d) for d in ("news", "feeds", "field", "sensors")]
MISSION = DEMO / "mission.yaml"
PASSWORD = "correct horse battery staple"
# name -> (role, signatory, party)
ACCOUNTS: dict[str, tuple[str, str | None, str | None]] = {
    "admin": ("admin", None, None),
    "analyst": ("analyst", None, None),
    "monitor": ("field_monitor", None, None),
    "officer-rus": ("signatory_officer", "RUS", None),
    "officer-tur": ("signatory_officer", "TUR", None),
    "liaison-aze": ("party_liaison", None, "AZE"),
}
ROLES = (*ACCOUNTS, "public")


def truce(*args: str, home: Path, extra_env: dict[str, str] | None = None,
          check: bool = True) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "TRUCE_HOME": str(home), **(extra_env or {})}
    env.pop("TRUCE_DB_URL", None)
    done = subprocess.run([sys.executable, "-m", "truce", *args], env=env, capture_output=True, timeout=600)
    if check and done.returncode != 0:
        raise AssertionError(f"truce {' '.join(args)} failed: {done.stderr.decode(errors='replace')[-2000:]}")
    return done


@pytest.fixture(scope="session")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("web-demo")
    truce("run", *SOURCES, home=home)
    assert (home / "truce.sqlite").exists()
    return home


def copy_store(source: Path, home: Path) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(home / "truce.sqlite")
    src.backup(dst)
    src.close()
    dst.close()
    return home / "truce.sqlite"


@dataclass
class Site:
    """The app, its store and settings, and a signed-in client per account."""

    app: Any
    store: Store
    settings: Settings
    home: Path

    def client(self) -> TestClient:
        # http://localhost: the development setting where cookies may go without Secure.
        return TestClient(self.app, base_url="http://localhost", raise_server_exceptions=False)

    def headers(self, who: str) -> dict[str, str]:
        if who == "public":
            return {}
        cached = self.__dict__.setdefault("_tokens", {})
        if who not in cached:
            answer = self.client().post("/api/login", json={"username": who, "password": PASSWORD})
            assert answer.status_code == 200, answer.text
            cached[who] = answer.json()["token"]
        return {"Authorization": f"Bearer {cached[who]}"}

    def as_(self, who: str, method: str, url: str, **kwargs: Any) -> Any:
        headers = self.headers(who) | kwargs.pop("headers", {})
        return self.client().request(method, url, headers=headers, **kwargs)

    def incident_id(self, verdict: str = "violation", q: str = "") -> str:
        answer = self.as_("analyst", "GET", f"/api/incidents?verdict={verdict}&limit=1&q={q}")
        items = answer.json()["items"]
        assert items, f"the demo has no {verdict}"
        return str(items[0]["id"])


def make_site(home: Path, *, settings: Settings | None = None) -> Site:
    from truce.web.accounts import create_account
    from truce.web.app import create_app
    from truce.web.roles import Principal, Role

    settings = settings or Settings(home=home, db_url=f"sqlite:///{home / 'truce.sqlite'}", mission=MISSION)
    store = open_store(settings.database_url)
    app = create_app(settings, store)
    console = app.state.console
    for name, (role, signatory, party) in ACCOUNTS.items():
        if signatory is not None and not console.mission.signs(signatory):
            continue  # another mission's officer
        create_account(store.engine, username=name, password=PASSWORD, role=Role(role), mission=console.mission,
                       by=Principal("test", Role.admin), signatory=signatory, party=party)
    return Site(app, store, settings, home)


@pytest.fixture
def site(demo_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """The console over a private copy of the demo store."""
    from truce.settings import get_settings

    home = tmp_path / "home"
    copy_store(demo_home / "truce.sqlite", home)
    monkeypatch.setenv("TRUCE_HOME", str(home))
    monkeypatch.delenv("TRUCE_DB_URL", raising=False)
    get_settings.cache_clear()
    made = make_site(home)
    yield made
    made.store.close()
    get_settings.cache_clear()


@pytest.fixture
def site_factory(demo_home: Path, tmp_path: Path) -> Iterator[Any]:
    """build(mission=..., **settings) -> a Site over its own copy of the demo store."""
    made: list[Site] = []

    def build(*, mission: Path | None = MISSION, **overrides: Any) -> Site:
        home = tmp_path / f"home-{len(made)}"
        copy_store(demo_home / "truce.sqlite", home)
        settings = Settings(home=home, db_url=f"sqlite:///{home / 'truce.sqlite'}", mission=mission, **overrides)
        made.append(make_site(home, settings=settings))
        return made[-1]

    yield build
    for s in made:
        s.store.close()
