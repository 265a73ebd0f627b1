"""Incidents judged against the shipped agreements."""

from __future__ import annotations

from pathlib import Path

import yaml

from truce.agreements import AdjudicationContext, adjudicate, adjudicate_all, load_agreement, verdicts_changed
from truce.model import ActorRef, Event


def test_attack_before_the_ceasefire_is_not_a_violation(karabakh_2023, make_incident):
    incident = make_incident(start="2023-09-19T09:00:00+00:00", end="2023-09-19T15:00:00+00:00",
                             observations=14)
    v = adjudicate(incident, karabakh_2023)
    assert v.verdict == "not_a_violation"
    assert "came before" in v.explanation and "took effect" in v.explanation
    assert v.party == "AZE"


def test_corroborated_attack_after_the_ceasefire_is_a_violation(karabakh_2023, make_incident):
    incident = make_incident(observations=3, claims=[("ARM", "claims", "AZE"), ("AZE", "denies", "AZE")],
                             asserted=0, sources=2)
    v = adjudicate(incident, karabakh_2023)
    assert v.verdict == "violation"
    assert v.clauses == ["2"]
    assert v.party == "AZE"
    assert v.agreement_version == karabakh_2023.version
    assert v.explanation.startswith("Shelling near Shusha on 21 Sep 2023 breaks clause 2 (all attacks "
                                    "prohibited) of the Karabakh ceasefire of 20 Sep 2023 (in force since "
                                    "09:00 UTC 20 Sep 2023, 13:00 Asia/Baku time)")
    for words in ("claimed by ARM", "denied by AZE", "confirmed by 3 field observations"):
        assert words in v.explanation


def test_one_sided_accusation_is_a_possible_violation(karabakh_2023, make_incident):
    # The accusation relayed by three outlets is still one side's word.
    incident = make_incident(actor=None, claims=[("ARM", "claims", "AZE"), ("ARM", "claims", "AZE"),
                                                 ("AZE", "denies", "AZE")], asserted=0, sources=3,
                             place=("Vank", 40.0528, 46.5442))
    v = adjudicate(incident, karabakh_2023)
    assert v.verdict == "possible_violation"
    assert v.party == "AZE"
    assert "one side's word" in v.explanation and "other side's claim" in v.explanation


def test_single_report_is_not_enough_but_a_second_source_is(karabakh_2023, make_incident):
    assert adjudicate(make_incident(sources=1), karabakh_2023).verdict == "possible_violation"
    assert adjudicate(make_incident(sources=2), karabakh_2023).verdict == "violation"


def test_admission_by_the_acting_party_corroborates(karabakh_2023, make_incident):
    # The speaker is the party itself by its own name, so owning up corroborates.
    incident = make_incident(actor="ARM", recipient="AZE", asserted=0, sources=1,
                             claims=[("Karabakh Armenian forces", "claims", "ARM")])
    v = adjudicate(incident, karabakh_2023)
    assert (v.verdict, v.party) == ("violation", "ARM")
    assert "acknowledged by ARM" in v.explanation


def test_a_matching_country_code_alone_is_no_admission(karabakh_2023, make_incident):
    # Regression: a speaker coded with the accused side's country (officials of a place that side
    # claims but does not hold) made a one-sided accusation count as that side's own admission.
    incident = make_incident(actor="AZE", recipient="ARM", asserted=0, sources=1,
                             claims=[("AZE", "claims", "AZE")])
    v = adjudicate(incident, karabakh_2023)
    assert v.verdict == "possible_violation"
    assert "acknowledged" not in v.explanation


def test_day_that_straddles_the_effective_time_is_only_possible(karabakh_2023, make_incident):
    incident = make_incident(start="2023-09-20T00:00:00+00:00", end="2023-09-20T23:59:59+00:00",
                             observations=5)
    v = adjudicate(incident, karabakh_2023)
    assert v.verdict == "possible_violation"
    assert "known only to the day" in v.explanation


def test_place_outside_the_area_is_out_of_scope(karabakh_2023, make_incident):
    incident = make_incident(place=("Sotk", 40.2001, 45.8695), observations=2)
    assert adjudicate(incident, karabakh_2023).verdict == "out_of_scope"


def test_act_no_clause_prohibits_is_not_a_violation_even_outside_the_area(karabakh_2023, make_incident):
    talks = make_incident(type="CONSULT", mode=None, place=("Yevlakh", 40.6183, 47.1501))
    v = adjudicate(talks, karabakh_2023)
    assert v.verdict == "not_a_violation"
    assert "not an act any clause" in v.explanation
    aid = make_incident(type="AID", mode=None, place=("Stepanakert", 39.8153, 46.7519))
    assert adjudicate(aid, karabakh_2023).verdict == "not_a_violation"


def test_act_by_a_non_party_is_out_of_scope(karabakh_2023, make_incident):
    v = adjudicate(make_incident(actor="TUR", observations=2), karabakh_2023)
    assert v.verdict == "out_of_scope"
    assert "not a party" in v.explanation


def test_unknown_place_leaves_it_possible(karabakh_2023, make_incident):
    v = adjudicate(make_incident(place=None, observations=2), karabakh_2023)
    assert v.verdict == "possible_violation" and "place is not known" in v.explanation


def test_separatists_coded_as_rebels_inside_azerbaijan_are_the_armenian_party(karabakh_2023, make_incident):
    incident = make_incident(actor="AZE", recipient="AZE", asserted=1, sources=2)
    [eid] = incident.event_ids
    event = Event(id=eid, report_id="rp_0", type="ASSAULT",
                  actor=ActorRef(text="ethnic Armenian separatists", country="AZE", sector="REB"))
    assert adjudicate(incident, karabakh_2023).party == "AZE"  # a bare country code cannot tell
    v = adjudicate(incident, karabakh_2023, AdjudicationContext.of([event]))
    assert (v.verdict, v.party) == ("violation", "ARM")


def test_withdrawal_movement_is_allowed_by_exception(karabakh_2023, make_incident):
    moving = make_incident(type="MOBILIZE", mode=None, actor="ARM",
                           summary="Units withdraw from positions near Shusha.")
    v = adjudicate(moving, karabakh_2023)
    assert v.verdict == "not_a_violation" and "exception withdrawal" in v.explanation
    advance = make_incident(type="MOBILIZE", mode=None, actor="AZE", summary="Troops advance on Shusha.")
    assert adjudicate(advance, karabakh_2023).verdict == "violation"


def test_minsk_heavy_weapons_zone_is_measured_from_the_line(examples, resolve_region, make_incident):
    minsk = load_agreement(examples / "minsk-2015-02-12.yaml", resolve_region)
    near = make_incident(type="MOBILIZE", mode=None, actor="UKR", weapons=["artillery"], observations=1,
                         start="2015-03-01T10:00:00+00:00", place=("Avdiivka area", 48.14, 37.60))
    v = adjudicate(near, minsk)
    assert (v.verdict, v.clauses) == ("violation", ["2a"])
    far = make_incident(type="MOBILIZE", mode=None, actor="UKR", weapons=["artillery"], observations=1,
                        start="2015-03-01T10:00:00+00:00", place=("Pavlohrad", 48.53, 35.87))
    assert adjudicate(far, minsk).verdict in ("not_a_violation", "out_of_scope")


def test_adjudicate_all_skips_agreements_that_do_not_concern_an_incident(examples, resolve_region,
                                                                         make_incident):
    from truce.agreements import load_agreements

    agreements = load_agreements(examples, resolve_region)
    verdicts = adjudicate_all([make_incident(observations=2)], agreements)
    assert {v.agreement_id for v in verdicts} == {"karabakh-2020-11-10", "karabakh-2023-09-20"}
    assert adjudicate_all([make_incident(observations=2)], list(reversed(agreements))) == verdicts


def test_changed_agreement_gives_new_verdicts(tmp_path: Path, examples, resolve_region, make_incident):
    original = load_agreement(examples / "karabakh-2023-09-20.yaml", resolve_region)
    incidents = [make_incident(id="in_a", observations=2),
                 make_incident(id="in_b", start="2023-09-22T08:00:00+00:00", observations=2)]
    old = adjudicate_all(incidents, [original])
    assert verdicts_changed(old, old) == []
    data = yaml.safe_load((examples / "karabakh-2023-09-20.yaml").read_text())
    data["effective_from"] = "2023-09-22T00:00:00+04:00"  # suppose the ceasefire had started later
    amended = tmp_path / "karabakh-2023-09-20.yaml"
    amended.write_text(yaml.safe_dump(data))
    new = adjudicate_all(incidents, [load_agreement(amended, resolve_region)])
    changed = verdicts_changed(old, new)
    assert {v.incident_id for v in changed} == {"in_a", "in_b"}  # all carry the new agreement version
    by_id = {v.incident_id: v for v in changed}
    assert by_id["in_a"].verdict == "not_a_violation" and by_id["in_b"].verdict == "violation"
    assert by_id["in_b"].agreement_version != old[1].agreement_version


def _event(eid: str, rid: str, *, actor: str | None = None, country: str | None = None, status: str = "asserted",
           source: str | None = None, confidence: float = 0.8) -> Event:
    return Event(id=eid, report_id=rid, type="ASSAULT", status=status,  # type: ignore[arg-type]
                 actor=ActorRef(text=actor, country=country) if actor else None,
                 source=ActorRef(text=source) if source else None, confidence=confidence)


def test_each_independent_source_votes_once_for_who_acted(karabakh_2023, make_incident):
    from datetime import datetime

    from truce.fusion.sources import OriginIndex
    from truce.model import Claim, Report

    wire = "Karabakh Armenian fighters opened fire near Shusha, the ministry said; talks were held in Baku."
    reports = {f"rp_{i}": Report(id=f"rp_{i}", kind="news", text=wire + (" (credit)" if i else ""),
                                 source_name=name, published=datetime.fromisoformat("2023-09-21T15:00:00+00:00"))
               for i, name in enumerate(["Global Wire", "Reprint Post", "Copy Daily"])}
    events = [_event(f"ev_c{i}", f"rp_{i}", actor="Karabakh Armenian fighters", country="ARM", status="claimed",
                     source="Azerbaijan's defence ministry", confidence=0.95) for i in range(3)]
    # A headline wrongly coding the talks' host as the actor, in one reprint only.
    events.append(_event("ev_h", "rp_2", actor="Baku", country="AZE", confidence=0.85))
    incident = make_incident(actor="ARM", recipient=None, asserted=0, sources=1, observations=2)
    incident.event_ids = sorted(e.id for e in events)
    incident.report_ids = sorted(reports)
    # Fusion finds the three copies one origin and stores that on the incident.
    incident.origins = OriginIndex(reports, {}).origins(reports)
    assert len(set(incident.origins.values())) == 1
    incident.claims = [Claim(party="AZE", stance="claims", event_id=f"ev_c{i}", accused="ARM") for i in range(3)]
    v = adjudicate(incident, karabakh_2023, AdjudicationContext.of(events, [], reports))
    assert (v.verdict, v.party) == ("violation", "ARM")


def test_relays_and_press_releases_do_not_corroborate(karabakh_2023, make_incident):
    from datetime import datetime

    from truce.model import Claim, Report

    def rep(rid: str, kind: str, name: str, text: str) -> Report:
        return Report(id=rid, kind=kind, text=text, source_name=name,  # type: ignore[arg-type]
                      published=datetime.fromisoformat("2023-09-22T10:00:00+00:00"))

    reports = {r.id: r for r in [
        rep("rp_a", "allegation", "Defence Army press service (Stepanakert)", "Azerbaijani units fired at Vank."),
        rep("rp_b", "news", "Yerevan Courier", "The Defence Army says Azerbaijani troops fired on Vank."),
        rep("rp_c", "allegation", "Ministry of Defence of Azerbaijan", "Our units did not open fire."),
    ]}
    events = [_event("ev_a", "rp_a", actor="units of the armed forces of Azerbaijan", country="AZE"),
              _event("ev_b", "rp_b", actor="Azerbaijani troops", country="AZE", status="claimed",
                     source="Stepanakert"),
              _event("ev_c", "rp_c", actor="Azerbaijani units", country="AZE", status="denied",
                     source="ministry")]
    incident = make_incident(actor="AZE", recipient=None, asserted=0, sources=3, place=("Vank", 40.0528, 46.5442))
    incident.event_ids = ["ev_a", "ev_b", "ev_c"]
    incident.report_ids = sorted(reports)
    # The speaker "Stepanakert" is coded AZE by country, but by the agreement's aliases it is ARM.
    incident.claims = [Claim(party="AZE", stance="claims", event_id="ev_b", accused="AZE"),
                       Claim(party="AZE", stance="denies", event_id="ev_c", accused="AZE")]
    v = adjudicate(incident, karabakh_2023, AdjudicationContext.of(events, [], reports))
    assert (v.verdict, v.party) == ("possible_violation", "AZE")
    assert "acknowledged" not in v.explanation


def test_explanation_names_parties_and_counts_unplaced_speakers(karabakh_2023):
    """Regression: raw speaker phrases ("statement", "father") were listed as if they were parties."""
    from truce.agreements.adjudicate import _speakers

    assert _speakers(["AZE", "statement", "father"], karabakh_2023) == "AZE and 2 other speakers"
    assert _speakers(["ARM"], karabakh_2023) == "ARM"
