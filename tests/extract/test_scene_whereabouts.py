"""A place inside the actor's phrase: where the doers were is where the act happened
("Russian forces in Kherson shelled"), but a place naming who they are is not."""

from __future__ import annotations

import pytest

from truce.extract.scene import _not_the_doer


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from truce.nlp import load_nlp

    return load_nlp()


@pytest.mark.parametrize(("text", "place", "expected"), [
    ("Russian forces in Kherson shelled residential areas.", "Kherson", True),
    ("Gunmen near the village of Mukondi killed four farmers.", "Mukondi", True),
    ("Soldiers at a checkpoint outside Gao opened fire.", "Gao", True),
    ("Militants from Mali attacked a post.", "Mali", False),  # where they came from
    ("The Kherson governor said shelling killed two.", "Kherson", False),  # who they are
    ("Targeting by SDF hits Azaz city leaving one casualty.", "Azaz", True),  # a clause taken for the doer
])
def test_the_doers_whereabouts(nlp, text: str, place: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    """The actor's span is taken as the sentence's subject phrase, up to the end of the place."""
    sent = next(iter(nlp(text).sents))
    root = next(t for t in sent if t.dep_ == "ROOT")
    subject = next((t for t in root.children if t.dep_ == "nsubj"), root)
    start = min(subject.left_edge.idx, text.index(place))
    end = text.index(place) + len(place)
    assert _not_the_doer(sent, text.index(place), start, end) is expected


def test_the_actor_span_no_longer_hides_its_place(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """An actor span that swallowed "in Kherson" (as a coder's wider phrase does) still lets the
    act take Kherson, while a place inside a plain actor name stays the actor's."""
    from types import SimpleNamespace

    from truce.extract import scene
    from truce.model import PlaceMention

    monkeypatch.setattr("truce.extract.finish._in_speaker", lambda *a: False)
    monkeypatch.setattr("truce.extract.finish._origin", lambda *a: False)
    text = "Russian forces in Kherson shelled residential areas."
    sent = next(iter(nlp(text).sents))
    start = text.index("Kherson")
    kherson = PlaceMention("Kherson", start, start + 7, "Kherson", 46.64, 32.61, "UKR", None, None, "city",
                           "literal", "")
    trigger = next(t for t in sent if t.lower_ == "shelled")
    draft = SimpleNamespace(type="ASSAULT", trigger=trigger, spans={"actor": [0, start + 7]})
    assert scene._sentence_place(sent, draft, [kherson], 0) is kherson  # type: ignore[arg-type]
    draft.spans = {"source": [0, start + 7]}
    assert scene._sentence_place(sent, draft, [kherson], 0) is None  # type: ignore[arg-type]
