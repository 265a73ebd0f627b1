"""Extraction in worker processes: the whole reading of a report (parse and every Truce pass) runs
in one worker, so both halves use every core.

spaCy's own `n_process` parallelises only the parse: the extraction components, the places and
the report-level passes then run in the one process that reads the parses, and on real articles
they take about as long as the parse (benchmarks/extract.py). Here each worker reads whole reports
(`extract_many` in-process) and hands back their events, which are plain records; the order of
the input is kept.

Workers are forked where the platform can (they inherit the loaded model and lexicons, and start
at once) and spawned elsewhere. A forked worker first forgets the process-wide handles it
inherited (the gazetteer's SQLite connection, the settings), because a SQLite connection must
not be used on both sides of a fork: each worker opens its own.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import Pool
from types import TracebackType

from truce.extract.pipeline import ReportInput, extract_many
from truce.model import Event

REPORTS_PER_TASK = 4  # small enough that two workers share a page of 50 evenly
MAX_AUTO_WORKERS = 4  # each worker holds the model and the gazetteer (~600 MB)


def worker_count(setting: int) -> int:
    """Workers for a setting: 0 is one per core (at most MAX_AUTO_WORKERS), N is N."""
    if setting < 0:
        raise ValueError(f"extract_workers must be 0 (one per core) or more, not {setting}")
    if setting:
        return setting
    return max(1, min(os.cpu_count() or 1, MAX_AUTO_WORKERS))


def _forget_inherited_handles() -> None:
    # Imported here: the worker's initializer runs in the child, after the fork.
    from truce.geo.gazetteer import get_gazetteer
    from truce.settings import get_settings

    get_gazetteer.cache_clear()
    get_settings.cache_clear()


def _read(reports: list[ReportInput]) -> list[list[Event]]:
    return list(extract_many(reports))


def _tasks(reports: Iterable[ReportInput], size: int) -> Iterator[list[ReportInput]]:
    items = iter(reports)
    while task := list(islice(items, size)):
        yield task


class ExtractionWorkers:
    """A pool of extraction workers, opened once and used for many batches (`with` closes it)."""

    def __init__(self, workers: int) -> None:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        self.workers = workers
        self._pool: Pool = context.Pool(workers, initializer=_forget_inherited_handles)

    def extract_many(self, reports: Iterable[ReportInput]) -> Iterator[list[Event]]:
        """Events of each report, in input order, as `truce.extract.pipeline.extract_many` gives them."""
        for batch in self._pool.imap(_read, _tasks(reports, REPORTS_PER_TASK)):
            yield from batch

    def close(self) -> None:
        self._pool.close()
        self._pool.join()

    def __enter__(self) -> ExtractionWorkers:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if error is not None:
            self._pool.terminate()
            self._pool.join()
        else:
            self.close()
