"""Namesakes on another continent from the rest of a report, and bracketed acronyms (no gazetteer)."""

from __future__ import annotations

from truce.geo.gazetteer import Candidate
from truce.geo.rank import FAR_KM, Context, rank


def _place(name: str, lat: float, lon: float, country: str, population: int) -> Candidate:
    return Candidate(1, None, name, lat, lon, country, None, "city", "city", population, False)


def test_namesake_near_the_other_places_wins_over_a_bigger_one_far_away() -> None:
    far = _place("Alden", 40.0, -75.0, "USA", 90_000)
    near = _place("Alden", 12.0, 1.0, "NER", 8_000)
    context = Context(anchors=[("Tillia", 12.5, 1.5, "NER")])
    ranked = rank((far, near), "Alden", None, context, None, "Alden")
    assert ranked[0].candidate is near
    assert any("far from the other places" in r for r in ranked[1].reasons)


def test_no_penalty_when_the_far_country_is_named() -> None:
    far = _place("Alden", 40.0, -75.0, "USA", 90_000)
    context = Context(anchors=[("Tillia", 12.5, 1.5, "NER")])
    context.countries["USA"] += 2
    scored = rank((far,), "Alden", None, context, None, "Alden")[0]
    assert scored.near_km is not None and scored.near_km > FAR_KM
    assert not any("far from" in r for r in scored.reasons)


def test_bracketed_acronym_is_not_a_place() -> None:
    from truce.geo.recognize import Toponym
    from truce.geo.resolve import _acronym_in_brackets
    from truce.nlp import load_nlp

    doc = load_nlp()("Fighters of the Northern Defence Brigade (NDB) and people from Sarto met.")
    start = doc.text.index("NDB")
    bracketed = Toponym(start, start + 3, "NDB", "NDB", "ner", True, None, doc[0])
    start = doc.text.index("Sarto")
    plain = Toponym(start, start + 5, "Sarto", "Sarto", "ner", True, None, doc[0])
    assert _acronym_in_brackets(bracketed)
    assert not _acronym_in_brackets(plain)
