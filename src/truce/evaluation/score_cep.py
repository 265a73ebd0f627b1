"""Current Events Portal measures: conflict found, quiet kept quiet, never dated after the day.

- conflict found: share of War_Conflict summaries with at least one event that has an ACLED
  event type (political violence, a protest or a strategic development: the portal's conflict
  heading holds all of them);
- quiet kept: share of quiet-category summaries (disasters, business, sport, ...) with no violent
  event (ASSAULT, or an ACLED type among Battles, Explosions/Remote violence, Violence against
  civilians): a stampede or a crash is not an attack;
- balanced: the mean of the two;
- not after the day: of the dated events of conflict summaries, the share not dated after the
  portal day (a summary reports what happened by that day).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from truce.evaluation.figures import Figure
from truce.evaluation.jsonl import as_date
from truce.evaluation.records import CepSummary
from truce.evaluation.score_ucdp import VIOLENT_ACLED, acled_type


@dataclass(frozen=True, slots=True)
class CepOutcome:
    conflict: bool
    typed: bool  # some event has an ACLED type
    violent: bool
    dated: int  # events carrying a start date
    not_after: int  # of those, not dated after the portal day


def score_summary(item: CepSummary, events: Sequence[dict[str, Any]]) -> CepOutcome:
    """Score the events extracted from one summary."""
    typed = any(acled_type(e) for e in events)
    violent = any(e.get("type") == "ASSAULT" or acled_type(e) in VIOLENT_ACLED for e in events)
    starts = [as_date((e.get("date") or {}).get("start")) for e in events]
    dated = [d for d in starts if d is not None]
    not_after = sum(1 for d in dated if item.published is None or d <= item.published)
    return CepOutcome(item.conflict, typed, violent, len(dated), not_after)


@dataclass(slots=True)
class CepTally:
    conflict: int = 0
    found: int = 0
    quiet: int = 0
    kept: int = 0
    dated: int = 0
    not_after: int = 0

    def add(self, o: CepOutcome) -> None:
        if o.conflict:
            self.conflict += 1
            self.found += o.typed
            self.dated += o.dated
            self.not_after += o.not_after
        else:
            self.quiet += 1
            self.kept += not o.violent

    def figures(self) -> list[Figure]:
        shares = [hit / total for hit, total in ((self.found, self.conflict), (self.kept, self.quiet)) if total]
        balanced = sum(shares) / 2 if len(shares) == 2 else None
        return [
            Figure("cep/conflict found", self.found, self.conflict),
            Figure("cep/quiet kept", self.kept, self.quiet),
            Figure("cep/balanced", value=balanced),
            Figure("cep/not dated after the day", self.not_after, self.dated),
        ]
