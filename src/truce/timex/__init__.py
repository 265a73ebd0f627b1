"""Date phrases to dates, relative to the publication date of the report they come from.

`normalise(phrase, published)` reads one phrase; `dates_in_doc(doc, published)` finds and reads
every date phrase of a parsed spaCy Doc; `find_dates(text, published)` parses and does the same.
The publication date is the only anchor: the clock is never read, so a phrase with no year and no
publication date resolves to precision "unknown". Rules version: `truce.timex.v1` (RULES_VERSION).
"""

from __future__ import annotations

from truce.timex.phrase import normalise, publication_day
from truce.timex.rules import RULES_VERSION
from truce.timex.spans import dates_in_doc, find_dates

__all__ = ["RULES_VERSION", "dates_in_doc", "find_dates", "normalise", "publication_day"]
