"""FastAPI dependencies as `Annotated` aliases: the console, who is asking, and CSRF checks.

Who is asking comes from the session cookie (browsers) or `Authorization: Bearer` (API clients);
neither means the public. A state-changing request made with the cookie must carry the session's
CSRF token in `X-CSRF-Token`, so another site cannot make a signed-in browser act.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from truce.errors import TruceError
from truce.web.accounts import session_principal
from truce.web.context import Console
from truce.web.roles import PUBLIC, Principal
from truce.web.security import csrf_token, same

COOKIE = "truce_session"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def get_console(request: Request) -> Console:
    console: Console = request.app.state.console
    return console


ConsoleDep = Annotated[Console, Depends(get_console)]


def session_token(request: Request) -> tuple[str | None, bool]:
    """(token, from the cookie?)"""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None, False
    return request.cookies.get(COOKIE) or None, True


def get_principal(request: Request, console: ConsoleDep) -> Principal:
    cached = getattr(request.state, "principal", None)
    if isinstance(cached, Principal):
        return cached
    token, from_cookie = session_token(request)
    principal = PUBLIC
    if token:
        found = session_principal(console.store.engine, secret=console.secret, token=token)
        if found is None and not from_cookie:
            raise TruceError("E621", "the bearer token is not a valid session",
                             hint="log in again (POST /api/login)", where="Authorization")
        principal = found or PUBLIC
        if found is not None and from_cookie and request.method not in SAFE_METHODS:
            sent = request.headers.get(CSRF_HEADER)
            if not same(sent, csrf_token(console.secret, token)):
                raise TruceError("E609", "the request lacks this session's CSRF token",
                                 hint="reload the page and try again; API clients send X-CSRF-Token "
                                      "or use a bearer token", where=CSRF_HEADER)
    request.state.principal = principal
    return principal


PrincipalDep = Annotated[Principal, Depends(get_principal)]
