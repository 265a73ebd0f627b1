"""Toponym recognition: which stretches of a parsed text name places.

Two sources, because spaCy's small English model tags only about half of the place names in
conflict news: its GPE/LOC/FAC entities, and runs of capitalised tokens the gazetteer knows.
Guards keep out people, organisations, demonyms ("Turkish"), months and common words; a run
found only through the gazetteer is marked `weak` and must be backed by the document's context
when it is resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from truce.geo.countries import is_demonym, seat_country
from truce.geo.gazetteer import Gazetteer
from truce.geo.headline import dash_parts, in_source_name, trailing_sources
from truce.geo.names import fold
from truce.geo.openings import names_a_person, person_words, sentence_openings, struck_subject
from truce.geo.phrases import bracketed_holders, countryside, defines_a_settlement, leads_a_group, line_names
from truce.geo.sources import load_yaml

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _word_list(name: str) -> frozenset[str]:
    return frozenset(fold(w) for w in str(load_yaml("words.yaml")[name]).split())


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities whose tokens are never read as places by gazetteer matching.
BLOCKING_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})
# The small model tags many towns as PERSON, ORG, NORP or PRODUCT ("Bakhmut" as ORG, "Odesa" as
# NORP). A person's or organisation's name is read as a place only as a whole; the other labels
# are scanned for known names inside. Either way the mention is weak: context must back it.
WHOLE_ONLY_LABELS = frozenset({"PERSON", "ORG"})
PERSON_TITLES = _word_list("person_titles")

ADMIN_WORDS = frozenset({"region", "regions", "oblast", "oblasts", "province", "provinces", "governorate",
                         "governorates", "district", "districts", "raion", "rayon", "state", "county",
                         "prefecture", "department", "municipality", "territory", "krai", "republic"})
# Prepositions that announce a place: "shelled positions near X", "fighting in X".
LOCATIVE_CUES = frozenset({"in", "near", "at", "outside", "around", "towards", "toward", "into", "across",
                           "through", "on", "inside", "beyond", "west", "east", "north", "south"})
SETTLEMENT_WORDS = frozenset({"city", "town", "village", "settlement", "hamlet"})
FORCE_WORDS = _word_list("force_words")  # "bomb Afrin", "the shelling of Hajin", "attack on Marea"
# "X is a ... <noun>": nouns that make the subject a place.
PLACE_NOUNS = frozenset({"city", "town", "village", "settlement", "hamlet", "community", "suburb", "locality",
                         "municipality", "commune", "township", "borough", "parish", "capital", "county",
                         "district", "neighbourhood", "neighborhood", "port", "island", "region",
                         "province", "state", "country", "oblast", "governorate", "seat"})
DIRECTION_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                             "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
                             "northwestern", "southeastern", "southwestern", "north-east", "north-west",
                             "south-east", "south-west", "upper", "lower", "greater", "occupied"})
# Lower-case words allowed inside a multi-word name ("Bosnia and Herzegovina", "Deir ez-Zor").
CONNECTORS = frozenset({"-", "and", "of", "de", "del", "la", "le", "al", "el", "ez", "az", "as", "ad", "ash",
                        "an", "at", "ul", "e", "i", "da", "do", "dos", "das", "on", "upon", "sur", "am",
                        "'s"})
# Words that, right after a name or as "<word> of" right before it, say the name is a place
# ("shelling on Afrin countryside", "the outskirts of Kafr Nabl"): evidence a headline gives
# even when it names no country.
PLACE_WORDS = SETTLEMENT_WORDS | ADMIN_WORDS | frozenset({
    "countryside", "outskirts", "suburbs", "suburb", "neighbourhood", "neighborhood", "camp", "area",
    "city", "town", "village", "villages", "towns", "district", "governorate"})
# Capitalised words that name no place in English news even when some village bears the name.
NOT_PLACES = _word_list("not_places")


@dataclass(slots=True)
class Toponym:
    """A stretch of text that may name a place, before resolution."""

    start: int  # character offsets in the document
    end: int
    text: str
    lookup: str  # the name to look up (text without "the", direction words, admin suffix)
    source: str  # "ner" or "gazetteer"
    weak: bool  # not tagged as a place by NER: must be backed by context when resolved
    hint: str | None  # "admin" (followed by region/oblast...), "settlement", or None
    root: Token  # the syntactic head of the span, for metonymy
    cue: bool = False  # preceded by a locative preposition ("in", "near", "outside")
    modifier: bool = False  # the country an organisation is named after ("the U.S. Army")
    called_place: bool = False  # the text calls it a place ("X countryside", "the town of X")
    unlisted: bool = False  # "X is a village in Y" where the gazetteer has no X: placed by its container
    struck: bool = False  # an opening subject of an act of force or capture ("Bakhmut fell", "Jenin was raided")


def _demonym(text: str, gazetteer: Gazetteer) -> bool:
    """A people's adjective or noun ("Turkish", "Azeri") — but not a country's own name that a
    demonym happens to share ("Philippines" is no plural of "Philippine", "Laos" none of "Lao")."""
    if not is_demonym(text):
        return False
    return not any(c.kind == "country" and not c.loose for c in gazetteer.candidates(text))


def _is_capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[0].isupper()


def _hint_after(doc: Doc, end: int) -> str | None:
    if end < len(doc):
        word = doc[end].lower_
        if word in ADMIN_WORDS:
            return "admin"
        if word in SETTLEMENT_WORDS:
            return "settlement"
    return None


def _trim(span: Span, directions: bool = False) -> Span:
    """Drop a leading article (and direction word, when asked) and a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (doc[start].lower_ in ("the", "a")
                               or (directions and doc[start].lower_ in DIRECTION_WORDS)):
        start += 1
    while end > start + 1 and doc[end - 1].text in ("'s", "’s", "'", "’", "(", ")"):  # ("Bamako (Bamako)")
        end -= 1
    return doc[start:end]


def _suffix_split(span: Span) -> tuple[Span, str | None]:
    """'Kherson region' -> ('Kherson', 'admin'); 'Gaza City' stays whole (the gazetteer knows it)."""
    last = span[-1].lower_
    if len(span) > 1 and last in ADMIN_WORDS:
        return span[:-1], "admin"
    if len(span) > 1 and last in SETTLEMENT_WORDS:
        return span[:-1], "settlement"
    return span, None


def _from_entity(ent: Span, gazetteer: Gazetteer, weak: bool) -> list[Toponym]:
    span = _trim(ent)
    text = span.text
    if _demonym(text, gazetteer) or fold(text) in NOT_PLACES:
        return []
    if gazetteer.has_name(text) or seat_country(text):
        return [Toponym(span.start_char, span.end_char, text, text, "ner", weak, _hint_after(ent.doc, ent.end),
                        span.root)]
    span = _trim(ent, directions=True)  # "eastern Ukraine" -> "Ukraine"; "South Ossetia" matched whole above
    text = span.text
    if span.start != ent.start and gazetteer.has_name(text):
        return [Toponym(span.start_char, span.end_char, text, text, "ner", weak, _hint_after(ent.doc, ent.end),
                        span.root)]
    core, hint = _suffix_split(span)
    if core is not span and gazetteer.has_name(core.text) and fold(core.text) not in NOT_PLACES:
        return [Toponym(span.start_char, span.end_char, text, core.text, "ner", weak, hint, core.root)]
    # "Donetsk and Luhansk regions", "Kherson, Zaporizhzhia": read the names inside the entity.
    return _scan(ent.doc, gazetteer, ent.start, ent.end, weak=weak, source="ner")


def _scan(doc: Doc, gazetteer: Gazetteer, begin: int, stop: int, weak: bool, source: str) -> list[Toponym]:
    """Longest capitalised runs within doc[begin:stop] that the gazetteer knows."""
    found: list[Toponym] = []
    i = begin
    while i < stop:
        token = doc[i]
        if not _is_capitalised(token) or _demonym(token.text, gazetteer):
            i += 1
            continue
        # "South", "Central" name no place alone, but they begin "South America", "Central Asia".
        shortest = i + 2 if fold(token.text) in NOT_PLACES else i + 1
        limit = i + 1
        while limit < min(stop, i + 6) and (_is_capitalised(doc[limit]) or doc[limit].lower_ in CONNECTORS):
            limit += 1
        match = None
        for end in range(limit, shortest - 1, -1):
            if not _is_capitalised(doc[end - 1]):
                continue
            span = doc[i:end]
            if len(span) == 1 and (_single_word_doubtful(token) or _before_a_person(span)) and \
                    not _country_acronym(token, gazetteer):
                continue
            if _demonym(span.text, gazetteer):
                continue
            if gazetteer.has_name(span.text):
                match = span
                break
        if match is None:
            i += 1
            continue
        hint = _hint_after(doc, match.end)
        found.append(Toponym(match.start_char, match.end_char, match.text, match.text, source, weak, hint,
                             match.root))
        i = match.end
    return found


ORGANISATION_PLACES = frozenset({"country", "adm1"})  # what a ministry, police or health service is named after


def _leading_country(ent: Span, gazetteer: Gazetteer) -> list[Toponym]:
    """"the U.S. Centers for Disease Control", "Queensland Police": an organisation named after its
    country or province names that place — as the organisation's country or province (a
    modifier), never as where something happened."""
    span = _trim(ent)
    for end in range(min(span.end, span.start + 4), span.start, -1):
        if end >= ent.end:
            continue
        head = ent.doc[span.start:end]
        if any(c.kind in ORGANISATION_PLACES and not c.loose for c in gazetteer.candidates(head.text)):
            return [Toponym(head.start_char, head.end_char, head.text, head.text, "ner", False, None, head.root,
                            modifier=True)]
    return []


def _country_acronym(token: Token, gazetteer: Gazetteer) -> bool:
    """"DRC", "UAE", "USA": a short capitalised acronym that is a country's own abbreviation."""
    return token.is_upper and len(token.text) >= 2 and any(
        c.kind == "country" and not c.loose for c in gazetteer.candidates(token.text))


def _before_a_person(span: Span) -> bool:
    """'Secretary of State Antony Blinken': a word right before a person's name is a title, not a place."""
    doc = span.doc
    nxt = span.end + (1 if span.end < len(doc) and doc[span.end].lower_ == "of" else 0)
    return nxt < len(doc) and doc[nxt].ent_type_ == "PERSON"


def _single_word_doubtful(token: Token) -> bool:
    """A lone capitalised word that the tagger does not take for a proper noun (sentence-initial
    'Many', 'Under') or that is too short to be told from an abbreviation."""
    if token.pos_ != "PROPN" and token.tag_ not in ("NNP", "NNPS"):
        return True
    return len(token.text) < 3 or (token.is_upper and len(token.text) < 4 and not token.is_sent_start)


def _bounds(ent: Span) -> tuple[int, int]:
    span = _trim(ent)
    return span.start_char, span.end_char


def _free(found: list[Toponym], start: int, end: int) -> bool:
    return not any(t.start < end and start < t.end for t in found)


def _copular(doc: Doc, gazetteer: Gazetteer, found: list[Toponym]) -> list[Toponym]:
    """"Hamilton is a city in Ravalli County": the subject of "is a town/village/..." names a place,
    whatever label the tagger gave it."""
    extra: list[Toponym] = []
    for token in doc:
        if token.dep_ != "nsubj" or token.head.lemma_ != "be" or not _is_capitalised(token) or token.pos_ == "PRON":
            continue
        if not any(c.dep_ == "attr" and c.lemma_.lower() in PLACE_NOUNS for c in token.head.children):
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and _is_capitalised(doc[start - 1]):
            start -= 1
        span = doc[start:token.i + 1]
        same = next((t for t in found if (t.start, t.end) == (span.start_char, span.end_char)), None)
        if same is not None:  # found already, perhaps only weakly (tagged ORG): the sentence settles it
            same.weak, same.source = False, "copula"
        elif _free(found + extra, span.start_char, span.end_char) and (
                gazetteer.has_name(span.text) or (defines_a_settlement(span) and fold(span.text) not in NOT_PLACES
                                                  and not _demonym(span.text, gazetteer))):
            extra.append(Toponym(span.start_char, span.end_char, span.text, span.text, "copula", False, None,
                                 span.root, unlisted=not gazetteer.has_name(span.text)))
    return extra


def _same_name_again(doc: Doc, found: list[Toponym], text: str) -> list[Toponym]:
    """One name, one sense per text: a name read as a place once (by NER or "X is a town") is the
    same place where it recurs, unless it is part of a person's name there ("J. W. Hamilton")."""
    strong = {t.text: t for t in found if not t.weak and t.source in ("ner", "copula") and not t.modifier}
    extra: list[Toponym] = []
    taken = list(found)
    if not strong:
        return extra
    for toponym in found:  # a weak reading of a name the text uses as a place elsewhere is no longer weak
        if toponym.weak and toponym.text in strong and not toponym.modifier:
            span = doc.char_span(toponym.start, toponym.end)
            if span is not None and not _in_person_name(span):
                toponym.weak = False
    if all(text.count(name) < 2 for name in strong):
        return extra  # each name is written only where it was found: nothing recurs (and no pattern to build)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(strong, key=len, reverse=True)) + r")\b")
    for match in pattern.finditer(text):
        name = match.group(0)
        if not _free(taken, match.start(), match.end()):
            continue
        span = doc.char_span(match.start(), match.end())
        if span is None or _in_person_name(span):
            continue
        toponym = Toponym(span.start_char, span.end_char, name, strong[name].lookup, "discourse", False,
                          _hint_after(doc, span.end), span.root, unlisted=strong[name].unlisted)
        extra.append(toponym)
        taken.append(toponym)
    return extra


def _in_person_name(span: Span) -> bool:
    doc = span.doc
    if any(t.ent_type_ == "PERSON" for t in span) and any(
            doc[k].ent_type_ == "PERSON" for k in (span.start - 1, span.end) if 0 <= k < len(doc)):
        return True
    return span.start > 0 and (fold(doc[span.start - 1].text) in PERSON_TITLES or
                               (doc[span.start - 1].is_title and doc[span.start - 1].ent_type_ == "PERSON"))


def _extended(ent: Span, gazetteer: Gazetteer) -> Span | None:
    """The tagger sometimes cuts a long name in two ("the Democratic Republic of the" + "Congo"):
    the longest gazetteer name that starts with a place entity and runs past its end, or None."""
    doc = ent.doc
    start = _trim(ent).start
    limit = ent.end
    while limit < min(len(doc), ent.end + 5) and (_is_capitalised(doc[limit]) or
                                                  doc[limit].lower_ in CONNECTORS or doc[limit].lower_ == "the"):
        limit += 1
    for end in range(limit, ent.end, -1):
        if _is_capitalised(doc[end - 1]) and gazetteer.has_name(doc[start:end].text):
            return doc[start:end]
    return None


def toponyms(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    """Every stretch of `doc` that may name a place, in text order, without overlaps."""
    found: list[Toponym] = []
    covered = [False] * len(doc)
    blocked = [False] * len(doc)
    ents = doc.ents  # (spaCy builds the tuple anew at every read, and the text too: read both once)
    text = doc.text
    people = person_words(ents)
    for ent in (part for whole in ents for part in dash_parts(whole)):
        items: list[Toponym] = []
        if covered[ent.start]:  # absorbed into the name an earlier entity runs on into
            continue
        longer = _extended(ent, gazetteer) if ent.label_ in PLACE_LABELS else None
        if longer is not None:
            items = [Toponym(longer.start_char, longer.end_char, longer.text, longer.text, "ner", False,
                             _hint_after(doc, longer.end), longer.root)]
            ent = doc[ent.start:longer.end]
        elif ent.label_ in PLACE_LABELS:
            items = _from_entity(ent, gazetteer, weak=False)
        elif ent.label_ in WHOLE_ONLY_LABELS:
            if not names_a_person(ent, people, PERSON_TITLES):
                items = _from_entity(ent, gazetteer, weak=True)
                if not any(t.lower_ in ("and", ",", "(") for t in ent):  # "Lashio and Laukkaing", "Gusau (Zamfara"
                    items = [t for t in items if (t.start, t.end) == _bounds(ent)]
                if not items and ent.label_ == "ORG":
                    items = _leading_country(ent, gazetteer)
        elif ent.label_ not in BLOCKING_LABELS:
            items = _from_entity(ent, gazetteer, weak=True)
        found.extend(items)
        for k in range(ent.start, ent.end):
            covered[k] = True
            blocked[k] = ent.label_ not in PLACE_LABELS
    # Gazetteer matching over the stretches no entity claimed.
    i = 0
    while i < len(doc):
        if covered[i] or blocked[i]:
            i += 1
            continue
        j = i
        while j < len(doc) and not covered[j] and not blocked[j]:
            j += 1
        found.extend(_scan(doc, gazetteer, i, j, weak=True, source="gazetteer"))
        i = j
    for span in sentence_openings(doc, text, gazetteer, [(t.start, t.end) for t in found], people, NOT_PLACES):
        found.append(Toponym(span.start_char, span.end_char, span.text, span.text, "opening", True,
                             _hint_after(doc, span.end), span.root))
    found.extend(_copular(doc, gazetteer, found))
    found.extend(_same_name_again(doc, found, text))
    lines = line_names(doc, text)  # "the Line of Contact": a part of a line's name is no town; the whole, a region
    found = [t for t in found if not any(a <= t.start and t.end <= b and (a, b) != (t.start, t.end) for a, b in lines)]
    found.sort(key=lambda t: t.start)
    bracketed_holders(text, found)  # "Boni (Hombori, Mopti)": Mopti holds Boni, a place
    _read_surroundings(doc, found)
    return found


def _read_surroundings(doc: Doc, found: list[Toponym]) -> None:
    """What the words around each name say: a cue before it, a place word, a headline's source, a
    side's participle ("US-led"), "the countryside of"."""
    sources = trailing_sources(doc)
    for toponym in found:
        toponym.modifier = toponym.modifier or in_source_name(toponym.start, toponym.end, sources, doc)
        span = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
        if span is None:
            continue
        if span.start > 0:
            # ("in #Mbengwi": a hashtag's sign is no word between the cue and the name)
            before = [t.lower_ for t in doc[max(0, span.start - 3):span.start] if t.text != "#"][-2:] or [""]
            toponym.cue = before[-1] in LOCATIVE_CUES or before[-2:] == ["outskirts", "of"] or \
                before[-1] in FORCE_WORDS or (len(before) == 2 and before[1] in ("of", "on")
                                              and before[0] in FORCE_WORDS)
            toponym.called_place = len(before) == 2 and before[1] == "of" and before[0] in PLACE_WORDS
        if span.end < len(doc):
            toponym.called_place = toponym.called_place or doc[span.end].lower_ in PLACE_WORDS
        toponym.modifier = toponym.modifier or leads_a_group(doc, span)
        toponym.struck = toponym.weak and bool(span[0].is_sent_start) and struck_subject(span)
        if toponym.hint is None and countryside(doc, span):
            toponym.hint = "admin"  # "the countryside of Aleppo", "Idlib countryside": the province's land
