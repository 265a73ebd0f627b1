"""Countries by any name the news gives them: name, capital, seat of power or demonym.

`country_for_name("Azeri")` -> "AZE". The extraction stage uses it to code actors; the geoparser
uses `is_demonym` to keep "Turkish" and "Azeri" out of the place list.
"""

from __future__ import annotations

from functools import lru_cache

from truce.geo.names import fold
from truce.geo.sources import load_yaml


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    data = load_yaml("demonyms.yaml")

    def invert(section: str) -> dict[str, str]:
        table: dict[str, str] = {}
        for iso3, names in (data.get(section) or {}).items():
            for name in names:
                table.setdefault(_key(name), iso3)
        return table

    return invert("demonyms"), invert("seats"), invert("country_aliases")


def _key(text: str) -> str:
    key = fold(text)
    return key[4:] if key.startswith("the ") else key


def demonym_country(text: str) -> str | None:
    """ISO3 of the country a demonym names ("Turkish", "Israelis", "Azeri"), else None."""
    demonyms = _tables()[0]
    key = _key(text)
    if key in demonyms:
        return demonyms[key]
    if key.endswith("s") and key[:-1] in demonyms:  # Russians, Israelis, Palestinians
        return demonyms[key[:-1]]
    return None


def is_demonym(text: str) -> bool:
    """True for a people's or state's adjective or noun — never a place."""
    return demonym_country(text) is not None


def seat_country(text: str) -> str | None:
    """ISO3 of the government a seat of power stands for ("the Kremlin" -> RUS), else None."""
    return _tables()[1].get(_key(text))


def country_for_name(text: str) -> str | None:
    """ISO3 for a country name, a capital (as in "Ankara said"), a seat of power or a demonym."""
    key = _key(text)
    if not key:
        return None
    found = demonym_country(text) or seat_country(text) or _tables()[2].get(key)
    if found:
        return found
    from truce.geo.gazetteer import get_gazetteer

    candidates = get_gazetteer().candidates(text)
    for kind in ("country", "capital"):
        for candidate in candidates:
            if candidate.kind == kind and not candidate.loose:
                return candidate.country
    return None
