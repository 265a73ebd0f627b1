"""Passwords and session tokens at rest, CSRF, cookies, login limits, start-up refusals, and
each console setting changing what the console does."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from truce.errors import ConfigError
from truce.settings import DEFAULT_SECRET_KEY, Settings


def _rows(site: Any, sql: str) -> list[Any]:
    with site.store.engine.connect() as conn:
        return list(conn.execute(text(sql)))


def test_passwords_are_argon2_and_tokens_are_not_stored(site: Any) -> None:
    hashes = [r[0] for r in _rows(site, "SELECT password_hash FROM accounts")]
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)
    token = site.headers("analyst")["Authorization"].split()[1]
    stored = [r[0] for r in _rows(site, "SELECT token_hash FROM sessions")]
    assert stored and token not in stored and all(len(h) == 64 for h in stored)


def test_cookie_sessions_need_the_csrf_token(site: Any) -> None:
    client = site.client()
    login = client.post("/api/login", json={"username": "analyst", "password": "correct horse battery staple"})
    csrf = login.json()["csrf"]
    iid = site.incident_id()
    bare = client.post(f"/api/incidents/{iid}/status", json={"status": "under_investigation"})
    assert bare.status_code == 403 and bare.json()["code"] == "E609"
    forged = client.post(f"/api/incidents/{iid}/status", json={"status": "under_investigation"},
                         headers={"X-CSRF-Token": "0" * 64})
    assert forged.status_code == 403
    good = client.post(f"/api/incidents/{iid}/status", json={"status": "under_investigation"},
                       headers={"X-CSRF-Token": csrf})
    assert good.status_code == 200
    assert client.get("/api/me").json()["csrf"] == csrf
    cookie = login.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie  # dev over localhost


def test_cookies_are_secure_except_for_development_on_localhost(site_factory: Any) -> None:
    from fastapi.testclient import TestClient

    for env, base, secure in (("development", "http://localhost", False), ("development", "http://10.1.2.3", True),
                              ("production", "http://localhost", True)):
        site = site_factory(env=env, secret_key="s" * 40)
        answer = TestClient(site.app, base_url=base).post(
            "/api/login", json={"username": "analyst", "password": "correct horse battery staple"})
        assert ("secure" in answer.headers["set-cookie"].lower()) is secure, (env, base)


def test_failed_logins_are_limited(site: Any) -> None:
    client = site.client()
    for _ in range(5):
        assert client.post("/api/login", json={"username": "analyst", "password": "wrong one!"}).status_code == 401
    blocked = client.post("/api/login", json={"username": "analyst", "password": "correct horse battery staple"})
    assert blocked.status_code == 429 and blocked.json()["code"] == "E606"


def test_no_start_outside_development_with_the_default_secret(site_factory: Any) -> None:
    from truce.web.app import create_app

    for secret in (DEFAULT_SECRET_KEY, "short"):
        with pytest.raises(ConfigError, match="E601"):
            create_app(Settings(env="production", secret_key=secret, db_url="sqlite://"))
    with pytest.raises(ConfigError, match="E600"):
        create_app(Settings(env="staging", db_url="sqlite://"))
    assert site_factory(env="production", secret_key="k" * 48).app is not None


def test_truce_serve_refuses_the_default_secret_in_production(tmp_path: Any) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "TRUCE_HOME": str(tmp_path), "TRUCE_ENV": "production"}
    env.pop("TRUCE_SECRET_KEY", None)
    done = subprocess.run([sys.executable, "-m", "truce", "serve", "--port", "1"], env=env, capture_output=True,
                          timeout=120)
    assert done.returncode == 2
    assert done.stderr.decode().strip().startswith("error: [E601]") and "Traceback" not in done.stderr.decode()


def test_settings_change_the_console(site_factory: Any) -> None:
    import time

    tiles = site_factory(tile_url="https://tiles.mission.example/{z}/{x}/{y}.png", max_upload_bytes=2000,
                         session_hours=0.0003)
    page = tiles.as_("analyst", "GET", "/")
    assert 'data-tiles="https://tiles.mission.example/{z}/{x}/{y}.png"' in page.text
    assert "https://tiles.mission.example" in page.headers["content-security-policy"]
    assert tiles.as_("monitor", "POST", "/api/observations",
                     json={"observed_at": "2023-09-21T17:00:00+04:00", "what": "explosion", "how": "heard",
                           "notes": "x" * 3000}).status_code == 413
    time.sleep(1.2)  # 0.0003 h ≈ 1.1 s: the session has expired
    assert tiles.as_("analyst", "GET", "/api/me").status_code == 401
    default = site_factory(mission=None)
    assert default.as_("public", "GET", "/api/mission").json()["signatories"][-1]["id"] == "MISSION"
    demo = site_factory()
    assert [s["id"] for s in demo.as_("public", "GET", "/api/mission").json()["signatories"]] == ["RUS", "TUR"]


def test_a_broken_mission_file_is_one_line(tmp_path: Any) -> None:
    from truce.web.mission import load_mission

    path = tmp_path / "mission.yaml"
    path.write_text("id: m\nname: M\nsignatories: []\n")
    with pytest.raises(ConfigError, match=r"E604.*signatories"):
        load_mission(path, [])
    path.write_text("id: [\n")
    with pytest.raises(ConfigError, match="E603"):
        load_mission(path, [])
