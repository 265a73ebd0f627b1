"""Lines of a streamed file (JSON Lines, CSV), each read with a bounded amount of memory.

`for line in handle` would read a 100 MB line whole before anyone could refuse it. Here each
line is read up to the size limit; a longer one is skipped to its end in bounded pieces and
reported as a `LongLine` in its place, so the parser can reject that line alone and go on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO

from truce.ingest.items import E_CHARSET, reject

DRAIN_CHARS = 1 << 20  # piece size when skipping the rest of an over-long line
_LINE_ENDS = ("\n", "\r")


@dataclass(frozen=True, slots=True)
class LongLine:
    """A line longer than the limit, skipped unread: its number and its length in characters."""

    number: int
    chars: int


def bounded_lines(handle: TextIO, *, max_chars: int, where: str, encoding: str) -> Iterator[str | LongLine]:
    """Each line of `handle` (line end kept), or a LongLine for one over `max_chars` characters.

    Raises InputRejected (E103) where the text stops being valid in `encoding`.
    """
    number = 0
    try:
        while True:
            line = handle.readline(max_chars + 1)
            if not line:
                return
            number += 1
            if len(line) <= max_chars or line.endswith(_LINE_ENDS):
                yield line
                continue
            chars = len(line)
            while line and not line.endswith(_LINE_ENDS):
                line = handle.readline(DRAIN_CHARS)
                chars += len(line)
            yield LongLine(number, chars)
    except UnicodeDecodeError:
        raise reject(E_CHARSET, f"text after line {number} is not valid {encoding} (the start of the file is)",
                     "save the whole file in one charset, preferably UTF-8", f"{where}:{number + 1}") from None
