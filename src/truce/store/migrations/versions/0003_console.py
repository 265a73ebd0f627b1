"""The console's tables: accounts, sessions, review status, signatories' positions, parties'
statements and the append-only audit log (owned by truce.web.tables).

Revision ID: 0003
Revises: 0001

A branch of its own from 0001 (db.migrate applies every head). The audit log refuses UPDATE and
DELETE in the database itself (triggers on SQLite and PostgreSQL), so no code path can rewrite it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = "0002"  # the listing index below is on columns revision 0002 adds

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION truce_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END;
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    """Create the console's tables and the audit log's append-only guard.

    Longer than 60 lines because it is one declaration: a table, index or trigger per statement, in
    the order their foreign keys need; splitting it would only scatter the schema of one revision."""
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(80), nullable=False, unique=True),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(24), nullable=False),
        sa.Column("signatory", sa.String(40)),
        sa.Column("party", sa.String(40)),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created", sa.String(40), nullable=False),
    )
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.Integer, nullable=False),
        sa.Column("created", sa.String(40), nullable=False),
        sa.Column("expires", sa.String(40), nullable=False),
    )
    op.create_index("ix_sessions_account", "sessions", ["account_id"])
    op.create_table(
        "review_status",
        sa.Column("incident_id", sa.String(40), primary_key=True),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("attribution", sa.String(16)),
        sa.Column("attributed_to", sa.String(40)),
        sa.Column("round", sa.Integer, nullable=False),
        sa.Column("updated", sa.String(40), nullable=False),
        sa.Column("updated_by", sa.String(80), nullable=False),
    )
    op.create_index("ix_review_status_status", "review_status", ["status", "incident_id"])
    op.create_table(
        "positions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_id", sa.String(40), nullable=False),
        sa.Column("round", sa.Integer, nullable=False),
        sa.Column("signatory", sa.String(40), nullable=False),
        sa.Column("stance", sa.String(8), nullable=False),
        sa.Column("author", sa.String(80), nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("made_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_positions_incident", "positions", ["incident_id", "round"])
    op.create_table(
        "statements",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("incident_id", sa.String(40)),
        sa.Column("party", sa.String(40), nullable=False),
        sa.Column("author", sa.String(80), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("report_id", sa.String(40)),
        sa.Column("made_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_statements_incident", "statements", ["incident_id"])
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(80), nullable=False),
        sa.Column("role", sa.String(24), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.String(80)),
        sa.Column("before", sa.Text),
        sa.Column("after", sa.Text),
    )
    op.create_index("ix_audit_target", "audit_log", ["target", "seq"])
    # The console lists live incidents latest first, a keyset page at a time (truce.web.listing).
    op.create_index("ix_incidents_console", "incidents", ["status", "t0", "id"])
    _append_only()


def _append_only() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        for when in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER audit_log_no_{when.lower()} BEFORE {when} ON audit_log "
                       "FOR EACH ROW EXECUTE FUNCTION truce_audit_append_only()")
        return
    for when in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER audit_log_no_{when.lower()} BEFORE {when} ON audit_log "
                   "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")


def downgrade() -> None:
    op.drop_index("ix_incidents_console", "incidents")
    for table in ("audit_log", "statements", "positions", "review_status", "sessions", "accounts"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS truce_audit_append_only()")
