"""A party's statement of fire on several of its positions: one claimed event per target place,
each with an id of its own."""
from __future__ import annotations

from datetime import date

from truce.extract.pipeline import extract


def _assaults(text: str) -> list:
    return [e for e in extract(text, published=date(2021, 3, 15)) if e.type == "ASSAULT"]


def test_each_target_place_is_an_event_with_its_own_id() -> None:
    text = ("The Defence Ministry said that from positions in Horlivka and Yasynuvata, fire was opened "
            "on our positions in Avdiivka and Pisky.")
    events = _assaults(text)
    places = {e.location.name for e in events if e.location is not None}
    assert len(places) >= 2, f"one event per target place expected, got {places}"
    assert not places & {"Horlivka", "Yasynuvata"}, "the places fire came from are not targets"
    ids = [e.id for e in events]
    assert len(ids) == len(set(ids)), f"copies share an id: {ids}"


def test_copy_ids_are_stable_across_runs() -> None:
    text = ("From positions in Pisky and Opytne, the armed formations opened fire on our positions in "
            "Krasnohorivka and Maryinka, the Ministry of Defence of Ukraine said.")
    first = [e.id for e in _assaults(text)]
    assert len(first) >= 2 and len(set(first)) == len(first)
    assert first == [e.id for e in _assaults(text)]
