"""Sides under de-facto control: an authority or force of a place another country claims.

"Officials in Stepanakert said Azerbaijani forces shelled Martuni": until 2023 the officials are
the Nagorno-Karabakh authorities, not Azerbaijan's, although the city lies in Azerbaijan; coding
them AZE would make their accusation read as Azerbaijan's own admission. An actor named by a
side's name ("the DPR"), or an authority or force named with a place the side held at the time
("the authorities in Tskhinvali", "Tiraspol said"), is coded as the side (data/defacto.yaml):
`country` is the side's code, `de_jure` the country whose territory it is. Places as such (a
shelled town) keep their country: the territory is the de-jure country's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from spacy.tokens import Token

from truce.errors import ConfigError
from truce.extract.actors import np_tokens, past_dateline
from truce.extract.datafiles import read_data
from truce.extract.lexicon import load_lexicon
from truce.model import ActorRef

_AUTHORITY_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "REB", "SPY"}


@dataclass(frozen=True, slots=True)
class Side:
    code: str
    name: str
    de_jure: str
    since: date
    until: date | None
    sector: str | None
    places: re.Pattern[str] | None
    names: re.Pattern[str] | None

    def held_on(self, day: date) -> bool:
        return self.since <= day and (self.until is None or day <= self.until)


def _pattern(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = sorted((re.escape(str(w).lower()) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


def _day(value: object, where: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ConfigError("E205", f"extraction data/defacto.yaml {where}: {value!r} is not an ISO date",
                          hint="write dates as YYYY-MM-DD") from exc


@lru_cache(maxsize=1)
def sides() -> tuple[Side, ...]:
    """The de-facto sides of data/defacto.yaml, checked on load."""
    data = read_data("defacto.yaml")
    out: list[Side] = []
    for n, item in enumerate(data.get("sides") or [], start=1):
        where = f"side {n}"
        if not isinstance(item, dict) or not all(k in item for k in ("code", "name", "de_jure", "from")):
            raise ConfigError("E205", f"extraction data/defacto.yaml {where}: needs code, name, de_jure and from",
                              hint="see the comment at the top of the file")
        out.append(Side(code=str(item["code"]), name=str(item["name"]), de_jure=str(item["de_jure"]),
                        since=_day(item["from"], where),
                        until=_day(item["until"], where) if item.get("until") else None,
                        sector=str(item["sector"]) if item.get("sector") else None,
                        places=_pattern(list(item.get("places") or [])),
                        names=_pattern(list(item.get("names") or []))))
    return tuple(out)


def _phrase(head: Token) -> str:
    """The actor's words and those of its "in/of/from" phrases ("officials in Stepanakert")."""
    toks = {t.i: t for t in np_tokens(head)}  # (never a dateline before the phrase: "STEPANAKERT, Sept 21 -")
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"in", "of", "from"}):
        toks.update({t.i: t for t in prep.subtree})
    return " ".join(toks[i].text for i in sorted(toks)).lower().replace(" 's", "'s")


def recode(head: Token, actor: ActorRef, published: date | None) -> ActorRef:
    """`actor` coded as the de-facto side it names or speaks for, if any (a new record)."""
    table = sides()
    if not table:
        return actor
    day = published or date.today()
    head = past_dateline(head) or head  # "STEPANAKERT, Sept 21 (GWS) - Small-arms fire": the dateline is no actor
    text = _phrase(head)
    for side in table:
        if not side.held_on(day) or actor.country not in {None, side.de_jure, side.code}:
            continue
        named = side.names is not None and side.names.search(text) is not None
        # a place's authority or force ("officials in Tskhinvali"; the head noun names an agent), or
        # the place itself speaking ("Tiraspol said")
        placed = side.places is not None and side.places.search(text) is not None and (
            (actor.sector in _AUTHORITY_SECTORS and head.lemma_.lower() in load_lexicon().sectors)
            or (head.pos_ == "PROPN" and side.places.fullmatch(head.lower_) is not None))
        if named or placed:
            return replace(actor, country=side.code, de_jure=side.de_jure, name=actor.name or side.name,
                           sector=side.sector or actor.sector or "GOV")
    return actor
