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


_STATEMENT = ("Statement of the Ministry of Defence of Azerbaijan\n\n"
              "Armenian forces shelled our positions in Kalbajar, the Ministry of Defence of Azerbaijan said.\n\n"
              "From positions in the Basarkechar district, fire was opened on our positions in the Kalbajar "
              "and Lachin districts.")


def test_fire_on_our_positions_is_the_speakers_claim_against_the_other_side() -> None:
    events = [e for e in _assaults(_STATEMENT) if e.evidence is not None and e.evidence.sentence.startswith("From")]
    assert len(events) >= 2, "one claim per target place expected"
    for e in events:
        assert e.status == "claimed"
        assert e.source is not None and e.source.country == "AZE", "the ministry voices the whole statement"
        assert e.recipient is not None and e.recipient.country == "AZE", "our positions: the speaker's side"
        assert e.actor is not None and e.actor.country == "ARM", "fire was opened: by the other side"
    assert len({e.id for e in events}) == len(events)


def test_two_speaking_parties_leave_an_unvoiced_claim_alone() -> None:
    text = ("Armenian forces shelled our positions in Kalbajar, the Ministry of Defence of Azerbaijan said. "
            "Azerbaijani forces shelled our positions near Sotk, the Armenian Defence Ministry said.\n\n"
            "Fire was opened on our positions in the Lachin district.")
    last = [e for e in _assaults(text) if e.evidence is not None and e.evidence.sentence.startswith("Fire")]
    assert last, "the claim was lost"
    assert all(e.source is None for e in last), "two parties speak: whose positions is unknown"


def test_places_that_came_under_fire_are_each_a_target() -> None:
    # a general staff's list by direction: the subjects undergo the act, they are no parties
    events = _assaults("In the Donetsk direction, Toretsk and Niu-York came under mortar fire.")
    where = {e.location.name for e in events if e.location is not None}
    assert len(where) >= 2, f"one attack per place expected, got {where}"


def test_places_shelled_in_the_passive_are_each_a_target() -> None:
    events = _assaults("Nikopol and Marhanets were shelled with heavy artillery overnight.")
    assert len({e.location.name for e in events if e.location is not None}) >= 2, [e.location for e in events]


def test_places_that_trade_fire_stay_the_parties() -> None:
    events = _assaults("Armenia and Azerbaijan traded fire near Tegh.")
    assert len(events) == 1, [e.location for e in events]
