"""One error shape for all of Truce.

Every error a user can cause is a `TruceError` with a code, a message saying what went wrong and
where, and a hint saying what to do. The CLI prints `str(error)` on one line, never a traceback.
Every code is listed, with what it means and what to do, in `truce.error_codes` (and
docs/errors.md, rendered from it); a test fails when a code raised here is missing there.
"""

from __future__ import annotations


class TruceError(Exception):
    """An actionable error: `[E101] file.csv:7: date '31/31/2023' does not parse — write ISO 8601`."""

    def __init__(self, code: str, message: str, hint: str | None = None, where: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint
        self.where = where

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        hint = f" — {self.hint}" if self.hint else ""
        return f"[{self.code}] {where}{self.message}{hint}"

    def __reduce__(self) -> tuple[type[TruceError], tuple[str, str, str | None, str | None]]:
        # Raised in an extraction worker, the error crosses back to the parent pickled: keep every field.
        return (type(self), (self.code, self.message, self.hint, self.where))

    def to_dict(self) -> dict[str, object]:
        return {"ok": False, "code": self.code, "error": self.message, "where": self.where, "hint": self.hint}


class InputRejected(TruceError):
    """One input item (file, line, row) could not be read; the rest of the batch carries on."""


class ConfigError(TruceError):
    """A setting or configuration file is wrong; nothing was done."""
