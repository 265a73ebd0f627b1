"""Running one record under a time limit, its failure counted instead of ending the run."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

RECORD_SECONDS = 20.0  # a record taking longer is counted bad (as shared/tools/dev_eval.py does)


class RecordTimeout(BaseException):
    """Raised by the alarm when one record runs too long. A BaseException so that no handler
    inside truce that catches Exception can swallow it and carry on past the limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise RecordTimeout in the block after `seconds` (main thread with SIGALRM only; elsewhere
    the block simply runs: a worker thread cannot take signals)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise RecordTimeout(f"took over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
