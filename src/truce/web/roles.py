"""Roles and what each may do: the one place the console's permissions are decided.

- admin: sees the whole record; may do what an analyst may, and manage accounts.
- analyst: the whole record; submits reports and observations, corrects and moves items, sets
  review status and attribution.
- field_monitor: the whole record; submits observations.
- signatory_officer: the whole record; signs or dissents for its own signatory only.
- party_liaison: the whole record; files allegations and responses for its own party; signs or
  dissents only where its party is a signatory.
- public: published findings only; reads.

No one signs for another signatory; a party to the conflict that is not a signatory responds but
never signs. Every refusal is E620 (403) naming what was refused and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from truce.errors import TruceError
from truce.web.mission import Mission


class Role(StrEnum):
    admin = "admin"
    analyst = "analyst"
    field_monitor = "field_monitor"
    signatory_officer = "signatory_officer"
    party_liaison = "party_liaison"
    public = "public"


class Action(StrEnum):
    read_record = "read the whole record"
    submit_observation = "submit observations"
    submit_report = "submit reports"
    file_statement = "file allegations and responses"
    review = "correct, move and set the review status of findings"
    sign = "sign or dissent on findings"
    manage_accounts = "manage accounts"


_ALLOWED: dict[Role, frozenset[Action]] = {
    Role.admin: frozenset({Action.read_record, Action.submit_observation, Action.submit_report, Action.review,
                          Action.manage_accounts}),
    Role.analyst: frozenset({Action.read_record, Action.submit_observation, Action.submit_report, Action.review}),
    Role.field_monitor: frozenset({Action.read_record, Action.submit_observation}),
    Role.signatory_officer: frozenset({Action.read_record, Action.sign}),
    Role.party_liaison: frozenset({Action.read_record, Action.file_statement, Action.sign}),
    Role.public: frozenset(),
}


class Forbidden(TruceError):
    """The signed-in account (or the public) may not do this."""


class Unauthenticated(TruceError):
    """No valid session: log in first."""


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is asking: an account, or the public (no account)."""

    username: str
    role: Role
    account_id: int | None = None
    signatory: str | None = None
    party: str | None = None
    display_name: str = ""

    @property
    def is_public(self) -> bool:
        return self.role is Role.public

    def may(self, action: Action) -> bool:
        return action in _ALLOWED[self.role]

    def side(self) -> str | None:
        """The signatory this account would sign for, if any."""
        if self.role is Role.signatory_officer:
            return self.signatory
        if self.role is Role.party_liaison:
            return self.party
        return None


PUBLIC = Principal("public", Role.public)


def require(principal: Principal, action: Action) -> None:
    """Refuse (E620, or E621 when nobody is signed in) unless `principal` may do `action`."""
    if principal.may(action):
        return
    if principal.is_public:
        raise Unauthenticated("E621", f"only signed-in accounts may {action.value}",
                              hint="log in at /login (or send a bearer token from POST /api/login)")
    raise Forbidden("E620", f"the {principal.role.value} role may not {action.value}",
                    hint="ask an administrator for an account with that role", where=principal.username)


def require_signing_for(principal: Principal, signatory: str, mission: Mission) -> None:
    """Refuse unless `principal` signs for exactly `signatory`, and it is one of the mission's."""
    require(principal, Action.sign)
    if not mission.signs(signatory):
        raise Forbidden("E622", f"'{signatory}' is not a signatory of {mission.name}",
                        hint=f"the signatories are {', '.join(mission.signatory_ids)}", where=principal.username)
    own = principal.side()
    if own is None or not mission.signs(own):
        raise Forbidden("E623", f"{own or 'this account'} files allegations and responses but does not sign "
                        f"findings of {mission.name}", hint=f"the signatories are {', '.join(mission.signatory_ids)}",
                        where=principal.username)
    if own != signatory:
        raise Forbidden("E624", f"an account of {own} cannot sign or dissent for {signatory}",
                        hint=f"only {signatory}'s own officers sign for {signatory}", where=principal.username)


def check_account_fields(role: Role, signatory: str | None, party: str | None, mission: Mission) -> None:
    """A signatory officer names one of the mission's signatories; a party liaison one of its parties."""
    if role is Role.signatory_officer and not mission.signs(signatory):
        raise TruceError("E625", f"a signatory officer must name one of the signatories "
                         f"{', '.join(mission.signatory_ids)}, not {signatory!r}", where="signatory",
                         hint="give --signatory (or the signatory field) of the mission file")
    known_parties = set(mission.party_ids) | set(mission.signatory_ids)
    if role is Role.party_liaison and party not in known_parties:
        raise TruceError("E625", f"a party liaison must name one of the parties {', '.join(sorted(known_parties))}, "
                         f"not {party!r}", where="party", hint="give --party (or the party field)")
