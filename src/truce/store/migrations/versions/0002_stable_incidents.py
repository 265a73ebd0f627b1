"""Stable incidents, decisions, one sighting per outlet, near-duplicate sketches, fusion state.

Revision ID: 0002
Revises: 0001

Incidents of a store made before this revision were rebuilt from scratch by every run; they are
dropped here and fused again, incrementally from then on (their ids derive from their first
member, so most come back with the same id).
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _columns() -> None:
    op.add_column("reports", sa.Column("dup_key", sa.String(40)))
    op.add_column("reports", sa.Column("sketch", sa.Text))
    for table in ("events", "observations"):
        op.add_column(table, sa.Column("t0", sa.Float))
        op.add_column(table, sa.Column("t1", sa.Float))
        op.add_column(table, sa.Column("fusion", sa.Integer, nullable=False, server_default="0"))
        op.create_index(f"ix_{table}_fusion", table, ["fusion", "t0"])
    op.add_column("events", sa.Column("unplaced", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_index("ix_events_fusion_report", "events", ["fusion", "report_id"])
    for column in (
        sa.Column("status", sa.String(12), nullable=False, server_default="live"),
        sa.Column("merged_into", sa.String(40)), sa.Column("parent", sa.String(40)),
        sa.Column("family", sa.String(24)), sa.Column("t0", sa.Float), sa.Column("t1", sa.Float),
        sa.Column("lat", sa.Float), sa.Column("lon", sa.Float), sa.Column("actor", sa.String(80)),
        sa.Column("time_rank", sa.Integer, nullable=False, server_default="0"),
        sa.Column("judged", sa.String(80)),
    ):
        op.add_column("incidents", column)
    op.create_index("ix_incidents_live_time", "incidents", ["status", "t0"])
    op.create_index("ix_incidents_judged", "incidents", ["judged"])
    op.add_column("verdicts", sa.Column("party", sa.String(80)))


def _tables() -> None:
    op.create_table(
        "sightings",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("report_id", sa.String(40), sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
        sa.Column("source_name", sa.Text), sa.Column("url", sa.Text), sa.Column("title", sa.Text),
        sa.Column("published", sa.String(40)), sa.Column("received", sa.String(40), nullable=False),
        sa.Column("raw", sa.Text), sa.Column("origin", sa.Text),
    )
    op.create_index("ix_sightings_report", "sightings", ["report_id"])
    op.create_table(
        "shingles",
        sa.Column("hash", sa.BigInteger, nullable=False),
        sa.Column("report_id", sa.String(40), sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
        sa.PrimaryKeyConstraint("hash", "report_id", name="pk_shingles"),
    )
    op.create_table(
        "members",
        sa.Column("item_id", sa.String(40), primary_key=True),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("incident_id", sa.String(40), nullable=False),
        sa.Column("report_id", sa.String(40)),
    )
    op.create_index("ix_members_incident", "members", ["incident_id"])
    op.create_table(
        "decisions",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("incident_id", sa.String(40), nullable=False),
        sa.Column("item_id", sa.String(40)), sa.Column("other_incident_id", sa.String(40)),
        sa.Column("field", sa.String(16)), sa.Column("value", sa.Text),
        sa.Column("author", sa.Text, nullable=False), sa.Column("reason", sa.Text, nullable=False),
        sa.Column("made_at", sa.String(40), nullable=False), sa.Column("seq", sa.Integer, nullable=False),
    )
    op.create_index("ix_decisions_incident", "decisions", ["incident_id"])
    op.create_index("ix_decisions_seq", "decisions", ["seq"])
    op.create_table(
        "meta",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )


def upgrade() -> None:
    _columns()
    _tables()
    # Earlier incidents were a derived set rebuilt by every run: fuse them again, incrementally.
    op.execute("DELETE FROM incidents")
    op.execute("INSERT INTO sightings (id, report_id, source_name, url, title, published, received, raw, origin) "
               "SELECT 'st_' || substr(id, 4), id, source_name, url, title, published, received, raw, origin "
               "FROM reports")


def downgrade() -> None:
    for table in ("meta", "decisions", "members", "shingles", "sightings"):
        op.drop_table(table)
