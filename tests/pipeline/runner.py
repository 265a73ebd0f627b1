"""Running `truce` as a user does (a subprocess), and a canonical dump of what a store holds."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from truce.store import open_store

REPO = Path(__file__).resolve().parents[2]


def truce_env(home: Path, db_url: str | None = None, **settings: str) -> dict[str, str]:
    """The environment of a `truce` subprocess: its own TRUCE_HOME, the shared gazetteer and model."""
    env = {**os.environ, "TRUCE_HOME": str(home), **{f"TRUCE_{k.upper()}": v for k, v in settings.items()}}
    env.pop("TRUCE_DB_URL", None)
    if db_url:
        env["TRUCE_DB_URL"] = db_url
    venv = REPO / ".venv"
    env.setdefault("TRUCE_GAZETTEER_PATH", str(venv / "gazetteer.sqlite"))
    env.setdefault("TRUCE_MODEL_DIR", str(venv / "models"))
    return env


def truce_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "truce", *args]


def run_truce(env: dict[str, str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(truce_cmd(*args), env=env, capture_output=True, text=True, timeout=timeout)


def store_url(env: dict[str, str]) -> str:
    url = env.get("TRUCE_DB_URL")
    return url or f"sqlite:///{Path(env['TRUCE_HOME']) / 'truce.sqlite'}"


def canonical_dump(url: str) -> dict[str, Any]:
    """Incidents (tombstones too), their members and current verdicts, in a fixed order and without
    the times records were written: equal dumps mean equal stores."""
    store = open_store(url)
    try:
        incidents = sorted((i.to_dict() for i in store.incidents(include_tombstones=True)), key=lambda d: d["id"])
        verdicts = sorted(({k: v for k, v in x.to_dict().items() if k != "derived_at"} for x in store.verdicts()),
                          key=lambda d: (d["incident_id"], d["agreement_id"]))
        members = store.members(i["id"] for i in incidents)
        return {"incidents": incidents, "verdicts": verdicts,
                "members": {k: sorted(v) for k, v in sorted(members.items())}}
    finally:
        store.close()


def sqlite_count(db: Path, query: str) -> int:
    """One number from a read-only look at a SQLite store another process is writing (0 if not ready)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute(query).fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # schema not created yet


def as_json(stdout: str) -> Any:
    return json.loads(stdout)
