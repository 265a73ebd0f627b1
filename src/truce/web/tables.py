"""The console's own tables (SQLAlchemy Core): accounts, sessions, review status, sign-offs,
dissent, parties' allegations and responses, and the append-only audit log.

They live beside the store's tables in the same database (Alembic revision 0003, a branch of its
own from 0001) and never change machine output: corrections and moves go through the store's
decisions. Timestamps are ISO 8601 strings in UTC, as in the store.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

accounts = Table(
    "accounts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(80), nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("role", String(24), nullable=False),
    Column("signatory", String(40)),  # the signatory a signatory officer signs for
    Column("party", String(40)),  # the party a party liaison speaks for
    Column("active", Boolean, nullable=False),
    Column("created", String(40), nullable=False),
)  # fmt: skip

# Only a keyed hash of each token is kept: a copy of the database opens no session.
sessions = Table(
    "sessions", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("account_id", Integer, nullable=False),
    Column("created", String(40), nullable=False),
    Column("expires", String(40), nullable=False),
    Index("ix_sessions_account", "account_id"),
)  # fmt: skip

# Where an incident stands in the review lifecycle; an incident without a row is `alleged`.
# `truce.publish.audience` reads `status` here: a confirmed finding is published.
review_status = Table(
    "review_status", metadata,
    Column("incident_id", String(40), primary_key=True),
    Column("status", String(24), nullable=False),
    Column("attribution", String(16)),  # attributed | unattributable | NULL (not decided)
    Column("attributed_to", String(40)),
    Column("round", Integer, nullable=False),  # bumped when the finding changes: sign-offs start again
    Column("updated", String(40), nullable=False),
    Column("updated_by", String(80), nullable=False),
    Index("ix_review_status_status", "status", "incident_id"),
)  # fmt: skip

# A signatory's position on a finding in one review round: signed, or dissent with reasons.
positions = Table(
    "positions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("incident_id", String(40), nullable=False),
    Column("round", Integer, nullable=False),
    Column("signatory", String(40), nullable=False),
    Column("stance", String(8), nullable=False),  # signed | dissent
    Column("author", String(80), nullable=False),
    Column("reasons", Text, nullable=False),
    Column("made_at", String(40), nullable=False),
    Index("ix_positions_incident", "incident_id", "round"),
)  # fmt: skip

# Parties' allegations (also stored as reports the pipeline reads) and responses to incidents.
statements = Table(
    "statements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(12), nullable=False),  # allegation | response
    Column("incident_id", String(40)),
    Column("party", String(40), nullable=False),
    Column("author", String(80), nullable=False),
    Column("text", Text, nullable=False),
    Column("report_id", String(40)),
    Column("made_at", String(40), nullable=False),
    Index("ix_statements_incident", "incident_id"),
)  # fmt: skip

# Every action: who, when, what, before -> after. Database triggers refuse UPDATE and DELETE.
audit_log = Table(
    "audit_log", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("actor", String(80), nullable=False),
    Column("role", String(24), nullable=False),
    Column("action", String(40), nullable=False),
    Column("target", String(80)),  # incident id, report id, account name...
    Column("before", Text),  # JSON
    Column("after", Text),  # JSON
    Index("ix_audit_target", "target", "seq"),
)  # fmt: skip

__all__ = ["accounts", "audit_log", "metadata", "positions", "review_status", "sessions", "statements"]
