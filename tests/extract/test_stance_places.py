"""Stance, dates and places of events, and extract_many's report ids (short texts written here)."""

from __future__ import annotations

from truce.extract.pipeline import extract, extract_many

PUBLISHED = "2024-03-05"


def _events(text: str) -> list[dict]:
    return [e.to_dict() for e in extract(text, published=PUBLISHED)]


def test_extract_many_takes_triples_and_pairs_in_order() -> None:
    texts = ["Russian forces shelled the village of Orikhiv on Monday.",
             "Azerbaijan announced a ceasefire on Tuesday."]
    got = list(extract_many([(texts[0], PUBLISHED, "news-abc"), (texts[1], PUBLISHED)]))
    assert len(got) == 2 and got[0] and got[1]
    assert {e.report_id for e in got[0]} == {"news-abc"}
    assert "news-abc" not in {e.report_id for e in got[1]}
    assert any(e.type == "AGREE" for e in got[1])


def test_period_running_past_publication_never_dates_an_event_after_it() -> None:
    for ev in _events("Britain said it was considering similar steps and that the commanders could face "
                      "British sanctions in the coming weeks."):
        date = ev.get("date") or {}
        assert (date.get("end") or date.get("start") or PUBLISHED)[:10] <= PUBLISHED


def test_second_reporting_verb_shares_the_first_ones_speaker() -> None:
    text = ("Separatist officials in Donetsk denied their fighters had fired at Shumy and said instead that "
            "a Ukrainian drone had dropped an explosive on a separatist position.")
    drops = [e for e in _events(text) if e["type"] == "ASSAULT" and "drop" in e["evidence"]["sentence"][
        e["evidence"]["spans"]["trigger"][0] - e["evidence"]["start"]:][:8]]
    assert drops and drops[0]["status"] == "claimed"


def test_obligation_still_to_be_met_is_future() -> None:
    hits = [e for e in _events("Under the deal, Tigrayan forces are to hand over their heavy weapons.")
            if e["type"] == "RETREAT"]
    assert hits and all(e["aux"] == "future" for e in hits)


def test_aim_of_an_effort_is_no_event() -> None:
    text = "The leaders held talks in Brussels, the latest round of efforts to reach a peace agreement."
    types = [e["type"] for e in _events(text)]
    assert "CONSULT" in types and "AGREE" not in types


def test_what_a_demand_asks_for_is_part_of_the_demand() -> None:
    text = "Guterres called on the military to end its campaign of violence against the population."
    types = [e["type"] for e in _events(text)]
    assert "REQUEST" in types and "SANCTION" not in types


def test_acting_capital_and_side_clause_are_not_event_places() -> None:
    text = "Kyiv did not comment on that claim but accused Moscow of shelling the route of the mission."
    for ev in _events(text):
        assert (ev.get("location") or {}).get("name") != "Kyiv"
    text = "Meeting in Abuja, the leaders ordered the closure of borders with Niger."
    closures = [e for e in _events(text) if e["type"] in {"COERCE", "SANCTION"}]
    assert closures  # the meeting itself may sit in Abuja; the closure does not
    assert all((e.get("location") or {}).get("name") != "Abuja" for e in closures)
