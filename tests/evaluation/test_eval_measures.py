"""Each measure on small known inputs, including inputs that must score 0."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from truce.evaluation.records import EntityDoc, ExpectText, GeoArticle, GoldToponym, UcdpUnit
from truce.evaluation.score_geo import GeoTally, score_article
from truce.evaluation.score_re3d import EntityTally, found_locations
from truce.evaluation.score_ucdp import UcdpTally, primary_event, score_unit
from truce.evaluation.score_wikinews import ExpectTally, score_text


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    lat: float | None
    lon: float | None


KYIV = (50.45, 30.52)
ARTICLE = GeoArticle("1", "line 1", "Kyiv and Lviv and Odesa.", (
    GoldToponym(0, 4, *KYIV), GoldToponym(9, 13, 49.84, 24.03), GoldToponym(18, 23, 46.48, 30.72)))


def test_geo_near_far_unresolved_and_missed_toponyms() -> None:
    mentions = [Mention(0, 4, 50.40, 30.50),  # Kyiv about 6 km off: within 25 and 161 km
                Mention(9, 13, 48.50, 24.03),  # Lviv about 149 km off: within 161 km only
                Mention(0, 2, 10.0, 10.0)]  # a far mention overlapping Kyiv: the nearest one counts
    outcome = score_article(ARTICLE, mentions)
    assert (outcome.gold, outcome.found, outcome.within_wide, outcome.within_narrow) == (3, 2, 2, 1)
    assert outcome.errors_km[0] == pytest.approx(5.7, abs=0.5)
    assert outcome.errors_km[1] == pytest.approx(149, abs=2)
    unresolved = score_article(ARTICLE, [Mention(18, 23, None, None)])
    assert (unresolved.found, unresolved.within_wide, unresolved.errors_km) == (1, 0, ())


def test_geo_scores_zero_when_every_mention_is_elsewhere() -> None:
    tally = GeoTally("geo/x")
    tally.add(score_article(ARTICLE, [Mention(5, 8, *KYIV)]))  # 'and': overlaps no gold span
    figures = {f.name: f for f in tally.figures()}
    assert figures["geo/x/acc@161km"].share == 0.0 and figures["geo/x/span recall"].share == 0.0
    assert figures["geo/x/median error"].value is None
    assert figures["geo/x/acc@161km"].line() == "geo/x/acc@161km: 0.000 (0/3); 1 articles, 1 mentions"


def test_geo_tally_sums_articles_and_takes_the_median() -> None:
    tally = GeoTally("geo/x")
    tally.add(score_article(ARTICLE, [Mention(0, 4, *KYIV), Mention(9, 13, 48.50, 24.03)]))
    tally.add(score_article(ARTICLE, [Mention(18, 23, 46.48, 30.72)]))
    figures = {f.name: f for f in tally.figures()}
    assert (figures["geo/x/acc@161km"].hit, figures["geo/x/acc@161km"].total) == (3, 6)
    assert figures["geo/x/acc@25km"].hit == 2
    assert figures["geo/x/median error"].value == pytest.approx(0.0, abs=0.1)
    assert figures["geo/x/median error"].line().startswith("geo/x/median error: 0 km")


def unit(kind: int, deaths: int | None = None, stated: bool = False,
         places: tuple[tuple[float, float], ...] = ()) -> UcdpUnit:
    return UcdpUnit("1", kind, "text", None, deaths, stated, places)


def event(kind: str = "ASSAULT", acled: str | None = "Battles", status: str = "asserted", aux: str | None = None,
          fatalities: int | None = None, at: tuple[float, float] | None = None) -> dict[str, Any]:
    location = {"lat": at[0], "lon": at[1]} if at else None
    return {"type": kind, "acled": {"event_type": acled} if acled else None, "status": status, "aux": aux,
            "fatalities": fatalities, "location": location}


def test_the_primary_event_is_the_first_asserted_one_with_an_acled_type() -> None:
    negated = event(acled="Violence against civilians", aux="negation")
    claimed = event(acled="Battles", status="claimed")
    plain = event(acled="Explosions/Remote violence")
    assert primary_event([negated, claimed, plain]) is plain
    assert primary_event([negated, claimed]) is negated
    assert primary_event([]) is None


def test_ucdp_violence_one_sided_deaths_and_place() -> None:
    near, far = (36.20, 37.15), (33.51, 36.29)  # Aleppo and Damascus, about 300 km apart
    gold = unit(3, deaths=4, stated=True, places=(near,))
    hit = score_unit(gold, [event(acled="Violence against civilians", fatalities=4, at=(36.25, 37.10))])
    assert (hit.violent, hit.one_sided, hit.deaths_primary, hit.deaths_any, hit.place) == (True, True, True, True, True)
    miss = score_unit(gold, [event(acled="Battles", at=far), event(fatalities=4)])  # primary: the first
    assert (miss.violent, miss.one_sided, miss.deaths_primary, miss.deaths_any, miss.place) == (
        True, False, False, True, False)
    nothing = score_unit(unit(1), [])
    assert (nothing.violent, nothing.one_sided, nothing.deaths_primary, nothing.place) == (False, False, None, None)


def test_ucdp_balanced_accuracy_and_per_type_counts() -> None:
    tally = UcdpTally()
    vac = event(acled="Violence against civilians")
    for kind, events in ((3, [vac]), (3, []), (1, []), (1, [event()]), (2, [vac])):
        tally.add(score_unit(unit(kind), events))
    assert tally.balanced_accuracy() == (0.5, pytest.approx(2 / 3), pytest.approx((0.5 + 2 / 3) / 2))
    figures = {f.name: f for f in tally.figures()}
    assert (figures["ucdp/violent event found"].hit, figures["ucdp/violent event found"].total) == (3, 5)
    type_1 = figures["ucdp/violent event found, type 1"]
    assert (type_1.hit, type_1.total) == (1, 2)
    assert figures["ucdp/deaths where stated"].line() == (
        "ucdp/deaths where stated: n/a (0/0); primary fatalities == best, one GED event, best > 0")


def test_ucdp_one_sided_is_undefined_without_both_classes() -> None:
    tally = UcdpTally()
    tally.add(score_unit(unit(1), [event()]))
    assert tally.balanced_accuracy() == (None, 1.0, None)
    assert next(f for f in tally.figures() if "balanced" in f.name).line().startswith(
        "ucdp/one-sided balanced accuracy: n/a")


EXPECT = {"must": [{"id": "attack", "any_of": [{"type": "ASSAULT", "near": [50.45, 30.52, 30]}]},
                   {"id": "toll", "any_of": [{"fatalities": 2}, {"fatalities": 3}]}],
          "must_not": [{"id": "no-surrender", "any_of": [{"type": "SURRENDER"}]}]}


def test_expectations_met_whole_and_not() -> None:
    item = ExpectText("a.expect.json", "text", None, EXPECT)
    whole = score_text(item, [event(at=(50.40, 30.50), fatalities=3)])
    assert whole.whole and (whole.must_met, whole.must, whole.must_not_met, whole.must_not) == (2, 2, 1, 1)
    failed = score_text(item, [event(at=(46.48, 30.72)), {"type": "SURRENDER"}])
    assert not failed.whole and (failed.must_met, failed.must_not_met) == (0, 0)
    assert failed.failed == ("must attack", "must toll", "must_not no-surrender")
    tally = ExpectTally("expect/x")
    tally.add(whole)
    tally.add(failed)
    items, texts = tally.figures()
    assert (items.hit, items.total, texts.hit, texts.total) == (3, 6, 1, 2)
    assert items.note == "must 2/4, must_not 1/2"


def test_re3d_location_recall() -> None:
    doc = EntityDoc("A", "line 1", "near Mosul and Tal Afar", ((5, 10), (15, 23)))
    assert found_locations(doc, [Mention(5, 10, None, None), Mention(0, 4, None, None)]) == 1
    assert found_locations(doc, []) == 0
    tally = EntityTally()
    tally.add(doc, 1)
    assert tally.figures()[0].line() == "re3d/location span recall: 0.500 (1/2); 1 documents"
