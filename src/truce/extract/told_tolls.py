"""A toll told in a sentence of its own beside its attack, in a sentence that tells no event.

ACLED notes and wire stories often tell the attack first and its toll in the next sentence, in
words that name no act: "9 fatalities were reported over the two days.", "Fatalities: 7.", "The
army lost 7 men.", "She died of her wounds.", "One of them later died in hospital." No trigger
reads such a sentence as an event, so the casualty folding of the paragraph (which folds a toll
event into its attack: truce.extract.passes) never sees it. This pass gives its counts to the
attack told before it in the paragraph.
"""

from __future__ import annotations

from spacy.tokens import Span

from truce.extract.casualties import toll_without_event
from truce.extract.draft import Draft

_NOT_HAPPENED = {"negation", "future", "hypothetical"}


def _happened(d: Draft) -> bool:
    return d.type == "ASSAULT" and d.status != "denied" and d.aux not in _NOT_HAPPENED and not d.background


def fold_told_tolls(sents: list[Span], per_sentence: list[list[Draft]]) -> None:
    """Give the attack told before a sentence with no event of its own the counts that sentence
    writes.

    Rule: a sentence of the paragraph with no event whose casualty words write a count of the dead
    or hurt (truce.extract.casualties.toll_without_event: not a period's or a war's tally) counts
    the victims of the nearest attack before it that happened (not denied, negated, planned,
    supposed or background). The attack takes a count it lacks, or a larger one (tolls are revised
    upward); a count of more victims ("Two more died in hospital.") adds to its own. Run before the
    passes that empty the drafts of sentences they fold (a folded toll event is no sentence
    without an event). A count told before any attack of the paragraph ("The bodies of three men
    were found in X. They had been shot.") goes to the first attack after it that counts no one."""
    last: Draft | None = None
    pending: tuple[int | None, int | None, bool] | None = None
    for sent, drafts in zip(sents, per_sentence, strict=True):
        if not drafts:
            told = toll_without_event(sent)
            if last is not None and told is not None:
                _adopt(last, *told)
            elif last is None and told is not None and pending is None:
                pending = told
            continue
        attacks = [d for d in drafts if _happened(d)]
        if attacks:
            last = max(attacks, key=lambda d: d.confidence)
            if pending is not None and last.fatalities is None and last.injured is None:
                _adopt(last, pending[0], pending[1], False)
            pending = None


def _adopt(attack: Draft, killed: int | None, hurt: int | None, adds: bool) -> None:
    spans = attack.spans if attack.spans is not None else {}
    for name, count in (("fatalities", killed), ("injured", hurt)):
        own = getattr(attack, name)
        if not count:
            continue
        if adds and own:
            setattr(attack, name, own + count)
        elif own is None or own < count:
            setattr(attack, name, count)
        else:
            continue
        spans.pop(name, None)  # the count is written in another sentence than the attack's
    attack.spans = spans
