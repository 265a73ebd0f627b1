"""Tallies in the words of a party or a mission, and who the monitors are not.

- "violated the ceasefire 18 times", "shelled the village about 12 times", "fired twice": a party's
  statement counts its violations by the times the act was done; the attack's `count` is that
  number (the same field a mission's "recorded 18 ceasefire violations" fills). "fired 26 mortar
  rounds", "three rockets were fired": it counts the projectiles (never a calibre: "120mm mortars").
  "74 combat clashes took place", "carried out 12 strikes": it counts the acts.
- "denied the mission passage", "refused them access": a restriction of movement (COERCE), not a
  denial of a claim.
- "violated the ceasefire": the ceasefire (truce, agreement, regime) is what is broken, never a
  party attacked, so it is no recipient.
- "recorded more ceasefire violations than in the previous period, including about 385
  explosions": a tally with no number of its own counts at least the parts it lists.
- "the SMM followed up on reports of a civilian casualty": the mission visits, verifies and
  assesses; it never attacks. A mission named as an attack's doer is dropped, and an attack the
  mission looks into after the fact ("followed up on reports of", "saw a fresh crater ... assessed
  as caused by a mortar round", "residents told the team that two were killed") is not dated by
  the day of the visit.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from truce.extract import casualties as cas
from truce.extract.draft import Draft
from truce.extract.monitor_counts import acts_count
from truce.extract.period import day_within
from truce.extract.trigger_frames import signal_fire
from truce.model import DateRef

_TIMES_WORDS = {"once": 1, "twice": 2, "thrice": 3}
# what an act of fire sends, counted one by one
_PROJECTILES = frozenset({"round", "shell", "rocket", "missile", "projectile", "grenade", "bomb", "mine", "munition",
                          "drone", "mortar"})
_CALIBRE = frozenset({"mm", "millimetre", "millimeter", "-mm", "calibre", "caliber", "mm-calibre"})
_AGREEMENT_WORDS = frozenset({"ceasefire", "cease-fire", "truce", "agreement", "agreements", "regime", "armistice",
                              "accord", "accords", "arrangement", "understanding", "commitments"})
# what a mission does at the scene of an attack it did not see: the attack is older than the visit
_FOLLOW_UP = frozenset({"follow", "visit", "verify", "investigate", "inspect", "examine", "assess", "look",
                        "check", "document", "monitor"})
# what a mission does on the ground: its work, never force
_MISSION_WORK = frozenset({"conduct", "monitor", "patrol", "visit", "observe", "inspect", "escort", "accompany"})
# the aftermath the monitors see at a scene ("a fresh crater", "shrapnel damage", "the tail fin")
_AFTERMATH = frozenset({"crater", "craters", "damage", "hole", "holes", "fragments", "fragment", "fin", "fins",
                        "remnants", "shrapnel"})


def times_count(verb: Token) -> int | None:
    """The number of times an act was done, from "violated the ceasefire 18 times" (either parse:
    "times" with its number, or the number with "times" under it) and "fired twice"."""
    for child in verb.children:
        if child.lower_ in _TIMES_WORDS and child.dep_ in {"advmod", "npadvmod"}:
            return _TIMES_WORDS[child.lower_]
        if child.lemma_.lower() == "time" and child.dep_ in {"npadvmod", "advmod", "dobj"}:
            num = next((g for g in child.children if g.dep_ in {"nummod", "quantmod"}), None)
            value = cas.number_value(num) if num is not None else None
            if value is not None and value > 1:
                return value
        if child.pos_ == "NUM" and child.dep_ in {"npadvmod", "advmod", "dobj"} and any(
                g.lower_ == "times" for g in child.children):
            value = cas.number_value(child)
            if value is not None and value > 1:
                return value
    return None


_PASSAGE = frozenset({"passage", "access", "entry", "transit", "way", "crossing"})


def _denies_passage(verb: Token) -> bool:
    """"denied the SMM passage", "refused them access to the site": movement stopped, no claim denied."""
    return verb.lemma_.lower() in {"deny", "refuse"} and any(
        c.dep_ in {"dobj", "dative", "attr", "oprd", "npadvmod"} and c.lemma_.lower() in _PASSAGE
        for c in verb.children)


def rounds_count(verb: Token) -> int | None:
    """The number of projectiles an act of fire sent ("fired 26 mortar rounds at", "three rockets
    were fired", "launched two drones"); never a calibre ("fired 120mm mortars")."""
    for child in verb.children:
        if child.dep_ not in {"dobj", "nsubjpass"} or child.lemma_.lower() not in _PROJECTILES:
            continue
        # ("32 mortar rounds": the parser may hang the number on the compound)
        parts = [child, *(g for g in child.children if g.dep_ == "compound")]
        for num in (g for part in parts for g in part.children if g.dep_ == "nummod"):
            after = num.doc[num.i + 1] if num.i + 1 < len(num.doc) else None
            if num.text.lower().endswith("mm") or (after is not None and after.lower_ in _CALIBRE):
                continue
            value = cas.number_value(num)
            if value is not None:
                return value
    return None


def _breaks_agreement(draft: Draft) -> bool:
    words = draft.recipient.text.lower().split() if draft.recipient is not None else []
    return bool(words) and words[-1] in _AGREEMENT_WORDS and draft.recipient is not None \
        and draft.recipient.country is None


def after_the_classifier(sents: list[Span], per_sentence: list[list[Draft]], offset: int, period: DateRef | None,
                         names_mission: Callable[[str], bool], is_monitor: Callable[[Token], bool]) -> None:
    """The passes of this module over a paragraph's drafts, the classifier's included."""
    visits = [(s.start_char + offset, s.end_char + offset) for s in sents if _mission_visits(s, is_monitor)]
    for sent, drafts in zip(sents, per_sentence, strict=True):
        # "fired flares and warning shots": no hit, whoever read it as one (the classifier too)
        drafts[:] = [d for d in drafts if not (d.type == "ASSAULT" and signal_fire(d.trigger))]
        party_tallies(drafts)
        mission_not_attacker(sent, drafts, offset, period, names_mission, is_monitor)
        _not_the_visits_day(sent, drafts, offset, visits)
        for draft in drafts:
            # the reporting period narrowed by the sentence's clock or daylight
            if draft.type == "ASSAULT" and draft.date is not None and draft.date == period:
                draft.date = day_within(draft.date, sent.text) or draft.date


def party_tallies(drafts: list[Draft]) -> None:
    """Counts by times and agreements as no recipient (the module docstring says how)."""
    for draft in drafts:
        if draft.type == "REJECT" and _denies_passage(draft.trigger):
            draft.type, draft.mode = "COERCE", None  # "denied the mission passage": it was stopped
        if draft.type != "ASSAULT" or draft.observation is not None:
            continue
        if draft.count is None and draft.trigger.pos_ in {"VERB", "AUX"}:
            draft.count = times_count(draft.trigger) or rounds_count(draft.trigger)
        if draft.count is None:
            draft.count = acts_count(draft.trigger)  # "74 combat clashes took place", "carried out 12 strikes"
        if _breaks_agreement(draft):
            draft.recipient = None
            if draft.spans is not None:
                draft.spans.pop("recipient", None)


def tally_floor(count: int | None, breakdown: dict[str, int]) -> int | None:
    """A tally's count: its own number, else the sum of the parts it lists (a lower bound)."""
    if count is not None or not breakdown:
        return count
    return sum(breakdown.values())


def mission_not_attacker(sent: Span, drafts: list[Draft], offset: int, period: DateRef | None,
                         names_mission: Callable[[str], bool], is_monitor: Callable[[Token], bool]) -> None:
    """The mission is never an attack's doer; what it looks into after the fact is not dated by
    its visit (the module docstring says how)."""
    aftermath = saw_aftermath(sent, is_monitor)
    for draft in drafts:
        if draft.type != "ASSAULT" or draft.observation is not None:
            continue
        subj = next((c for c in draft.trigger.children if c.dep_ == "nsubj"), None)
        by_mission = subj is not None and names_mission(" ".join(t.text for t in subj.subtree))
        if by_mission and draft.trigger.lemma_.lower() in _MISSION_WORK:
            # "the Personal Representative conducted a monitoring of the Line of Contact": its work
            draft.type, draft.mode = "CONSULT", "visit"
            continue
        if draft.actor is not None and draft.actor.country is None and (by_mission or names_mission(draft.actor.text)):
            draft.actor = None
            if draft.spans is not None:
                draft.spans.pop("actor", None)
        # the visit's own date ("On 20 July, the SMM followed up on reports of ...") is not the
        # attack's; nor is the paragraph's date carried into a sentence telling a crater seen
        # (the reporting period stays: the attack happened within it)
        later = _followed_up(draft.trigger, is_monitor) or ((aftermath or _told_to_mission(draft.trigger, is_monitor))
                                                           and not _dated_here(draft, sent, offset))
        if draft.date is not None and draft.date != period and later:
            draft.date = None
            if draft.spans is not None:
                draft.spans.pop("date", None)


# what someone does who tells the mission: "residents told the SMM that ...", "informed the team"
_TELL_MISSION = frozenset({"tell", "inform", "brief", "assure", "show"})


def _told_to_mission(trigger: Token, is_monitor: Callable[[Token], bool]) -> bool:
    """The trigger lies in what someone told the mission ("Local authorities told the team that two
    soldiers were killed"): an account given at the visit of what happened before it."""
    for verb in list(trigger.ancestors)[:6]:
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _TELL_MISSION:
            continue
        told = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return any(is_monitor(t) and t.lower_ not in {"it", "they", "we"} for t in told) and not (
            subj is not None and is_monitor(subj))
    return False


def _mission_visits(sent: Span, is_monitor: Callable[[Token], bool]) -> bool:
    """The mission follows up, visits or verifies in this sentence ("The team from Yei visited the
    area on 4 April")."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _FOLLOW_UP:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        # (a pronoun is the mission only in a run of its observations, not in a news story's visit)
        if subj is not None and subj.pos_ != "PRON" and is_monitor(subj):
            return True
    return False


def _not_the_visits_day(sent: Span, drafts: list[Draft], offset: int, visits: list[tuple[int, int]]) -> None:
    """An attack dated by a visit told in another sentence (the paragraph's date carried on: "The
    team visited the area on 4 April. Local authorities said two soldiers were killed ...") is not
    dated by it: what people tell the visitors happened before they came."""
    here = (sent.start_char + offset, sent.end_char + offset)
    for draft in drafts:
        at = draft.date.span if draft.type == "ASSAULT" and draft.date is not None else None
        if at is None or here[0] <= at[0] < here[1] or draft.observation is not None:
            continue
        if any(lo <= at[0] < hi for lo, hi in visits):
            draft.date = None
            if draft.spans is not None:
                draft.spans.pop("date", None)


def _dated_here(draft: Draft, sent: Span, offset: int) -> bool:
    """The draft's date was read from a phrase of this sentence, not carried from the paragraph."""
    at = draft.date.span if draft.date is not None else None
    return at is not None and sent.start_char + offset <= at[0] < sent.end_char + offset


def _followed_up(trigger: Token, is_monitor: Callable[[Token], bool]) -> bool:
    """The trigger is the mission's own following up ("the SMM followed up on reports of ...", as
    the classifier may read it), or lies in what the mission follows up, visits or verifies: a
    noun phrase the verb takes, never a clause of its own ("the SMM assessed that the UAV was
    targeted": a parse may hang the clause there; what is assessed happened)."""
    node = trigger
    for _ in range(7):
        # (a gerund the parser tags as a verb, "the sites of the reported firing", is a noun here)
        if node.pos_ in {"VERB", "AUX"} and not (node.dep_ in _PHRASE_DEPS and node.head.i != node.i):
            subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
            return node.lemma_.lower() in _FOLLOW_UP and subj is not None and is_monitor(subj)
        if node.head.i == node.i or node.dep_ not in _PHRASE_DEPS:
            return False
        node = node.head
    return False


_PHRASE_DEPS = frozenset({"pobj", "prep", "dobj", "compound", "amod", "nmod", "appos", "conj"})


def saw_aftermath(sent: Span, is_monitor: Callable[[Token], bool]) -> bool:
    """The monitors saw or assessed the aftermath of an attack in this sentence ("saw a fresh
    crater", "assessed the damage as caused by ...")."""
    for tok in sent:
        if tok.lemma_.lower() not in {"see", "observe", "assess", "note", "spot"} or tok.pos_ != "VERB":
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None and tok.dep_ == "conj":
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        if subj is not None and is_monitor(subj) and any(o.lower_ in _AFTERMATH for o in objs):
            return True
    return False
