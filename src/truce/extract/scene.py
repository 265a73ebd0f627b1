"""What a sentence says around its events, as the ACLED crosswalk needs it: who the victims were,
whether there was fighting, whether a protest met intervention, whether a crowd did the violence;
and where an act of force happened when the parse hides it (`place_unplaced`).

ACLED decides its type by the whole incident ("protesters gathered; police fired tear gas" is one
protest with intervention), while the extractor reads one trigger at a time, so the crosswalk gets
this scene of the sentence as well as the event's own fields.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from truce.extract.crosswalk import Scene

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from truce.extract.draft import Draft
    from truce.model import DateRef, Event, PlaceMention

# People who are not combatants when they are the ones harmed (ACLED: violence against civilians)
_CIVILIAN_NOUNS = {"civilian", "villager", "resident", "people", "person", "worshipper", "worshiper",
                   "student", "pupil", "child", "children", "woman", "women", "man", "men", "farmer",
                   "herder", "passenger", "refugee", "chief", "teacher", "journalist", "worker", "trader",
                   "family", "girl", "boy", "inhabitant", "displaced", "idp", "patient", "doctor", "nurse",
                   "pilgrim", "mourner", "shepherd", "fisherman", "miner", "driver", "motorist",
                   "traveller", "traveler", "merchant", "priest", "imam", "pastor", "elder", "couple",
                   "teenager", "local", "camp", "village", "market", "school",
                   "church", "mosque", "hospital", "home", "house", "household", "neighbourhood",
                   "neighborhood", "settlement", "congregation", "wedding", "funeral", "bus"}
# ... and who are combatants (ACLED: a battle)
_ARMED_NOUNS = {"soldier", "troop", "militant", "fighter", "rebel", "officer", "policeman", "police",
                "gendarme", "guard", "jihadist", "insurgent", "combatant", "militiaman", "militia",
                "serviceman", "army", "base", "post", "position", "checkpoint", "barrack", "garrison",
                "outpost", "patrol", "convoy", "unit", "station", "terrorist",
                "gunman", "assailant", "attacker", "paramilitary", "commander", "recruit", "volunteer"}
_HARM_VERBS = {"kill", "wound", "injure", "abduct", "kidnap", "shoot", "execute", "attack", "target",
               "rape", "massacre", "behead", "murder", "beat", "lynch", "slaughter", "hit", "strike",
               "raid", "ambush", "stab", "hack", "torture", "assault", "leave", "gun", "burn"}
# a group of unorganised people doing violence: ACLED riots (mob violence), not an armed attack
_CROWD_NOUNS = {"mob", "crowd", "resident", "villager", "youth", "local", "people",
                "inhabitant", "rioter", "community", "neighbour", "neighbor", "village", "clan", "tribe",
                "tribesman", "tribesmen", "herder", "communal"}
_DEMONSTRATOR_NOUNS = {"protester", "protestor", "demonstrator", "rioter", "marcher", "striker"}
_FIGHT_WORDS = {"fighting", "clash", "battle", "firefight", "gunfight", "skirmish", "combat", "exchange",
                "fight", "repel", "repulse", "ambush", "heavy", "resistance", "counterattack",
                "counteroffensive", "offensive", "gunbattle", "shootout"}
# taking a place back, or overrunning it, is taken from someone who held it: a battle
_CONTESTED = {"retake", "retook", "retaken", "recapture", "recaptured", "regain", "regained", "overrun",
              "overran", "liberate", "liberated", "reclaim", "reclaimed"}
# named fighting between two sides: ACLED codes it a battle even when civilians die in it
_CLASH_WORDS = {"clash", "fighting", "battle", "firefight", "gunfight", "gunbattle", "shootout", "skirmish",
                "exchange"}
_AIRCRAFT = {"jet", "warplane", "aircraft", "plane", "helicopter", "gunship", "bomber", "airforce", "fighter-jet"}
_LETHAL_CROWD = {"ammunition", "live", "shoot", "kill", "gun"}


def scene_of(sent: Span, drafts: list[Draft]) -> Scene:
    """The sentence's scene, read from its tokens and its draft events."""
    victims = _victims(sent)
    protest = any(d.type == "PROTEST" for d in drafts) or any(
        t.lemma_.lower() in _DEMONSTRATOR_NOUNS | {"protest", "demonstration", "rally", "march"}
        for t in sent if t.pos_ == "NOUN")  # "on 7 March" is a date
    intervention = any(d.type == "COERCE" and d.mode in {"crowd-control", "arrest"} for d in drafts)
    lethal = any((d.fatalities or 0) > 0 for d in drafts if d.type in {"ASSAULT", "COERCE"}) or any(
        t.lemma_.lower() in _LETHAL_CROWD for t in sent if t.dep_ in {"dobj", "amod", "ROOT", "advcl", "conj"})
    fighting = any((t.lemma_.lower() in _FIGHT_WORDS or t.lower_ in _CONTESTED) and not _negated(t)
                   for t in sent) or any(
        (d.fatalities or 0) > 0 or (d.injured or 0) > 0 for d in drafts if d.type == "ASSAULT")
    clash = any(t.lemma_.lower() in _CLASH_WORDS and not _negated(t) and t.pos_ in {"NOUN", "VERB"}
                and (t.lemma_.lower() != "exchange" or any(c.lower_ in {"fire", "gunfire"} for c in t.children))
                for t in sent)
    crowd = demonstrators = aircraft = False
    for d in drafts:
        # (a crowd's or demonstrators' burning and looting is theirs too: the crosswalk codes it a riot)
        if d.type != "ASSAULT" and not (d.type == "COERCE" and d.mode in {"seize", "destroy"}):
            continue
        subject = _subject(d.trigger)
        aircraft = aircraft or flown_by_aircraft(d.trigger)
        words = {subject.lemma_.lower(), subject.lower_} if subject is not None else set()
        if d.actor is not None:
            words |= {w.lower().rstrip("s") for w in d.actor.text.split()}
        crowd = crowd or bool(words & _CROWD_NOUNS)
        demonstrators = demonstrators or bool(words & _DEMONSTRATOR_NOUNS)
    return Scene(civilian_victims="CIV" in victims, armed_victims="ARM" in victims, protest=protest,
                 intervention=intervention, lethal=lethal, fighting=fighting, crowd=crowd,
                 demonstrators=demonstrators, clash=clash, aircraft=aircraft)


def flown_by_aircraft(verb: Token) -> bool:
    """Whether the doer of `verb` is an aircraft ("A military jet bombed", "Air Force jets bombed"):
    an aircraft's bombs make an air strike, not a planted explosive."""
    subject = _subject(verb)
    if subject is None:
        return False
    subject_words = {subject.lemma_.lower()} | {c.lemma_.lower() for c in subject.children}
    return (bool(subject_words & _AIRCRAFT) and subject.lower_ != "bomber") or (
        subject.lemma_.lower() == "force" and "air" in subject_words)


def _negated(tok: Token) -> bool:
    """"without fighting", "no clashes": the word says the fighting did not happen."""
    return (tok.dep_ in {"pobj", "pcomp"} and tok.head.lower_ == "without") or any(
        c.dep_ in {"det", "neg"} and c.lower_ in {"no", "not", "without"} for c in tok.children)


def _subject(verb: Token) -> Token | None:
    node = verb
    for _ in range(3):
        subj = next((c for c in node.children if c.dep_ in {"nsubj", "agent"}), None)
        if subj is not None:
            if subj.dep_ == "agent":
                subj = next((c for c in subj.children if c.dep_ == "pobj"), subj)
            return subj
        if node.dep_ not in {"conj", "advcl", "xcomp"} or node.head.i == node.i:
            return None
        node = node.head
    return None


def _victims(sent: Span) -> set[str]:
    """"CIV" and/or "ARM": the kinds of people (or places) the sentence's harm verbs act on."""
    found: set[str] = set()
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma not in _CIVILIAN_NOUNS and lemma not in _ARMED_NOUNS:
            continue
        if not _harmed(tok):
            continue
        # "a military post", "a police station", "army base": the modifier says whose it is
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in {"amod", "compound"}}
        if mods & {"military", "army", "police", "security", "rebel", "militia"} or lemma in _ARMED_NOUNS:
            found.add("ARM")
        else:
            found.add("CIV")
    return found


def _harmed(tok: Token) -> bool:
    """The word is what a harm verb acts on: its object, passive subject, or the object of "on"/"at"
    after one ("an attack on a village", "fired on worshippers")."""
    node = tok
    while node.dep_ in {"conj", "appos"} and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ in {"dobj", "nsubjpass", "pobj"}:
        node = node.head.head  # "the village of Mukondi", "a group of civilians"
    if node.dep_ in {"dobj", "nsubjpass"}:
        return node.head.lemma_.lower() in _HARM_VERBS
    if node.dep_ == "pobj" and node.head.lower_ == "with":  # "clashed with militants"
        return node.head.head.lemma_.lower() in {"clash", "fight", "battle", "skirmish"}
    if node.dep_ == "pobj" and node.head.lower_ in {"on", "at", "against", "upon"}:
        gov = node.head.head
        return gov.lemma_.lower() in _HARM_VERBS | {"fire", "attack", "raid", "strike", "assault", "open"}
    return False


# Acts of force that happen somewhere: a sentence's own place is theirs even when the parse hides it.
_PLACED_TYPES = {"ASSAULT", "COERCE"}


def place_unplaced(sents: list[Span], per_sentence: list[list[Draft]], places: list[PlaceMention],
                   offset: int) -> None:
    """Give an act of force that found no place in its clause the most precise place of its sentence.

    Rule: headlines and wire summaries ("Shells target Idlib city injuring five", "Airstrikes on
    Khan Shaykhun leave casualties") parse badly: the place lands as a subject, a compound or a
    clause of its own, and the careful choice (truce.extract.finish) finds none. When an ASSAULT or
    COERCE has no place and its sentence names a literal place that is not its actor's or source's,
    not where the speaker is, not where the attack came from ("from Belgorod"), not a dateline
    ("WASHINGTON/KHARTOUM, Sept 7 -", where the story was filed), it takes the
    nearest such place below a country to its trigger. This runs before the
    paragraph lends its last place, so a sentence's own place still wins; an act with no placed
    act before it takes the place a later sentence gives (`_place_from_paragraph`).

    A title-case dateline the careful choice took ("Kyiv, Ukraine (Reuters) - Russian drones
    attacked ...") is where the reporter is: the act gives it up for any place these rules find,
    and keeps it only when none places the act (`_filed_at`).
    """
    filed = _filed_at(sents, per_sentence, offset)
    for sent, drafts in zip(sents, per_sentence, strict=True):
        for draft in drafts:
            if draft.location is not None or draft.type not in _PLACED_TYPES or draft.background:
                continue
            place = _sentence_place(sent, draft, places, offset)
            if place is not None:
                draft.location = place
                if draft.spans is not None:
                    draft.spans["location"] = [place.start, place.end]
    _place_from_paragraph(sents, per_sentence, places, offset)
    for draft, place, span in filed:
        if draft.location is None:  # nothing else places the act: the dateline is all the text gives
            draft.location = place
            if draft.spans is not None and span is not None:
                draft.spans["location"] = span


def _filed_at(sents: list[Span], per_sentence: list[list[Draft]],
              offset: int) -> list[tuple[Draft, PlaceMention, list[int] | None]]:
    """The acts of force placed at the paragraph's dateline, unplaced, with the place and span
    they gave up."""
    filed: list[tuple[Draft, PlaceMention, list[int] | None]] = []
    for sent, drafts in zip(sents[:1], per_sentence[:1], strict=True):
        for draft in drafts:
            place = draft.location
            if place is None or draft.type not in _PLACED_TYPES or not _dateline(place, offset, sent.doc.text):
                continue
            filed.append((draft, place, (draft.spans or {}).pop("location", None)))
            draft.location = None
    return filed


def _place_from_paragraph(sents: list[Span], per_sentence: list[list[Draft]], places: list[PlaceMention],
                          offset: int) -> None:
    """Rule: a summary tells the toll first and the place after, in a sentence of its own
    ("Unknown gunmen killed four herders on Sunday. Their families live near Gusau in Zamfara
    state."). An act of force that is still placeless, with no placed event before it in the
    paragraph (whose place the paragraph lends forward, `lend_places`), happened at the first
    place below a country of a later sentence that tells of no event (`_later_place`). A
    paragraph naming no such place leaves it placeless. (Its location span is not set: the place
    lies outside its sentence.)"""
    for number, drafts in enumerate(per_sentence):
        if any(d.location is not None and not d.background for d in drafts):
            return  # from here on the paragraph lends its own places forward
        placeless = [d for d in drafts if d.location is None and d.type in _PLACED_TYPES and not d.background]
        first = _later_place(sents, per_sentence, number, places, offset) if placeless else None
        for draft in placeless if first is not None else []:
            draft.location = first


# Places of a report's acts this close together are one scene (a town and its district, two
# spellings of one village).
ONE_SCENE_KM = 50.0
_NOT_HAPPENED = {"negation", "future", "hypothetical"}


def place_from_report(events: list[Event]) -> None:
    """Rule: headlines of one story are read as texts of their own ("77 killed yesterday;Al Mayadin,
    Deir Ezzor governorate, Syria"), and a report's toll or summary line often names no place
    while its other lines do. An act of force left placeless in a report whose placed acts of
    force that happened all lie in one scene (within ONE_SCENE_KM of each other) happened there;
    a report whose acts lie in two scenes or more leaves it placeless."""
    from truce.geo.geometry import haversine_km

    placed = [e.location for e in events if e.type in _PLACED_TYPES and e.location is not None
              and e.location.lat is not None and e.location.lon is not None
              and e.status != "denied" and e.aux not in _NOT_HAPPENED]
    if not placed:
        return
    first = placed[0]
    if any(haversine_km(first.lat, first.lon, p.lat, p.lon) > ONE_SCENE_KM for p in placed[1:]):  # type: ignore[arg-type]
        return
    days = [e.date for e in events if e.location is not None and e.type in _PLACED_TYPES and e.date is not None
            and e.date.start is not None]
    for event in events:
        if event.location is None and event.type in _PLACED_TYPES and _same_days(event, days):
            event.location = replace(first)


_A_DAY = timedelta(days=1)


def _same_days(event: Event, days: list[DateRef]) -> bool:
    """The act is dated as the placed acts are (or not at all): the report's scene is that of its
    days; fighting it tells of from other days ("cut off during last week's fighting") may have
    been anywhere."""
    start = event.date.start if event.date is not None else None
    return start is None or not days or any(d.start is not None and d.end is not None
                                            and d.start - _A_DAY <= start <= d.end + _A_DAY for d in days)


def _later_place(sents: list[Span], per_sentence: list[list[Draft]], number: int, places: list[PlaceMention],
                 offset: int) -> PlaceMention | None:
    """The first place below a country of a sentence after sentence `number` that tells of no event
    (a sentence with events of its own places them itself; a speaker's "officials in X said" is
    where they spoke)."""
    for sent, drafts in zip(sents[number + 1:], per_sentence[number + 1:], strict=True):
        if drafts:
            continue
        lo, hi = sent.start_char + offset, sent.end_char + offset
        for place in places:
            if lo <= place.start < hi and place.usage == "literal" and place.lat is not None and \
                    place.precision != "country" and place.country and not _after_from(sent, place.start - offset):
                return place
    return None


def _sentence_place(sent: Span, draft: Draft, places: list[PlaceMention], offset: int) -> PlaceMention | None:
    # (finish imports this module for flown_by_aircraft: its clause tests are imported here, late)
    from truce.extract.finish import _in_speaker as in_speaker_clause
    from truce.extract.finish import _origin as origin_of_attack
    from truce.extract.finish import care_place

    spans = draft.spans or {}
    # a place inside the actor's span names the actor, except where it says where the actor was
    # ("Russian forces in Kherson shelled") or the span overran the doers (`_not_the_doer`)
    taken = [v for k, v in spans.items() if k in {"actor", "source"}]
    doers = [v for k, v in spans.items() if k == "actor"]  # (a source's place is where it spoke)
    lo, hi = sent.start_char + offset, sent.end_char + offset
    trig = draft.trigger
    # (a whole country is left to the careful choice: as a subject it acts, "the United States ignored")
    pool = [p for p in places if lo <= p.start < hi and p.usage == "literal" and p.lat is not None
            and p.precision != "country"
            and not any(a < p.end and p.start < b for a, b in taken
                        if not ([a, b] in doers and _not_the_doer(sent, p.start - offset, a - offset, b - offset)))
            and not _dateline(p, offset, sent.doc.text)
            and not in_speaker_clause(sent, p.start - offset, trig)
            and not (draft.type == "ASSAULT" and (origin_of_attack(sent, p.start - offset, trig)
                                                  or care_place(sent, p.start - offset, trig)))
            and not _after_from(sent, p.start - offset)]
    if not pool:
        return None
    return min(pool, key=lambda p: abs(p.start - trig.idx - offset))


# Prepositions that, inside a noun phrase, give where its people are ("troops near Bakhmut").
_WHEREABOUTS = {"in", "near", "at", "around", "outside", "inside"}


def _not_the_doer(sent: Span, char: int, start: int, end: int) -> bool:
    """The place lies inside the actor's span but does not name the doers: it says where they were
    ("Russian forces in Kherson", "gunmen near the village of X"), or the span took in a whole
    clause and the place is what its verb acts on ("Targeting by SDF hits Azaz city")."""
    from truce.extract.timing import token_at

    node = token_at(sent, char)
    if any(t.pos_ == "VERB" and start <= t.idx < char for t in sent):
        return True  # a verb of the span comes first: the place is its object, however mis-parsed
    while node is not None and start <= node.idx < end and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in _WHEREABOUTS:
            return True
        if node.head.pos_ in {"VERB", "AUX"} and start <= node.head.idx < end:
            return True
        node = node.head
    return False


# "Kyiv, Ukraine (Reuters) -", "Goma, Congo, May 3 -": a title-case dateline, told by its shape: names
# and dates between commas, an agency in brackets, then a dash (in capitals it is told by them).
_NAME = r"(?:\d{1,2}\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|\d{1,2}))*"
_TITLE_DATELINE = re.compile(rf"\s*{_NAME}(?:,\s*{_NAME}){{0,2}}\s*(?:\([^)]{{1,40}}\))?\s*[-–—]+\s")


def _dateline(place: PlaceMention, offset: int, text: str = "") -> bool:
    """A name opening its paragraph's dateline ("KHARTOUM, May 3 -", "Kyiv, Ukraine (Reuters) -") says
    where the story was filed, not where its acts happened."""
    if place.text.isupper() and len(place.text) > 1 and place.start - offset < 40:
        return True
    shape = _TITLE_DATELINE.match(text[:120])
    return shape is not None and place.start - offset < shape.end()


def _after_from(sent: Span, char: int) -> bool:
    """The place sits under a "from" phrase, however the parse hangs it ("militants from X"): where
    someone came from, not where this happened."""
    from truce.extract.timing import token_at

    node = token_at(sent, char)
    while node is not None and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ == "from":
            return True
        node = node.head
    return False
