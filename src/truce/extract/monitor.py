"""Monitoring-mission prose read as observations: what the monitors heard, saw or recorded.

A mission's daily report tells its observations in sentences ("Positioned in Svitlodarsk, the SMM
heard six explosions 6-8 km south-east, assessed as outgoing"; "In Donetsk region, the SMM recorded
676 ceasefire violations, including 298 explosions"; "The SMM did not register any ceasefire
violation in Luhansk region"). The general rules read them badly: the monitors become the attacker
and the explosions the ones attacked, or there is no event at all. Here a sentence whose verb of
observation (hear, see, record, register ...) has the monitors as subject (or no agent, in the
passive: "most violations were recorded near Zolote") and an observed thing as object (explosions,
bursts, shots, ceasefire violations ...) gives one ASSAULT per observed thing, with no actor and
no recipient (the monitors do not say who fired), and with:
- `count`: the number observed ("14 undetermined explosions", "about 60 bursts");
- `observation`: how (heard, seen, camera, uav, recorded), direction (incoming / outgoing /
  undetermined, from "assessed as outgoing"), distance_km and bearing_deg from the monitors'
  position ("2-3 km south-west"), weapon class when named, `aggregate` for a tally (violations,
  or a count over a region) and its breakdown ("including 298 explosions" -> {"explosion": 298});
- aux "negation" for a negated observation ("did not register any"), never an attack that happened;
- the monitors' named position as location when the sentence names no other place.
Weapons the monitors saw ("UAVs spotted two self-propelled howitzers near Kadiivka, in violation of
withdrawal lines") are a sighting, not fire: one MOBILIZE (mode "weapons") with the weapon class and
count, `observation["sighting"]`, and `in_violation` when the sentence says so; an agreement's
weapons-withdrawal clause judges it by weapon and distance from the line.
The fresh aftermath of an impact the monitors saw ("a fresh crater", "two fresh impact sites",
"shrapnel damage to the roof of a kindergarten") is an attack there, when the sentence reads none
(truce.extract.monitor_aftermath).
An observed thing the sentence says who sent ("two tank rounds fired by the Israel Defense Forces")
keeps that sender as actor: the monitors saw it.
A mission asset that is fired at ("an SMM mini-UAV was targeted by small-arms fire") is the target
of the attack, never its weapon (casualties.weapons leaves targets out).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.tokens import Span, Token

from truce.extract import casualties as cas
from truce.extract.actors import actor_from
from truce.extract.context import ReportContext
from truce.extract.day_chain import chain_from_story
from truce.extract.draft import Draft
from truce.extract.lexicon import Sense
from truce.extract.monitor_aftermath import impacts_seen, witness_dates
from truce.extract.monitor_assets import answering_fire, asset_targeted, named_shooter, unknown_detail_not_negation
from truce.extract.monitor_counts import bracketed_count, breakdown_of, count_of
from truce.extract.monitor_geometry import assessed_place, geometry
from truce.extract.monitor_sightings import armed_people, sighted_class
from truce.extract.monitor_tallies import after_the_classifier, saw_aftermath, tally_floor
from truce.extract.monitor_voice import speak_for_issuer
from truce.extract.monitor_words import SENSORS, is_monitor, names_mission
from truce.extract.monitor_wounds import attach_told_casualties
from truce.extract.period import header_line, prior_period, prior_period_phrase
from truce.extract.triggers import Trigger
from truce.model import PlaceMention

_OBSERVE = {"hear": "heard", "see": "seen", "observe": "seen", "spot": "seen", "witness": "seen",
            "record": "recorded", "register": "recorded", "note": "recorded", "detect": "recorded",
            "count": "recorded", "document": "recorded"}
# what is observed, and the attack mode it implies when no weapon is named
OBSERVED = {"explosion": "heavy-weapons", "blast": "heavy-weapons", "round": "heavy-weapons",
            "projectile": "heavy-weapons", "impact": "heavy-weapons", "flash": "heavy-weapons",
            "burst": "firearms", "shot": "firearms", "violation": None, "fire": "firearms",
            "firing": "firearms", "gunfire": "firearms", "shelling": "heavy-weapons", "rocket": "heavy-weapons",
            "missile": "heavy-weapons", "shell": "heavy-weapons", "flare": None, "tracer": "firearms"}
_COLLECTIVES = frozenset({"group", "column", "convoy", "unit", "band", "crowd"})
_SEEING = frozenset({"seen", "recorded", "camera", "uav"})
_IN_VIOLATION = re.compile(r"\bin\s+violation\s+of\b|\bbeyond\s+(?:the\s+)?withdrawal\s+lines?\b", re.I)
_TALLY_NOUNS = {"violation"}
MakeDrafts = Callable[[list[Trigger]], list[Draft]]


def _subject(verb: Token) -> Token | None:
    node = verb
    while True:
        subj = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}), None)
        if subj is not None or node.dep_ != "conj" or node.head.i == node.i:
            return subj
        node = node.head  # "heard 11 explosions ... and saw two puffs": the first verb's subject


def _observed_objects(verb: Token) -> list[Token]:
    """The observed things a verb of observation takes: object (or passive subject) and conjuncts."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    deps = {"nsubjpass"} if passive else {"dobj"}
    heads = [c for c in verb.children if c.dep_ in deps]
    # "recorded three projectiles in flight, assessed as outgoing, and two explosions": the parser
    # hangs the second object on the verb as its conjunct
    heads += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}]
    # "heard six explosions 6-8 km south-east, assessed as outgoing": the parser makes the observed
    # thing the subject of a clause the verb of perception takes; what is perceived is still its object
    if not heads:
        # "recorded a multiple rocket launcher moving west": the thing seen is the clause's subject
        heads += [g for c in verb.children if c.dep_ in {"ccomp", "xcomp", "advcl"}
                  for g in c.children if g.dep_ in {"nsubj", "nsubjpass"} and g.i > verb.i]
    found: list[Token] = []
    for head in heads:
        for noun in (head, *head.conjuncts):
            target = _observed_noun(noun)
            if target is not None:
                found.append(target)
    return sorted(set(found) | set(_counted_things(verb)), key=lambda t: t.i)


_NOT_OBSERVED_HERE = frozenset({"including", "than", "compared"})


def _sighted_class(noun: Token) -> str | None:
    return None if noun.lemma_.lower() in OBSERVED else sighted_class(noun)


def _armed_people(noun: Token) -> bool:
    return armed_people(noun)


def _counted_things(verb: Token) -> list[Token]:
    """Counted observed things (and weapon systems seen) after the verb wherever the parser hung
    them ("heard 46 explosions 3-5km south-east and about 110 bursts": one may be the other's
    modifier, or an adverb's), as
    long as no other verb stands between ("compared with 260 explosions") and no breakdown
    ("including 298 explosions", read with its tally)."""
    out = []
    for tok in verb.subtree:
        if tok.i <= verb.i or tok.pos_ != "NOUN" or count_of(tok) is None:
            continue
        if tok.lemma_.lower() not in OBSERVED and _sighted_class(tok) is None:
            continue  # ("two tanks near X and a surface-to-air missile system near Y": seen all the same)
        node, clean = tok.head, True
        while node.i != verb.i:
            if node.pos_ in {"VERB", "AUX"} or node.lower_ in _NOT_OBSERVED_HERE or node.head.i == node.i:
                clean = False
                break
            node = node.head
        if clean:
            out.append(tok)
    return out


def _observed_noun(noun: Token) -> Token | None:
    """The noun itself when it names an observed thing; "the majority of the 26 explosions" -> explosions."""
    if noun.lemma_.lower() in OBSERVED or _sighted_class(noun) is not None or _armed_people(noun):
        return noun
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        inner = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if inner is not None and inner.lemma_.lower() in OBSERVED:
            return inner
    return None


def observation_verbs(sent: Span) -> list[tuple[Token, Token | None]]:
    """(verb, monitor subject or None) for each verb of observation in `sent` that has the monitors
    as subject, or is passive without an agent other than the monitors."""
    out: list[tuple[Token, Token | None]] = []
    for tok in sent:
        if tok.pos_ not in {"VERB", "AUX"} or tok.lemma_.lower() not in _OBSERVE:
            continue
        subj = _subject(tok)
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if passive and (agent is None or is_monitor(agent)):
            out.append((tok, agent))
        elif not passive and subj is not None and is_monitor(subj):
            out.append((tok, subj))
    return out


def _negated(verb: Token, noun: Token) -> bool:
    # "did not hear or see any violations": the second verb shares the first one's negation
    verbs = (verb, verb.head) if verb.dep_ == "conj" else (verb,)
    return any(c.dep_ == "neg" for v in verbs for c in v.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _how(verb: Token, monitor: Token | None) -> str:
    if monitor is not None:
        for tok in monitor.subtree:
            if tok.lower_ in SENSORS:
                return SENSORS[tok.lower_]
    return _OBSERVE[verb.lemma_.lower()]


def _observer_place(sent: Span, offset: int, places: list[PlaceMention]) -> PlaceMention | None:
    lo, hi = sent.start_char + offset, sent.end_char + offset
    named = [p for p in places if lo <= p.start < hi and p.usage == "literal" and p.lat is not None
             and p.precision != "country"]
    return named[0] if named else None


def read_observations(sent: Span, drafts: list[Draft], offset: int, places: list[PlaceMention],
                      make: MakeDrafts) -> list[Draft]:
    """The sentence's drafts with its observations read as such (the module docstring says how);
    `make` turns triggers into drafts with place and date (assemble.events_in_sentence)."""
    found: list[Draft] = []
    covered: set[int] = set()
    for verb, monitor in observation_verbs(sent):
        covered.add(verb.i)
        for noun in _observed_objects(verb):
            covered.update(t.i for t in noun.subtree)
            # "did not record any exchange of fire": the words between the verb and the observed
            # thing are part of the observation, no event of their own
            node = noun
            while node.head.i != node.i and node.head.i != verb.i and node.head.i in range(sent.start, sent.end):
                node = node.head
                covered.add(node.i)
            draft = _observation(sent, verb, monitor, noun, offset, places, make)
            if draft is not None:
                found.append(draft)
    for draft in drafts:
        if draft.type == "ASSAULT" and draft.trigger.i not in covered:
            asset_targeted(draft, offset)
    if not any(d.type == "ASSAULT" for d in [*drafts, *found]):
        found += impacts_seen(sent, observation_verbs(sent), offset, places, make, _observer_place)
    if not found:
        return drafts
    # "compared with the previous reporting period (about 300 explosions)": the figure compared
    # with is the previous report's, no observation of this one
    kept = [d for d in drafts if d.trigger.i not in covered and not _compared_with(d.trigger, covered)]
    return sorted(kept + found, key=lambda d: d.trigger.i)


def _compared_with(tok: Token, covered: set[int]) -> bool:
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lower_ in _NOT_OBSERVED_HERE - {"including"}:
            return node.head.i in covered or any(a.i in covered for a in node.ancestors)
    return False


def monitor_passes(sents: list[Span], per_sentence: list[list[Draft]], offset: int, ctx: ReportContext) -> None:
    """Once the classifier has added its drafts: a statement's header line tells no act, fire
    answered with is the answering side's (truce.extract.monitor_assets); party
    tallies by times, agreements as no recipient, the mission never an attacker
    (truce.extract.monitor_tallies), a paragraph opening "The following day" counted from the
    story's day (truce.extract.day_chain), and the aftermath the monitors saw dated by a witness's
    day (truce.extract.monitor_aftermath); a statement's plain acts its header's body's claims
    (truce.extract.monitor_voice); casualties told in the idiom ("received a gunshot wound",
    "embraced shahadat") given to their attack (truce.extract.monitor_wounds)."""
    for sent, drafts in zip(sents, per_sentence, strict=True):
        if drafts and _header(sent):
            drafts.clear()
        # "CTSAMVM Report 2019/04:": a document's name opening what follows is no act (a headline
        # that ends on its source, "... - report", is news: only a title line ending in a colon)
        if sent.text.rstrip().endswith(":") and _verbless(sent):
            drafts[:] = [d for d in drafts if d.trigger.lemma_.lower() not in _DOCUMENT_NOUNS]
        answering_fire(drafts, offset)
        unknown_detail_not_negation(drafts)
    after_the_classifier(sents, per_sentence, offset, ctx.reporting_period, names_mission, is_monitor)
    witness_dates(sents, per_sentence, offset, lambda s: saw_aftermath(s, is_monitor), is_monitor)
    speak_for_issuer(sents, per_sentence, offset, ctx.report_id, ctx.paragraph_index == 0)
    attach_told_casualties(sents, per_sentence, offset)
    chain_from_story(sents, per_sentence, offset, ctx.story_date, ctx.published)


_DOCUMENT_NOUNS = frozenset({"report", "statement", "update", "briefing", "bulletin", "release", "communique",
                             "communiqué", "date", "summary", "annex", "information", "staff", "service"})


def _verbless(sent: Span) -> bool:
    return not any(t.pos_ in {"VERB", "AUX"} for t in sent)


def _header(sent: Span) -> bool:
    """A statement's header line ("Press service of the Southern Command, Odesa, 9 April 2022",
    "General Staff ...: operational update as of 06:00, 3 March 2023"): who issues it and its day,
    with no verb; it tells no act, whatever a reading of its nouns makes of it."""
    return _verbless(sent) and header_line(sent.text)


def _observation(sent: Span, verb: Token, monitor: Token | None, noun: Token, offset: int,
                 places: list[PlaceMention], make: MakeDrafts) -> Draft | None:
    lemma = noun.lemma_.lower()
    how = _how(verb, monitor)
    sighted = _sighted_class(noun)
    if sighted is not None or _armed_people(noun):
        return _sighting(sent, verb, noun, how, sighted, offset, places, make) if how in _SEEING else None
    weapons = cas.weapons(sent[noun.left_edge.i - sent.start: noun.right_edge.i - sent.start + 1])
    if lemma == "fire" and monitor is None and not weapons:
        return None  # "the fire was seen from miles away": with no observer and no weapon, a blaze
    mode = cas.mode_for_weapons(weapons) or OBSERVED[lemma]
    breakdown = breakdown_of(noun)
    if not breakdown and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        breakdown = breakdown_of(noun.head.head)  # "The majority of the violations, including 20 explosions, ..."
    if mode is None and "explosion" in breakdown:
        mode = "heavy-weapons"
    made = make([Trigger(noun, (Sense("ASSAULT", mode, False),), (noun,), nominal=True)])
    draft = next((d for d in made if d.trigger.i == noun.i), None)
    if draft is None:
        return None
    _as_observed(draft)
    named_shooter(draft, noun, offset)
    draft.mode, draft.weapons = mode, tuple(weapons)
    negated = _negated(verb, noun)
    draft.aux = "negation" if negated else (draft.aux if draft.aux != "negation" else None)
    draft.count = None if negated else tally_floor(count_of(noun) or bracketed_count(noun), breakdown)
    assessed = assessed_place(sent, noun, offset, places)
    if assessed is not None:
        draft.location = assessed  # "17 explosions 8-10km east, which it assessed as near Shyrokyne"
    if draft.location is None:
        draft.location = _observer_place(sent, offset, places)
    observation: dict[str, Any] = {"how": how, **geometry(sent, verb, noun)}
    if weapons:
        observation["weapon"] = weapons[0]
    aggregate = lemma in _TALLY_NOUNS or bool(breakdown) or (
        draft.location is not None and draft.location.precision in {"admin1", "region"})
    if aggregate:
        observation["aggregate"] = True
    if breakdown:
        observation["including"] = breakdown
    draft.observation = observation
    draft.confidence = max(draft.confidence, 0.7)
    if prior_period_phrase(verb) is not None:
        # "In the previous reporting period, it recorded 64 ceasefire violations": the previous
        # report's tally, told again for comparison; not an observation of this report's period
        draft.background = True
        draft.date = prior_period(draft.date)
    return draft


def _as_observed(draft: Draft) -> None:
    """An observation names no doer and no target (the monitors neither fire nor are fired at here)
    and no toll. Its source is the mission, unless another party tells what the observers saw
    ("Russian peacekeepers recorded one violation, the Russian Defence Ministry said"): then the
    observation is that party's claim."""
    draft.actor = draft.recipient = None
    told_by_other = draft.source is not None and not names_mission(draft.source.text)
    if not told_by_other:
        draft.status, draft.source = "asserted", None
    draft.fatalities = draft.injured = None
    if draft.spans is not None:
        for key in ("actor", "recipient", "fatalities", "injured", *(() if told_by_other else ("source",))):
            draft.spans.pop(key, None)


def _sighting(sent: Span, verb: Token, noun: Token, how: str, weapon: str | None, offset: int,
              places: list[PlaceMention], make: MakeDrafts) -> Draft | None:
    """Weapons (or armed people, `weapon` None) seen standing or moving: a MOBILIZE with no actor
    (the monitors seldom say whose; the agreement's zone and the place say which side's ground),
    unless the phrase seen names the side ("Israeli army soldiers", "two Russian tanks")."""
    mode = "weapons" if weapon else "troops"
    made = make([Trigger(noun, (Sense("MOBILIZE", mode, False),), (noun,), nominal=True)])
    draft = next((d for d in made if d.trigger.i == noun.i), None)
    if draft is None:
        return None
    _as_observed(draft)
    # (only a side the phrase names: "armed men" takes no country from the paragraph)
    named = any(t.ent_type_ in {"NORP", "GPE", "ORG"} for t in noun.subtree if t.i <= noun.i)
    seen = actor_from(noun, offset) if named else None
    if seen is not None and seen.country and seen.span is not None and not names_mission(seen.text):
        draft.actor = seen
        if draft.spans is not None:
            draft.spans["actor"] = [seen.span[0], seen.span[1]]
    draft.mode, draft.weapons = mode, (weapon,) if weapon else ()
    negated = _negated(verb, noun)
    draft.aux = "negation" if negated else None
    # "a group of armed men" says one group, not how many men
    draft.count = None if negated or noun.lemma_.lower() in _COLLECTIVES else count_of(noun)
    if draft.location is None:
        draft.location = _observer_place(sent, offset, places)
    observation: dict[str, Any] = {"how": how, "sighting": True}
    if weapon:
        observation["weapon"] = weapon
    if _IN_VIOLATION.search(sent.text):
        observation["in_violation"] = True
    draft.observation = observation
    draft.confidence = max(draft.confidence, 0.7)
    return draft
