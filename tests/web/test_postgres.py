"""The console on PostgreSQL (a real throwaway server): its tables migrate, accounts and
sessions work, the listing query runs, and the database itself refuses to rewrite the audit log."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from truce.settings import Settings

pytestmark = pytest.mark.postgres


def test_console_on_postgresql(fresh_postgres_url: str, tmp_path: Any) -> None:
    from truce.store import open_store
    from truce.web.accounts import create_account
    from truce.web.app import create_app
    from truce.web.roles import Principal, Role

    settings = Settings(home=tmp_path, db_url=fresh_postgres_url)
    store = open_store(settings.database_url)
    app = create_app(settings, store)
    create_account(store.engine, username="analyst", password="a long enough password", role=Role.analyst,
                   mission=app.state.console.mission, by=Principal("test", Role.admin))
    client = TestClient(app, base_url="http://localhost")
    login = {"username": "analyst", "password": "a long enough password"}
    token = client.post("/api/login", json=login).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/incidents?type=ASSAULT&verdict=violation&review=alleged&q=x", headers=headers).json() \
        == {"items": [], "next": None}
    entries = client.get("/api/audit", headers=headers).json()["items"]
    assert [e["action"] for e in entries] == ["account.create", "session.login"]
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(statement))
    store.close()
