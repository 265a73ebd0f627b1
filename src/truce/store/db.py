"""Opening the store: engine, SQLite pragmas, migrations, and the two kinds of transaction.

SQLite is the embedded default (a file under TRUCE_HOME, WAL mode); `TRUCE_DB_URL=postgresql://...`
selects PostgreSQL. Alembic brings either to the latest schema when the store opens.

Reads and writes are opened differently, so that readers never hold the write lock:
- `reading(engine)`: a plain deferred `BEGIN` on SQLite (a WAL snapshot: it waits for no writer and
  blocks none), an ordinary read transaction on PostgreSQL.
- `writing(engine, fn)`: `BEGIN IMMEDIATE` on SQLite (the write lock is taken up front, so two
  writers never deadlock half-way), and the whole transaction `fn(conn)` is retried a bounded
  number of times when the database is busy or locked (SQLite), or on a serialization failure or
  deadlock (PostgreSQL). Each transaction is short: stages page through the store and never write
  while a read cursor of theirs is open.
Every database error leaves as one `TruceError` line naming the store and what to do.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError

from truce.errors import ConfigError, TruceError

MIGRATIONS = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_S = 20.0  # how long SQLite waits for a lock before reporting it busy
WRITE_ATTEMPTS = 4  # a busy or conflicting write transaction is tried this many times
_WRITE = "truce_write"

T = TypeVar("T")


class StoreError(TruceError):
    """The store refused or failed an operation; the message names the store and what to do."""


def _sqlite_engine(url: str) -> Engine:
    path = url.removeprefix("sqlite:///")
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's begin event issue BEGIN itself (pysqlite's own implicit BEGIN is deferred
        # only for some statements, and would start transactions behind our back).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the lock at BEGIN; readers take a snapshot and no lock at all.
        write = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

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
        _retrying(lambda: migrate(engine), url)
    except OperationalError as exc:
        raise ConfigError(
            "E140", f"cannot open the store at {safe_url(url)}: {_first_line(exc.orig)}",
            hint="check TRUCE_DB_URL / TRUCE_HOME and that the database server is running",
        ) from exc
    except SQLAlchemyError as exc:
        raise ConfigError("E141", f"the store at {safe_url(url)} failed: {_first_line(exc)}",
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
        conn.rollback()
    if current == heads:
        return
    with engine.connect().execution_options(**{_WRITE: True}) as conn, conn.begin():
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")


def _transient(exc: BaseException) -> bool:
    """Whether retrying the transaction may succeed: busy/locked SQLite, PostgreSQL conflicts."""
    if isinstance(exc, IntegrityError):
        return False
    if not isinstance(exc, DBAPIError):
        return False
    text = str(exc.orig).lower()
    if "database is locked" in text or "database is busy" in text or "database table is locked" in text:
        return True
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return code in ("40001", "40P01", "55P03")  # serialization failure, deadlock, lock not available


def _retrying(fn: Callable[[], T], label: str) -> T:
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            return fn()
        except DBAPIError as exc:
            if not _transient(exc) or attempt == WRITE_ATTEMPTS:
                raise
            # Back off with jitter, so two waiting writers do not retry in lock-step.
            time.sleep(min(2.0, 0.05 * 2 ** attempt) * (0.5 + random.random()))
    raise AssertionError(label)  # unreachable: the last attempt returns or raises


def writing(engine: Engine, fn: Callable[[Connection], T]) -> T:
    """Run `fn(conn)` in one write transaction, retried while the database is busy (see module doc)."""

    def attempt() -> T:
        with engine.connect().execution_options(**{_WRITE: True}) as conn, conn.begin():
            return fn(conn)

    with store_errors(engine):
        return _retrying(attempt, str(engine.url))


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read transaction that takes no write lock (see module doc)."""
    with store_errors(engine), engine.connect() as conn:
        try:
            yield conn
        finally:
            conn.rollback()


@contextmanager
def store_errors(engine: Engine) -> Iterator[None]:
    """Turn any database error into one `StoreError` line naming the store and what to do."""
    try:
        yield
    except StoreError:
        raise
    except IntegrityError as exc:
        raise StoreError("E143", f"the store at {safe_url(str(engine.url))} refused a write: "
                         f"{_first_line(exc.orig)}",
                         hint="the records refer to something the store does not hold; "
                              "re-ingest the source, and report it if it persists") from exc
    except OperationalError as exc:
        busy = _transient(exc)
        raise StoreError(
            "E142", f"the store at {safe_url(str(engine.url))} is unavailable: {_first_line(exc.orig)}",
            hint=("another process held it too long; wait for it to finish and run the command again"
                  if busy else "check that the database file or server is reachable and not full"),
        ) from exc
    except SQLAlchemyError as exc:
        raise StoreError("E144", f"the store at {safe_url(str(engine.url))} failed: {_first_line(exc)}",
                         hint="run `truce settings` to check TRUCE_DB_URL; the schema may be newer than "
                              "this version of Truce") from exc


def _first_line(value: object) -> str:
    return str(value).strip().splitlines()[0] if str(value).strip() else type(value).__name__


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}@{host}"
    return url


_safe = safe_url  # older name
