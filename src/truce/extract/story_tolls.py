"""The death count of a report told as several headlines of one story.

Source lists and wire digests give one incident as a run of headlines ("Clashes in the north;Two
soldiers killed in the north;Army says two soldiers killed"), each read as an event of its own.
The report's first attack is the story; the counts its headlines give are that story's toll, and
that attack leads the report's events (a headline about talks or a withdrawal told before it is
the story's setting, not its act).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from truce.extract.toll_phrases import revised_toll
from truce.model import Event, PlaceRef
from truce.nlp import load_nlp

_NOT_HAPPENED = {"negation", "future", "hypothetical"}
_AGREE = 2  # headlines that must give the same other count before it replaces the first one's own


def _happened(event: Event, statuses: frozenset[str] = frozenset({"asserted"})) -> bool:
    return event.type == "ASSAULT" and event.status in statuses and event.aux not in _NOT_HAPPENED


_TOLD = frozenset({"asserted", "claimed"})  # "..., officials say": a toll is mostly somebody's figure


def _start(event: Event) -> int | None:
    return event.evidence.start if event.evidence is not None else None


def _story_count(counts: list[int]) -> int:
    """The count most headlines give; among equals the largest (tolls are revised upward)."""
    tally = Counter(counts)
    top = max(tally.values())
    return max(c for c in counts if tally[c] == top)


def share_story_toll(events: list[Event]) -> None:
    """Give the report's first attack the death count its headlines agree on.

    Rule: take the first ASSAULT that happened (asserted, not negated, planned or supposed) and the
    death counts of the report's attacks in other sentences that happened or that a source claims,
    in the first one's country or in none named. When the first attack has no count (or a stated
    zero), it takes the count most of them give (the largest among equals), or their zero when they
    give only that. When it has one, another count replaces it only when at least two other
    headlines give that count and more of them do than give its own, or when it is larger and
    counts the same victims (or victims it does not name) at the same place, naming no other, not
    as a day's roll-up, and no fewer headlines give it than the first's: the toll told again,
    revised upward. A toll revision in another
    headline ("death toll rises to 14") is the story's latest count: the largest one replaces the
    first attack's count when it is no smaller (tolls are revised upward; the headlines' counts are
    never summed).
    A day's or a period's tally never reaches here: the casualty reader leaves it without a count
    (truce.extract.toll_shapes).
    """
    if any(e.observation is not None for e in events):
        return  # a monitoring report tells many incidents, not one story's headlines
    first = next((e for e in events if _happened(e)), None)
    if first is None:
        return
    others = [e for e in events if e is not first and _happened(e, _TOLD) and _start(e) != _start(first)]
    country = first.location.country if first.location is not None else None
    counts = [e.fatalities for e in others if e.fatalities is not None
              and (country is None or e.location is None or e.location.country in {None, country})]
    written = [c for c in counts if c > 0]
    if written:
        story = _story_count(written)
        agreeing = written.count(story)
        # a first headline's "no one was killed" is the earliest word, like no count: a later
        # headline's count of the same story is its toll (tolls are revised upward)
        if not first.fatalities or (story != first.fatalities and agreeing >= _AGREE
                                    and agreeing > written.count(first.fatalities)):
            _take(first, story)
    elif counts and first.fatalities is None:
        _take(first, 0)  # only "no casualties reported" in another headline: the story's stated zero
    higher = _higher_count(first, others, events)
    if higher is not None:
        _take(first, higher)
    revised = _latest_revision([e for e in others if country is None or e.location is None
                                or e.location.country in {None, country}], first)
    if revised is not None and (first.fatalities is None or revised >= first.fatalities):
        _take(first, revised)


# Victims that name no group of their own: a count of them may count any group of the story.
_ANY_VICTIMS = {"", "person", "people", "individual", "other", "victim", "casualty"}


def _higher_count(first: Event, others: list[Event], events: list[Event]) -> int | None:
    """The largest count above the first attack's own that another headline gives for the same
    victims, or for victims it does not name, at the first's place or within it, over no wider
    area: "Two soldiers killed in attack;Three soldiers killed in attack" is the toll told again,
    revised upward (3), while "Rebels kill 5 villagers;Gunmen kill 8 traders" tells other victims
    (5 stays), "Four killed in A and B" after "two killed in A" counts a wider area, and an act
    by or on another country is another act. A first count that more other headlines give than
    the larger one stands."""
    if not first.fatalities:
        return None
    own, where = _victims(first), _placed(first, events)
    higher = [e.fatalities for e in others if e.fatalities is not None and e.fatalities > first.fatalities
              and _within(e.location, first.location) and _placed(e, events) <= where | _placed(e, [e])
              and not _lists_places(e) and _same_victims(own, _victims(e)) and not _day_tally(e)
              and _same_sides(first, e)]
    written = [e.fatalities for e in others]
    # a count more headlines confirm than give the larger one stands ("kills 22" six times, "25" twice)
    higher = [n for n in higher if written.count(n) >= written.count(first.fatalities)]
    return max(higher) if higher else None


def _same_sides(first: Event, other: Event) -> bool:
    """No side of one is another country on the other's: "retaliated, neutralising 101 Syrian
    soldiers" after "shelling killed five Turkish soldiers" is another act with other victims."""
    pairs = ((first.actor, other.actor), (first.recipient, other.recipient))
    return not any(a is not None and b is not None and a.country and b.country and a.country != b.country
                   for a, b in pairs)


_BROAD = {"country", "region"}  # a place that holds the towns a later headline may name


def _within(place: PlaceRef | None, first: PlaceRef | None) -> bool:
    """Whether `place` is the first headline's place or lies in it (or neither is named): "in
    Syria" then "in Syria's al-Bab" is the same story; "near Kaga Bandoro" then only "in the
    Central African Republic" (unplaced) may tell more of the country."""
    if first is None or first.precision in _BROAD:
        return place is None or first is None or place.name == first.name or (
            first.country is not None and place.country == first.country)
    return place is not None and place.name == first.name


def _sentence(event: Event) -> str:
    return event.evidence.sentence if event.evidence is not None else ""


def _placed(event: Event, events: list[Event]) -> set[str]:
    """Where the events of `event`'s sentence are placed."""
    start = _start(event)
    return {e.location.name.lower() for e in events if _start(e) == start and e.location is not None
            and e.location.name}


_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _lists_places(event: Event) -> bool:
    """"Four killed in West Bank, Gaza", "in Menaka and Gao": a headline listing places counts
    over all of them."""
    doc = load_nlp()(_sentence(event))
    ents = [e for e in doc.ents if e.label_ in _PLACE_LABELS]
    return any(doc[a.end:b.start].text.strip() in {",", "and", "&", "or"} for a, b in pairwise(ents))


# A day's roll-up over a region ("16 people were killed yesterday including ..."), not the story's toll.
_DAY_TALLY = re.compile(r"\b(?:yesterday|today|(?:past|last) 24 hours)\b", re.I)


def _day_tally(event: Event) -> bool:
    return _DAY_TALLY.search(_sentence(event)) is not None


def _same_victims(one: str | None, other: str | None) -> bool:
    if one is None or other is None:
        return False  # a count whose words we cannot find is left alone
    return one == other or one in _ANY_VICTIMS or other in _ANY_VICTIMS


def _victims(event: Event) -> str | None:
    """The noun an event's death count counts ("two Turkish soldiers" -> "soldier"), "" for a bare
    count ("15 killed"), None when the count is not written in its sentence."""
    ev = event.evidence
    at = ev.spans.get("fatalities") if ev is not None else None
    if ev is None or not at:
        return None
    offset = int(at[0]) - ev.start
    number = next((t for t in load_nlp()(ev.sentence) if t.idx == offset), None)
    if number is None:
        return None
    noun = number.head if number.dep_ in {"nummod", "det", "quantmod"} else number
    return "" if noun.pos_ == "NUM" or (noun.i == number.i and noun.pos_ != "NOUN") else noun.lemma_.lower()


# A word of rising in a sentence is what lets it revise a toll; only such sentences are read again.
_RISING_WORD = re.compile(r"\b(?:rais|rise|rose|risen|climb|increas|jump|reach|push|brought|bring)", re.I)


def _latest_revision(others: list[Event], first: Event) -> int | None:
    """The largest toll revision ("the death toll rose to 14", "raises to 83 the number of those
    killed") the other headlines of the story write, outside the first attack's own sentence (a
    revision beside an attack's own count is a running total: truce.extract.toll_phrases). Tolls are
    revised upward, so the largest is the latest; a sentence's events share its one reading."""
    own = _start(first)
    sentences = {e.evidence.start: e.evidence.sentence for e in others
                 if e.evidence is not None and e.evidence.start != own and _RISING_WORD.search(e.evidence.sentence)}
    if not sentences:
        return None
    nlp = load_nlp()
    figures = [f for f in (revised_toll(nlp(text)[:]) for _, text in sorted(sentences.items())) if f]
    return max(figures) if figures else None


def _take(event: Event, count: int) -> None:
    event.fatalities = count
    if event.evidence is not None and event.evidence.spans:
        event.evidence.spans.pop("fatalities", None)  # the count is written in another headline


def lead_with_violence(events: list[Event]) -> None:
    """Put the report's first attack that happened first when an event of another kind leads.

    Rule: in a report that is no monitoring report, when the first event that happened (asserted,
    not negated, planned or supposed) is not an ASSAULT and a later one is, that attack moves to the
    front (the others keep their order): "Peace talks open in Bangui;18 shot dead in funeral attack"
    is a story of killing, and the event a report is summed up by is its act of violence.
    """
    if any(e.observation is not None for e in events):
        return  # a monitoring report's order is its own (one incident after another)
    lead = next((e for e in events if e.status == "asserted" and e.aux not in _NOT_HAPPENED), None)
    first = next((e for e in events if _happened(e)), None)
    if lead is None or first is None or lead.type == "ASSAULT":
        return
    events.remove(first)
    events.insert(0, first)
