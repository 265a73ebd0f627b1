"""ACLED events imported beside Truce's own reading (`truce import --format acled`).

Revision ID: 0004
Revises: 0001

A branch of its own from 0001 (db.migrate applies every head); the table is owned by
truce.publish.tables and is never mixed into Truce's events or incidents.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0001"
branch_labels = None
depends_on = "0002"  # the index below is on columns revision 0002 adds


def upgrade() -> None:
    op.create_table(
        "acled_events",
        sa.Column("event_id_cnty", sa.String(40), primary_key=True),
        sa.Column("event_date", sa.String(10), nullable=False),
        sa.Column("event_type", sa.String(60), nullable=False),
        sa.Column("sub_event_type", sa.String(80)),
        sa.Column("country", sa.String(80)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("fatalities", sa.Integer),
        sa.Column("timestamp", sa.Integer),
        sa.Column("row", sa.Text, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("imported", sa.String(40), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
    )
    op.create_index("ix_acled_events_date", "acled_events", ["event_date"])
    op.create_index("ix_acled_events_seq", "acled_events", ["seq"])
    # Keyset pages of live incidents in id order (Store.incidents_page, which every export walks):
    # without it SQLite takes the (status, t0) index and sorts the whole table for every page.
    op.create_index("ix_incidents_status_id", "incidents", ["status", "id"])


def downgrade() -> None:
    op.drop_index("ix_incidents_status_id", "incidents")
    op.drop_index("ix_acled_events_seq", "acled_events")
    op.drop_index("ix_acled_events_date", "acled_events")
    op.drop_table("acled_events")
