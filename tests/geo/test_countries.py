"""Countries by name, capital, seat of power or demonym (actor coding for the extraction stage)."""

from __future__ import annotations

from pathlib import Path

import pytest

from truce.geo.countries import country_for_name, demonym_country, is_demonym
from truce.geo.sources import load_yaml

# The 193 UN member states, ISO 3166-1 alpha-3.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA
BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ
ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL
ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT
MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG
PRY PER PHL POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD
ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN
VNM YEM ZMB ZWE
""".split()  # noqa: SIM905 (a block of codes reads better than a list literal)


def test_every_un_member_has_a_demonym() -> None:
    assert len(set(UN_MEMBERS)) == 193
    listed = set(load_yaml("demonyms.yaml")["demonyms"])
    assert set(UN_MEMBERS) - listed == set()


@pytest.mark.parametrize(("word", "iso3"), [
    ("Turkish", "TUR"), ("Azeri", "AZE"), ("Azerbaijani", "AZE"), ("Ukrainian", "UKR"), ("Russian", "RUS"),
    ("Israeli", "ISR"), ("Palestinian", "PSE"), ("Russians", "RUS"), ("Israelis", "ISR"), ("Burkinabe", "BFA"),
])
def test_demonyms(word: str, iso3: str) -> None:
    assert is_demonym(word)
    assert demonym_country(word) == iso3


@pytest.mark.parametrize("word", ["Ankara", "Karabakh", "Tuesday", "Reuters"])
def test_places_and_other_words_are_not_demonyms(word: str) -> None:
    assert not is_demonym(word)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "iso3"), [
    ("Turkey", "TUR"), ("Türkiye", "TUR"), ("Ankara", "TUR"), ("Moscow", "RUS"), ("the Kremlin", "RUS"),
    ("Kyiv", "UKR"), ("Baku", "AZE"), ("Azeri", "AZE"), ("Georgia", "GEO"), ("DRC", "COD"), ("Burma", "MMR"),
    ("United States", "USA"), ("Yerevan", "ARM"),
])
def test_country_for_name(geo: Path, text: str, iso3: str) -> None:
    assert country_for_name(text) == iso3


@pytest.mark.slow
def test_country_for_name_is_none_for_towns_and_words(geo: Path) -> None:
    assert country_for_name("Shusha") is None
    assert country_for_name("ceasefire") is None
    assert country_for_name("") is None
