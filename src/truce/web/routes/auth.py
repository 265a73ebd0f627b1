"""Logging in and out, who am I, accounts (admin), and the mission's signatories."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from truce.errors import TruceError
from truce.web import accounts
from truce.web.deps import COOKIE, ConsoleDep, PrincipalDep, session_token
from truce.web.roles import Action, Unauthenticated, require
from truce.web.schemas import AccountCreate, Login
from truce.web.security import csrf_token

router = APIRouter(prefix="/api", tags=["accounts"])


def _client(request: Request) -> str:
    return "ip:" + (request.client.host if request.client else "unknown")


def _secure_cookie(request: Request, development: bool) -> bool:
    # Secure everywhere except a developer's plain-HTTP localhost.
    local = request.url.hostname in ("localhost", "127.0.0.1", "::1")
    return not (development and request.url.scheme == "http" and local)


@router.post("/login", summary="Log in: a session cookie for browsers and a bearer token for API clients")
def login(body: Login, request: Request, console: ConsoleDep) -> JSONResponse:
    keys = ("user:" + body.username.strip().lower(), _client(request))
    if console.limiter.blocked(*keys):
        raise TruceError("E606", "too many failed logins; wait a few minutes", where=body.username,
                         hint="try again in 5 minutes, or ask an administrator to check the account")
    account = accounts.authenticate(console.store.engine, username=body.username, password=body.password)
    if account is None:
        console.limiter.failed(*keys)
        raise TruceError("E626", "wrong account name or password", where="login",
                         hint="check both; after 5 failures logins wait 5 minutes")
    console.limiter.succeeded(keys[0])
    token = accounts.open_session(console.store.engine, secret=console.secret, account=account,
                                  hours=console.settings.session_hours)
    csrf = csrf_token(console.secret, token)
    response = JSONResponse({"ok": True, "token": token, "csrf": csrf, "account": account.to_dict()})
    response.set_cookie(COOKIE, token, httponly=True, samesite="lax", path="/",
                        secure=_secure_cookie(request, console.development),
                        max_age=int(console.settings.session_hours * 3600))
    return response


@router.post("/logout", summary="End this session")
def logout(request: Request, console: ConsoleDep, who: PrincipalDep) -> JSONResponse:
    if who.is_public:
        raise Unauthenticated("E621", "nobody is logged in here", hint="log in at /login", where="logout")
    token, _ = session_token(request)
    if token:
        accounts.close_session(console.store.engine, secret=console.secret, token=token, who=who)
    response = JSONResponse({"ok": True})
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get("/me", summary="Who is asking, and the CSRF token of a cookie session")
def me(request: Request, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    token, from_cookie = session_token(request)
    return {"username": who.username, "role": who.role.value, "signatory": who.signatory, "party": who.party,
            "csrf": csrf_token(console.secret, token) if token and from_cookie and not who.is_public else None}


@router.get("/mission", summary="The mission: who signs its findings, and the parties")
def mission(console: ConsoleDep) -> dict[str, Any]:
    return console.mission.to_dict()


@router.get("/accounts", summary="Every account (administrators)")
def list_accounts(console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    require(who, Action.manage_accounts)
    return {"items": [a.to_dict() for a in accounts.list_accounts(console.store.engine)]}


@router.post("/accounts", status_code=201, summary="Create an account (administrators)")
def create_account(body: AccountCreate, console: ConsoleDep, who: PrincipalDep) -> dict[str, Any]:
    require(who, Action.manage_accounts)
    account = accounts.create_account(console.store.engine, username=body.username, password=body.password,
                                      role=body.role, mission=console.mission, by=who,
                                      display_name=body.display_name, signatory=body.signatory, party=body.party)
    return account.to_dict()
