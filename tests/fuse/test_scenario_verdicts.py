"""Hand-built reports → fuse → adjudicate against the Karabakh ceasefire of 20 Sep 2023."""

from __future__ import annotations

import pytest
from shapely.geometry import Polygon

from truce.agreements import adjudicate_all, load_agreement
from truce.agreements.load import examples_dir
from truce.fuse import fuse

KARABAKH = Polygon([(46.30, 40.25), (46.90, 40.30), (47.10, 39.85), (46.85, 39.40), (46.40, 39.45),
                    (46.22, 39.90)])


@pytest.fixture
def ceasefire():
    return load_agreement(examples_dir() / "karabakh-2023-09-20.yaml",
                          lambda name: KARABAKH if name == "Nagorno-Karabakh" else None)


def test_scenario(ceasefire, make_report, make_event, make_observation):
    reports, events, observations = {}, [], []

    def news(text, outlet, published, sentence, **kw):
        r = make_report(text, outlet, published=published)
        reports[r.id] = r
        events.append(make_event(r, sentence, **kw))

    # 19 Sep: the offensive, before the ceasefire; two outlets and monitors' observations.
    news("Azerbaijan shelled Stepanakert on Tuesday.", "Caucasus Wire", "2023-09-19T18:00:00+00:00",
         "Azerbaijani artillery shelled Stepanakert.", place="Stepanakert", day="2023-09-19")
    news("Shells fell on Stepanakert, residents said.", "Yerevan Courier", "2023-09-19T19:00:00+00:00",
         "Shells fell on Stepanakert.", place="Stepanakert", day="2023-09-19")
    log19 = make_report("Team 2 log 19 Sep", "JMC team 2", kind="field")
    reports[log19.id] = log19
    observations.append(make_observation(log19, "2023-09-19T09:08:00+00:00", until="2023-09-19T09:35:00+00:00",
                                         observer="JMC team 2", position=(39.811, 46.7585), count=14,
                                         distance=1.5))
    # 21 Sep: Shusha, after the ceasefire: a wire story and its reprint, a second outlet, monitors.
    wire = ("Karabakh Armenian units fired small arms and mortars at Azerbaijani positions on the northern "
            "edge of Shusha on Thursday afternoon, Azerbaijan's defence ministry said, and a spokesman for "
            "the Karabakh Armenian side acknowledged an exchange of fire in the area.")
    for outlet in ("Global Wire Service", "Tbilisi Evening Post"):
        news(wire, outlet, "2023-09-21T16:00:00+00:00", "Karabakh Armenian units fired at positions near Shusha.",
             actor="ARM", recipient="AZE", mode="firearms")
    news("Gunfire at the heights of Shusha: the second outlet's own account of the clash near the town.",
         "Caucasus Wire", "2023-09-21T17:00:00+00:00", "Gunfire broke out near Shusha.", actor="ARM",
         recipient="AZE", mode="firearms")
    log21 = make_report("Team 2 log 21 Sep", "JMC team 2", kind="field")
    reports[log21.id] = log21
    observations.append(make_observation(log21, "2023-09-21T12:42:00+00:00", until="2023-09-21T13:20:00+00:00",
                                         what="small-arms", observer="JMC team 2", position=(39.803, 46.742),
                                         bearing=170, distance=4.4, count=25))
    # 22 Sep: Vank, one side's accusation, denied.
    news("The Defence Army says Azerbaijani units fired at Vank.", "Defence Army press service",
         "2023-09-22T06:00:00+00:00", "Azerbaijani units fired at Vank, the Defence Army said.",
         status="claimed", speaker="ARM", place="Vank", coords=False, day="2023-09-22", mode="firearms")
    news("Baku denies firing at Vank.", "Azerbaijan MoD", "2023-09-22T09:00:00+00:00",
         "The ministry denied that its units fired at Vank.", status="denied", speaker="AZE", place="Vank",
         coords=False, day="2023-09-22", mode="firearms")

    incidents = fuse(events, observations, reports)
    assert len(incidents) == 3
    verdicts = {v.incident_id: v for v in adjudicate_all(incidents, [ceasefire])}
    by_day = {i.start.date().isoformat(): (i, verdicts[i.id]) for i in incidents if i.start}

    offensive, v19 = by_day["2023-09-19"]
    assert v19.verdict == "not_a_violation" and "before" in v19.explanation
    assert offensive.observation_count == 14

    shusha, v21 = by_day["2023-09-21"]
    assert shusha.independent_sources == 3, "the reprint counts once; the monitors count once"
    assert shusha.observation_count == 25
    assert (v21.verdict, v21.party, v21.clauses) == ("violation", "ARM", ["2"])

    vank, v22 = by_day["2023-09-22"]
    assert len(vank.event_ids) == 2
    assert (v22.verdict, v22.party) == ("possible_violation", "AZE")
    assert "one side's word" in v22.explanation
