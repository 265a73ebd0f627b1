"""Passwords, session tokens, CSRF tokens and login rate limiting.

- Passwords are hashed with Argon2id (argon2-cffi's defaults, RFC 9106's second recommendation).
- A session token is 32 random bytes given to the browser once; the store keeps only its keyed
  hash (HMAC-SHA256 with TRUCE_SECRET_KEY), so a copy of the database opens no session.
- The CSRF token of a session is derived from the session token (HMAC with a different label):
  a page carries it in its forms, and every state-changing request made with the session cookie
  must send it back (`X-CSRF-Token`). Requests with a bearer token need none: a browser never
  attaches one by itself.
- Failed logins are counted per account name and per client address in a sliding window; past
  the limit the login is refused for the rest of the window (E606, 429) whatever the password.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from truce.errors import ConfigError, TruceError
from truce.settings import DEFAULT_SECRET_KEY, Settings

_HASHER = PasswordHasher()
MIN_PASSWORD = 10
LOGIN_WINDOW_S = 300.0
LOGIN_FAILURES = 5  # per account name and per client address, within the window


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise TruceError("E605", f"a password needs at least {MIN_PASSWORD} characters",
                         hint="choose a longer password (a phrase of several words)", where="password")
    return _HASHER.hash(password)


def verify_password(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


# Verifying against this when the account does not exist keeps the answer's timing the same.
_DUMMY_HASH = _HASHER.hash("not-a-real-password-at-all")


def verify_nobody(password: str) -> bool:
    verify_password(_DUMMY_HASH, password)
    return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(secret: str, token: str) -> str:
    return hmac.new(secret.encode(), b"session\x1f" + token.encode(), hashlib.sha256).hexdigest()


def csrf_token(secret: str, session_token: str) -> str:
    return hmac.new(secret.encode(), b"csrf\x1f" + session_token.encode(), hashlib.sha256).hexdigest()


def same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and hmac.compare_digest(a.encode(), b.encode())


def check_startup(settings: Settings) -> None:
    """Refuse to serve outside development with the default (or a short) secret key."""
    if settings.env not in ("development", "production"):
        raise ConfigError("E600", f"TRUCE_ENV '{settings.env}' is not development or production",
                          hint="set TRUCE_ENV=production on a server, development on a laptop", where="TRUCE_ENV")
    if settings.env == "development":
        return
    if settings.secret_key == DEFAULT_SECRET_KEY or len(settings.secret_key) < 32:
        raise ConfigError("E601", "the console will not start outside development with the default or a short "
                          "secret key", where="TRUCE_SECRET_KEY",
                          hint="set TRUCE_SECRET_KEY to 32 or more random characters, e.g. "
                               "`python -c 'import secrets; print(secrets.token_urlsafe(48))'`")


class LoginLimiter:
    """Failed logins per key (account name, client address) in a sliding window."""

    def __init__(self, limit: int = LOGIN_FAILURES, window_s: float = LOGIN_WINDOW_S):
        self.limit = limit
        self.window_s = window_s
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and now - times[0] > self.window_s:
            times.popleft()
        return times

    def blocked(self, *keys: str) -> bool:
        now = time.monotonic()
        with self._lock:
            return any(len(self._recent(k, now)) >= self.limit for k in keys)

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def succeeded(self, username_key: str) -> None:
        with self._lock:
            self._failures.pop(username_key, None)
