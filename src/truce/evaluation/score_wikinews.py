"""Expectation measures (Wikinews conflict articles): items met, texts met whole.

A `must` item is met when some event matches one of its `any_of` patterns, a `must_not` item when
none does (`truce.extract.evaluate.check_expectations`, the same semantics as
`shared/tools/check_expect.py`). A text is whole when every one of its items is met.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from truce.evaluation.figures import Figure
from truce.evaluation.records import ExpectText
from truce.extract.evaluate import check_expectations


@dataclass(frozen=True, slots=True)
class ExpectOutcome:
    must_met: int
    must: int
    must_not_met: int
    must_not: int
    failed: tuple[str, ...]  # ids of the items not met

    @property
    def whole(self) -> bool:
        return self.must_met == self.must and self.must_not_met == self.must_not


def score_text(item: ExpectText, events: Sequence[dict[str, Any]]) -> ExpectOutcome:
    """Check the events of one text against its expectation file."""
    result = check_expectations(item.expect, list(events), item.where)
    return ExpectOutcome(*result.met("must"), *result.met("must_not"),
                         tuple(f"{i.kind} {i.id}" for i in result.items if not i.ok))


@dataclass(slots=True)
class ExpectTally:
    label: str
    texts: int = 0
    whole: int = 0
    must_met: int = 0
    must: int = 0
    must_not_met: int = 0
    must_not: int = 0

    def add(self, o: ExpectOutcome) -> None:
        self.texts += 1
        self.whole += o.whole
        self.must_met += o.must_met
        self.must += o.must
        self.must_not_met += o.must_not_met
        self.must_not += o.must_not

    def figures(self) -> list[Figure]:
        return [
            Figure(f"{self.label}/items met", self.must_met + self.must_not_met, self.must + self.must_not,
                   note=f"must {self.must_met}/{self.must}, must_not {self.must_not_met}/{self.must_not}"),
            Figure(f"{self.label}/texts whole", self.whole, self.texts),
        ]
