"""The console summary `truce run` and `truce adjudicate` print: per agreement, the incidents that
fall under it with their verdicts, then the explanation of each verdict a mission would defend."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC
from typing import Any

from rich.console import Console
from rich.table import Table

from truce.model import Incident, Verdict

# Verdicts worth a line of their own; the rest are counted.
NOTEWORTHY = ("violation", "possible_violation")
ORDER = {"violation": 0, "possible_violation": 1, "not_a_violation": 2, "out_of_scope": 3}


def _where(incident: Incident) -> str:
    if incident.location is None:
        return "?"
    return incident.location.name or incident.location.text or "?"


def _when(incident: Incident) -> str:
    if incident.start is None:
        return "?"
    if incident.end and incident.end.date() != incident.start.date():
        return f"{incident.start:%d %b}–{incident.end:%d %b %Y}"
    return f"{incident.start:%d %b %Y}"


def _sort_time(incident: Incident) -> str:
    moment = incident.start or incident.end
    return moment.astimezone(UTC).isoformat() if moment else "~"  # undated last


def _is_violent(incident: Incident) -> bool:
    return incident.type in ("ASSAULT", "COERCE", "MOBILIZE", "THREATEN") or incident.observation_count > 0


def print_summary(console: Console, incidents: Sequence[Incident], verdicts: Sequence[Verdict],
                  agreements: Sequence[Any]) -> None:
    """Per agreement: a table of the acts it could prohibit, their verdicts, and the reasons."""
    by_id = {i.id: i for i in incidents}
    names = {a.id: a.name for a in agreements}
    for agreement_id in sorted({v.agreement_id for v in verdicts}):
        judged = [v for v in verdicts if v.agreement_id == agreement_id and v.incident_id in by_id]
        shown = [v for v in judged if v.verdict != "out_of_scope" and _is_violent(by_id[v.incident_id])]
        if not shown:
            continue
        shown.sort(key=lambda v: (_sort_time(by_id[v.incident_id]), ORDER[v.verdict], v.incident_id))
        table = Table(title=names.get(agreement_id, agreement_id), title_justify="left", expand=False)
        for column in ("when", "what", "where", "by", "sources", "observed", "verdict"):
            table.add_column(column, overflow="fold")
        for v in shown:
            inc = by_id[v.incident_id]
            table.add_row(_when(inc), inc.type + (f"/{inc.mode}" if inc.mode else ""), _where(inc),
                          v.party, str(inc.independent_sources), str(inc.observation_count or ""), v.verdict)
        console.print(table)
        for v in shown:
            if v.verdict in NOTEWORTHY or by_id[v.incident_id].type == "ASSAULT":
                console.print(f"  • {v.explanation}", markup=False, highlight=False)
        tally = Counter(v.verdict for v in judged)
        rest = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(tally.items(), key=lambda kv: ORDER[kv[0]]))
        console.print(f"  {len(judged)} incidents judged against it: {rest}\n", markup=False, highlight=False)
