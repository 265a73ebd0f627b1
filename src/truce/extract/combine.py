"""Rules + learned classifier (truce.extract.classify), combined where it measurably helps.

- A sentence where the rules find no trigger but which has a subject (an actor pattern) gets the
  classifier's type when it is confident (>= NEW_EVENT_MIN), read from the sentence's main verb.
- A sentence the reading confidently calls an attack tells that attack first: the rules' own
  attacks in it come before the speech, charges or moves they also read there ("ISIS executes two
  men on charges of cooperating with..."), so the sentence's main event is the one it reports.
Rules always decide the events when they find a trigger. Measured on PLOVER-GSR, letting the
classifier break ties between the rule types of one sentence lowered type accuracy (0.724 ->
0.717), so it does not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from truce.extract.accidents import accidental
from truce.extract.assemble import events_in_sentence
from truce.extract.coding import arrest_reason
from truce.extract.context import ReportContext
from truce.extract.draft import Draft
from truce.extract.lexicon import Lexicon, Sense
from truce.extract.triggers import Trigger
from truce.model import DateRef, PlaceMention

if TYPE_CHECKING:
    from truce.extract.classify import TypePrediction

NEW_EVENT_MIN = 0.7  # (0.6 with model 2.0.0; 2.1.0 reads more note-like lines as attacks)
READING_FIRST_MIN = 0.8  # P(ASSAULT) at which the sentence's attacks are told first (UCDP dev folds)
_VIOLENT = {"ASSAULT"}


def _has_actor_pattern(sent: Span) -> bool:
    root = sent.root
    return root.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in root.children)


def _reports_an_act(sent: Span) -> bool:
    """False for a dateline line: a date and at most a place name beside it ("Baku, 12 May 2023"),
    which reports nothing however much it resembles a note's opening."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    rest = [t for t in words if t.ent_type_ not in {"DATE", "TIME"}]
    return len(rest) == len(words) or len(rest) > 3 or any(t.pos_ not in {"PROPN"} for t in rest)


# A note's toll line ("No casualties reported.", "Casualties unknown.") counts what another
# sentence reports; its subject is the count, not a doer, so it reports no act of its own. A line
# with a number ("Number of fatalities coded as 10.") is kept: its event carries the count to the
# attack it folds into (truce.extract.casualties), which reads no such line on its own.
_TOLL_NOUNS = {"casualty", "casualties", "fatality", "fatalities", "death", "deaths", "injury",
               "injuries", "toll", "dead"}
_TOLL_LINE_WORDS = {"no", "none", "not", "any", "unknown", "reported", "report", "were", "was", "is", "are",
                    "been", "have", "has", "the", "of", "number", "coded", "known", "yet", "immediately",
                    "there", "confirmed", "other", "further", "or", "and", "unclear"}


def toll_or_tag_line(sent: Span) -> bool:
    """A toll line without a count, in a note's words only ("No casualties reported.", "Casualties
    unknown.", "No fatalities were reported.") or a bracketed coder's tag ("[size=no report]"):
    neither reports an act, whatever the sentence reading or a toll noun makes of it. A line that
    names anything else ("Injuries after bombardment on Aleppo") tells its act and is no such line."""
    text = sent.text.strip()
    if text.startswith("[") and "=" in text:
        return True
    words = [t.lower_ for t in sent if not (t.is_punct or t.is_space)]
    return bool(words) and any(w in _TOLL_NOUNS for w in words) and all(
        w in _TOLL_NOUNS or w in _TOLL_LINE_WORDS for w in words)


def told_verb(root: Token, lex: Lexicon) -> Token:
    """The verb of what a sentence's speaker says ("Residents said gunmen torched shops", "Heavy
    fighting raged near X, the governor said"): the act the classifier reads is that clause's, and
    the speaker, the subject of saying, is its source, never its actor."""
    if root.lemma_.lower() not in lex.reporting_verbs:
        return root
    told = [c for c in root.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ in {"VERB", "AUX"}]
    return told[0] if len(told) == 1 else root


def drop_countless_toll_events(sents: list[Span], per_sentence: list[list[Draft]]) -> None:
    """Drop the doerless, targetless attacks read off a toll line without a count (off its verb
    or its toll noun): the note's act is told in another sentence, and a line that counts nothing
    adds no attack to it. An act the line names ("No casualties reported after the shelling of X")
    stays: it is the act the zero is of. (A stated zero after an attack is folded into that
    attack before this: passes.fold_stated_zeros.)"""
    for i, sent in enumerate(sents):
        if per_sentence[i] and toll_or_tag_line(sent):
            per_sentence[i] = [d for d in per_sentence[i] if not _read_off_the_count(d, sent)]


def _read_off_the_count(d: Draft, sent: Span) -> bool:
    if d.type != "ASSAULT" or (d.actor is not None and d.actor.sector is not None) or (
            d.recipient is not None and d.recipient.sector is not None):
        return False
    word = d.trigger
    return word.i == sent.root.i or word.lower_ in _TOLL_NOUNS or word.lemma_.lower() in _TOLL_NOUNS


def wants_classifier(sent: Span, triggers: list[Trigger]) -> bool:
    """True for every sentence: besides adding events where the rules are silent, the reading
    decides civilian or armed target for the rules' attacks (classify.refine_event) and can add an
    attack the rules read only as speech (classify.adds_attack). Measured on held-out UCDP dev
    folds (docs/classifier.md); PLOVER-GSR, the corpus and the Wikinews expectations unchanged."""
    return True


def combine_with_classifier(sents: list[Span], per_sentence: list[list[Draft]], offset: int,
                            ctx: ReportContext, lex: Lexicon, places: list[PlaceMention],
                            dates: list[DateRef], regions: list[tuple[int, int]],
                            speakers: list[Token | None],
                            predictions: dict[int, TypePrediction] | None = None) -> None:
    """Update `per_sentence` in place with the classifier's help. `predictions` (sentence index ->
    reading) come batched from the caller; without them the wanted sentences are classified here."""
    if predictions is None:
        from truce.extract import classify

        wanted = [i for i, drafts in enumerate(per_sentence) if not drafts and _has_actor_pattern(sents[i])]
        predictions = dict(zip(wanted, classify.predict([sents[i].text for i in wanted]), strict=True))
    from truce.extract.classify import adds_attack

    for i, pred in sorted(predictions.items()):
        drafts = per_sentence[i]
        # where the rules read the main verb as another act, its subject is not an attacker
        if drafts and (sents[i].root in {d.trigger for d in drafts}
                       or not adds_attack(pred, {d.type for d in drafts})):
            continue
        if any(d.observation is not None for d in drafts):
            continue  # the monitors' sentence is read as what they observed; observing is no attack
        if pred.type is None or pred.probability < NEW_EVENT_MIN:
            continue
        if not _reports_an_act(sents[i]) or toll_or_tag_line(sents[i]):
            continue  # "Baku, 12 May 2023", "No casualties reported.": a dateline, caption or toll line
        root = told_verb(sents[i].root, lex)
        if pred.type == "ASSAULT" and accidental(root):
            continue  # "eight were killed when a gas cylinder exploded": harm with no attacker
        trig = Trigger(root, (Sense(pred.type, pred.mode, True),), (root,), nominal=False)
        found = events_in_sentence(sents[i], offset, ctx, lex, places, dates, regions, speakers[i], [trig])
        for draft in found:
            draft.confidence = round(min(draft.confidence, pred.probability * 0.8), 3)
        per_sentence[i] = found + per_sentence[i]  # the attack first; the rules' readings stay
    _reading_first(per_sentence, predictions)


def _reading_first(per_sentence: list[list[Draft]], predictions: dict[int, TypePrediction]) -> None:
    """Put each confidently violent sentence's attacks before its other drafts (order kept within
    each group): the act the sentence reports leads, the acts told around it follow."""
    for i, pred in predictions.items():
        drafts = per_sentence[i]
        if pred.type not in _VIOLENT or pred.probability < READING_FIRST_MIN or len(drafts) < 2:
            continue
        attacks = [d for d in drafts if d.type in _VIOLENT]
        if attacks and drafts[0].type not in _VIOLENT:
            per_sentence[i] = attacks + [d for d in drafts if d.type not in _VIOLENT]


# Acts a sentence tells as the means or the circumstance of its own act, not acts of their own:
# fire into the air is a warning aimed at no one ("dispersed the rally by firing into the air"); a
# bare raid is how an arrest was made ("detained 15 men in overnight raids"); protesters who
# disperse leave, no one disperses them ("rallied ... before dispersing peacefully"); a plot
# foiled never became an attack ("thwarted a plan to bomb a mosque"); a campaign is the act it is
# launched for ("a campaign to recruit volunteers").
_INTO_THE_AIR = {"the air", "air", "the sky"}
_BARE_RAIDS = {"raid", "operation", "sweep", "crackdown"}
_PURPOSED = {"campaign", "operation", "drive", "effort", "mission"}  # named by the act they are for


def _means_of_another(d: Draft, drafts: list[Draft]) -> bool:
    harmless = not d.fatalities and not d.injured
    if d.type == "ASSAULT" and harmless and d.recipient is not None and d.recipient.text.lower() in _INTO_THE_AIR:
        return True
    if (d.type == "ASSAULT" and harmless and d.lemma in _BARE_RAIDS and d.actor is None and d.recipient is None
            and any(o.type == "COERCE" and o.mode == "arrest" for o in drafts)):
        return True
    if (d.type == "COERCE" and d.mode == "crowd-control" and d.recipient is None and d.actor is not None
            and d.trigger.lemma_.lower() == "disperse"
            and any(o.type == "PROTEST" and o.actor is not None and o.actor.text == d.actor.text for o in drafts)):
        return True
    if (d.type == "ASSAULT" and harmless and d.lemma in _PURPOSED
            and any(o is not d and o.trigger.head.i == d.trigger.i and o.trigger.dep_ in {"acl", "relcl"}
                    and o.trigger.tag_ == "VB" for o in drafts)):
        return True  # "launched a campaign to recruit volunteers": the campaign is the recruiting
    if d.type == "PROTEST" and any(d.trigger.i in arrest_reason(o) for o in drafts):
        return True  # "arrested a union leader for organising protests": the arrest is the act
    plan = d.trigger.head  # "thwarted a plan to bomb a mosque": the bombing never happened
    return (d.type == "ASSAULT" and harmless and d.trigger.dep_ == "acl" and d.trigger.tag_ == "VB"
            and plan.dep_ in {"dobj", "nsubjpass"}
            and any(o.type == "COERCE" and o.mode == "disrupt" and o.trigger.i == plan.head.i for o in drafts))


def drop_acts_of_another(per_sentence: list[list[Draft]]) -> None:
    """Drop the drafts that are the means or circumstance of another act of their sentence (a
    sentence that tells only one keeps it)."""
    for i, drafts in enumerate(per_sentence):
        beside = [d for d in drafts if _means_of_another(d, drafts)]
        if beside and len(beside) < len(drafts):
            per_sentence[i] = [d for d in drafts if d not in beside]
