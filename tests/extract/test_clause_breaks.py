"""Two clauses joined by a semicolon are two sentences (truce.nlp_clauses): each act keeps its own
actor, place and day; a list of places after one verb stays one sentence."""

from __future__ import annotations

from datetime import date

from truce.extract.pipeline import extract
from truce.nlp import load_nlp


def test_each_clause_keeps_its_own_actor_place_and_day() -> None:
    text = ("Army units shelled Kadugli on Monday; rebels attacked a police post near Dilling on Tuesday, "
            "killing three officers.")
    events = [e for e in extract(text, published=date(2023, 6, 9)) if e.type == "ASSAULT"]
    assert len(events) >= 2
    shelling = next(e for e in events if e.location is not None and e.location.name == "Kadugli")
    assert shelling.actor is not None and "rebel" not in shelling.actor.name.lower()
    assert shelling.date is not None and shelling.date.start.isoformat() == "2023-06-05"
    raid = next(e for e in events if e.location is not None and e.location.name == "Dilling")
    assert raid.date is not None and raid.date.start.isoformat() == "2023-06-06"


def test_a_list_after_one_verb_stays_one_sentence() -> None:
    doc = load_nlp()("Fire was opened on our positions in Horlivka; Zaitseve; and Shyrokyne on Tuesday.")
    assert len(list(doc.sents)) == 1
    doc = load_nlp()("The SMM heard 12 explosions near Horlivka; it also heard 30 bursts near Zolote.")
    assert len(list(doc.sents)) == 2
