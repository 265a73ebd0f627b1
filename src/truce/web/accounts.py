"""Accounts and sessions (data access: keyword-only functions over the console's tables)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, delete, select

from truce.errors import TruceError
from truce.store.db import reading, writing
from truce.web import audit
from truce.web import tables as w
from truce.web.mission import Mission
from truce.web.roles import Principal, Role, check_account_fields
from truce.web.security import hash_password, new_token, token_hash, verify_nobody, verify_password

USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    username: str
    display_name: str
    role: Role
    signatory: str | None
    party: str | None
    active: bool

    def principal(self) -> Principal:
        return Principal(self.username, self.role, self.id, self.signatory, self.party, self.display_name)

    def to_dict(self) -> dict[str, Any]:
        return {"username": self.username, "display_name": self.display_name, "role": self.role.value,
                "signatory": self.signatory, "party": self.party, "active": self.active}


def _account(r: Any) -> Account:
    return Account(r.id, r.username, r.display_name, Role(r.role), r.signatory, r.party, bool(r.active))


def _check_username(username: str) -> str:
    name = username.strip().lower()
    if not (2 <= len(name) <= 80) or not set(name) <= USERNAME_CHARS:
        raise TruceError("E607", f"account name {username!r} is not 2-80 lower-case letters, digits, '.', '_' or '-'",
                         hint="choose a name such as 'j.smith'", where="username")
    return name


def create_account(engine: Engine, *, username: str, password: str, role: Role, mission: Mission, by: Principal,
                   display_name: str | None = None, signatory: str | None = None,
                   party: str | None = None) -> Account:
    """A new active account (one audit entry); E608 when the name is taken."""
    name = _check_username(username)
    if role is Role.public:
        raise TruceError("E625", "the public needs no account", hint="choose another role", where="role")
    check_account_fields(role, signatory, party, mission)
    hashed = hash_password(password)
    values: dict[str, Any] = {
        "username": name, "display_name": display_name or name, "password_hash": hashed, "role": role.value,
        "signatory": signatory if role is Role.signatory_officer else None,
        "party": party if role is Role.party_liaison else None, "active": True, "created": audit.now_iso()}

    def write(conn: Connection) -> int:
        if conn.scalar(select(w.accounts.c.id).where(w.accounts.c.username == name)) is not None:
            raise TruceError("E608", f"an account named {name!r} exists already", where="username",
                             hint="choose another name")
        key = conn.execute(w.accounts.insert().values(**values)).inserted_primary_key
        shown = {k: v for k, v in values.items() if k != "password_hash"}
        audit.record(conn, by, "account.create", name, None, shown)
        return int(key[0]) if key else 0

    account_id = writing(engine, write)
    return Account(account_id, name, values["display_name"], role, values["signatory"], values["party"], True)


def find_account(engine: Engine, *, username: str) -> Account | None:
    with reading(engine) as conn:
        row = conn.execute(select(w.accounts).where(w.accounts.c.username == username.strip().lower())).first()
    return _account(row) if row else None


def list_accounts(engine: Engine) -> list[Account]:
    with reading(engine) as conn:
        return [_account(r) for r in conn.execute(select(w.accounts).order_by(w.accounts.c.username))]


def authenticate(engine: Engine, *, username: str, password: str) -> Account | None:
    """The active account with this name and password, else None (same work either way)."""
    with reading(engine) as conn:
        row = conn.execute(select(w.accounts).where(w.accounts.c.username == username.strip().lower())).first()
    if row is None or not row.active:
        verify_nobody(password)
        return None
    return _account(row) if verify_password(row.password_hash, password) else None


def open_session(engine: Engine, *, secret: str, account: Account, hours: float) -> str:
    """A new session token for `account` (only its keyed hash is stored); one audit entry."""
    token = new_token()
    now = datetime.now(UTC)

    def write(conn: Connection) -> None:
        conn.execute(w.sessions.insert().values(token_hash=token_hash(secret, token), account_id=account.id,
                                                created=now.isoformat(),
                                                expires=(now + timedelta(hours=hours)).isoformat()))
        audit.record(conn, account.principal(), "session.login", account.username, None, None)

    writing(engine, write)
    return token


def session_principal(engine: Engine, *, secret: str, token: str) -> Principal | None:
    """Who holds this session token, while it is valid and the account active."""
    s, a = w.sessions.c, w.accounts.c
    query = (select(w.accounts, s.expires).join(w.sessions, s.account_id == a.id)
             .where(s.token_hash == token_hash(secret, token)))
    with reading(engine) as conn:
        row = conn.execute(query).first()
    if row is None or not row.active or row.expires < datetime.now(UTC).isoformat():
        return None
    return _account(row).principal()


def close_session(engine: Engine, *, secret: str, token: str, who: Principal) -> None:
    def write(conn: Connection) -> None:
        conn.execute(delete(w.sessions).where(w.sessions.c.token_hash == token_hash(secret, token)))
        audit.record(conn, who, "session.logout", who.username, None, None)

    writing(engine, write)
