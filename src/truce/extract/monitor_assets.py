"""The mission's assets and the fire the monitors saw sent: who is fired at, who fired.

- A mission asset that is fired at ("an SMM mini-UAV was targeted by small-arms fire") is the target
  of the attack, never its weapon, and the fire (a means, not a party) names no attacker.
- "An SMM mini-UAV was targeted by small-arms fire; the SMM could not determine the direction of
  the fire": what the monitors could not tell is a detail of an act that happened, not its negation
  (the parser may hang the act under the negated verb of knowing).
- "The Israel Defense Forces responded with artillery fire", "units of the army replied with
  retaliatory fire": the fire is the answering side's, the subject of the answer.
- An observed thing the sentence says who sent ("UNDOF observed two tank rounds fired by the Israel
  Defense Forces") keeps that sender as actor: the monitors saw it.
"""

from __future__ import annotations

from spacy.tokens import Token

from truce.extract.actors import actor_from
from truce.extract.draft import Draft
from truce.extract.monitor_words import MONITOR_WORDS, SENSORS, is_monitor, names_mission
from truce.model import ActorRef

# what sends an observed thing: "two tank rounds fired by the army", "rockets launched by the group"
_SENDING = frozenset({"fire", "launch", "shoot", "drop", "lob"})


def named_shooter(draft: Draft, noun: Token, offset: int) -> None:
    """The observed thing's sender when the sentence names it ("UNDOF observed two tank rounds fired
    by the Israel Defense Forces"): the monitors saw who fired, so the doer is theirs to tell."""
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in _SENDING):
        agent = next((g for c in acl.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        actor = actor_from(agent, offset) if agent is not None else None
        if actor is None or actor.country is None or names_mission(actor.text):
            continue
        draft.actor = actor
        if draft.spans is not None and actor.span is not None:
            draft.spans["actor"] = [actor.span[0], actor.span[1]]
        return


_FIRE_WORDS = {"fire", "gunfire", "shelling", "shot", "shots", "burst", "bursts"}


def asset_targeted(draft: Draft, offset: int) -> None:
    """"An SMM mini-UAV was targeted by small-arms fire": the mission's asset is the target and
    the fire (a weapon, not a party) names no attacker."""
    verb = draft.trigger
    if verb.pos_ not in {"VERB", "AUX"}:
        return
    asset = next((c for c in verb.children if c.dep_ == "nsubjpass" and is_monitor(c)), None)
    if asset is None:
        asset = next((c for c in verb.children if c.dep_ == "nsubjpass"
                      and any(t.lower_ in SENSORS for t in c.subtree)), None)
    if asset is not None and _is_monitor_phrase(asset) and _names_the_mission(asset):
        toks = sorted({*asset.subtree, *(t for c in verb.children if c.dep_ == "nsubjpass"
                                           and c.i < verb.i and c.i >= asset.left_edge.i - 3 for t in c.subtree)},
                      key=lambda t: t.i)
        toks = [t for t in toks if t.i >= min(x.i for x in asset.subtree if x.lower_ in MONITOR_WORDS | set(SENSORS))
                or t.i >= asset.i]
        lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        draft.recipient = ActorRef(text=verb.doc.text[lo:hi], name="monitoring mission", sector="IGO",
                                   span=(lo + offset, hi + offset))
        if draft.spans is not None:
            draft.spans["recipient"] = [lo + offset, hi + offset]
    if draft.actor is not None and draft.actor.country is None and draft.actor.text.split()[-1].lower() in _FIRE_WORDS:
        draft.actor = None  # "by small-arms fire": the means, not who fired ("Indian fire" names India)
        if draft.spans is not None:
            draft.spans.pop("actor", None)


def _is_monitor_phrase(tok: Token) -> bool:
    return any(t.lower_ in MONITOR_WORDS or t.lower_ in SENSORS for t in tok.subtree)


# words of MONITOR_WORDS that any army has too: "a patrol was ambushed" is a military patrol unless
# the phrase names the mission ("an SMM patrol", "a UN patrol") or a sensor ("a mini-UAV")
_ANY_FORCES = frozenset({"patrol", "patrols", "team", "teams", "members", "monitoring"})


def _names_the_mission(tok: Token) -> bool:
    return any((t.lower_ in MONITOR_WORDS and t.lower_ not in _ANY_FORCES) or t.lower_ in SENSORS
               or t.lower_ in {"un", "u.n.", "osce"} for t in tok.subtree)


# verbs of answering: their subject does the fire it answers "with"
_ANSWERING = frozenset({"respond", "retaliate", "reply", "react", "answer", "return"})


def answering_fire(drafts: list[Draft], offset: int) -> None:
    """The doer of fire a side answers with ("responded with artillery fire"): the answering
    verb's subject, for an attack whose trigger is that fire and names no doer."""
    for draft in drafts:
        noun = draft.trigger
        if draft.type != "ASSAULT" or draft.actor is not None or noun.dep_ != "pobj" or noun.head.lower_ != "with":
            continue
        verb = noun.head.head
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _ANSWERING:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        actor = actor_from(subj, offset) if subj is not None else None
        if actor is None or names_mission(actor.text):
            continue
        draft.actor = actor
        if draft.spans is not None and actor.span is not None:
            draft.spans["actor"] = [actor.span[0], actor.span[1]]


# what the monitors could not tell of an act: its direction, its weapon, who fired
_KNOWING = frozenset({"determine", "assess", "establish", "ascertain", "identify", "tell", "estimate", "say"})


def unknown_detail_not_negation(drafts: list[Draft]) -> None:
    """An act negated only by the mission's "could not determine" above it happened."""
    for draft in drafts:
        trig = draft.trigger
        if draft.aux != "negation" or any(c.dep_ == "neg" for c in trig.children):
            continue
        negated = next((a for a in trig.ancestors if any(c.dep_ == "neg" for c in a.children)), None)
        if negated is None or negated.lemma_.lower() not in _KNOWING:
            continue
        subj = next((c for c in negated.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ != "PRON" and is_monitor(subj):
            draft.aux = None
