"""A headline's closing source after a spaced dash is not part of the place before it."""

from __future__ import annotations

from pathlib import Path

import pytest


def _places(text: str) -> list[tuple[str, str, str | None]]:
    from truce.geo.resolve import places

    return [(m.text, m.usage, m.country) for m in places(text)]


@pytest.mark.parametrize(("headline", "place", "country"), [
    ("Three civilians hurt by shelling of Vuhledar - Ukrinform", "Vuhledar", "UKR"),
    ("Drone strike kills two near Kherson - Kyiv Independent", "Kherson", "UKR"),
    ("Gunmen kill four herders in Tillaberi - Niger army", "Tillaberi", "NER"),
    ("Car bomb kills a soldier in Syria's al-Bab - ministry", "al-Bab", "SYR"),
])
def test_the_place_before_the_dash_stays_a_place(geo: Path, headline: str, place: str, country: str) -> None:
    found = _places(headline)
    assert (place, "literal", country) in found
    assert not any("-" in text.split()[-1:] or " - " in text for text, _, _ in found)


def test_a_place_naming_the_outlet_is_no_scene(geo: Path) -> None:
    found = _places("Two wounded as shells hit Kupiansk - Kyiv Post")
    assert ("Kupiansk", "literal", "UKR") in found
    kyiv = [usage for text, usage, _ in found if text == "Kyiv"]
    assert kyiv and all(usage == "metonymy" for usage in kyiv)


def test_a_place_closing_the_headline_is_still_a_place(geo: Path) -> None:
    found = _places("Shelling hits a school near Avdiivka - Donetsk region")
    assert [usage for text, usage, _ in found if text == "Donetsk"] == ["literal"]


def test_a_dateline_dash_opens_the_story(geo: Path) -> None:
    found = _places("GOMA, March 2 - Rebels shelled the airport of Goma and the road to Sake, officials said.")
    assert ("Sake", "literal", "COD") in found or any(text == "Goma" and usage == "literal"
                                                     for text, usage, _ in found)


def test_an_event_takes_the_place_before_the_source(geo: Path) -> None:
    from truce.extract.pipeline import extract

    events = extract("Five civilians killed in shelling of Vuhledar - Ukrinform", None)
    placed = [e for e in events if e.type == "ASSAULT" and e.location is not None]
    assert placed and all(e.location.country == "UKR" for e in placed)
    assert all("Ukrinform" not in e.location.text for e in placed)


def test_a_hyphen_inside_a_name_is_no_dash(geo: Path) -> None:
    from truce.geo.headline import dash_parts
    from truce.nlp import load_nlp

    doc = load_nlp()("Fighting went on in Ivano-Frankivsk - officials said")
    assert doc.ents
    spans = [part.text for ent in doc.ents for part in dash_parts(ent)]
    assert not any(text.endswith("-") or text.startswith("-") for text in spans)
    assert not any(" - " in text for text in spans)
