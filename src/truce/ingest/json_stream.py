"""JSON read without trusting its shape: a top-level list streamed element by element, and nesting
measured before any recursive parser sees the text.

`json.loads` recurses once per level of nesting, so a document nested 100,000 levels deep raises
RecursionError; and loading a list of a million items whole holds all of them in memory. Here a
small scanner walks the text in chunks, tracking only strings and brackets, and cuts the list at
its top-level commas: each element is handed over (verbatim text and starting line) as soon as it
ends, with its depth and size already known, so a too-deep or too-large element is refused
without being parsed or even kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TextIO

MAX_JSON_DEPTH = 100  # levels of nesting inside one item; reports and observations need 3 or 4
CHUNK_CHARS = 1 << 20

_STRUCTURE = re.compile(r'["\[\]{},]')
_STRING_REST = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*', re.S)  # up to the closing quote (or the buffer's end)
_UNDECODED: Any = object()
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.S)


@dataclass(slots=True)  # not frozen: a frozen dataclass costs a microsecond more per element
class Element:
    """One top-level list element: first line, verbatim text (None when refused), size, depth."""

    line: int
    text: str | None
    chars: int
    too_deep: bool = False  # nested deeper than MAX_JSON_DEPTH
    value: Any = None  # the decoded value, when `decoded`
    decoded: bool = False


@dataclass(frozen=True, slots=True)
class Broken:
    """The list's structure ends wrongly at `line`; nothing after it can be read."""

    line: int
    message: str


def too_deep_at(text: str, limit: int = MAX_JSON_DEPTH) -> int | None:
    """Index of the first bracket that nests `text` deeper than `limit`; None when it never does."""
    if text.count("[") + text.count("{") <= limit:
        return None  # cannot be deeper than its brackets (the usual case, at C speed)
    depth = 0
    for match in _TOKEN.finditer(text):
        char = text[match.start()]
        if char in "[{":
            depth += 1
            if depth > limit:
                return match.start()
        elif char in "]}":
            depth -= 1
    return None


def list_elements(handle: TextIO, *, max_chars: int, first: str = "") -> Iterator[Element | Broken]:
    """The elements of the JSON list read from `handle` (`first`: text already read from it).

    The list's opening `[` must be the first non-space character. Elements longer than
    `max_chars` or nested deeper than MAX_JSON_DEPTH come with `text=None` and are not kept in
    memory; whatever the element, at most one element plus one chunk is held at a time.

    Well-formed elements are decoded by the C decoder as they come (fast); the first element it
    cannot take (malformed, cut by the end of the file, too deep for its recursion, too large)
    hands the rest of the list to the character scanner, which measures before it keeps.
    """
    fast = _FastList(handle, first, max_chars)
    yield from fast.elements()
    if fast.handover is None:
        return
    buffer, scanner = fast.handover
    while True:
        yield from scanner.feed(buffer, final=fast.eof)
        if scanner.done or fast.eof:
            return
        buffer = scanner.keep(buffer)
        chunk = handle.read(CHUNK_CHARS)
        fast.eof = not chunk
        buffer += chunk


_SPACE = re.compile(r"[ \t\r\n]*")


class _FastList:
    """Elements decoded straight from the buffer by `json.JSONDecoder.raw_decode`."""

    def __init__(self, handle: TextIO, first: str, max_chars: int) -> None:
        self.handle, self.buffer, self.max_chars = handle, first, max_chars
        self.eof = False
        self.pos = 0
        self.line, self.counted = 1, 0
        self.handover: tuple[str, _ListScanner] | None = None
        self.decoder = json.JSONDecoder()

    def _more(self) -> bool:
        """Append a chunk, dropping what is already read; False at the end of the file."""
        if self.eof:
            return False
        self._line_at(self.pos)
        self.buffer, self.counted = self.buffer[self.pos:], self.counted - self.pos
        self.pos = 0
        chunk = self.handle.read(CHUNK_CHARS)
        self.eof = not chunk
        self.buffer += chunk
        return bool(chunk)

    def _next_char(self) -> str:
        """The next non-space character (reading on as needed); "" at the end of the file."""
        if self.pos < len(self.buffer) and self.buffer[self.pos] not in " \t\r\n":
            return self.buffer[self.pos]  # the usual case, without the regular expression
        while True:
            self.pos = _SPACE.match(self.buffer, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self._more():
                return ""

    def elements(self) -> Iterator[Element | Broken]:
        self._more()
        self.buffer = self.buffer.lstrip("\ufeff")
        if self._next_char() != "[":
            yield Broken(self._line_at(self.pos), "expected a list starting with '['")
            return
        self.pos += 1
        if self._next_char() == "]":
            return  # an empty list
        while True:
            element = self._element()
            if element is None:
                return  # handed over to the scanner
            yield element
            after = self._next_char()
            if after == "]":
                return
            if after != ",":
                yield Broken(self._line_at(self.pos), "expected ',' or ']' after a list element")
                return
            self.pos += 1

    def _element(self) -> Element | None:
        self._next_char()
        start = self.pos
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, start)
            except RecursionError:  # the C decoder's own guard against deep nesting: measure instead
                break
            except json.JSONDecodeError:
                # Cut by the chunk's end, or malformed: more text tells, up to the size limit.
                if len(self.buffer) - start > self.max_chars:
                    break
                grew = self._more()
                start = self.pos
                if grew:
                    continue
                break
            if end == len(self.buffer) and not self.eof:  # a number may go on in the next chunk
                self._more()
                start = self.pos
                continue
            text = self.buffer[start:end]
            line = self._line_at(start)
            self.pos = end
            if too_deep_at(text) is not None:
                return Element(line=line, text=None, chars=len(text), too_deep=True)
            if len(text) > self.max_chars:
                return Element(line=line, text=None, chars=len(text))
            return Element(line=line, text=text, chars=len(text), value=value, decoded=True)
        self._hand_over(start)
        return None

    def _hand_over(self, start: int) -> None:
        scanner = _ListScanner(self.max_chars)
        scanner.depth, scanner.elements = 1, 1
        scanner.line, scanner.counted = self._line_at(start), start
        scanner.pos = start
        scanner._begin(start)
        self.handover = (self.buffer, scanner)

    def _line_at(self, index: int) -> int:
        if index > self.counted:
            self.line += self.buffer.count("\n", self.counted, index)
            self.counted = index
        return self.line


class _ListScanner:
    """The state of a scan through a JSON list across chunks: position, depth, current element."""

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self.pos = 0  # next index of the current buffer to look at
        self.depth = 0  # 0 outside the list, 1 between its elements
        self.in_string = False
        self.done = False
        self.line = 1  # line number at index `counted`
        self.counted = 0
        self.start = 0  # index where the current element's text begins (inside the list)
        self.dropped = 0  # characters of the current element already discarded (too large)
        self.deepest = 0  # deepest nesting inside the current element
        self.element_line = 0
        self.elements = 0  # elements ended by a comma so far

    def feed(self, buffer: str, *, final: bool) -> Iterator[Element | Broken]:
        """Scan `buffer` from where the last call stopped; yield every element that ends in it."""
        while not self.done:
            if self.in_string:
                end = _STRING_REST.match(buffer, self.pos).end()  # type: ignore[union-attr]
                if end < len(buffer) and buffer[end] == '"':
                    self.in_string, self.pos = False, end + 1
                    continue
                self.pos = end
                break
            match = _STRUCTURE.search(buffer, self.pos)
            if match is None:
                self.pos = len(buffer)
                break
            index = match.start()
            self.pos = index + 1
            yield from self._token(buffer, index)
        if self.depth:
            self._bound(buffer)
        if final and not self.done:
            self.done = True
            yield Broken(self._line_at(buffer, len(buffer)), "the list is never closed with ']'")

    def _token(self, buffer: str, index: int) -> Iterator[Element | Broken]:
        char = buffer[index]
        if self.depth == 0:  # before the list: only its `[` (after white space) may come
            if char != "[" or buffer[:index].strip(" \t\r\n\ufeff"):
                self.done = True
                yield Broken(self._line_at(buffer, index), "expected a list starting with '['")
                return
            self.depth = 1
            self._begin(index + 1)
        elif char == '"':
            self.in_string = True
        elif char in "[{":
            self.depth += 1
            self.deepest = max(self.deepest, self.depth - 1)
        elif char in "]}" and self.depth > 1:
            self.depth -= 1
        elif char == "," and self.depth == 1:
            yield self._end(buffer, index)
            self.elements += 1
            self._begin(index + 1)
        elif char == "]" and self.depth == 1:
            element = self._end(buffer, index)
            self.done = True
            if self.elements or element.text != "":  # `[]` has no element; `[1, ]` ends with an empty one
                yield element
        elif char == "}":
            self.done = True
            yield Broken(self._line_at(buffer, index), "a '}' closes the list instead of ']'")

    def _begin(self, index: int) -> None:
        self.start, self.dropped, self.deepest = index, 0, 0

    def _end(self, buffer: str, index: int) -> Element:
        piece = buffer[self.start:index]
        lead = len(piece) - len(piece.lstrip(" \t\r\n"))
        line = self._line_at(buffer, self.start + lead) if not self.dropped else self.element_line
        chars = self.dropped + len(piece)
        keep = not self.dropped and self.deepest <= MAX_JSON_DEPTH
        self.element_line = line
        return Element(line=line, text=piece.strip() if keep else None, chars=chars,
                       too_deep=self.deepest > MAX_JSON_DEPTH)

    def _bound(self, buffer: str) -> None:
        """Discard the current element's text once it is known too large or too deep to keep."""
        length = self.pos - self.start
        if self.dropped or length > self.max_chars or self.deepest > MAX_JSON_DEPTH:
            if not self.dropped:
                piece = buffer[self.start:self.pos]
                self.element_line = self._line_at(buffer, self.start + len(piece) - len(piece.lstrip()))
            self.dropped += length
            self.start = self.pos

    def keep(self, buffer: str) -> str:
        """The part of `buffer` still needed (the current element's kept text); indexes rebased."""
        cut = min(self.start, self.pos) if self.depth else self.pos
        self._line_at(buffer, cut)
        self.pos -= cut
        self.counted -= cut
        self.start = max(0, self.start - cut)
        return buffer[cut:]

    def _line_at(self, buffer: str, index: int) -> int:
        if index > self.counted:
            self.line += buffer.count("\n", self.counted, index)
            self.counted = index
        return self.line
