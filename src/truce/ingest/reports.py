"""From parsed fields to a stored-ready `Report`: content id, kind, language and its notice.

Every parser ends here, so the rules that hold for all formats live in one place:
- `kind`: the item's own `kind` when it has one, else the caller's `kind` argument, else `news`.
- `published`: the item's own date, else the caller's `published` argument, else None. Never the
  ingestion time; `received` is left None for the store to stamp.
- `language`: detected from the text; non-English text is stored but flagged with an E130 notice.
"""

from __future__ import annotations

from datetime import datetime
from typing import get_args

from truce.ingest.items import E_FIELD_TYPE, E_KIND, E_LANGUAGE, E_UNSTORABLE, Notice, ParsedItem, reject
from truce.language import detect_language
from truce.model import Observation, Report, ReportKind, content_id

REPORT_KINDS: tuple[str, ...] = get_args(ReportKind)

_LANGUAGE_NAMES = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "pt": "Portuguese",
    "it": "Italian", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish",
    "tr": "Turkish", "az": "Azerbaijani", "hy": "Armenian", "ka": "Georgian", "ar": "Arabic",
    "fa": "Persian", "he": "Hebrew", "ur": "Urdu", "hi": "Hindi", "zh": "Chinese", "so": "Somali",
    "sw": "Swahili",
}  # fmt: skip


def parse_kind(value: object, where: str, default: ReportKind) -> ReportKind:
    """The item's declared kind, validated, or `default` when it declares none."""
    if value is None or value == "":
        return default
    if isinstance(value, str) and value.strip().lower() in REPORT_KINDS:
        return value.strip().lower()  # type: ignore[return-value]
    raise reject(E_KIND, f"kind {value!r} is not one of {', '.join(REPORT_KINDS)}",
                 "fix the `kind` value or leave it out", where)


def optional_str(value: object, where: str, field: str) -> str | None:
    """A string field, stripped; None when absent or empty; rejects other types."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    raise reject(E_FIELD_TYPE, f"{field} must be a string, not {type(value).__name__} {value!r}",
                 f"write {field} as a JSON string or leave it out", where)


def _check_storable(value: str, field: str, where: str) -> None:
    """Reject a NUL character or a lone surrogate: neither is text, and no store can hold them
    (PostgreSQL refuses NUL in text; UTF-8 has no encoding for a lone surrogate)."""
    at = value.find("\x00")
    if at >= 0:
        raise reject(E_UNSTORABLE, f"the {field} holds a NUL character (U+0000) at character {at + 1}",
                     "remove the NUL characters (often a JSON \\u0000 escape or a UTF-16 file read wrongly)", where)
    if value.isascii():
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        code = ord(value[err.start])
        raise reject(E_UNSTORABLE, f"the {field} holds a lone surrogate (U+{code:04X}) at character {err.start + 1}",
                     "fix the text: a \\ud800-\\udfff escape must come as a high-and-low pair", where) from None


def make_item(*, kind: ReportKind, text: str, raw: str, where: str, title: str | None = None,
              url: str | None = None, published: datetime | None = None, source_name: str | None = None,
              language: str | None = None, observations: list[Observation] | None = None,
              notices: list[Notice] | None = None) -> ParsedItem:
    """A ParsedItem for one report; detects the language unless given, flags non-English text."""
    for name, value in (("text", text), ("title", title), ("url", url), ("source_name", source_name),
                        ("raw", raw)):
        if value is not None:
            _check_storable(value, name, where)
    notices = list(notices or [])
    if language is None:
        language = detect_language(text)
    if language is not None and language != "en":
        name = _LANGUAGE_NAMES.get(language, language)
        notices.append(Notice(where, f"the text is in {name} ({language}); stored, but flagged",
                              "Truce's extraction reads English: translate it and ingest the translation "
                              "to extract events from it", E_LANGUAGE))
    report = Report(id=Report.make_id(kind, text), kind=kind, text=text, title=title, url=url,
                    published=published, received=None, source_name=source_name, language=language,
                    raw=raw, origin=where)
    # Observations are read before their report's id is known; their ids follow from it so
    # that re-ingesting the same line gives the same observation.
    for index, observation in enumerate(observations or []):
        observation.report_id = report.id
        observation.id = content_id("ob", report.id, str(index))
    return ParsedItem(report=report, observations=list(observations or []), where=where, notices=notices)
