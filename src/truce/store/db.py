"""Opening the store: engine, SQLite pragmas, migrations.

SQLite is the embedded default (a file under TRUCE_HOME, WAL mode, every write transaction opened
with `BEGIN IMMEDIATE` so two writers never deadlock half-way); `TRUCE_DB_URL=postgresql://...`
selects PostgreSQL. Alembic brings either to the latest schema when the store opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from truce.errors import ConfigError

MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_engine(url: str) -> Engine:
    path = url.removeprefix("sqlite:///")
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's begin event issue BEGIN itself (pysqlite's own implicit BEGIN is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _alembic_config(engine_url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine_url)
    return cfg


def open_engine(url: str) -> Engine:
    """An engine for `url` with the schema migrated to the latest revision."""
    try:
        engine = _sqlite_engine(url) if url.startswith("sqlite") else create_engine(url, pool_pre_ping=True)
        migrate(engine)
    except OperationalError as exc:
        raise ConfigError(
            "E140", f"cannot open the store at {_safe(url)}: {exc.orig}",
            hint="check TRUCE_DB_URL / TRUCE_HOME and that the database server is running",
        ) from exc
    except SQLAlchemyError as exc:
        raise ConfigError("E141", f"the store at {_safe(url)} failed: {exc}",
                          hint="check TRUCE_DB_URL; run `truce settings` to see what is in force") from exc
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to head; a no-op when it is already there."""
    cfg = _alembic_config(str(engine.url))
    # Each concern (store, console, imports) may add its own branch of revisions from 0001, so the
    # schema is current when every head is applied.
    heads = set(ScriptDirectory.from_config(cfg).get_heads())
    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    if current == heads:
        return
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}@{host}"
    return url
