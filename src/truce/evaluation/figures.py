"""One measured figure: a name, a numerator over a denominator (or a value), how it prints."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Figure:
    """`hit / total` (a share), or a plain `value` with its `unit` (a median error in km)."""

    name: str
    hit: int | None = None
    total: int | None = None
    value: float | None = None
    unit: str = ""
    note: str = ""

    @property
    def share(self) -> float | None:
        """hit / total, or `value`; None when nothing was eligible."""
        if self.hit is not None and self.total is not None:
            return self.hit / self.total if self.total else None
        return self.value

    def line(self) -> str:
        """'name: 0.843 (1158/1373)', 'name: 8 km', 'name: n/a (0/0)' and any note."""
        if self.hit is not None and self.total is not None:
            share = self.share
            text = f"{share:.3f} ({self.hit}/{self.total})" if share is not None else f"n/a (0/{self.total})"
        elif self.value is None:
            text = "n/a"
        else:
            digits = 0 if self.unit == "km" else 3  # a median error in km needs no decimals
            text = f"{self.value:.{digits}f} {self.unit}".strip()
        return f"{self.name}: {text}" + (f"; {self.note}" if self.note else "")

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "hit": self.hit, "total": self.total, "share": self.share,
                "value": self.value, "unit": self.unit or None, "note": self.note or None}
