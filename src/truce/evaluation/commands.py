"""`truce eval --data DIR`: run the real-data evaluation and print it (text as it goes, or JSON)."""

from __future__ import annotations

import time

from truce.evaluation.options import EvalOptions
from truce.evaluation.output import as_json, section_lines, summary_line
from truce.evaluation.run import Section, run_eval


def print_eval(options: EvalOptions) -> list[Section]:
    """Score the chosen data sets and print them; scores never change the exit status."""
    started = time.perf_counter()
    if options.fmt == "json":
        sections = run_eval(options)
        print(as_json(sections, options, time.perf_counter() - started))
        return sections

    def emit(section: Section) -> None:  # a long run shows each data set as soon as it is scored
        for line in section_lines(section, options.split):
            print(line, flush=True)

    sections = run_eval(options, emit)
    print(summary_line(sections, options, time.perf_counter() - started), flush=True)
    return sections
