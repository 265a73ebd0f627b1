"""Who a report is for, and what each audience may see.

- `public`: published findings only. Whether an incident is published is the review lifecycle's
  word (the console's review tables); `is_published` is the one hook that reads it.
- `parties`: the whole record — every incident, verdict, claim and denial, observation and source.
- `mission`: the whole record and the mission's working detail: confidence scores, reviewers'
  decisions, where each source was read from.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import inspect, text

from truce.store import Store, open_store
from truce.store.db import reading

AUDIENCES = ("public", "parties", "mission")
# Where the review lifecycle records publication: (table, incident id column, the column saying
# so, the values that mean published). The first table present in the store is read; with none,
# nothing is published.
PUBLICATION_TABLES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("review_status", "incident_id", "status", ("published", "confirmed")),
    ("reviews", "incident_id", "status", ("published", "confirmed")),
    ("publications", "incident_id", "status", ("published",)),
)


def _source(store: Store) -> tuple[str, str, str, tuple[str, ...]] | None:
    with reading(store.engine) as conn:
        inspector = inspect(conn)
        names = set(inspector.get_table_names())
        for table, id_column, status_column, values in PUBLICATION_TABLES:
            if table in names:
                columns = {c["name"] for c in inspector.get_columns(table)}
                if {id_column, status_column} <= columns:
                    return table, id_column, status_column, values
    return None


def published_ids(store: Store, ids: Iterable[str]) -> set[str]:
    """The incidents among `ids` that the review lifecycle has published (none without its table)."""
    source = _source(store)
    wanted = sorted(set(ids))
    if source is None or not wanted:
        return set()
    table, id_column, status_column, values = source
    found: set[str] = set()
    marks = ", ".join(f"'{v}'" for v in values)  # constants of this module, not user input
    with reading(store.engine) as conn:
        for i in range(0, len(wanted), 500):
            part = wanted[i:i + 500]
            binds = ", ".join(f":i{n}" for n in range(len(part)))
            query = text(f"SELECT {id_column} FROM {table} WHERE {status_column} IN ({marks}) "
                         f"AND {id_column} IN ({binds})")
            found |= {row[0] for row in conn.execute(query, {f"i{n}": v for n, v in enumerate(part)})}
    return found


def is_published(incident_id: str, store: Store | None = None) -> bool:
    """Whether the public may see this incident (see `published_ids`)."""
    return incident_id in published_ids(store or open_store(), [incident_id])
