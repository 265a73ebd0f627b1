"""Initial store: reports, events, observations, incidents, agreements, verdict history.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the initial schema.

    Longer than 60 lines because it is one declaration: a table per statement, in the order
    their foreign keys need; splitting it would only scatter the schema of one revision."""
    op.create_table(
        "reports",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("received", sa.String(40), nullable=False),
        sa.Column("source_name", sa.Text),
        sa.Column("language", sa.String(8)),
        sa.Column("raw", sa.Text),
        sa.Column("origin", sa.Text),
        sa.Column("extracted_by", sa.String(40)),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("report_id", sa.String(40), sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("date_start", sa.String(10)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_events_report", "events", ["report_id"])
    op.create_index("ix_events_type_date", "events", ["type", "date_start"])
    op.create_table(
        "observations",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("report_id", sa.String(40), sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
        sa.Column("observed_from", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_observations_report", "observations", ["report_id"])
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("start", sa.String(40)),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("updated", sa.String(40), nullable=False),
    )
    op.create_index("ix_incidents_start", "incidents", ["start"])
    op.create_table(
        "agreements",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("version", sa.String(80), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("loaded", sa.String(40), nullable=False),
    )
    op.create_table(
        "verdicts",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_id", sa.String(40), nullable=False),
        sa.Column("agreement_id", sa.String(80), nullable=False),
        sa.Column("verdict", sa.String(24), nullable=False),
        sa.Column("current", sa.Boolean, nullable=False),
        sa.Column("derived_at", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_verdicts_current", "verdicts", ["incident_id", "agreement_id", "current"])


def downgrade() -> None:
    for table in ("verdicts", "agreements", "incidents", "observations", "events", "reports"):
        op.drop_table(table)
