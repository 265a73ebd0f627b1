"""Format sniffing, charsets, binary files and language flagging."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from truce.ingest.detect import sniff_format
from truce.language import detect_language

GERMAN = ("Die Waffenruhe wurde in der Nacht mehrfach gebrochen. Nach Angaben des Verteidigungsministeriums "
          "wurden mehrere Dörfer entlang der Kontaktlinie mit Artillerie beschossen.")
RUSSIAN = ("Режим прекращения огня был нарушен ночью. По данным министерства обороны, несколько сёл вдоль "
           "линии соприкосновения подверглись артиллерийскому обстрелу.")
ENGLISH = ("The ceasefire was broken several times during the night. According to the defence ministry, "
           "several villages along the line of contact were shelled with artillery.")


@pytest.mark.parametrize("head, expected", [
    (b'{"text": "x"}', "json"),
    (b'[{"text": "x"}]', "json"),
    (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
    (b'{\n  "text": "a"\n}\n', "json"),
    (b"<?xml version='1.0'?><rss version='2.0'>", "feed"),
    (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    (b"<!DOCTYPE html><html><body>", "html"),
    (b"team,observed_at,what,how\nT,2023,explosion,heard\n", "csv"),
    (b"Shelling near Martuni\n\nBody.", "text"),
    (b"# What Truce must make of it, and how: ingest, extract, fuse\nkey: value\n", "text"),
    (b"Team, what and how: a report\n", "text"),
    (b"_uuid;observation/what;observation/how\n1;uav;seen\n", "csv"),
    (codecs.BOM_UTF8 + b'{"text": "x"}', "json"),
])
def test_sniff_format(head: bytes, expected: str) -> None:
    assert sniff_format(head) == expected


def test_detect_language() -> None:
    assert detect_language(ENGLISH) == "en"
    assert detect_language(GERMAN) == "de"
    assert detect_language(RUSSIAN) == "ru"
    assert detect_language("ok") is None


def test_non_english_text_is_stored_and_flagged(read, tmp_path: Path) -> None:
    for name, text in (("de.txt", GERMAN), ("ru.txt", RUSSIAN), ("en.txt", ENGLISH)):
        (tmp_path / name).write_text(f"Titel\n\n{text}\n", encoding="utf-8")
    items, rejections = read(tmp_path)
    assert rejections == []
    by_name = {Path(i.where).name: i for i in items}
    assert by_name["de.txt"].report.language == "de"
    assert by_name["ru.txt"].report.language == "ru"
    assert by_name["en.txt"].report.language == "en" and by_name["en.txt"].notices == []
    for name, language in (("de.txt", "German"), ("ru.txt", "Russian")):
        [notice] = by_name[name].notices
        assert notice.code == "E130" and language in notice.message and notice.where == str(tmp_path / name)


def test_cp1252_html_with_declared_charset(read, tmp_path: Path) -> None:
    body = ("Officials said the \u201cceasefire\u201d had collapsed \u2014 shelling resumed near the "
            "caf\u00e9 at the crossroads. ") * 3
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            f"<title>Collapse</title></head><body><article><p>{body}</p></article></body></html>")
    path = tmp_path / "cp1252.html"
    path.write_bytes(page.encode("cp1252"))
    [item], rejections = read(path)
    assert rejections == []
    assert "\u201cceasefire\u201d had collapsed \u2014 shelling" in item.report.text
    assert "caf\u00e9" in item.report.text
    assert item.report.raw == page


def test_latin1_text_detected(read, tmp_path: Path) -> None:
    text = ("Rapport de la mission\n\nLe cessez-le-feu a été violé près de la frontière. Les forces ont tiré "
            "sur des positions à Lachin, selon le ministère. Des témoins ont entendu des explosions.\n")
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    [item], rejections = read(path)
    assert rejections == []
    assert item.report.raw == text
    assert item.report.language == "fr"


def test_latin1_english_text_prefers_western_code_page(read, tmp_path: Path) -> None:
    text = "Shelling near Martakert café; the naïve reporter's résumé was seized. Fire went on until 14:00."
    path = tmp_path / "latin1-en.txt"
    path.write_bytes(text.encode("latin-1"))
    [item], _ = read(path)
    assert item.report.text == text


def test_utf16_with_bom(read, tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(("Title\n\n" + ENGLISH).encode("utf-16"))
    [item], rejections = read(path)
    assert rejections == [] and item.report.title == "Title" and ENGLISH in item.report.text


def test_binary_and_undecodable_files(read, tmp_path: Path) -> None:
    png = tmp_path / "picture.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d] * 40 + [0xff, 0xfe, 0x01] * 30))
    items, rejections = read([png, garbage])
    assert items == []
    assert [(r.where, r.code) for r in rejections] == [(str(png), "E102"), (str(garbage), "E103")]
    assert "UTF-8" in rejections[1].hint


def test_jsonl_in_a_legacy_charset_is_streamed(read, tmp_path: Path) -> None:
    path = tmp_path / "cp1252.jsonl"
    path.write_bytes('{"text": "Le cessez-le-feu a été violé près de Lachin, à l\'aube, selon le ministère."}\n'
                     .encode("cp1252"))
    [item], rejections = read(path)
    assert rejections == [] and "été violé" in item.report.text
