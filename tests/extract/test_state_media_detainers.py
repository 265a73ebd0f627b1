"""State news agencies coded with their country, and "condemned the detentions" aimed at the
detaining side. Reports written for these tests."""

from __future__ import annotations

from truce.model import Event


def _events(text: str) -> list[Event]:
    from truce.extract.pipeline import extract

    return extract(text, published="2022-05-10")


def test_state_news_agency_is_its_country() -> None:
    from truce.extract.actors_known import known_organisation
    from truce.nlp import load_nlp

    doc = load_nlp()("The TASS news agency and Xinhua reported the talks.")
    tass = known_organisation(list(doc[0:4]))
    xinhua = known_organisation(list(doc[5:6]))
    assert tass is not None and (tass.country, tass.sector) == ("RUS", "MED")
    assert xinhua is not None and xinhua.country == "CHN"


def test_short_agency_name_needs_capitals() -> None:
    from truce.extract.actors_known import known_organisation
    from truce.nlp import load_nlp

    doc = load_nlp()("Sana Khan and Wafa Ahmed visited the market.")
    assert known_organisation(list(doc)) is None


def test_condemned_detentions_aim_at_the_detainers() -> None:
    text = ("Russian border guards detained three Georgian villagers near the boundary line on Monday, "
            "the State Security Service said. The foreign ministry in Tbilisi condemned the detentions "
            "as illegal.")
    accuse = [e for e in _events(text) if e.type == "ACCUSE"]
    assert accuse, "no ACCUSE"
    assert any(e.recipient is not None and e.recipient.country == "RUS" for e in accuse)


def test_last_pair_is_the_latest_two_countries_in_order() -> None:
    from truce.extract.context import ReportContext
    from truce.model import ActorRef

    ctx = ReportContext(report_id="rp_test", published=None)
    assert ctx.last_pair() is None
    ctx.remember("state", ActorRef("Armenia", "Armenia", "ARM", "GOV", (0, 7)))
    ctx.remember("state", ActorRef("India", "India", "IND", "GOV", (10, 15)))
    ctx.remember("state", ActorRef("Indian army", "Indian army", "IND", "MIL", (20, 31)))
    pair = ctx.last_pair()
    assert pair is not None and (pair[0].country, pair[1].country) == ("ARM", "IND")
    ctx.remember("state", ActorRef("Pakistan", "Pakistan", "PAK", "GOV", (40, 48)))
    pair = ctx.last_pair()
    assert pair is not None and (pair[0].country, pair[1].country) == ("IND", "PAK")
