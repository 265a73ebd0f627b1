"""Incidents stored before fusion recorded source independence are marked stale.

Revision ID: 0005
Revises: 0002

An incident now carries `origins` (which independent origin each member report belongs to), and
fusion, adjudication and the pages read the independence from there. An incident fused before
that has none, so whatever joins it later would be counted against an empty record. Such live
incidents become `stale`, as an incident that lost members to a new extraction does: the next
`truce run` rebuilds each from its members with the same id and the reviewers' corrections.
Tombstones keep their status. On the store's own line (after 0002, whose `status` column this
sets); the console and imports branches from 0001 are untouched.
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0002"
branch_labels = None
depends_on = None

_PAGE = 500  # incidents read per query, so a large store is never held in memory at once

_incidents = sa.table("incidents", sa.column("id", sa.String), sa.column("payload", sa.Text),
                      sa.column("status", sa.String), sa.column("judged", sa.String))
_meta = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Integer))


def lacks_origins(payload: str) -> bool:
    """Whether a stored incident has member reports but no origin recorded for them."""
    record = json.loads(payload)
    return bool(record.get("report_ids")) and not record.get("origins")


def upgrade() -> None:
    conn = op.get_bind()
    after = ""
    stale: list[str] = []
    while rows := conn.execute(sa.select(_incidents.c.id, _incidents.c.payload)
                               .where(_incidents.c.status == "live", _incidents.c.id > after)
                               .order_by(_incidents.c.id).limit(_PAGE)).all():
        stale += [row.id for row in rows if lacks_origins(row.payload)]
        after = rows[-1].id
    for start in range(0, len(stale), _PAGE):
        conn.execute(sa.update(_incidents).where(_incidents.c.id.in_(stale[start:start + _PAGE]))
                     .values(status="stale", judged=None))
    if stale:
        # Incidents changed: fusion work planned before this must be planned again.
        conn.execute(sa.update(_meta).where(_meta.c.key == "fusion").values(value=_meta.c.value + 1))


def downgrade() -> None:
    """Nothing to undo: a stale incident is rebuilt by the next run, and a rebuilt one is valid
    under the old schema too."""
