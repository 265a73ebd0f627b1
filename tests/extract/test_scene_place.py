"""A placeless act of force takes the place of its paragraph's story; a call on X asks X."""

import pytest

from truce.extract.pipeline import extract

pytestmark = pytest.mark.usefixtures("truce_home")

TEXT = ("Protests spread\n\nIn Niamey, thousands of supporters of the junta rallied on Sunday. "
        "Some marched to the embassy before security forces fired tear gas to disperse them.\n\n"
        "The foreign ministry of Georgia called on Moscow to release the men immediately.\n")


def test_tear_gas_takes_paragraph_place_and_request_asks_moscow() -> None:
    events = extract(TEXT, "2023-07-31", use_classifier=False)
    force = [e for e in events if e.mode == "crowd-control"]
    assert force and force[0].location is not None and force[0].location.name == "Niamey"
    asks = [e for e in events if e.type == "REQUEST"]
    assert asks and asks[0].recipient is not None and asks[0].recipient.country == "RUS"


def _placeless_choice(monkeypatch: pytest.MonkeyPatch, text: str, on: bool) -> list[str | None]:
    import truce.extract.paragraph as paragraph

    if not on:  # the careful clause-level choice alone
        monkeypatch.setattr(paragraph, "place_unplaced", lambda *args: None)
    return [e.location.text if e.location else None
            for e in extract(text, "2024-05-03", use_classifier=False) if e.type == "ASSAULT"]


@pytest.mark.parametrize(("text", "place"), [
    ("A fresh attack by the militants on the capital Khartoum leaves heavy losses", "Khartoum"),
    ("About 12 dead and wounded in mortar shelling by the rebels on army-held districts in Kadugli", "Kadugli"),
])
def test_a_headline_attack_takes_its_sentence_place_when_the_parse_hides_it(
        monkeypatch: pytest.MonkeyPatch, text: str, place: str) -> None:
    assert _placeless_choice(monkeypatch, text, on=True) == [place]
    with monkeypatch.context() as patch:
        assert _placeless_choice(patch, text, on=False) == [None]  # the clause-level choice finds none


@pytest.mark.parametrize("text", [
    "Officials in Kassala said a fresh attack by the militants leaves heavy losses",
    "KASSALA, May 3 - A fresh attack by the militants leaves heavy losses",
])
def test_a_speaker_or_a_dateline_is_not_the_headline_place(monkeypatch: pytest.MonkeyPatch,
                                                                      text: str) -> None:
    assert _placeless_choice(monkeypatch, text, on=True) == [None]
