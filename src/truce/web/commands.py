"""`truce serve` (the API and the console) and `truce users` (accounts)."""

from __future__ import annotations

import secrets
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:
    from truce.store import Store
    from truce.web.mission import Mission

err = Console(stderr=True, highlight=False, soft_wrap=True)
users_app = typer.Typer(help="Console accounts: add one, list them, or create the demo's.", no_args_is_help=True)


def _console_parts() -> tuple[Store, Mission]:
    from truce.agreements import load_agreements
    from truce.settings import get_settings
    from truce.store import open_store
    from truce.web.mission import load_mission

    settings = get_settings()
    store = open_store(settings.database_url)
    return store, load_mission(settings.mission, load_agreements(settings.agreements_dir))


def demo_accounts(mission: Mission) -> list[tuple[str, str, str | None, str | None]]:
    """(username, role, signatory, party) of the demo's accounts: one per role and side."""
    accounts: list[tuple[str, str, str | None, str | None]] = [
        ("admin", "admin", None, None), ("analyst", "analyst", None, None), ("monitor", "field_monitor", None, None)]
    for side in mission.signatories:
        if side.id in set(mission.party_ids):
            continue  # a party that signs is served by its liaison account below
        accounts.append((f"officer-{side.id.lower()}", "signatory_officer", side.id, None))
    for party in mission.parties:
        accounts.append((f"liaison-{party.id.lower()}", "party_liaison", None, party.id))
    return accounts


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes (uvicorn).")] = 1,
) -> None:
    """The REST API (OpenAPI at /openapi.json) and the web console, over the store."""
    import uvicorn

    from truce.settings import get_settings
    from truce.web.security import check_startup

    check_startup(get_settings())  # refuse unsafe settings before binding the port
    err.print(f"Truce console on http://{host}:{port}/ (API: /api, OpenAPI: /openapi.json)", markup=False)
    uvicorn.run("truce.web.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False)


@users_app.command("add")
def add(
    username: Annotated[str, typer.Argument(help="Account name (lower case).")],
    role: Annotated[str, typer.Option(help="admin, analyst, field_monitor, signatory_officer or party_liaison")],
    signatory: Annotated[str | None, typer.Option(help="The signatory a signatory officer signs for.")] = None,
    party: Annotated[str | None, typer.Option(help="The party a party liaison speaks for.")] = None,
    name: Annotated[str | None, typer.Option(help="Display name.")] = None,
) -> None:
    """Add an account; the password is read from standard input (one line)."""
    from truce.errors import TruceError
    from truce.web.accounts import create_account
    from truce.web.roles import Principal, Role

    if role not in [r.value for r in Role]:
        raise TruceError("E625", f"role '{role}' is unknown", where="--role",
                         hint=f"use one of {', '.join(r.value for r in Role if r is not Role.public)}")
    password = sys.stdin.readline().rstrip("\n")
    store, mission = _console_parts()
    account = create_account(store.engine, username=username, password=password, role=Role(role),
                             mission=mission, by=Principal("cli", Role.admin), display_name=name,
                             signatory=signatory, party=party)
    err.print(f"account {account.username} ({account.role.value}) added", markup=False)


@users_app.command("list")
def list_users() -> None:
    """List the accounts."""
    from truce.web.accounts import list_accounts

    store, _ = _console_parts()
    for a in list_accounts(store.engine):
        side = a.signatory or a.party or ""
        print(f"{a.username}\t{a.role.value}\t{side}\t{'active' if a.active else 'inactive'}")


@users_app.command("demo")
def demo(
    port: Annotated[int, typer.Option(help="The port `truce serve` will use, for the address printed.")] = 8000,
) -> None:
    """Create one account per role and side of the mission with a fresh random password, and
    print how to open the console (development only)."""
    from truce.errors import ConfigError
    from truce.settings import get_settings
    from truce.web.accounts import create_account, find_account
    from truce.web.roles import Principal, Role

    if get_settings().env != "development":
        raise ConfigError("E627", "demo accounts are for development only", where="TRUCE_ENV",
                          hint="add real accounts with `truce users add`")
    store, mission = _console_parts()
    password = "demo-" + secrets.token_urlsafe(9)
    made = []
    for username, role, signatory, party in demo_accounts(mission):
        if find_account(store.engine, username=username) is None:
            create_account(store.engine, username=username, password=password, role=Role(role),
                           mission=mission, by=Principal("cli", Role.admin),
                           signatory=signatory, party=party)
            made.append(username)
    print(f"console: run `truce serve` (with this TRUCE_HOME) and open http://127.0.0.1:{port}/")
    if made:
        print(f"demo login: analyst / {password}  (also {', '.join(u for u in made if u != 'analyst')}, "
              "same password)")
    else:
        print("demo accounts exist already (their passwords were printed when they were made)")


def register(app: typer.Typer) -> None:
    """Add `serve` and the `users` group to the `truce` app."""
    app.command()(serve)
    app.add_typer(users_app, name="users")
