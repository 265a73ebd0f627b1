"""Toponym resolution: place mentions with coordinates, and the helpers other stages need.

`places_in_doc(doc)` reads a Doc the caller already parsed with `truce.nlp.load_nlp()` (the
extraction stage passes its own, so there is no second spaCy pass); `places(text)` parses first.
Resolution runs in two passes: the first picks each mention's best candidate from the name alone
and collects the countries and points the document is sure about; the second re-ranks every
mention with that context (country named, distance to other places). A capital, country or seat
of power used as an agent ("Ankara said", "Kyiv denied") is listed with usage="metonymy".
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from truce.geo.containers import apply_containers
from truce.geo.countries import demonym_country, seat_country
from truce.geo.gazetteer import Candidate, Gazetteer, get_gazetteer
from truce.geo.headline import across_dash
from truce.geo.names import fold
from truce.geo.openings import sole_town
from truce.geo.rank import FAR_KM, Context, Scored, confidence, rank
from truce.geo.recognize import Toponym, toponyms
from truce.geo.sources import load_yaml
from truce.geo.theatre import keep_in_theatre
from truce.model import PlaceMention, Usage

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry
    from spacy.tokens import Doc, Token

# A lone name that only the gazetteer found must be at least this populous, a country or region,
# or be backed by context (its country named, or near another place in the text).
WEAK_MIN_POPULATION = 50_000
WEAK_NEAR_KM = 400.0
CONFIDENT = 0.7  # the ranker's probability for its best reading that makes a mention context for the others

AGENT_VERBS = frozenset(str(load_yaml("words.yaml")["agent_verbs"]).split())
AGENT_NOUNS = frozenset(str(load_yaml("words.yaml")["agent_nouns"]).split())
METONYM_KINDS = frozenset({"country", "capital"})


def _metonymy(root: Token, seat: bool, kind: str | None) -> bool:
    """True when a country, capital or seat of power acts as an agent in its sentence."""
    if not seat and kind not in METONYM_KINDS:
        return False
    head = root.head
    if across_dash(root, head):
        return False
    if root.dep_ == "nsubj" and head.lemma_.lower() in AGENT_VERBS:
        return True
    if root.dep_ == "poss" and head.lemma_.lower() in AGENT_NOUNS:
        return True
    if root.dep_ == "pobj" and head.dep_ == "agent":  # "was shelled by Moscow" is rare; "backed by Ankara"
        return True
    if root.dep_ in ("conj", "appos") and root.head is not root:
        return _metonymy(root.head, True, kind) if root.head.ent_type_ in ("GPE", "ORG") else False
    return False


class Pending:
    """One toponym through the two passes."""

    __slots__ = ("best", "candidates", "ranked", "toponym")

    def __init__(self, toponym: Toponym, candidates: tuple[Candidate, ...]):
        self.toponym = toponym
        self.candidates = candidates
        self.ranked: list[Scored] = []
        self.best: Scored | None = None


class _Rankings:
    """The rankings of one document's mentions, by context: the passes often rank in a context
    seen before (the same countries and anchors again), and a name the text repeats ranks alike,
    so a ranking is worked out once and handed out as fresh copies (the rules after ranking append
    to a reading's reasons)."""

    def __init__(self) -> None:
        self.contexts: list[tuple[object, ...]] = []
        self.done: dict[tuple[object, ...], list[tuple[Candidate, float, tuple[str, ...], float | None]]] = {}

    def rank_all(self, pending: list[Pending], context: Context) -> None:
        # all that `rank` reads of the context, in order
        seen = (tuple(context.countries.items()), tuple(context.anchors), context.names)
        if seen not in self.contexts:
            self.contexts.append(seen)
        number = self.contexts.index(seen)
        for item in pending:
            toponym = item.toponym
            own = context.contributed.get(fold(toponym.lookup))  # what this mention itself told the context
            key = (number, toponym.lookup, toponym.hint, toponym.text, own, item.candidates)
            known = self.done.get(key)
            if known is None:
                item.ranked = rank(item.candidates, toponym.lookup, toponym.hint, context, own, toponym.text)
                self.done[key] = [(s.candidate, s.score, tuple(s.reasons), s.near_km) for s in item.ranked]
            else:
                item.ranked = [Scored(c, score, list(reasons), near) for c, score, reasons, near in known]
            item.best = item.ranked[0] if item.ranked else None


def _peoples(doc: Doc) -> Counter[str]:
    """Countries the text names through their peoples or forces ("the Lebanese army", "Turkish")."""
    found: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ == "NORP":
            iso3 = demonym_country(ent.text)
            if iso3:
                found[iso3] += 1
    for token in doc:  # "Azerbaijani units fired": the small tagger leaves many a people's adjective untagged
        if not token.ent_type_ and token.pos_ == "ADJ" and token.text[:1].isupper() and not token.is_sent_start:
            iso3 = demonym_country(token.text)
            if iso3:
                found[iso3] += 1
    return found


def _context_from(pending: list[Pending], peoples: Counter[str]) -> Context:
    context = Context()
    context.countries.update(peoples)
    names = frozenset(fold(item.toponym.lookup) for item in pending)
    counted: set[str] = set()  # a name repeated ("PDF ... PDF") does not back its own country
    for item in pending:
        if item.best is None:
            continue
        candidate = item.best.candidate
        # a weak mention read only through a spelling variant ("al-Wa'er" as a French "Valff") is a
        # guess: it neither names a country nor anchors the text's other places
        guess = item.toponym.weak and candidate.loose and not same_but_article(item.toponym.lookup, candidate.name)
        sure = candidate.kind in ("country", "region") or not item.toponym.weak or \
            (confidence(item.ranked, item.best) >= CONFIDENT and not guess)
        if not sure:
            continue
        if candidate.country and item.toponym.lookup.casefold() not in counted:
            context.countries[candidate.country] += 1
            counted.add(item.toponym.lookup.casefold())
            context.contributed[fold(item.toponym.lookup)] = candidate.country
        if candidate.kind == "country" and candidate.country:
            context.country_points[candidate.country] = (candidate.lat, candidate.lon)
        # Countries, seas and macro-regions locate nothing precisely enough to be an anchor.
        if candidate.kind != "country" and (candidate.kind != "region" or candidate.country):
            context.anchors.append((item.toponym.text, candidate.lat, candidate.lon, candidate.country))
    context.names = names
    return context


def _with_peoples_points(context: Context, peoples: Counter[str], gazetteer: Gazetteer) -> Context:
    """A country named only through its people ("Turkish forces") still has a place on the map:
    its villages' namesakes abroad are judged by their distance from it, as for a named country."""
    for iso3 in peoples:
        if iso3 not in context.country_points:
            point = gazetteer.country_point(iso3)
            if point is not None:
                context.country_points[iso3] = point
    return context


def _named_besides(item: Pending, context: Context) -> set[str]:
    """Countries the text names through its other mentions (not through this one)."""
    return context.countries_besides(context.contributed.get(fold(item.toponym.lookup)))


def _supported(item: Pending, context: Context) -> bool:
    """May a weak (gazetteer-only) mention stay? Only when its best reading is plausible here."""
    if item.best is None:
        return False
    candidate = item.best.candidate
    named = _named_besides(item, context)
    local = candidate.country in named
    if _acronym_in_brackets(item.toponym) and candidate.kind not in ("country", "region") and not local:
        return False  # "(VDP)" abbreviates a name
    loose = candidate.loose and not same_but_article(item.toponym.lookup, candidate.name)
    if item.toponym.struck and not loose and sole_town(candidate, item.candidates):
        return True  # "Bakhmut fell", "Jenin was raided": what befalls a town of some size with no rival namesake
    if item.toponym.source == "opening":  # a sentence's first word: only the text's other places back it
        return not loose and (local or (item.best.near_km is not None and item.best.near_km <= WEAK_NEAR_KM))
    if item.toponym.source == "ner" and not loose and _landmark(candidate):
        return True  # "shells target Aleppo": a city of millions needs no context, even mis-tagged
    if candidate.kind not in ("country", "region") and not local and \
            item.best.near_km is not None and item.best.near_km > FAR_KM:
        return False  # a lone namesake on another continent is a misreading
    if loose and (len(item.toponym.text.split()) == 1 or named) and candidate.kind != "region":
        return candidate.country in named  # a look-alike abroad, in a text about another country, is a guess
    if (item.toponym.called_place or item.toponym.hint) and not loose:
        return True  # "Afrin countryside", "the town of X": the text itself says it is a place
    if candidate.kind in ("country", "region") or candidate.population >= WEAK_MIN_POPULATION:
        return True
    if item.toponym.cue and not loose and item.toponym.source == "ner":
        return True  # an entity right after "in", "near", "outside" is a place more often than not
    if candidate.country and candidate.country in named:
        return True
    return item.best.near_km is not None and item.best.near_km <= WEAK_NEAR_KM


# A city this large, or a capital, is what a lone mention of its exact name means.
LANDMARK_POPULATION = 1_000_000
_DIACRITIC_MARKS = re.compile(r"[\s'’‘ʿʾ`-]")
_DOUBLED = re.compile(r"(.)\1")
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ed|er|es|ez|ul|the)\s+")


def _landmark(candidate: Candidate) -> bool:
    return candidate.kind == "capital" or (candidate.kind == "city" and candidate.population >= LANDMARK_POPULATION)


def same_but_article(written: str, name: str) -> bool:
    """"al-Raqqah" and "Ar Raqqah", "Deir Ezzor" and "Deir ez-Zor": the same name written with
    another Arabic article or other spacing, not a mere look-alike of the transliteration skeleton."""
    def bare(text: str) -> str:
        # "al-Raqqa" and "Ar Raqqah", "Hama" and "Hamah", "Azzaz" and "Azaz": a final h and a doubled
        # letter are spellings of one transliteration
        plain = _DIACRITIC_MARKS.sub("", _ARTICLE.sub("", fold(text)))
        return _DOUBLED.sub(r"\1", plain).removesuffix("h")
    return bool(bare(written)) and bare(written) == bare(name)


def _stray(item: Pending, context: Context) -> bool:
    """A small place on another continent from every other place the text names, in a country it
    never names ("its South Hospital" read as a village in Ireland): a misreading, even from NER."""
    if item.best is None:
        return False
    candidate = item.best.candidate
    return candidate.kind not in ("country", "region", "capital") and \
        candidate.population < WEAK_MIN_POPULATION and item.best.near_km is not None and \
        item.best.near_km > FAR_KM and candidate.country not in _named_besides(item, context)


def _acronym_in_brackets(toponym: Toponym) -> bool:
    """"Volunteers for the Defence of the Homeland (VDP)": a bracketed acronym abbreviates the name
    before it; it is not a town that happens to share the letters."""
    if not toponym.text.isupper():
        return False  # (before the Doc's text, which spaCy joins anew from its tokens at every call)
    text = toponym.root.doc.text
    return text[toponym.start - 1: toponym.start] == "(" and text[toponym.end: toponym.end + 1] == ")"


ACRONYM_KINDS = frozenset({"country", "region", "adm1", "adm2"})


def _acronym_readings(toponym: Toponym, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """"SDF", "YPG", "LRA" are organisations: an all-capital short word is a place only as a
    country's or region's abbreviation ("DRC", "CAR") or as the place's own name in capitals
    ("GAZA"), never through an airport code or some village's alternate name."""
    text = toponym.text.replace(".", "")
    if text[:4].casefold() == "the ":  # "The SMM recorded ...": the article opens a sentence, not a name
        text = text[4:]
    if not (text.isalpha() and text.isupper() and 2 <= len(text) <= 5):
        return candidates
    key = fold(text)
    return tuple(c for c in candidates if c.kind in ACRONYM_KINDS or fold(c.name) == key)


def _mention(item: Pending) -> PlaceMention:
    toponym = item.toponym
    seat = seat_country(toponym.lookup)
    if item.best is None:  # a seat of power the gazetteer does not hold
        return PlaceMention(toponym.text, toponym.start, toponym.end, toponym.lookup, None, None, seat, None,
                            None, None, "metonymy" if _metonymy(toponym.root, True, None) else "literal",
                            f"seat of government of {seat}")
    candidate = item.best.candidate
    dateline = toponym.text.isupper() and toponym.start < 40  # "ADDIS ABABA, Nov 3 (Reuters) -"
    agent = not dateline and _metonymy(toponym.root, bool(seat), candidate.kind)
    usage: Usage = "metonymy" if agent or toponym.modifier else "literal"
    reason = "; ".join(item.best.reasons)
    if toponym.modifier:
        reason += "; names the country of an organisation"
    if usage == "metonymy":
        reason += f"; used for the government of {seat or candidate.country} ({toponym.root.dep_} of " \
                  f"'{toponym.root.head.text}')"
    return PlaceMention(
        text=toponym.text, start=toponym.start, end=toponym.end, name=candidate.name, lat=candidate.lat,
        lon=candidate.lon, country=seat or candidate.country, admin1=candidate.admin1,
        geonameid=candidate.geonameid, precision=candidate.precision,  # type: ignore[arg-type]
        usage=usage, reason=reason,
    )


def resolution_passes(doc: Doc, gazetteer: Gazetteer) -> tuple[list[Pending], list[Pending], Context]:
    """Toponyms ranked in three passes (name alone, then twice with the document's context); the
    seats of power the gazetteer lacks; and the final context. The training script reads these."""
    pending: list[Pending] = []
    seats: list[Pending] = []
    for toponym in toponyms(doc, gazetteer):
        if not any(ch.isupper() for ch in toponym.text):
            continue  # "the east bank", "the north": no proper name, whatever NER tagged
        candidates = _acronym_readings(toponym, gazetteer.candidates(toponym.lookup))
        if candidates or toponym.unlisted:  # an unlisted one is placed by its container, or not at all
            pending.append(Pending(toponym, candidates))
        elif seat_country(toponym.lookup):
            seats.append(Pending(toponym, ()))
    text = doc.text  # (joined from the tokens at every call: read once)
    rankings = _Rankings()
    rankings.rank_all(pending, Context(names=frozenset(fold(item.toponym.lookup) for item in pending)))
    apply_containers(pending, text)
    peoples = _peoples(doc)
    context = _with_peoples_points(_context_from(pending, peoples), peoples, gazetteer)
    rankings.rank_all(pending, context)
    apply_containers(pending, text)
    context = _with_peoples_points(_context_from(pending, peoples), peoples, gazetteer)
    rankings.rank_all(pending, context)
    apply_containers(pending, text)
    _keep_in_theatre(pending, context, gazetteer)
    standing = [item for item in pending if _context_worthy(item, context)]
    if len(standing) < len(pending):
        # A reading that does not stand (a weak "Olive Branch" read as a town in the USA) named a
        # country and anchored distances: without it, the text's real places may no longer look
        # far from the story ("Afrin" judged a stray 10,000 km from Mississippi). Rank once more
        # with the context of the mentions that stand.
        context = _with_peoples_points(_context_from(standing, peoples), peoples, gazetteer)
        context.names = frozenset(fold(item.toponym.lookup) for item in pending)
        rankings.rank_all(pending, context)
        apply_containers(pending, text)
        _keep_in_theatre(pending, context, gazetteer)
    return pending, seats, context


def _keep_in_theatre(pending: list[Pending], context: Context, gazetteer: Gazetteer) -> None:
    for item in pending:
        if item.best is not None and all(item.best is not s for s in item.ranked):
            continue  # placed at the container the text puts it in (containers), not a ranked namesake
        best, why = keep_in_theatre(item.ranked, context, item.toponym.text,
                                    context.contributed.get(fold(item.toponym.lookup)), gazetteer.country_outline)
        if why is not None:
            item.best = best
            if best is not None:
                best.reasons.append(why)


def _context_worthy(item: Pending, context: Context) -> bool:
    """May this mention's reading tell where the text is? Not when it has none left, nor when it
    is a small place only the gazetteer found and nothing backs ("Drone" as Dronero, Italy); a
    mention NER found, or a large city, may still be judged a stray later, but its country stands."""
    if item.best is None:
        return False
    if not item.toponym.weak or _supported(item, context):
        return True
    return item.best.candidate.population >= WEAK_MIN_POPULATION


def _standing(pending: list[Pending], context: Context) -> list[Pending]:
    """The mentions that stay: weak ones backed by context, no strays."""
    return [item for item in pending if item.best is not None and
            (_supported(item, context) if item.toponym.weak else not _stray(item, context))]


def places_in_doc(doc: Doc, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Every place mention in a parsed Doc, resolved, in text order."""
    gazetteer = gazetteer or get_gazetteer()
    with gazetteer.reading():
        return mentions_from(*resolution_passes(doc, gazetteer))


def mentions_from(pending: list[Pending], seats: list[Pending], context: Context) -> list[PlaceMention]:
    """The mentions that stay (weak ones backed by context, no strays), in text order."""
    mentions = [_mention(item) for item in _standing(pending, context) + seats]
    mentions.sort(key=lambda m: m.start)
    return mentions


def places(text: str) -> list[PlaceMention]:
    """Every place mention in `text`, resolved against the offline gazetteer."""
    from truce.nlp import load_nlp

    return places_in_doc(load_nlp()(text))


def resolve_name(name: str, country: str | None = None) -> PlaceMention | None:
    """The best place for a bare name (optionally within one ISO3 country), or None."""
    gazetteer = get_gazetteer()
    candidates = gazetteer.candidates(name)
    if country:
        candidates = tuple(c for c in candidates if c.country == country.upper())
    if not candidates:
        return None
    context = Context()
    if country:
        context.countries[country.upper()] += 2
    best = rank(candidates, name, None, context, None, name)[0]
    c = best.candidate
    return PlaceMention(name, 0, len(name), c.name, c.lat, c.lon, c.country, c.admin1, c.geonameid,
                        c.precision, "literal", "; ".join(best.reasons))  # type: ignore[arg-type]


def region_geometry(name: str) -> BaseGeometry | None:
    """Outline (rough polygon) of a curated region or a country named `name` or an alias, else None."""
    gazetteer = get_gazetteer()
    for kind in ("region", "country"):
        for candidate in gazetteer.candidates(name):
            if candidate.kind == kind and not candidate.loose:
                outline = gazetteer.outline(candidate.id)
                if outline is not None:
                    return outline
    return None
