"""A place the text says another place lies in: "Lima, Ohio", "Aurora is a city in Hamilton
County, Nebraska", "Baisha is a town of Taishan, Guangdong province", "Hama, Syria".

Writers name the province, county or country that holds a place right after it, so that the
reader knows which of its namesakes is meant. That is stronger evidence than any count of the
countries a text names elsewhere: when the text puts a place inside a container, the reading
inside the container wins, and the container itself takes the reading that holds the place
("Jefferson County is a county in the U.S. state of Georgia": the state, not the country).
A name's later bare mentions follow its contained reading (one name, one sense per text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from truce.geo.geometry import haversine_km
from truce.geo.names import fold
from truce.geo.rank import Scored

if TYPE_CHECKING:
    from spacy.tokens import Token

    from truce.geo.gazetteer import Candidate
    from truce.geo.recognize import Toponym

# What may stand between a place and the place that holds it.
_LIST = re.compile(  # "Lima, Ohio", "Kampala (Uganda)", "Al Khatuniya and Al Qahtaniya villages, Raqqa"
    r"^\s*(?:(?:village|town|city|area|district)s?\s*)?[,(]\s*$", re.IGNORECASE)
_TAIL = r"\b(?:in|of|within)\s+(?:the\s+)?(?:[\w.]+\s+){0,2}?$"
_COPULA = re.compile(  # "is a city in", "lies in the province of", ", a village of", ", the capital of"
    r"^\s*,?\s*(?:is|was|lies|remains)\s[^.;:!?]{0,110}?" + _TAIL +
    r"|^\s*,\s*(?:a|an)\s[^.;:!?,]{0,80}?" + _TAIL +
    r"|^\s*,\s*the\s+(?:[\w-]+\s+){0,4}?of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "lies ten miles south of Newton", "located 40 km east of": a bearing from a place is no
# containment ("in the north of Idlib province" is: the direction there has its article).
_BEARING = re.compile(
    r"(?<!\bthe\s)\b(?:north|south|east|west)(?:[\s-]?(?:north|south)?-?(?:east|west))?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE)
_IN = re.compile(  # "al-Zahra neighbourhood in Homs", "al-Busayrah in the countryside of Deir Ezzor"
    r"^\s+(?:(?:city|town|village|neighbou?rhood|district|area|camp|quarter|suburb)\s+)?in\s+(?:the\s+)?"
    r"(?:(?:\w+ern|central)\s+)?(?:(?:countryside|outskirts|suburbs|province|governorate|region|district)\s+of\s+"
    r"(?:the\s+)?)?$",
    re.IGNORECASE,
)
# "Mandalay was put on alert, and air strikes hit markets in Shan State": a second clause after the
# copula says where something else happened, not what holds the place
_NEW_CLAUSE = re.compile(r",\s*(?:and|but|while|as|after|before|when|where)\s", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^()]*\)")
# "Boni (Hombori, Mopti)", "Ras al Ain (Hasakeh)": names in brackets right after a place are
# the district and province that hold it (an aside "(Otomi: Xidoo ...)" is not)
_HOLDERS = re.compile(r"^\s*\((?:[A-Z][^():;,\d]*,\s*)*$")
_CHAIN = re.compile(  # "Hamilton County, Nebraska, United States", "the U.S. state of Utah"
    r"^\s*,\s*$|^\s+(?:in|of)\s+(?:the\s+)?$"
    r"|^\s+(?:state|province|region|county|district|department|governorate|oblast|prefecture)\s+of\s+$",
    re.IGNORECASE)

# A district or town container holds places this close to its point.
DISTRICT_KM = 60.0
TOWN_KM = 30.0
LANDMARK_POPULATION = 1_000_000
CONTAINER_NEAR_KM = 150.0  # a reading this near its named container is kept, held or not
SAME_PLACE_KM = 10.0  # a bracketed or comma-joined name this close to the place is another name for it
AREA_KINDS = frozenset({"country", "adm1"})


class Item(Protocol):
    """What the rule reads and sets of one pending mention (truce.geo.resolve.Pending)."""

    toponym: Toponym
    candidates: tuple[Candidate, ...]
    ranked: list[Scored]
    best: Scored | None


def holds(outer: Candidate, inner: Candidate, towns: bool = True) -> bool:
    """Whether the place `outer` contains `inner` (same place excluded); a town holds its
    neighbourhoods and hamlets only when `towns` (a mere comma also joins lists of towns)."""
    if outer.id == inner.id or outer.country is None or outer.country != inner.country:
        return False
    if outer.kind == "country":
        return inner.kind != "country"
    if outer.kind == "adm1":
        return inner.kind not in AREA_KINDS and bool(inner.admin1) and fold(inner.admin1 or "") == fold(outer.name)
    if outer.kind == "adm2":
        return inner.kind not in (*AREA_KINDS, "adm2") and (not inner.admin1 or inner.admin1 == outer.admin1) and \
            haversine_km(outer.lat, outer.lon, inner.lat, inner.lon) <= DISTRICT_KM
    if outer.kind in ("city", "capital") and towns:
        return inner.kind in ("city", "feature") and inner.population < outer.population and \
            haversine_km(outer.lat, outer.lon, inner.lat, inner.lon) <= TOWN_KM
    return False


def _same_sentence(a: Toponym, b: Toponym) -> bool:
    return _sentence_start(a.root) == _sentence_start(b.root)


# The Doc asked about last and the sentence start of each of its tokens asked for: spaCy finds a
# token's sentence afresh at every `token.sent`, and the rule compares every mention with the
# ones after it, in each of the resolution passes. (Holding the Doc keeps its id from reuse.)
_starts: list[Any] = [None, {}]


def _sentence_start(token: Token) -> int:
    if _starts[0] is not token.doc:
        _starts[0], _starts[1] = token.doc, {}
    memo: dict[int, int] = _starts[1]
    if token.i not in memo:
        memo[token.i] = token.sent.start
    return memo[token.i]


def containers_of(index: int, items: Sequence[Item], text: str) -> tuple[list[int], bool]:
    """Indexes of the mentions the text says hold mention `index`: the chain of places right after
    it, linked to it by a comma or a copular phrase ending in 'in'/'of', then by commas; and
    whether the first link was a copular phrase ("is a town of X", not "A, B")."""
    own = items[index].toponym
    own_key = fold(own.lookup)
    chain: list[int] = []
    copular = False
    last_end = own.end
    for later in range(index + 1, len(items)):
        other = items[later].toponym
        if other.start < last_end or not _same_sentence(own, other):
            break
        gap = text[last_end:other.start]
        holders = not chain and bool(_HOLDERS.match(gap))
        if gap.count("(") > gap.count(")") and not holders:
            continue  # a place inside brackets ("Salamanca (Otomi: Xidoo 'Place of Tepetate') is a city in")
        gap = _BRACKETS.sub(" ", gap)
        if fold(other.lookup) == own_key:
            break  # "Salem, OH Micropolitan Area ... Salem": no place lies in its namesake
        if not chain:
            copular = (bool(_COPULA.match(gap)) and not _BEARING.search(gap) and not _NEW_CLAUSE.search(gap)) or \
                (bool(_IN.match(gap)) and not _landmark(items[index]))
            linked = copular or holders or bool(_LIST.match(gap))
        else:
            linked = bool(_CHAIN.match(gap))
        if not linked:
            break
        chain.append(later)
        last_end = other.end
    return chain, copular


def _landmark(item: Item) -> bool:
    """A capital or a city of a million is not moved by a mere "in" ("troops from Kyiv in Donetsk")."""
    if item.best is None:
        return True
    best = item.best.candidate
    return best.kind in (*AREA_KINDS, "region", "capital") or best.population >= LANDMARK_POPULATION


def province_of_town(outer: Candidate, inner: Candidate) -> bool:
    """"Ras al Ain (Hasakeh)", "Boni (Mopti)": a bracket after a place names its province, often
    by the name of the province's seat; the town then stands for its province (same admin1)."""
    return outer.kind in ("city", "capital") and outer.id != inner.id and bool(outer.admin1) and \
        outer.country == inner.country and fold(outer.admin1 or "") == fold(inner.admin1 or "")


def _contained(item: Item, outers: list[Item], copular: bool, bracketed: bool = False) -> list[tuple[int, Scored]]:
    """Each ranked reading of `item` with the number of containers that hold it."""
    counted = []
    for scored in item.ranked:
        count = sum(any(holds(outer, scored.candidate, towns=copular and n == 0) or
                        (bracketed and province_of_town(outer, scored.candidate)) for outer in box.candidates)
                    for n, box in enumerate(outers))
        counted.append((count, scored))
    return counted


def _comma_placed(item: Item, box: Item, bracketed: bool = False) -> bool:
    """"Lima, Ohio" places a town in a province; "Ohio, Nevada, Texas" and "Aleppo, Idlib, Hama"
    are lists: a mere comma places only a settlement, and only in a province or country."""
    if item.best is None or box.best is None:
        return False
    inner = item.best.candidate
    if any(c.kind not in AREA_KINDS and haversine_km(c.lat, c.lon, inner.lat, inner.lon) <= SAME_PLACE_KM
           for c in box.candidates):
        return False  # "Ayn al-Arab (Kobani)": another name of the same place, or of its district
    if inner.kind in (*AREA_KINDS, "region"):
        return False
    # the box read as a town ("New York" the city) may still be the province that holds one of
    # the place's readings ("Franklin County, New York": the state)
    return box.best.candidate.kind in (*AREA_KINDS, "adm2") or (bracketed and _seat(box)) or any(
        (c.kind == "adm1" or bracketed) and
        any(holds(c, s.candidate, towns=False) or (bracketed and province_of_town(c, s.candidate)) for s in item.ranked)
        for c in box.candidates)


def _corroborated(inner: Item, box: Item, outer: Sequence[Item], items: Sequence[Item]) -> bool:
    """Is the container's reading backed by the text: a place further out in the chain, a country
    the text names, or the contained place's own reading, in its country ("Raqqa governorate,
    Syria")? A lone word read as some province abroad ("Southern" of "the Southern Nations ...
    Region of Ethiopia") is not."""
    if box.best is None:
        return False
    country = box.best.candidate.country
    if inner.best is not None and inner.best.candidate.country == country:
        return True
    if any(o.best is not None and o.best.candidate.country == country for o in outer):
        return True
    return any(o is not box and o.best is not None and o.best.candidate.kind == "country"
               and o.best.candidate.country == country for o in items)


PLACING_KINDS = frozenset({"adm1", "adm2"})
TOWN_PLACING_KINDS = frozenset({"adm1", "adm2", "city", "capital"})
# What a town is made of: "Tondo is a district located in Manila", "a residential neighbourhood of
# Athens", "a southeastern suburb of Perth". The town is then where the place is, to a few km.
_QUARTER = re.compile(r"\b(?:neighbou?rhoods?|suburbs?|districts?|quarters?|boroughs?|barrios?|wards?)\b",
                      re.IGNORECASE)


def placing_kinds(item: Item, box: Item, text: str) -> frozenset[str]:
    """The kinds of container `box` that may place `item` where the gazetteer has none of its name:
    a province or district always; a town when the text calls the place one of its quarters."""
    gap = text[item.toponym.end:box.toponym.start]
    return TOWN_PLACING_KINDS if _QUARTER.search(gap) else PLACING_KINDS


def _place_at_container(item: Item, box: Item, copular: bool, corroborated: bool,
                        kinds: frozenset[str] = PLACING_KINDS, bracketed: bool = False) -> bool:
    """The text puts a place in a province or district where the gazetteer has none of its name
    (a village below its threshold, "Al Qahtaniya villages, Raqqa governorate", "X is a village in
    Jasper County, Iowa"): the container is where it is, as near as the gazetteer can say; a
    namesake elsewhere is not. A reading near the container is kept (the gazetteer may name the
    province another way). True when the mention was placed so."""
    if not corroborated or item.best is None or box.best is None or box.best.candidate.kind not in kinds:
        return False
    outer, inner = box.best.candidate, item.best.candidate
    if bracketed and outer.kind in ("city", "capital"):  # "(Hombori, Mopti)": the province
        outer = next((s.candidate for s in box.ranked if s.candidate.kind == "adm1" and not s.candidate.loose
                      and s.candidate.country == outer.country), outer)
    if any(holds(outer, scored.candidate, copular) for scored in item.ranked) or (
            inner.country == outer.country and
            haversine_km(outer.lat, outer.lon, inner.lat, inner.lon) <= CONTAINER_NEAR_KM):
        return False
    item.best = Scored(outer, box.best.score, [
        f"no {item.toponym.text} in the gazetteer inside {box.toponym.text}, where the text places it: "
        f"placed at {box.toponym.text}"])
    return True


def _place_unlisted(item: Item, box: Item, corroborated: bool, kinds: frozenset[str] = PLACING_KINDS) -> None:
    """"Nora is a village in Jo Daviess County, Illinois": a settlement the gazetteer lacks, placed at
    the district or province the text puts it in (a town container is left alone: too rough a
    guess for a place that may lie anywhere near it, unless the text calls the place its quarter)."""
    if corroborated and box.best is not None and box.best.candidate.kind in kinds:
        item.best = Scored(box.best.candidate, box.best.score, [
            f"not in the gazetteer; placed at {box.toponym.text}, where the text places it"])


def _choose(item: Item, chosen: Scored, reason: str) -> None:
    if item.best is not chosen:
        chosen.reasons.append(reason)
        item.best = chosen


def _settle_container(box: Item, inner: Candidate, own_text: str, towns: bool) -> None:
    """The container takes its best reading that holds the chosen place."""
    if box.best is not None and holds(box.best.candidate, inner, towns):
        return
    match = next((s for s in box.ranked if holds(s.candidate, inner, towns)), None)
    if match is not None:
        _choose(box, match, f"holds {own_text}, which the text places in it")


def _seat(box: Item) -> bool:
    """The bracket names a province, or the town that gives one its name ("(Hombori, Mopti)"): the
    notes' way to say where a village is, evidence enough without a country named."""
    return box.best is not None and (box.best.candidate.kind in ("adm1", "adm2") or any(
        c.kind == "adm1" and not c.loose and c.country == box.best.candidate.country for c in box.candidates))


def _bracket_seat(boxes: list[Item]) -> tuple[Item, bool]:
    """The first name in the bracket that is a province or its seat ("(Douentza, Mopti)": Mopti)."""
    seat = next((box for box in boxes if _seat(box)), None)
    return (seat, True) if seat is not None else (boxes[0], False)


def _placer(item: Item, boxes: list[Item], items: Sequence[Item]) -> tuple[Item, bool]:
    """The first container of a copular chain whose reading the text backs, and whether there is
    one ("a neighborhood in the North Zone of Rio de Janeiro, Brazil": not "Zone", read as an
    Italian village, but Rio de Janeiro, which Brazil backs)."""
    for n, box in enumerate(boxes):
        if _corroborated(item, box, boxes[n + 1:], items):
            return box, True
    return boxes[0], False


def apply_containers(items: Sequence[Item], text: str) -> None:
    """Re-choose every mention the text places inside others (last mention first, so that a chain
    "Hamilton County, Nebraska" is settled from the outside in), then its name's bare mentions."""
    contained: dict[str, tuple[int, Scored]] = {}
    moved: set[int] = set()  # the mentions their own containers placed
    first_of: dict[str, int] = {}
    for index, item in enumerate(items):
        first_of.setdefault(fold(item.toponym.lookup), index)
    for index in range(len(items) - 1, -1, -1):
        item = items[index]
        found, copular = containers_of(index, items, text)
        boxes = [items[i] for i in found if items[i].best is not None]  # (what resolves nowhere holds nothing)
        if boxes and not item.candidates and copular:
            placer, backed = _placer(item, boxes, items)
            _place_unlisted(item, placer, backed, placing_kinds(item, placer, text))
            if item.best is not None:
                moved.add(index)
                contained.setdefault(fold(item.toponym.lookup), (index, item.best))
        opening = text[item.toponym.end:boxes[0].toponym.start] if boxes else ""
        bracketed = opening.lstrip().startswith("(") and ")" not in opening  # the box is inside the bracket
        if not boxes or not item.ranked or not (copular or _comma_placed(item, boxes[0], bracketed)
                                                 or (bracketed and any(_seat(box) for box in boxes))):
            continue
        counted = _contained(item, boxes, copular, bracketed)
        top = max(count for count, _ in counted)
        backed = _corroborated(item, boxes[0], boxes[1:], items)
        placer, backed = _placer(item, boxes, items) if copular else \
            _bracket_seat(boxes) if bracketed else (boxes[0], backed)
        key = fold(item.toponym.lookup)
        # (a bracket with a reading that holds one of the place's, "Kumbo (Bui, North-West)", settles
        # both below: the Cameroonian province, not the South African one that placing would pick)
        if (top == 0 or not bracketed) and _place_at_container(
                item, placer, copular, backed, placing_kinds(item, placer, text) if copular
                else TOWN_PLACING_KINDS if bracketed else PLACING_KINDS, bracketed and not copular):
            moved.add(index)
            if index == first_of.get(key) and item.best is not None:
                contained[key] = (index, item.best)
            continue
        if top == 0:
            continue
        current = next(count for count, scored in counted if scored is item.best) if item.best in item.ranked else 0
        if current < top:
            best = next(scored for count, scored in counted if count == top)  # ranked order: best first
            names = ", ".join(box.toponym.text for box in boxes)
            _choose(item, best, f"the text places it in {names}")
        moved.add(index)
        if item.best is None:  # a ranked toponym always has a best after the choice above
            raise RuntimeError(f"containers: no best candidate for {item.toponym.text!r} after ranking")
        for n, box in enumerate(boxes):
            _settle_container(box, item.best.candidate, item.toponym.text, towns=copular and n == 0)
        if index == first_of.get(key):  # only a name's first mention says which place it is
            contained[key] = (index, item.best)
    _follow_contained(items, contained, moved)


def _follow_contained(items: Sequence[Item], contained: dict[str, tuple[int, Scored]], moved: set[int]) -> None:
    """A bare later mention of a name whose first mention the text placed in a container means the
    same place (a later "named after Odessa, Ukraine" does not move the article's Odessa), also when
    that place is the container itself ("Marion is a place in Summit County, Utah ... Marion lies
    40 miles east of Salt Lake City": the gazetteer has no Marion there, so both are the county)."""
    for index, item in enumerate(items):
        first = contained.get(fold(item.toponym.lookup))
        if first is None or index <= first[0] or index in moved or (item.best is None and item.candidates):
            continue
        chosen = first[1]
        if item.best is not None and item.best.candidate.id == chosen.candidate.id:
            continue  # already there (its own containers, if any, were applied and agreed)
        same = next((s for s in item.ranked if s.candidate.id == chosen.candidate.id), None)
        if same is not None:
            _choose(item, same, f"as where the text places {item.toponym.text} before")
        elif all(chosen is not s for s in items[first[0]].ranked):  # placed at its container
            item.best = Scored(chosen.candidate, chosen.score, [*chosen.reasons[:1],
                               f"as where the text places {item.toponym.text} before"])
