"""Score a classifier model on labelled samples, head by head and through the whole extraction.

Head scores compare each head's best label with the sample's label where the sample has one:
accuracy for type, mode, ACLED event and sub-event type, and balanced accuracy (mean of the
per-class recalls) for the civilian/armed target. Pipeline scores run `truce.extract.extract` with
the model in force on ACLED notes and compare the note's main event (the one an ACLED coder would
code it by) with the note's ACLED event type, sub-event type and fatalities.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from truce.extract.training.artifact import LinearModel
from truce.extract.training.corpus import Sample
from truce.model import AcledTypes


@dataclass
class Score:
    """Hits out of labelled items for one measure, or per-class recalls for a balanced one."""

    hits: int = 0
    total: int = 0
    per_class: dict[str, list[int]] = field(default_factory=dict)  # label -> [hits, total]

    def add(self, gold: str, ok: bool) -> None:
        self.hits += ok
        self.total += 1
        tally = self.per_class.setdefault(gold, [0, 0])
        tally[0] += ok
        tally[1] += 1

    @property
    def accuracy(self) -> float | None:
        return self.hits / self.total if self.total else None

    @property
    def balanced(self) -> float | None:
        recalls = [h / n for h, n in self.per_class.values() if n]
        return sum(recalls) / len(recalls) if recalls else None

    def line(self, name: str, balanced: bool = False) -> str:
        value = self.balanced if balanced else self.accuracy
        what = "balanced accuracy" if balanced else "accuracy"
        shown = f"{value:.3f}" if value is not None else "n/a"
        return f"{name}: {what} {shown} ({self.hits}/{self.total})"


def score_heads(model: LinearModel, samples: list[Sample]) -> dict[str, Score]:
    """Per-head scores of `model` on `samples` (a head the model lacks is scored as always wrong)."""
    from truce.extract.classify import predict

    scores: dict[str, Score] = {name: Score() for name in ("type", "mode", "acled", "sub", "target")}
    predictions = predict([s.text for s in samples], model=model)
    for s, p in zip(samples, predictions, strict=True):
        predicted_type = p.type or "NONE"
        civilian = None if p.civilian is None else ("civilian" if p.civilian >= 0.5 else "armed")
        checks: list[tuple[str, str | None, str | None]] = [
            ("type", s.type, predicted_type),
            ("mode", s.mode if s.type == predicted_type == "ASSAULT" else None, p.mode or ""),
            ("acled", s.acled, p.acled),
            ("sub", s.sub, p.sub_event_type),
            ("target", s.target, civilian),
        ]
        for name, gold, got in checks:
            if gold is not None:
                scores[name].add(gold, got == gold)
    return scores


def score_pipeline(notes: list[Sample]) -> dict[str, Score]:
    """Extraction scores on ACLED notes with the model in force (`classify.install` sets it)."""
    from truce.extract import crosswalk
    from truce.extract.pipeline import extract

    scores = {name: Score() for name in ("event_type", "sub_event_type", "fatalities")}
    for note in notes:
        main = crosswalk.main_event(extract(note.text))
        acled = main.acled if main else AcledTypes()
        if note.acled is not None:
            scores["event_type"].add(note.acled, acled.event_type == note.acled)
        if note.sub is not None:
            scores["sub_event_type"].add(note.sub, acled.sub_event_type == note.sub)
        deaths = note.deaths
        if deaths:  # ACLED's 0 is often 'not reported'; only stated tolls are scored
            scores["fatalities"].add(str(deaths), main is not None and main.fatalities == deaths)
    return scores


def format_scores(title: str, scores: dict[str, Score]) -> str:
    lines = [title]
    for name, score in scores.items():
        if score.total:
            lines.append("  " + score.line(name, balanced=name == "target"))
    return "\n".join(lines)
