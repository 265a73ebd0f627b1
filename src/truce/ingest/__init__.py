"""Ingestion: files, folders, standard input and feeds in; `Report`s and `Observation`s out.

`read_sources(paths, kind=..., published=..., column_map=...)` yields a `ParsedItem` (a report,
its observations, notices) or a `Rejection` (where, what is wrong, what to do, an E1xx code) for
every item it meets. One module per source kind: `text`, `html`, `jsonl`, `csv_field`, `feed`;
`detect` sniffs formats, charsets and languages. docs/ingest.md describes the rules.
"""

from __future__ import annotations

from truce.ingest.csv_field import ColumnMap, load_column_map
from truce.ingest.items import Notice, ParsedItem, Rejection
from truce.ingest.sources import read_sources

__all__ = ["ColumnMap", "Notice", "ParsedItem", "Rejection", "load_column_map", "read_sources"]
