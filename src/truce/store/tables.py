"""The store's tables (SQLAlchemy Core). Alembic migrations under `migrations/` create them.

Records are kept whole as JSON in `payload` (so every field of the contract survives a round
trip) beside the few columns that queries filter and sort on. Timestamps are ISO 8601 strings:
portable across SQLite and PostgreSQL, exact, and sortable when written in UTC.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    false,
)

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
    # Near-duplicate group (the id of the first stored text it copies, else its own id) and the
    # sampled shingle hashes it was matched by (revision 0002).
    Column("dup_key", String(40)),
    Column("sketch", Text),
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
    # Fusion's view (revision 0002): when the item happened (UTC seconds), whether fusion has taken
    # it (FUSION_* states), and whether its place was dropped as a stray namesake.
    Column("t0", Float),
    Column("t1", Float),
    Column("fusion", Integer, nullable=False, server_default="0"),
    Column("unplaced", Boolean, nullable=False, server_default=false()),
    Index("ix_events_report", "report_id"),
    Index("ix_events_type_date", "type", "date_start"),
    Index("ix_events_fusion", "fusion", "t0"),
    Index("ix_events_fusion_report", "fusion", "report_id"),
)  # fmt: skip

observations = Table(
    "observations", metadata,
    Column("id", String(40), primary_key=True),
    Column("report_id", String(40), ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("observed_from", String(40), nullable=False),
    Column("payload", Text, nullable=False),
    Column("t0", Float),
    Column("t1", Float),
    Column("fusion", Integer, nullable=False, server_default="0"),
    Index("ix_observations_report", "report_id"),
    Index("ix_observations_fusion", "fusion", "t0"),
)  # fmt: skip

incidents = Table(
    "incidents", metadata,
    Column("id", String(40), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("start", String(40)),
    Column("payload", Text, nullable=False),
    Column("updated", String(40), nullable=False),
    # Revision 0002: stable identity and the columns fusion, paging and filters read.
    Column("status", String(12), nullable=False, server_default="live"),  # live | merged | emptied | stale
    Column("merged_into", String(40)),
    Column("parent", String(40)),
    Column("family", String(24)),
    Column("t0", Float),
    Column("t1", Float),
    Column("lat", Float),
    Column("lon", Float),
    Column("actor", String(80)),
    Column("time_rank", Integer, nullable=False, server_default="0"),
    # The agreements signature it was last judged under; NULL when it changed since.
    Column("judged", String(80)),
    Index("ix_incidents_start", "start"),
    Index("ix_incidents_live_time", "status", "t0"),
    Index("ix_incidents_judged", "judged"),
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
    Column("party", String(80)),  # revision 0002: filter incidents by the party a verdict names
    Index("ix_verdicts_current", "incident_id", "agreement_id", "current"),
)  # fmt: skip

# --- revision 0002 -------------------------------------------------------------------------------
# Each outlet's copy of a stored text.
sightings = Table(
    "sightings", metadata,
    Column("id", String(40), primary_key=True),
    Column("report_id", String(40), ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("source_name", Text),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(40)),
    Column("received", String(40), nullable=False),
    Column("raw", Text),
    Column("origin", Text),
    Index("ix_sightings_report", "report_id"),
)  # fmt: skip

# Sampled shingle hashes of each text: candidates for near-duplicate matching, found by lookup.
shingles = Table(
    "shingles", metadata,
    Column("hash", BigInteger, nullable=False),
    Column("report_id", String(40), ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    PrimaryKeyConstraint("hash", "report_id", name="pk_shingles"),
)  # fmt: skip

# Which incident each event or observation belongs to (machine output, decisions applied).
members = Table(
    "members", metadata,
    Column("item_id", String(40), primary_key=True),
    Column("kind", String(12), nullable=False),  # event | observation
    Column("incident_id", String(40), nullable=False),
    Column("report_id", String(40)),
    Index("ix_members_incident", "incident_id"),
)  # fmt: skip

# Reviewers' decisions, apart from machine output; every re-run applies them.
decisions = Table(
    "decisions", metadata,
    Column("id", String(40), primary_key=True),
    Column("kind", String(12), nullable=False),
    Column("incident_id", String(40), nullable=False),
    Column("item_id", String(40)),
    Column("other_incident_id", String(40)),
    Column("field", String(16)),
    Column("value", Text),
    Column("author", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("made_at", String(40), nullable=False),
    Column("seq", Integer, nullable=False),
    Index("ix_decisions_incident", "incident_id"),
    Index("ix_decisions_seq", "seq"),
)  # fmt: skip

# Small counters: `fusion` is bumped by every write to incidents, so a fusion chunk computed while
# another process wrote is recomputed rather than committed over it.
meta = Table(
    "meta", metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Integer, nullable=False),
)  # fmt: skip
