"""Typed records the data set readers produce and the scorers consume.

Every reader returns a `Loaded`: the usable items in a fixed order, the size of the population
they were drawn from, and one `Bad` per record that could not be read (with where and why), so a
broken line is counted and named, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Bad:
    """One record left out: where it is (file and line, or an id) and a one-line reason."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass(slots=True)
class Loaded(Generic[T]):
    """What a reader returns: items in sample order, the population drawn from, bad records."""

    items: list[T]
    population: int
    bad: list[Bad] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One annotated place name: character span in its text and the gold point."""

    start: int
    end: int
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class GeoArticle:
    """A geoparsing article (GeoVirus, WikToR) with its gold toponyms."""

    key: str
    where: str
    text: str
    gold: tuple[GoldToponym, ...]


@dataclass(frozen=True, slots=True)
class UcdpUnit:
    """One UCDP GED text (rows sharing a folded text are one unit) and the gold derived from it.

    `kind` is type_of_violence (1 state-based, 2 non-state, 3 one-sided); `deaths_gold` is set only
    when the text states a death toll and the unit has exactly one GED event with best > 0;
    `places_gold` holds the sub-country GED points whose place name the text writes.
    """

    id: str
    kind: int
    text: str
    published: date | None
    deaths_gold: int | None
    best_stated: bool
    places_gold: tuple[tuple[float, float], ...]


@dataclass(frozen=True, slots=True)
class ExpectText:
    """A text with its expectation file (must / must_not items), e.g. one Wikinews article."""

    where: str
    text: str
    published: date | None
    expect: dict[str, Any]


@dataclass(frozen=True, slots=True)
class EntityDoc:
    """A re3d document with its gold Location entity spans."""

    key: str
    where: str
    text: str
    locations: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GsrSentence:
    """One PLOVER GSR record, kept whole: `truce.extract.plover` scores it."""

    where: str
    text: str
    record: dict[str, Any]


@dataclass(frozen=True, slots=True)
class CepSummary:
    """A Current Events Portal summary: a conflict one, or one of a category with no violence."""

    where: str
    text: str
    published: date | None
    conflict: bool
