"""A real-data evaluation run: read each chosen data set, keep one split, run truce, score.

Each section reads its data set, keeps the texts of the split (`split.split_of`), takes the first
`limit` of its seeded order, runs `truce.places` or `truce.extract_text` on every item under a
time limit, and sums the scores. A record that fails to read, makes truce raise or runs past
RECORD_SECONDS is counted `bad` (with where and why) and left out of every denominator; the run
goes on. A data set missing from the folder gives a `skipped` section, not an error.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from truce.errors import TruceError
from truce.evaluation import cep, geovirus, gsr, re3d, ucdp, wikinews, wiktor
from truce.evaluation.figures import Figure
from truce.evaluation.jsonl import brief
from truce.evaluation.options import EvalOptions
from truce.evaluation.records import Bad, GeoArticle, Loaded
from truce.evaluation.score_cep import CepTally, score_summary
from truce.evaluation.score_geo import GeoTally, score_article
from truce.evaluation.score_re3d import EntityTally, found_locations
from truce.evaluation.score_ucdp import UcdpTally, score_unit
from truce.evaluation.score_wikinews import ExpectTally, score_text
from truce.evaluation.split import in_split
from truce.evaluation.timing import RECORD_SECONDS, RecordTimeout, time_limit

T = TypeVar("T")
R = TypeVar("R")

# What a record may make truce raise without ending the run: the record is counted bad. Listed,
# not `Exception`, so that a programming slip in this package itself (NameError) still surfaces.
RECORD_FAILURES: tuple[type[BaseException], ...] = (
    TruceError, ArithmeticError, AttributeError, LookupError, TypeError, ValueError, RuntimeError, OSError,
    RecordTimeout)


@dataclass(slots=True)
class Section:
    """The outcome of one data set: figures, how many items of how many, the bad records."""

    label: str
    figures: list[Figure] = field(default_factory=list)
    items: int = 0
    population: int = 0
    in_split: int = 0
    bad: list[Bad] = field(default_factory=list)
    seconds: float = 0.0
    skipped: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "skipped": self.skipped or None, "items": self.items,
                "in_split": self.in_split, "population": self.population, "seconds": round(self.seconds, 2),
                "bad": [{"where": b.where, "reason": b.reason} for b in self.bad],
                "figures": [f.to_dict() for f in self.figures]}


def score_each(items: Sequence[T], run: Callable[[T], R], add: Callable[[T, R], None],
               where: Callable[[T], str], section: Section) -> None:
    """Run and score every item; a failing item becomes a `Bad` of the section, not an end."""
    started = time.perf_counter()
    for item in items:
        try:
            with time_limit(RECORD_SECONDS):
                outcome = run(item)
        except RECORD_FAILURES as exc:
            section.bad.append(Bad(where(item), f"truce failed: {brief(exc)}"))
            continue
        add(item, outcome)
        section.items += 1
    section.seconds += time.perf_counter() - started


def _prepare(section: Section, loaded: Loaded[T], options: EvalOptions, text: Callable[[T], str]) -> list[T]:
    section.population = loaded.population
    section.bad.extend(loaded.bad)
    chosen = in_split(loaded.items, options.split, text)
    section.in_split = len(chosen)
    return chosen[: options.limit] if options.limit else chosen


def _events(text: str, published: Any) -> list[dict[str, Any]]:
    from truce import extract_text

    return [e.to_dict() for e in extract_text(text, published)]


def _places(text: str) -> list[Any]:
    from truce import places

    return list(places(text))


def _adder(tally: GeoTally) -> Callable[[GeoArticle, list[Any]], None]:
    return lambda article, mentions: tally.add(score_article(article, mentions))


def geo_sections(options: EvalOptions) -> Iterator[Section]:
    for label, name, reader in (("geo/geovirus", geovirus.FILE, geovirus.read_geovirus),
                                ("geo/wiktor", wiktor.FILE, wiktor.read_wiktor)):
        section = Section(label)
        path = options.data / name
        if not path.is_file():
            section.skipped = f"{name} not found in {options.data}"
            yield section
            continue
        items = _prepare(section, reader(path), options, lambda a: a.text)
        tally = GeoTally(label)
        score_each(items, lambda a: _places(a.text), _adder(tally), lambda a: a.where, section)
        section.figures = tally.figures()
        yield section


def ucdp_section(options: EvalOptions) -> Section:
    section = Section("ucdp")
    path = options.data / ucdp.FILE
    if not path.is_file():
        section.skipped = f"{ucdp.FILE} not found in {options.data}"
        return section
    items = _prepare(section, ucdp.read_ucdp(path), options, lambda u: u.text)
    tally = UcdpTally()
    score_each(items, lambda u: _events(u.text, u.published), lambda u, e: tally.add(score_unit(u, e)),
               lambda u: f"GED id {u.id}", section)
    section.figures = tally.figures()
    return section


def wikinews_section(options: EvalOptions) -> Section:
    label = f"expect/{wikinews.FOLDER}"
    section = Section(label)
    folder = options.data / wikinews.FOLDER
    if not folder.is_dir():
        section.skipped = f"{wikinews.FOLDER}/ not found in {options.data}"
        return section
    items = _prepare(section, wikinews.read_expect_folder(folder), options, lambda x: x.text)
    tally = ExpectTally(label)
    score_each(items, lambda x: _events(x.text, x.published), lambda x, e: tally.add(score_text(x, e)),
               lambda x: x.where, section)
    section.figures = tally.figures()
    return section


def re3d_section(options: EvalOptions) -> Section:
    section = Section("re3d")
    path = options.data / re3d.FILE
    if not path.is_file():
        section.skipped = f"{re3d.FILE} not found in {options.data}"
        return section
    items = _prepare(section, re3d.read_re3d(path), options, lambda d: d.text)
    tally = EntityTally()
    score_each(items, lambda d: _places(d.text), lambda d, m: tally.add(d, found_locations(d, m)),
               lambda d: d.where, section)
    section.figures = tally.figures()
    return section


def gsr_section(options: EvalOptions) -> Section:
    """PLOVER GSR, scored by `truce.extract.plover.score_gold` on the split's records only."""
    from truce.extract.plover import score_gold

    section = Section("gsr")
    path = options.data / gsr.FILE
    if not path.is_file():
        section.skipped = f"{gsr.FILE} not found in {options.data}"
        return section
    items = _prepare(section, gsr.read_gsr(path), options, lambda s: s.text)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="truce-eval-") as folder:
        subset = Path(folder) / "gsr.json"  # score_gold reads a file: give it the split's records
        subset.write_text(json.dumps([s.record for s in items]), encoding="utf-8")
        try:
            scores = score_gold(subset, use_classifier=True)
        except RECORD_FAILURES as exc:
            section.skipped = f"scoring failed: {brief(exc)}"
            return section
    section.seconds = time.perf_counter() - started
    section.items = scores.records
    section.figures = [
        Figure("gsr/event type", scores.type_correct, scores.records,
               note=f"macro-F1 {scores.macro_f1():.3f}; a development set: lexicon entries were fitted to it"),
        Figure("gsr/actor country", scores.actor_correct, scores.actor_scored),
    ]
    return section


def cep_section(options: EvalOptions) -> Section:
    """Current Events Portal summaries: conflict found, quiet categories kept quiet."""
    section = Section("cep")
    path = options.data / cep.FILE
    if not path.is_file():
        section.skipped = f"{cep.FILE} not found in {options.data}"
        return section
    items = _prepare(section, cep.read_cep(path), options, lambda s: s.text)
    tally = CepTally()
    score_each(items, lambda s: _events(s.text, s.published), lambda s, e: tally.add(score_summary(s, e)),
               lambda s: s.where, section)
    section.figures = tally.figures()
    return section


WHERE = {"geo": (geovirus.FILE, wiktor.FILE), "ucdp": (ucdp.FILE,), "wikinews": (wikinews.FOLDER,),
         "re3d": (re3d.FILE,), "gsr": (gsr.FILE,), "cep": (cep.FILE,)}


def check_present(options: EvalOptions) -> None:
    """Raise E241 when the data folder holds none of the chosen data sets (a wrong --data)."""
    if not any((options.data / name).exists() for measure in options.only for name in WHERE[measure]):
        wanted = ", ".join(name for measure in options.only for name in WHERE[measure])
        raise TruceError("E241", f"{options.data} holds none of the chosen data sets ({wanted})", where="--data",
                         hint="give the folder that holds them (e.g. ../shared/data), or change --only")


def run_eval(options: EvalOptions, emit: Callable[[Section], None] | None = None) -> list[Section]:
    """Every chosen section, in MEASURES order; `emit` sees each one as soon as it is done."""
    check_present(options)
    sections: list[Section] = []

    def done(section: Section) -> None:
        sections.append(section)
        if emit is not None:
            emit(section)

    if "geo" in options.only:
        for section in geo_sections(options):
            done(section)
    builders = {"ucdp": ucdp_section, "wikinews": wikinews_section, "re3d": re3d_section, "gsr": gsr_section,
                "cep": cep_section}
    for name, build in builders.items():
        if name in options.only:
            done(build(options))
    return sections
