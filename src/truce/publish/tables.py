"""The tables this package owns (revision 0004): ACLED events imported beside Truce's own reading.

An imported ACLED row is kept whole (`row`: its cells as read, in ACLED's column order) so that
exporting it again gives the same row; the few columns comparisons filter on sit beside it.
Nothing here is ever mixed into Truce's events or incidents.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

acled_events = Table(
    "acled_events", metadata,
    Column("event_id_cnty", String(40), primary_key=True),
    Column("event_date", String(10), nullable=False),  # ISO 8601 day
    Column("event_type", String(60), nullable=False),
    Column("sub_event_type", String(80)),
    Column("country", String(80)),
    Column("lat", Float),
    Column("lon", Float),
    Column("fatalities", Integer),
    Column("timestamp", Integer),
    Column("row", Text, nullable=False),  # JSON list of the cells as read, in ACLED's column order
    Column("origin", Text, nullable=False),  # file:line it was read from
    Column("imported", String(40), nullable=False),
    Column("seq", Integer, nullable=False),  # order of first import: exports keep the file's order
    Index("ix_acled_events_date", "event_date"),
    Index("ix_acled_events_seq", "seq"),
)  # fmt: skip
