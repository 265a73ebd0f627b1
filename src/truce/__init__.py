"""Truce: ceasefire monitoring — reports in, incidents and defensible verdicts out.

`extract(text, published=None)` returns Event records; `places(text)` returns place mentions.
Both load their models once per process and are safe to call in a loop, however they were
imported (`import truce`, `from truce import extract`, `import truce.extract`, in any order).

`truce.extract` is both the extraction subpackage and the function: Python's import system binds
a subpackage over the parent's attribute of the same name, so a plain function `extract` would be
replaced by the module the first time anything imports `truce.extract.pipeline`. Instead the
subpackage is made callable the moment it is bound here (see `_TrucePackage.__setattr__`).
"""

from __future__ import annotations

import sys
import types
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from truce.model import Event, PlaceMention

__version__ = "0.1.0"
__all__ = ["__version__", "extract", "places"]

E_TEXT_TOO_LONG = "E160"


def extract_text(text: str, published: date | datetime | str | None = None) -> list[Event]:
    """Events in `text`, dates read relative to `published` (unknown stays unknown).

    Raises TruceError E160 when `text` is longer than TRUCE_EXTRACT_MAX_CHARS.
    """
    from truce.extract.pipeline import extract as _extract

    check_extract_length(text)
    return _extract(text, published=published)


def check_extract_length(text: str, where: str | None = None) -> None:
    """Raise TruceError E160 when `text` is longer than TRUCE_EXTRACT_MAX_CHARS (one text is
    parsed whole for its report-level passes; a longer one would hold too much memory)."""
    from truce.errors import TruceError
    from truce.settings import get_settings

    limit = get_settings().extract_max_chars
    if len(text) > limit:
        raise TruceError(E_TEXT_TOO_LONG, f"the text has {len(text)} characters, more than the {limit} "
                         "extraction reads at once", hint="split it into smaller texts, or raise "
                         "TRUCE_EXTRACT_MAX_CHARS", where=where)


def places(text: str) -> list[PlaceMention]:
    """Every place mention in `text`, resolved against the offline gazetteer."""
    from truce.geo.resolve import places as _places

    return _places(text)


class _ExtractPackage(types.ModuleType):
    """The `truce.extract` subpackage, callable as `truce.extract(text, published=None)`."""

    def __call__(self, text: str, published: date | datetime | str | None = None) -> list[Event]:
        return extract_text(text, published)


class _TrucePackage(types.ModuleType):
    """The `truce` package: keeps `truce.extract` callable whenever the import system rebinds it."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "extract" and type(value) is types.ModuleType:
            value.__class__ = _ExtractPackage
        super().__setattr__(name, value)


def __getattr__(name: str) -> Any:
    # `truce.extract` before anything imported the subpackage: import it (which binds it here).
    if name == "extract":
        import truce.extract as package

        return package
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


sys.modules[__name__].__class__ = _TrucePackage
if "truce.extract" in sys.modules:  # imported while this module was being (re)loaded
    setattr(sys.modules[__name__], "extract", sys.modules["truce.extract"])  # noqa: B010 - through __setattr__
