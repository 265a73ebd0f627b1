"""One claimed event per target place: "fire was opened on our positions in Tartar and Aghdam" is
two attacks, one at each place; "opened fire on Donetsk, Horlivka and Yasynuvata" three, each
aimed at its own place (the places are what was hit, not parties); so is "Huliaipole and Orikhiv
came under artillery fire" (subjects that undergo the act). Places named as parties
("fighting between Armenia and Azerbaijan", "Armenia and Azerbaijan traded accusations") are not
a list of targets. Each copy is a new draft (dataclasses.replace): no record is shared.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from truce.extract.draft import Draft
from truce.model import PlaceMention


def copy_draft(d: Draft, **changes: object) -> Draft:
    """A new draft from `d` with `changes`; a side replaced drops its old span, and a recipient of
    the new actor's own country is dropped (no longer sure whose)."""
    new = replace(d, **changes)  # type: ignore[arg-type]
    new.spans = dict(d.spans or {})
    for key in ("actor", "recipient", "source"):
        if key in changes:
            new.spans.pop(key, None)  # the side is named in another part of the sentence
    sides_changed = "actor" in changes or "recipient" in changes
    if sides_changed and new.recipient is not None and new.actor is not None \
            and new.recipient.country == new.actor.country:
        new.recipient = None  # "shelling civilian areas" coded to one side's country: no longer sure whose
    return new


def per_target_place(sent: Span, drafts: list[Draft], offset: int, places: list[PlaceMention]) -> list[Draft]:
    """One draft per place of a list of targets ("opened fire on Donetsk, Horlivka and Yasynuvata"):
    each is located at its place, and a recipient that was one of the listed places becomes that
    draft's own place (the places are what was hit, not three parties)."""
    out: list[Draft] = []
    for d in drafts:
        loc = d.location
        listed = _conjoined_places(sent, d, offset, places) if d.type == "ASSAULT" and loc is not None else []
        parties = [ref.span for ref in (d.actor, d.source) if ref is not None and ref.span is not None]
        listed = [p for p in listed if not any(lo <= p.start < hi for lo, hi in parties)]  # ("between A and B")
        if loc is None or not listed:
            out.append(d)
            continue
        out += _twins(d, sorted([loc, *listed], key=lambda p: p.start))
    return out


def _twins(d: Draft, targets: list[PlaceMention]) -> list[Draft]:
    """A copy of `d` at each target place, in text order; the toll stays on the first."""
    rec, loc = d.recipient, d.location
    rec_is_place = rec is not None and (
        (rec.span is not None and any(p.start <= rec.span[0] < p.end for p in targets))
        or (loc is not None and rec.text == loc.text))
    out: list[Draft] = []
    for n, place in enumerate(targets):
        twin = copy_draft(d)
        spans = twin.spans if twin.spans is not None else {}
        if n:  # one toll for the whole list ("strikes on A and B killed 11"): on the first place only
            twin.fatalities = twin.injured = None
            spans.pop("fatalities", None)
            spans.pop("injured", None)
        twin.location = place
        spans["location"] = [place.start, place.end]
        if rec_is_place and rec is not None:
            twin.recipient = replace(rec, text=place.text, name=None, span=(place.start, place.end),
                                     country=place.country or rec.country, sector=None)
            spans["recipient"] = [place.start, place.end]
        twin.spans = spans
        out.append(twin)
    return out


def _conjoined_places(sent: Span, d: Draft, offset: int, places: list[PlaceMention]) -> list[PlaceMention]:
    """Places coordinated with the draft's location ("in Tartar and Aghdam", "on Donetsk, Horlivka
    and Yasynuvata"), each a target too, whichever of them the location is."""
    loc = d.location
    if loc is None:
        return []
    start = loc.start - offset
    tok = next((t for t in sent if t.idx <= start < t.idx + len(t.text)), None)
    if tok is None:
        return []
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    first_conj = tok
    while first_conj.dep_ == "conj" and first_conj.head.i != first_conj.i:
        first_conj = first_conj.head
    if first_conj.dep_ in {"nsubj", "nsubjpass", "poss"} and not _undergoes(first_conj):
        return []  # "Armenia and Azerbaijan traded accusations": the places named are the parties
    by_start = {p.start - offset: p for p in places if p.usage == "literal" and p.lat is not None}
    out: list[PlaceMention] = []
    for conj in tok.conjuncts:
        first = min((t for t in conj.subtree if t.dep_ in {"compound", "flat"} or t.i == conj.i), key=lambda t: t.i)
        place = by_start.get(first.idx) or by_start.get(conj.idx)
        if place is not None and place.name != loc.name and place not in out:
            out.append(place)
    return out


def _undergoes(subject: Token) -> bool:
    """The subject is what the act was done to: "Huliaipole and Orikhiv were shelled", "A and B came
    under artillery fire" (a list of targets, not of parties)."""
    verb = subject.head
    if subject.dep_ == "nsubjpass":
        return verb.pos_ == "VERB"
    return verb.lemma_.lower() == "come" and any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.children)
