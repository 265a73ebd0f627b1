"""Fusion of hand-made events and observations into incidents."""

from __future__ import annotations

import random

from truce.fuse import fuse
from truce.fusion.items import observation_place
from truce.model import Incident

WIRE = ("Azerbaijani artillery shelled the town of Shusha on Thursday morning, damaging homes near the "
        "central square, according to local officials who spoke to reporters by telephone. Residents said "
        "the shelling lasted about an hour and that several buildings were hit, including a school that had "
        "been closed since the fighting began earlier in the week.")


def _dicts(incidents: list[Incident]) -> list[dict]:
    return [i.to_dict() for i in incidents]


def test_forty_explosions_heard_within_an_hour_are_one_incident(make_report, make_observation):
    log = make_report("Team 1 log, 21 Sep", "OSCE Team 1", kind="field")
    obs = [make_observation(log, f"2023-09-21T08:{m:02d}:00+00:00", n=m, bearing=120, distance=4)
           for m in range(0, 60, 3)]
    obs += [make_observation(log, f"2023-09-21T08:{m:02d}:30+00:00", n=100 + m, bearing=125, distance=5)
            for m in range(0, 60, 3)]
    assert len(obs) == 40
    incidents = fuse([], obs, {log.id: log})
    assert len(incidents) == 1
    incident = incidents[0]
    assert incident.observation_count == 40
    assert len(incident.observation_ids) == 40
    assert incident.independent_sources == 1
    assert incident.type == "ASSAULT"


def test_explosions_on_two_days_far_apart_stay_apart(make_report, make_observation):
    log = make_report("Team 2 log", "OSCE Team 2", kind="field")
    a = make_observation(log, "2023-09-21T08:00:00+00:00", observer="Team 2", n=1)
    b = make_observation(log, "2023-09-25T08:00:00+00:00", observer="Team 2", n=2)
    c = make_observation(log, "2023-09-21T08:10:00+00:00", observer="Team 2", position=(40.60, 45.10), n=3)
    assert len(fuse([], [a, b, c], {log.id: log})) == 3


def test_syndicated_copies_count_as_one_source(make_report, make_event):
    original = make_report(WIRE, "Associated Press")
    reprint = make_report(WIRE, "Yahoo News")
    trimmed = make_report(WIRE.rsplit(".", 2)[0] + ". (AP)", "Local Herald")
    sentence = "Azerbaijani artillery shelled the town of Shusha on Thursday morning."
    events = [make_event(r, sentence) for r in (original, reprint, trimmed)]
    reports = {r.id: r for r in (original, reprint, trimmed)}
    [incident] = fuse(events, [], reports)
    assert len(incident.report_ids) == 3
    assert incident.independent_sources == 1

    other = make_report("Shells landed in Shusha overnight, the Armenian defence army said; two "
                        "civilians were wounded in the strike on the old town.", "Armenpress")
    events.append(make_event(other, "Shells landed in Shusha overnight.", status="claimed", speaker="ARM"))
    reports[other.id] = other
    [incident] = fuse(events, [], reports)
    assert incident.independent_sources == 2, "a different outlet with its own text is a second source"


def test_observations_of_one_team_are_one_source_and_teams_add_up(make_report, make_observation):
    log1 = make_report("Team 1 log", "OSCE Team 1", kind="field")
    log2 = make_report("Team 2 log", "OSCE Team 2", kind="field")
    obs = [make_observation(log1, "2023-09-21T08:00:00+00:00", n=i) for i in range(5)]
    obs.append(make_observation(log2, "2023-09-21T08:20:00+00:00", observer="Team 2", position=(39.78, 46.74)))
    [incident] = fuse([], obs, {log1.id: log1, log2.id: log2})
    assert incident.independent_sources == 2
    assert incident.observation_count == 6


def test_observation_is_placed_along_its_bearing(make_report, make_observation):
    log = make_report("Team 3 log", "Team 3", kind="field")
    obs = make_observation(log, "2023-09-21T08:00:00+00:00", position=(39.80, 46.70), bearing=90, distance=10)
    lat, lon, tol = observation_place(obs)
    assert lat is not None and lon is not None
    assert abs(lat - 39.80) < 0.01 and 46.80 < lon < 46.83  # 10 km east
    assert tol > 1.0
    bare = make_observation(log, "2023-09-21T08:00:00+00:00", position=(39.80, 46.70))
    assert observation_place(bare)[2] > tol, "the observer's own post is a wider guess than a projection"
    aimed = make_observation(log, "2023-09-21T08:00:00+00:00", target=(39.76, 46.75), bearing=90, distance=10)
    assert observation_place(aimed)[:2] == (39.76, 46.75)


def test_news_and_field_observations_of_one_shelling_fuse(make_report, make_event, make_observation):
    news = make_report("Shusha was shelled on Thursday, officials said.", "Reuters")
    event = make_event(news, "Shusha was shelled on Thursday.", actor="AZE", recipient="ARM")
    log = make_report("Team 1 log", "OSCE Team 1", kind="field")
    # Heard from Stepanakert, 6 km to the south-south-west: that is Shusha.
    obs = [make_observation(log, "2023-09-21T07:00:00+00:00", position=(39.8153, 46.7519), bearing=185,
                            distance=6, n=i) for i in range(3)]
    [incident] = fuse([event], obs, {news.id: news, log.id: log})
    assert incident.event_ids == [event.id]
    assert incident.observation_count == 3
    assert incident.independent_sources == 2
    assert incident.actor_country == "AZE"


def test_items_of_different_families_or_places_do_not_fuse(make_report, make_event):
    r = make_report("Several things happened.", "Reuters")
    attack = make_event(r, "Azerbaijan shelled Shusha.")
    talks = make_event(r, "Officials met in Shusha.", type="CONSULT", mode=None, tag="talks")
    far = make_event(r, "Azerbaijan shelled Kalbajar.", place="Kalbajar", tag="far")
    incidents = fuse([attack, talks, far], [], {r.id: r})
    assert len(incidents) == 3
    assert sorted(i.type for i in incidents) == ["ASSAULT", "ASSAULT", "CONSULT"]


def test_event_without_coordinates_joins_by_place_name(make_report, make_event):
    a, b = make_report("A report", "Reuters"), make_report("Another report", "AFP")
    located = make_event(a, "Azerbaijani forces shelled Shusha.")
    named = make_event(b, "Shelling was reported in the Shusha area.", coords=False)
    [incident] = fuse([located, named], [], {a.id: a, b.id: b})
    assert set(incident.event_ids) == {located.id, named.id}


def test_claims_and_denials_are_kept_per_party(make_report, make_event):
    a, b = make_report("ARM says", "Armenpress"), make_report("AZE says", "APA")
    claim = make_event(a, "Azerbaijani troops shelled Shusha, the defence army said.", status="claimed",
                       speaker="ARM")
    denial = make_event(b, "Baku denied shelling Shusha.", status="denied", speaker="AZE")
    [incident] = fuse([claim, denial], [], {a.id: a, b.id: b})
    assert [(c.party, c.stance, c.accused) for c in incident.claims] == [
        ("ARM", "claims", "AZE"), ("AZE", "denies", "AZE")]
    assert incident.confidence <= 0.6, "statements alone leave the incident doubtful"


def test_negated_and_vague_events_do_not_make_incidents_with_others(make_report, make_event):
    r = make_report("Turkey says it took no part.", "Reuters")
    negated = make_event(r, "Turkey did not take part in the operation.", actor="TUR", aux="negation")
    background = make_event(r, "The war of the 1990s ended in a ceasefire.", aux="historical", tag="h")
    assert fuse([negated, background], [], {r.id: r}) == []
    month = make_event(r, "Shelling went on through September.", precision_day="month", tag="m")
    day = make_event(r, "Shusha was shelled.", tag="d")
    assert len(fuse([month, day], [], {r.id: r})) == 2


def test_undated_event_is_dated_by_publication(make_report, make_event):
    r = make_report("Shusha shelled", "Reuters", published="2023-09-21T18:00:00+00:00")
    [incident] = fuse([make_event(r, "Shusha was shelled.", day=None)], [], {r.id: r})
    assert incident.start is not None and incident.start.isoformat() == "2023-09-21T00:00:00+00:00"
    assert incident.end is not None and incident.end.isoformat() == "2023-09-21T18:00:00+00:00", \
        "nothing reported can have happened after publication"


def _scenario(make_report, make_event, make_observation):
    reports, events, observations = {}, [], []
    for day in ("2023-09-19", "2023-09-22", "2023-09-25"):
        for k, (outlet, place) in enumerate([("Reuters", "Shusha"), ("AFP", "Shusha"), ("AP", "Kalbajar"),
                                             ("BBC", "Mardakert")]):
            r = make_report(f"{outlet} on {place} {day}", outlet, published=f"{day}T20:00:00+00:00")
            reports[r.id] = r
            events.append(make_event(r, f"Shelling hit {place}.", place=place, day=day, tag=str(k)))
        log = make_report(f"Team log {day}", "OSCE Team 1", kind="field")
        reports[log.id] = log
        observations += [make_observation(log, f"{day}T0{h}:15:00+00:00", n=h, bearing=185, distance=6,
                                          position=(39.8153, 46.7519)) for h in range(4)]
    return events, observations, reports


def test_same_inputs_in_any_order_give_the_same_incidents(make_report, make_event, make_observation):
    events, observations, reports = _scenario(make_report, make_event, make_observation)
    first = _dicts(fuse(events, observations, reports))
    assert len(first) == 9  # three days × (Shusha with its observations, Kalbajar, Mardakert)
    rng = random.Random(7)
    for _ in range(5):
        rng.shuffle(events)
        rng.shuffle(observations)
        shuffled = dict(rng.sample(sorted(reports.items()), len(reports)))
        assert _dicts(fuse(events, observations, shuffled)) == first


def test_incremental_fusion_equals_batch(make_report, make_event, make_observation):
    events, observations, reports = _scenario(make_report, make_event, make_observation)
    batch = _dicts(fuse(events, observations, reports))
    cut = "2023-09-23"

    def early(x) -> bool:
        when = x.date.start.isoformat() if hasattr(x, "date") else x.observed_from.date().isoformat()
        return when < cut

    first = fuse([e for e in events if early(e)], [o for o in observations if early(o)], reports)
    assert len(first) < len(batch)
    second = fuse([e for e in events if not early(e)], [o for o in observations if not early(o)], reports,
                  existing=first)
    assert _dicts(second) == batch
    # Giving the already-fused items again changes nothing.
    assert _dicts(fuse(events, observations, reports, existing=second)) == batch


def test_incremental_join_keeps_the_incident_id(make_report, make_event):
    a, b = make_report("first", "Reuters"), make_report("second", "AFP")
    [before] = fuse([make_event(a, "Shusha was shelled.")], [], {a.id: a})
    late = make_event(b, "Shusha was shelled again, AFP confirmed.", day="2023-09-22")
    [after] = fuse([late], [], {b.id: b}, existing=[before])
    assert after.id == before.id
    assert after.report_ids == sorted([a.id, b.id])
    assert after.independent_sources == 2, "the earlier report is counted even when not passed again"


def test_unplaced_sentences_join_the_incident_their_report_placed(make_report, make_event):
    r = make_report("Shelling of Shusha", "Reuters", published="2023-09-21T18:00:00+00:00")
    placed = make_event(r, "Azerbaijani artillery shelled Shusha.", actor="AZE", recipient="ARM")
    bare = make_event(r, "Residents hid in cellars as shells fell.", actor=None, recipient=None, place=None,
                      day=None, tag="bare")
    other = make_report("Sotk", "AFP", published="2023-09-21T18:00:00+00:00")
    far = make_event(other, "Fire near Kalbajar.", place="Kalbajar", tag="far")
    incidents = fuse([placed, bare, far], [], {r.id: r, other.id: other})
    assert len(incidents) == 2
    [shusha] = [i for i in incidents if placed.id in i.event_ids]
    assert bare.id in shusha.event_ids


def test_unplaced_sentence_never_joins_a_sensor_only_incident(make_report, make_event, make_observation):
    log = make_report("Sensor log", "Sensors", kind="sensor")
    obs = [make_observation(log, f"2023-09-21T08:{m:02d}:00+00:00", n=m) for m in range(3)]
    news = make_report("Shooting somewhere", "Reuters", published="2023-09-21T18:00:00+00:00")
    bare = make_event(news, "Shooting was heard.", actor=None, recipient=None, place=None)
    incidents = fuse([bare], obs, {log.id: log, news.id: news})
    assert len(incidents) == 2
    assert all(i.independent_sources == 1 for i in incidents)


def test_a_day_only_mention_takes_the_observed_time_and_does_not_stretch_it(make_report, make_event,
                                                                            make_observation):
    log = make_report("Team log", "OSCE Team 1", kind="field")
    obs = make_observation(log, "2023-09-21T12:40:00+00:00", until="2023-09-21T13:20:00+00:00",
                           position=(39.8153, 46.7519), bearing=185, distance=6)
    news = make_report("Shusha shelled", "Reuters", published="2023-09-21T18:00:00+00:00")
    event = make_event(news, "Shusha was shelled on Thursday.")  # dated to the day only
    [incident] = fuse([event], [obs], {log.id: log, news.id: news})
    assert incident.start is not None and incident.end is not None
    assert (incident.start.isoformat(), incident.end.isoformat()) == ("2023-09-21T12:40:00+00:00",
                                                                       "2023-09-21T13:20:00+00:00")


def test_event_cannot_end_after_its_report_was_published(make_report, make_event):
    r = make_report("Morning report", "Reuters", published="2023-09-20T06:00:00+00:00")
    [incident] = fuse([make_event(r, "Stepanakert was shelled.", place="Stepanakert", day="2023-09-20")], [],
                      {r.id: r})
    assert incident.end is not None and incident.end.isoformat() == "2023-09-20T06:00:00+00:00"


def test_a_far_namesake_is_left_unplaced_by_the_geocoder_and_joins_by_its_other_ties(make_report, make_event):
    """Fusion takes places as the geocoder gives them: the geocoder itself refuses a namesake far
    from the rest of the text (Vang, Norway, in a Karabakh report), so fusion needs no stray rule."""
    from truce.geo.resolve import places

    text = ("Azerbaijani forces shelled Shusha, Stepanakert and Askeran on Friday. "
            "Fire on the village of Vang was denied by the ministry.")
    found = places(text)
    assert {m.text for m in found} >= {"Shusha", "Stepanakert", "Askeran"}
    assert all(m.country == "AZE" for m in found), [(m.text, m.country) for m in found]
    assert "Vang" not in {m.text for m in found}

    r = make_report("Denial", "APA", published="2023-09-22T12:00:00+00:00")
    events = [make_event(r, f"Shelling near {p}.", place=p, tag=p, day="2023-09-22")
              for p in ("Shusha", "Stepanakert", "Askeran")]
    unplaced = make_event(r, "Fire on the village of Vang was denied.", place=None, day="2023-09-22", tag="vang")
    incidents = fuse([*events, unplaced], [], {r.id: r})
    assert len(incidents) == 1
    assert incidents[0].location is not None and incidents[0].location.country == "AZE"


def test_incident_is_placed_where_most_members_put_it(make_report, make_event):
    """Regression: the first member's place won ties of precision, so a headline naming the town
    the fire was heard from placed a Shusha incident in Stepanakert."""
    from truce.fusion.cluster import Cluster
    from truce.fusion.items import item_from_event

    first = make_report("Gunfire from the heights unsettles Stepanakert", "Outlet A")
    cluster = Cluster.seed(item_from_event(make_event(first, "Gunfire unsettles Stepanakert.", place="Stepanakert"),
                                           first))
    for n, outlet in enumerate(("Outlet B", "Outlet C", "Outlet D")):
        report = make_report(f"Fire near Shusha, story {n}", outlet)
        cluster.absorb(item_from_event(make_event(report, f"Fighters fired near Shusha ({n}).", place="Shusha"),
                                       report))
    assert cluster.location is not None and cluster.location.name == "Shusha"


def test_a_village_named_once_does_not_outvote_a_town_named_often(make_report, make_event):
    from truce.fusion.cluster import Cluster
    from truce.fusion.items import item_from_event

    first = make_report("Fire heard in Stepanakert", "Outlet A")
    cluster = Cluster.seed(item_from_event(
        make_event(first, "Fire heard in Stepanakert.", place="Stepanakert", precision="village"), first))
    for n, outlet in enumerate(("Outlet B", "Outlet C")):
        report = make_report(f"Fire near Shusha, story {n}", outlet)
        cluster.absorb(item_from_event(make_event(report, f"Fired near Shusha ({n}).", place="Shusha"), report))
    assert cluster.location is not None and cluster.location.name == "Shusha"


def test_unplaced_denial_joins_only_the_claim_it_answers(make_report, make_event):
    """A denial naming no place corroborates nothing: it joins the incident whose claim it
    answers, never one that merely happened that day, and alone it makes no incident."""
    a, b, c = (make_report("Claim", "Armenpress"), make_report("Other story", "Reuters"),
               make_report("Denial", "APA"))
    claim = make_event(a, "Azerbaijani troops fired on the village of Vank, the defence army said.",
                       status="claimed", speaker="ARM", place="Vank")
    other = make_event(b, "Protesters gathered outside government buildings in Yerevan.", place="Shusha",
                       actor=None, recipient=None, tag="other")
    answer = make_event(c, "The ministry rejected the claim that troops fired on the village.",
                        status="denied", speaker="AZE", place=None, actor=None, recipient=None, tag="ans")
    unrelated = make_event(c, "Officials said morale in the capital remained high.", status="denied",
                           speaker="AZE", place=None, actor=None, recipient=None, tag="unrel")
    incidents = fuse([claim, other, answer, unrelated], [], {r.id: r for r in (a, b, c)})
    members = {e for i in incidents for e in i.event_ids}
    assert unrelated.id not in members, "a denial tied to nothing by report, words or sides joins nothing"
    [vank] = [i for i in incidents if claim.id in i.event_ids]
    assert answer.id in vank.event_ids
    assert len(incidents) == 2
