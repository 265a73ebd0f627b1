"""How a run prints: one line per measure (numerator/denominator), one per section, a summary."""

from __future__ import annotations

import json
from collections.abc import Sequence

from truce.evaluation.options import EvalOptions
from truce.evaluation.run import Section

# The figures the summary line repeats, by name: the ones the README and issue 9 track.
HEADLINE = {
    "geo/geovirus/acc@161km": "geovirus.acc161",
    "geo/wiktor/acc@161km": "wiktor.acc161",
    "ucdp/violent event found": "ucdp.violent",
    "ucdp/one-sided balanced accuracy": "ucdp.onesided_bacc",
    "ucdp/deaths where stated": "ucdp.deaths",
    "ucdp/place <= 50 km where named": "ucdp.place50",
    "expect/wikinews-conflict/items met": "wikinews.items",
    "expect/wikinews-conflict/texts whole": "wikinews.texts",
    "re3d/location span recall": "re3d.recall",
    "gsr/event type": "gsr.type",
}


def section_lines(section: Section, split: str) -> list[str]:
    """The lines of one section: its figures, then where they come from (and its bad records)."""
    if section.skipped:
        return [f"{section.label}: skipped: {section.skipped}"]
    lines = [figure.line() for figure in section.figures]
    rate = f"{section.items / section.seconds:.1f} items/s" if section.seconds > 0 and section.items else "- items/s"
    tail = f"{section.label}: {section.items} scored of {section.in_split} in split {split} " \
           f"(population {section.population}); {rate}"
    if section.bad:
        tail += f"; bad {len(section.bad)} (first: {section.bad[0]})"
    return [*lines, tail]


def summary_line(sections: Sequence[Section], options: EvalOptions, wall: float) -> str:
    parts = [f"split={options.split}"]
    for section in sections:
        for figure in section.figures:
            short = HEADLINE.get(figure.name)
            if short is None:
                continue
            if figure.hit is not None and figure.total is not None and short.startswith("wikinews"):
                parts.append(f"{short}={figure.hit}/{figure.total}")
            else:
                share = figure.share
                parts.append(f"{short}={'n/a' if share is None else f'{share:.3f}'}")
    skipped = [s.label for s in sections if s.skipped]
    parts += [f"bad={sum(len(s.bad) for s in sections)}", f"limit={options.limit or 'none'}",
              f"wall={wall:.1f}s", f"data={options.data}"]
    if skipped:
        parts.append(f"skipped={','.join(skipped)}")
    return "summary: " + " ".join(parts)


def as_json(sections: Sequence[Section], options: EvalOptions, wall: float) -> str:
    return json.dumps({"split": options.split, "data": str(options.data), "limit": options.limit,
                       "only": list(options.only), "wall_seconds": round(wall, 1),
                       "sections": [s.to_dict() for s in sections],
                       "summary": summary_line(sections, options, wall).removeprefix("summary: ")},
                      ensure_ascii=False, indent=2)
