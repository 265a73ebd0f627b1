"""What the parsers yield: a parsed item ready to store, or a rejection naming where and why.

Every bad input becomes one `Rejection` (file[:line], what is wrong, what to do, an E1xx code) and
the batch carries on. Parsers signal a bad item by raising `InputRejected` inside their own loop;
the loop turns it into a `Rejection`, so nothing escapes `read_sources` but programming errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from truce.errors import InputRejected
from truce.model import Observation, Report

# Error codes of ingestion (E100–E139). One table so the docs and the parsers agree.
E_NOT_FOUND = "E100"  # path does not exist / cannot be opened
E_EMPTY = "E101"  # empty file, or nothing but front matter / whitespace
E_BINARY = "E102"  # NUL bytes: not a text file
E_CHARSET = "E103"  # not UTF-8 and no declared or confidently detected charset
E_TOO_LARGE = "E104"  # larger than settings.max_report_bytes
E_FETCH = "E105"  # a feed URL could not be fetched
E_FRONT_MATTER = "E106"  # YAML front matter does not parse or is not a mapping
E_KIND = "E107"  # unknown report kind
E_COMPRESSED = "E108"  # a compressed file or archive: not decompressed (bombs), decompress it first
E_DEPTH = "E109"  # JSON nested deeper than json_stream.MAX_JSON_DEPTH, or YAML front matter too deep
E_JSON = "E110"  # malformed JSON (line or file)
E_NOT_OBJECT = "E111"  # JSON value is not an object
E_NO_TEXT = "E112"  # a report object without `text`, a page or entry without text
E_FIELD_TYPE = "E113"  # a field of the wrong type (title: 3)
E_DATE = "E114"  # a date that does not parse
E_NO_ZONE = "E115"  # an observation time without a time zone
E_MISSING = "E116"  # an observation without a required field (observed_at, what, how)
E_VALUE = "E117"  # a value outside its vocabulary (what: "shelling?")
E_NUMBER = "E118"  # a number that does not parse (count: "twelve")
E_RANGE = "E119"  # a number out of range (bearing 400°, latitude 95)
E_CSV = "E120"  # CSV without a header, or unreadable
E_CSV_UNKNOWN_COLUMNS = "E121"  # notice: columns the column map does not know (rows still load)
E_CSV_MISSING_COLUMN = "E122"  # a required column is absent: the whole file is rejected
E_COLUMN_MAP = "E123"  # the column map itself is wrong (raised as ConfigError before anything is read)
E_FEED = "E124"  # a feed that does not parse or has no entries
E_CSV_COLUMNS = "E125"  # a CSV header with more columns than csv_field.MAX_CSV_COLUMNS
E_FEED_ENTRIES = "E126"  # a feed with more entries than feed.MAX_FEED_ENTRIES
E_UNSTORABLE = "E127"  # text holding a NUL character or a lone surrogate (no database can store it)
E_LANGUAGE = "E130"  # notice: text is not English (stored, flagged)
E_FRONT_MATTER_KEY = "E131"  # notice: a front-matter or JSON key Truce does not know (ignored)


@dataclass(slots=True)
class Told:
    """One line told about one input item: where, what, what to do, and its error code."""

    where: str
    message: str
    hint: str
    code: str

    def __str__(self) -> str:
        return f"[{self.code}] {self.where}: {self.message} — {self.hint}"


@dataclass(slots=True)
class Notice(Told):
    """Something worth telling about an item that was still accepted (non-English text, unknown column)."""


@dataclass(slots=True)
class ParsedItem:
    """One report ready to store, with the observations read from it (field/sensor items only)."""

    report: Report
    observations: list[Observation]
    where: str  # "file", "file:line" or "file:row N"
    notices: list[Notice] = field(default_factory=list)


@dataclass(slots=True)
class Rejection(Told):
    """One input item that could not be read: where, what is wrong, what to do."""

    @classmethod
    def from_error(cls, err: InputRejected, where: str) -> Rejection:
        """The rejection for an `InputRejected` raised while reading `where` (the error's own wins)."""
        return cls(err.where or where, err.message, err.hint or "", err.code)


def reject(code: str, message: str, hint: str, where: str | None = None) -> InputRejected:
    """Build the error a parser raises for one bad item; the reading loop turns it into a Rejection."""
    return InputRejected(code, message, hint=hint, where=where)
