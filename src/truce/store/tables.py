"""The store's tables (SQLAlchemy Core). Alembic migrations under `migrations/` create them.

Records are kept whole as JSON in `payload` (so every field of the contract survives a round
trip) beside the few columns that queries filter and sort on. Timestamps are ISO 8601 strings:
portable across SQLite and PostgreSQL, exact, and sortable when written in UTC.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

reports = Table(
    "reports", metadata,
    Column("id", String(40), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("url", Text),
    Column("published", String(40)),
    Column("received", String(40), nullable=False),
    Column("source_name", Text),
    Column("language", String(8)),
    Column("raw", Text),
    Column("origin", Text),
    # Which extractor produced this report's events; NULL: not extracted yet.
    Column("extracted_by", String(40)),
)  # fmt: skip

events = Table(
    "events", metadata,
    Column("id", String(40), primary_key=True),
    Column("report_id", String(40), ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("date_start", String(10)),
    Column("lat", Float),
    Column("lon", Float),
    Column("payload", Text, nullable=False),
    Index("ix_events_report", "report_id"),
    Index("ix_events_type_date", "type", "date_start"),
)  # fmt: skip

observations = Table(
    "observations", metadata,
    Column("id", String(40), primary_key=True),
    Column("report_id", String(40), ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("observed_from", String(40), nullable=False),
    Column("payload", Text, nullable=False),
    Index("ix_observations_report", "report_id"),
)  # fmt: skip

incidents = Table(
    "incidents", metadata,
    Column("id", String(40), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("start", String(40)),
    Column("payload", Text, nullable=False),
    Column("updated", String(40), nullable=False),
    Index("ix_incidents_start", "start"),
)  # fmt: skip

agreements = Table(
    "agreements", metadata,
    Column("id", String(80), primary_key=True),
    Column("version", String(80), nullable=False),
    Column("name", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("loaded", String(40), nullable=False),
)  # fmt: skip

# Verdict history: a re-derivation appends rows and clears `current` on the ones it replaces.
verdicts = Table(
    "verdicts", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("incident_id", String(40), nullable=False),
    Column("agreement_id", String(80), nullable=False),
    Column("verdict", String(24), nullable=False),
    Column("current", Boolean, nullable=False),
    Column("derived_at", String(40), nullable=False),
    Column("payload", Text, nullable=False),
    Index("ix_verdicts_current", "incident_id", "agreement_id", "current"),
)  # fmt: skip
