"""A report's one scene places only the acts of its days, and a claim the sentence calls false is
denied (short texts written here; regressions of the demo scenario's Vank accusation)."""

from __future__ import annotations

import pytest

from truce.extract.pipeline import extract

pytestmark = pytest.mark.usefixtures("truce_home")


def test_fighting_of_other_days_takes_no_place_from_the_report() -> None:
    text = ("Azerbaijani troops fired on the village of Vank on Friday, the Defence Army said.\n\n"
            "Villages of the region were cut off from the outside world during last month's fighting.")
    attacks = [e for e in extract(text, "2023-09-22", use_classifier=False) if e.type == "ASSAULT"]
    assert any(e.location is not None and e.location.text == "Vank" for e in attacks), attacks
    other_days = [e for e in attacks if e.date is not None and e.date.start is not None
                  and str(e.date.start) < "2023-09-20"]
    assert other_days, [e.to_dict() for e in attacks]
    assert all(e.location is None for e in other_days), [e.to_dict() for e in other_days]


def test_a_claim_the_sentence_calls_false_is_denied() -> None:
    text = ("The information spread this morning by the rebels, claiming that army units fired on the "
            "village of Vank, is false and does not reflect reality.")
    attacks = [e for e in extract(text, "2023-09-22") if e.type == "ASSAULT"]
    assert attacks
    assert all(e.status == "denied" for e in attacks), [e.to_dict() for e in attacks]
