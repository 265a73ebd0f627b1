"""Passes over a paragraph's drafts and a report's events, after each sentence was read alone.

Per paragraph: `fold_casualties` (a toll told after its attack is that attack's count),
`fold_stated_zeros` (so is "No one was hurt" after it: a known zero) and `lend_places` (a
placeless act of force happened where the paragraph's story is). Per report:
`lend_attacker` (a bare toll counts the victims of the report's one attacker) and
`answer_attacks` (a retaliation answers the attack told before it). Each pass gives an event a
copy of another's actor or date, never the same object, so later changes to one cannot reach the other.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from truce.extract.casualties import adds_to_count, casualties
from truce.extract.draft import Draft
from truce.model import Event, PlaceMention

# Casualty words: a sentence whose only event is people killed or hurt ("Three civilians were
# killed", "Two soldiers were wounded") reports a toll, usually of the attack just told.
_CASUALTY_LEMMAS = {"kill", "die", "wound", "injure", "hurt", "death", "dead", "toll", "casualty", "perish"}
_NOT_HAPPENED = {"negation", "future", "hypothetical"}


def fold_casualties(per_sentence: list[list[Draft]]) -> None:
    """Fold actorless casualty reports into the attack told before them in the paragraph.

    Rule: an ASSAULT with no actor whose trigger is a casualty word and which counts dead or
    injured, in a sentence after one with an ASSAULT that happened (not denied, negated, planned or
    supposed), is that attack's toll when nothing in it says otherwise: no place or the same place,
    no date or an overlapping one. The attack takes the counts (a later, larger count replaces an
    earlier one: tolls are revised upward, "rose to 12") and the casualty event is dropped, so one
    attack is one event. A casualty report with a place or date of its own stays apart, as before.
    """
    last: Draft | None = None
    for drafts in per_sentence:
        keep: list[Draft] = []
        for d in drafts:
            if last is not None and _is_toll_of(d, last):
                _adopt_counts(last, d)
                continue
            keep.append(d)
        drafts[:] = keep
        attacks = [d for d in drafts if d.type == "ASSAULT" and d.actor is not None and d.status != "denied"
                   and d.aux not in _NOT_HAPPENED and not d.background]
        if attacks:
            last = max(attacks, key=lambda d: d.confidence)


def fold_stated_zeros(sents: list[Span], per_sentence: list[list[Draft]]) -> None:
    """Give the attack told before a sentence that states no one was killed or hurt that zero.

    Rule: a sentence with no event of its own ("No one was hurt.", "There were no casualties.") or
    whose only events are actorless acts counting nobody ("No casualties were reported", read off
    its verb) states a zero of the nearest attack before it in the paragraph that happened (not
    denied, negated, planned or supposed): that attack's unknown count of that kind becomes 0 and
    the zero's own event is dropped, so one attack is one event. A count the attack has, zero or
    written, is never replaced; a zero with a place or date of its own apart from the attack's
    stays apart (the same test as `fold_casualties`).
    """
    last: Draft | None = None
    for sent, drafts in zip(sents, per_sentence, strict=True):
        zeros = _stated_zeros(sent, drafts, last) if last is not None else None
        if last is not None and zeros is not None:
            killed, hurt = zeros
            if killed and last.fatalities is None:
                last.fatalities = 0
            if hurt and last.injured is None:
                last.injured = 0
            drafts.clear()
            continue
        attacks = [d for d in drafts if d.type == "ASSAULT" and _happened(d)]
        if attacks:
            last = max(attacks, key=lambda d: d.confidence)


def _happened(d: Draft) -> bool:
    return d.status != "denied" and d.aux not in _NOT_HAPPENED and not d.background


def _stated_zeros(sent: Span, drafts: list[Draft], attack: Draft) -> tuple[bool, bool] | None:
    """Whether the sentence states no one killed and no one hurt, when that is all it tells."""
    if not drafts:
        killed, hurt, _, _ = casualties(sent)
        if (killed or hurt) or (killed is None and hurt is None):
            return None  # a written count, or nothing said: another pass's business or none
        return killed == 0, hurt == 0
    for d in drafts:
        counts = (d.fatalities, d.injured)
        if d.type != "ASSAULT" or d.actor is not None or not _happened(d) or any(counts) \
                or counts == (None, None) or not _same_scene(d, attack):
            return None
    return any(d.fatalities == 0 for d in drafts), any(d.injured == 0 for d in drafts)


_SCENE_TYPES = {"ASSAULT", "COERCE"}


def lend_places(per_sentence: list[list[Draft]]) -> None:
    """Give a placeless act of force the place of the paragraph's story so far.

    Rule: an ASSAULT or COERCE with no place of its own, in a sentence after one whose events
    happened somewhere (not denied, planned or supposed), happened there too: "In Niamey, thousands
    rallied ... Some marched to the embassy before security forces fired tear gas" - the paragraph
    tells one scene until it names another place. A sentence's own place always wins.
    """
    last: PlaceMention | None = None
    for drafts in per_sentence:
        for d in drafts:
            if d.location is None and d.type in _SCENE_TYPES and last is not None and not d.background:
                d.location = last
        here = [d.location for d in drafts if d.location is not None and d.status != "denied"
                and d.aux not in _NOT_HAPPENED and not d.background]
        if here:
            last = here[-1]


def lend_attacker(events: list[Event]) -> None:
    """Give a report's bare toll the report's attacker.

    Rule: an ASSAULT with a count of dead or injured but no actor and no place of its own ("the
    death toll had risen to 35") counts the victims of the attack the report is about. When the
    report's attacks that happened name exactly one attacking country - leaving out the victims'
    own country when more than one attacks - the toll takes that attack's actor (and its
    recipient when the toll names none), and the place of that attacker's attacks when they name
    one place only. Two or more candidate attackers: left as it is.
    """
    tolls = [e for e in events if e.type == "ASSAULT" and e.actor is None and e.location is None
             and (e.fatalities is not None or e.injured is not None)]
    if not tolls:
        return
    attacks = [e for e in events if e.type == "ASSAULT" and e.actor is not None and e.actor.country
               and e.status != "denied" and e.aux not in _NOT_HAPPENED]
    for toll in tolls:
        countries = {e.actor.country for e in attacks if e.actor is not None}
        victims = toll.recipient.country if toll.recipient is not None else None
        if len(countries) > 1 and victims is not None:
            countries.discard(victims)  # "Gaza's toll": the side hit is not the attacker
        if len(countries) != 1:
            continue
        main = max((e for e in attacks if e.actor is not None and e.actor.country in countries),
                   key=lambda e: e.confidence)
        toll.actor = replace(main.actor) if main.actor is not None else None
        if toll.recipient is None:
            toll.recipient = replace(main.recipient) if main.recipient is not None else None
        # and where: when that attacker's attacks were all told at one place ("Forty-three people
        # were wounded in the strike", the city named a paragraph before), the toll is counted there
        places = {e.location.name: e.location for e in attacks
                  if e.actor is not None and e.actor.country in countries and e.location is not None}
        if len(places) == 1:
            toll.location = next(iter(places.values()))


_RETALIATION = ("retaliat", "respon", "reprisal", "counterattack", "counter-attack")


def answer_attacks(events: list[Event]) -> None:
    """Give a retaliation the attack it answers.

    Rule: an ASSAULT named as retaliation ("took retaliatory measures", "retaliated") whose actor
    has a country but which names no recipient of another country answers the attacks on that
    country told before it in the report: the last such attack's actor is its recipient, and,
    when it has no date of its own, it takes the date of the last such attack that has one.
    """
    for n, event in enumerate(events):
        if event.type != "ASSAULT" or event.actor is None or not event.actor.country:
            continue
        if event.recipient is not None and event.recipient.country:
            continue
        ev = event.evidence
        at = ev.spans.get("trigger") if ev is not None and ev.spans else None
        if ev is None or not at:
            continue
        word = ev.sentence[int(at[0]) - ev.start:int(at[1]) - ev.start].lower()
        if not word.startswith(_RETALIATION):
            continue
        side = event.actor.country
        before = [e for e in events[:n] if e.type == "ASSAULT" and e.actor is not None and e.actor.country
                  and e.actor.country != side and e.recipient is not None and e.recipient.country == side
                  and e.status != "denied" and e.aux not in _NOT_HAPPENED]
        if not before:
            continue
        answered = before[-1].actor
        if answered is not None:
            event.recipient = replace(answered, span=None)
            ev.spans.pop("recipient", None)  # the answered attacker is named in another sentence
        dates = [e.date for e in before if e.date is not None and e.date.start is not None]
        if event.date is None and dates:
            event.date = replace(dates[-1], span=None)


def _is_toll_of(d: Draft, attack: Draft) -> bool:
    if d.type != "ASSAULT" or d.actor is not None or d.lemma not in _CASUALTY_LEMMAS:
        return False
    if (d.fatalities is None and d.injured is None) or d.aux in _NOT_HAPPENED or d.status == "denied":
        return False
    return _same_scene(d, attack)


def _same_scene(d: Draft, attack: Draft) -> bool:
    """No place or the same place, no date or an overlapping one."""
    if d.location is not None and attack.location is not None and d.location.name != attack.location.name:
        return False
    if d.date is None or attack.date is None or None in (d.date.start, d.date.end, attack.date.start,
                                                          attack.date.end):
        return True
    return d.date.start <= attack.date.end and attack.date.start <= d.date.end  # type: ignore[operator]


def _adopt_counts(attack: Draft, toll: Draft) -> None:
    """The attack takes the toll's counts: the larger one (a revision), or both added when the
    toll tells more victims ("2 soldiers were also killed")."""
    spans = attack.spans if attack.spans is not None else {}
    theirs = toll.spans or {}
    more = adds_to_count(toll.trigger)
    for field_name in ("fatalities", "injured"):
        count = getattr(toll, field_name)
        own = getattr(attack, field_name) or 0
        if count is not None and more:
            setattr(attack, field_name, own + count)
            spans.pop(field_name, None)  # the sum is written in two places
        elif count is not None and own <= count:
            setattr(attack, field_name, count)
            if field_name in theirs:
                spans[field_name] = theirs[field_name]
    attack.spans = spans
