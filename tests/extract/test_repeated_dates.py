"""One event per day of an act told as repeated (short texts written here)."""

from __future__ import annotations

import pytest

from truce.extract.pipeline import extract

PUBLISHED = "2024-04-10"


def _attack_days(text: str) -> list[str]:
    events = [e for e in extract(text, published=PUBLISHED) if e.type == "ASSAULT"]
    assert events, text
    return sorted(str(e.date.start) for e in events if e.date is not None and e.date.start is not None)


@pytest.mark.parametrize("text, days", [
    ("Gunmen attacked the village of Kouri on 2 April and again on 4 April.", ["2024-04-02", "2024-04-04"]),
    ("Separatist forces shelled Avdiivka on 5 April, on 6 April and on 8 April, the army said.",
     ["2024-04-05", "2024-04-06", "2024-04-08"]),
    ("Rebels ambushed army convoys near Beni on 3 April and then on 7 April.", ["2024-04-03", "2024-04-07"]),
])
def test_each_day_of_a_repeated_act_is_an_event(text: str, days: list[str]) -> None:
    assert _attack_days(text) == days


def test_the_toll_stays_on_the_first_day() -> None:
    events = [e for e in extract("Militants raided Djibo on 2 April and again on 4 April, killing nine people.",
                                 published=PUBLISHED) if e.type == "ASSAULT"]
    assert len(events) == 2
    by_day = sorted((str(e.date.start), e.fatalities) for e in events if e.date)
    assert by_day == [("2024-04-02", 9), ("2024-04-04", None)]
    assert len({e.id for e in events}) == 2


@pytest.mark.parametrize("text", [
    "Russian forces shelled Kherson on 3 April and struck Mykolaiv with drones on 5 April.",
    "Militants attacked Kouri between 2 and 4 April.",
])
def test_two_acts_or_one_span_are_not_a_repeated_act(text: str) -> None:
    events = [e for e in extract(text, published=PUBLISHED) if e.type == "ASSAULT"]
    assert events
    per_trigger = [(e.evidence.spans or {}).get("trigger", [0])[0] for e in events if e.evidence is not None]
    assert len(per_trigger) == len(set(per_trigger)), [e.to_dict() for e in events]
