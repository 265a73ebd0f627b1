"""What a file is before it is parsed: its format, its character set, whether it is text at all.
(The language of the text read from it is `truce.language`'s concern.)

Charset order (first that applies wins): a byte-order mark; strict UTF-8; a charset the document
declares (HTML `<meta charset>`, XML `<?xml encoding=...?>`); charset-normalizer's best guess when
its mess ratio is low. Anything else is rejected rather than guessed: a wrongly decoded report
would be stored verbatim, forever, with its mojibake.
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

from truce.ingest.items import E_BINARY, E_CHARSET, E_EMPTY, reject

Format = Literal["text", "html", "json", "jsonl", "csv", "feed"]

EXTENSIONS: dict[str, Format] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}  # fmt: skip

SNIFF_BYTES = 65_536  # enough to see a header, a declaration and a charset's habits
# Accept charset-normalizer's guess only when the decoded text looks this clean (0 = no mess).
MAX_CHAOS = 0.1
# Ties between single-byte code pages are common on short Latin text; Truce reads mostly
# Western-European-script sources, so prefer these when the guesses are otherwise equal.
PREFERRED_SINGLE_BYTE = ("cp1252", "latin_1", "iso8859_15")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: same prefix
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.I)
_CSV_HEADER_HINTS = ("observed_at", "what", "how", "_uuid", "_submission_time", "team")
_HEADER_CELL = re.compile(r"^[a-z_][\w/.:-]{0,80}$")  # lower-cased already


# Leading bytes of compressed files and archives. Truce reads none of them: decompressing
# untrusted input invites a file that expands a thousandfold.
_COMPRESSED: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "a gzip-compressed file"), (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"), (b"(\xb5/\xfd", "a zstd-compressed file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x04\x22\x4d\x18", "an LZ4-compressed file"), (b"\x1f\x9d", "a compress (.Z) file"),
)  # fmt: skip


def compression_of(sample: bytes) -> str | None:
    """What kind of compressed file or archive `sample` starts, or None for anything else."""
    for magic, what in _COMPRESSED:
        if sample.startswith(magic) and (magic != b"BZh" or sample[3:4].isdigit()):
            return what
    return None


def format_for(name: str, sample: bytes) -> Format:
    """The format of a file: by its extension when known, else sniffed from its first bytes."""
    dot = name.rfind(".")
    if dot > name.rfind("/"):
        known = EXTENSIONS.get(name[dot:].lower())
        if known:
            return known
    return sniff_format(sample)


def sniff_format(sample: bytes) -> Format:
    """Guess the format from content alone (standard input, files without a known extension)."""
    for bom, _ in _BOMS:
        if sample.startswith(bom):
            try:
                head = sample.decode(_encoding_for_bom(bom), errors="ignore")
            except LookupError:  # pragma: no cover - codecs always has these
                head = ""
            return _sniff_text(head.lstrip("\ufeff"))
    return _sniff_text(sample.decode("latin-1"))  # latin-1 never fails; only ASCII matters here


def _encoding_for_bom(bom: bytes) -> str:
    return next(enc for b, enc in _BOMS if b == bom)


def _sniff_text(head: str) -> Format:
    start = head.lstrip()[:2048].lower()
    if start.startswith(("{", "[")):
        lines = [ln for ln in head.strip().splitlines() if ln.strip()]
        # One object per line, more than one line: JSON Lines. A pretty-printed object spans lines
        # but its second line does not start with "{".
        if len(lines) > 1 and all(ln.lstrip().startswith("{") for ln in lines[:2]):
            return "jsonl"
        return "json"
    if start.startswith("<"):
        if "<rss" in start or "<feed" in start or "<rdf:rdf" in start:
            return "feed"
        return "html"
    if _looks_like_csv_header(start.split("\n", 1)[0]):
        return "csv"
    return "text"


def _looks_like_csv_header(line: str) -> bool:
    """A header row of identifiers (`team,observation/what,...`) naming a known column, not prose."""
    delimiter = max((",", ";", "\t"), key=line.count)
    cells = [cell.strip().strip('"') for cell in line.strip().split(delimiter)]
    if len(cells) < 3 or not all(_HEADER_CELL.match(cell) for cell in cells):
        return False
    return any(cell.rsplit("/", 1)[-1] in _CSV_HEADER_HINTS for cell in cells)


def declared_charset(sample: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first bytes, if a known codec."""
    head = sample[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def encoding_of(sample: bytes, where: str, *, complete: bool) -> str:
    """The codec to read a document with; raises InputRejected for binary or undecodable data.

    `complete` says whether `sample` is the whole document; when it is only the first bytes, a
    character cut in half at the end is not held against it.
    """
    for bom, enc in _BOMS:
        if sample.startswith(bom):
            return enc
    if b"\x00" in sample:
        raise reject(E_BINARY, "this is a binary file (it contains NUL bytes), not text",
                     "give Truce text, HTML, JSON, CSV or feed files; convert PDFs and documents to text first",
                     where)
    if _decodes(sample, "utf-8", complete):
        return "utf-8"
    declared = declared_charset(sample)
    if declared and _decodes(sample, declared, complete):
        return declared
    guess = _guess_charset(sample)
    if guess and _decodes(sample, guess, complete):
        return guess
    what = f"it is not UTF-8 nor the declared {declared}" if declared else "it is not UTF-8"
    raise reject(E_CHARSET, f"cannot tell the character set: {what} and no other charset fits with confidence",
                 "save the file as UTF-8 (or declare its charset in an HTML <meta charset> or XML declaration)",
                 where)


def decode(data: bytes, where: str) -> str:
    """The text of a whole document, decoded by `encoding_of`; raises InputRejected when empty."""
    if not data.strip():
        raise reject(E_EMPTY, "the file is empty", "remove it or give it content", where)
    text = data.decode(encoding_of(data, where, complete=True))
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise reject(E_EMPTY, "the file is empty (only white space)", "remove it or give it content", where)
    return text


def _decodes(sample: bytes, encoding: str, complete: bool) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)().decode(sample, final=complete)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _guess_charset(sample: bytes) -> str | None:
    import charset_normalizer

    results = list(charset_normalizer.from_bytes(sample[:SNIFF_BYTES]))
    if not results:
        return None
    best = results[0]
    if best.chaos > MAX_CHAOS:
        return None
    ties = [r.encoding for r in results if r.chaos <= best.chaos + 1e-6 and r.coherence >= best.coherence - 0.02]
    for preferred in PREFERRED_SINGLE_BYTE:
        if preferred in ties:
            return preferred
    return str(best.encoding)
