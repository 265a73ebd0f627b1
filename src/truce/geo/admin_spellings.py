"""Province spellings the gazetteer's names do not find (`admin_spellings.yaml`): ACLED's admin-1
names ("Ninewa", "Lower Shabelle", "Shan-North") and the press forms beside them, each sent to the
gazetteer's province of its country at lookup time."""

from __future__ import annotations

from functools import lru_cache

from truce.geo.names import fold
from truce.geo.sources import load_yaml


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    """Folded spelling -> (ISO3 country, the gazetteer's name of the province)."""
    table: dict[str, tuple[str, str]] = {}
    for iso3, provinces in load_yaml("admin_spellings.yaml").items():
        for name, spellings in provinces.items():
            for spelling in spellings:
                if fold(str(spelling)) != fold(str(name)):  # (the gazetteer's own name finds itself)
                    table[fold(str(spelling))] = (str(iso3), str(name))
    return table


def province_for(name: str) -> tuple[str, str] | None:
    """(ISO3, gazetteer name) of the province `name` spells, or None."""
    return _table().get(fold(name))
