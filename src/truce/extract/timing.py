"""Dates of intended acts: "agreed to hold talks on Thursday", "plans to withdraw next week".

A date inside the infinitival complement of a verb of intention or expectation (agree, plan,
decide, expect, schedule, ...) dates the act still to come, not the agreeing or planning. Two
consequences, both here: such a date is read forward from publication (a weekday without "last"
or "next" is the coming one), and it dates only events inside that complement — the agreement
itself is not given the date of the talks it agreed to. `date_for` picks an event's date among
a sentence's date phrases (the trigger's own, else the nearest in the tree).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from truce.model import DateRef, PlaceMention

if TYPE_CHECKING:
    from truce.extract.context import ReportContext
    from truce.extract.draft import Draft

# verbs whose "to"-complement names an act that has not happened yet
FUTURE_GOVERNORS = frozenset({
    "agree", "plan", "decide", "expect", "schedule", "intend", "promise", "pledge", "vow", "prepare",
    "aim", "hope", "propose", "offer", "set", "arrange", "want", "seek", "undertake", "commit",
    "consent", "resolve", "due", "likely", "poise", "slate", "ready", "willing", "prepared",
})
_CLAUSE_STOPS = {"relcl", "advcl", "ccomp", "acl", "parataxis"}


def future_complement(tok: Token) -> Token | None:
    """The head of the to-complement of an intention verb that `tok` sits in, if any."""
    node = tok
    for _ in range(10):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ == "xcomp" and head.lemma_.lower() in FUTURE_GOVERNORS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return node
        if node.dep_ in _CLAUSE_STOPS or (node.dep_ == "conj" and node.tag_ in {"VBD", "VBZ", "VBP"}):
            # ("agreed to talks that began on Monday", "agreed to halt fighting and signed a deal
            # on Monday": a finite verb is a clause of its own, never part of a to-complement)
            return None
        node = head
    return None


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def reread_future(doc: Doc, dates: list[DateRef], published: date | None) -> list[DateRef]:
    """`dates` (spans relative to `doc`), with those inside a future complement read forward."""
    if published is None:
        return dates
    from truce.timex import normalise

    out: list[DateRef] = []
    for ref in dates:
        tok = _token_at(doc, ref.span[0]) if ref.span else None
        if tok is not None and future_complement(tok) is not None:
            ahead = normalise(ref.text, published, "future")
            if ahead is not None and ahead.start is not None:
                ref = replace(ahead, span=ref.span)
        out.append(ref)
    return out


def dates_other_act(date_tok: Token, trigger: Token) -> bool:
    """The date sits in a future complement that does not contain the trigger: it dates the act
    agreed or planned, not the trigger's event ("agreed [to hold talks on Thursday]")."""
    comp = future_complement(date_tok)
    return comp is not None and not comp.left_edge.i <= trigger.i <= comp.right_edge.i


def _speech_date(d: DateRef, sent: Span, offset: int, trig: Token) -> bool:
    """True for the date of a statement ("..., the official said on Sept. 21"), not of the event."""
    if d.span is None:
        return False
    char = d.span[0] - offset
    tok = next((t for t in sent if t.idx <= char < t.idx + len(t.text) + 1), None)
    node = tok
    while node is not None and node.head.i != node.i and not _clause_verb(node):
        node = node.head
    if node is not None and node.i == trig.head.i and _perfect_report(trig):
        return _saying(node)  # "said on Saturday that X has been killed": when it was said, not done
    if node is None or node.pos_ != "VERB" or node.i in {trig.i, trig.head.i}:
        return False  # (a copula heads its own clause: "had been in force since Wednesday")
    if any(c.lower_ == "as" and c.dep_ in {"advmod", "mark"} for c in node.children):
        return False  # "Around 4 May (as reported), ...": a hedge on the date, not a statement's own day
    if tok is not None and any(t.text == "(" for t in sent.doc[tok.i + 1:node.i]):
        return False  # "On 3 May (reported on 7 May), ...": the bracket's saying is not the date's verb
    return _saying(node)


def _saying(verb: Token) -> bool:
    return verb.lemma_.lower() in {"say", "tell", "add", "state", "report", "claim", "quote"}


def _perfect_report(trig: Token) -> bool:
    """The trigger is a present perfect clause a saying reports ("said X has been killed")."""
    return trig.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in trig.children)


def _other_act(d: DateRef, sent: Span, offset: int, trig: Token) -> bool:
    """The date belongs to an act agreed or planned in a complement without the trigger."""
    tok = token_at(sent, (d.span or (0, 0))[0] - offset)
    return tok is not None and dates_other_act(tok, trig)


def _clause_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ in {"ccomp", "ROOT", "conj", "advcl", "relcl"})


def date_for(trig: Token, sent: Span, dates: list[DateRef], offset: int) -> DateRef | None:
    lo, hi = sent.start_char + offset, sent.end_char + offset
    in_sent = [d for d in dates if d.span and lo <= d.span[0] < hi]
    usable = [d for d in in_sent if not d.background and d.start is not None
              and not _speech_date(d, sent, offset, trig) and not _other_act(d, sent, offset, trig)]
    if not usable:
        return None
    anchor = trig.head if trig.dep_ in {"pobj", "dobj"} else trig
    subtree = {t.idx + offset for t in anchor.subtree}
    governed = [d for d in usable if d.span and d.span[0] in subtree and not _in_sequenced(sent, d, offset, anchor)]
    if governed:
        # a date inside another noun phrase ("against last month's coup") dates that noun
        return min(governed, key=lambda d: (_in_other_noun(sent, (d.span or (0, 0))[0] - offset, anchor),
                                            _possessive(sent, (d.span or (0, 0))[0] - offset, anchor),
                                            abs((d.span or (0, 0))[0] - trig.idx - offset)))
    # else a date of a clause that contains the trigger ("On Friday, X said Y attacked"), the one
    # nearest in the tree; a date nested in another clause's noun phrase ("the second airdrop this
    # week") or in a clause beside the trigger's belongs to that other clause
    ancestors = {t.i: n for n, t in enumerate(_chain(anchor))}
    ranked: list[tuple[int, int, int, DateRef]] = []
    for d in usable:
        tok = token_at(sent, (d.span or (0, 0))[0] - offset)
        if tok is None:
            continue
        path = _chain(tok)
        hop = next((n for n, t in enumerate(path) if t.i in ancestors), None)
        if hop is None or any(_sequenced(t) for t in path[:hop]):
            continue
        ranked.append((ancestors[path[hop].i], hop, abs(tok.idx - trig.idx), d))
    return min(ranked, key=lambda r: r[:3])[3] if ranked else None


def _in_sequenced(sent: Span, d: DateRef, offset: int, anchor: Token) -> bool:
    """The date sits in a before/after clause below `anchor` (see `_sequenced`)."""
    tok = token_at(sent, (d.span or (0, 0))[0] - offset)
    while tok is not None and tok.i != anchor.i and tok.head.i != tok.i:
        if _sequenced(tok):
            return True
        tok = tok.head
    return False


_SEQUENCE_WORDS = {"after", "before", "since", "until", "following"}


def _sequenced(tok: Token) -> bool:
    """A clause or phrase that places another act before or after the trigger's ("agreed to a deal
    after the army began an offensive on Wednesday", "On 3 May, following an attack on 1 May,
    soldiers clashed..."): its date is that act's. A date that is itself the phrase's object
    ("after 3 May") is the trigger's own bound, not another act's."""
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SEQUENCE_WORDS for c in tok.children):
        return True
    return tok.dep_ in {"prep", "advcl", "acl"} and tok.lower_ in _SEQUENCE_WORDS and any(
        c.dep_ in {"pobj", "dobj"} and c.ent_type_ != "DATE" and c.pos_ in {"NOUN", "PROPN"} for c in tok.children)


def _in_other_noun(sent: Span, char: int, anchor: Token) -> bool:
    """The date phrase at `char` modifies a noun below `anchor` rather than a verb or the anchor."""
    tok = token_at(sent, char)
    if tok is None:
        return False
    node = tok
    while node.dep_ in {"compound", "amod", "nummod", "det", "case"} and node.head.i != node.i:
        node = node.head  # to the date phrase's own head ("last month", "Sunday")
    if node.dep_ == "poss":
        return True  # "last month's coup"
    head = node.head.head if node.dep_ == "pobj" else node.head
    return head.i != anchor.i and head.pos_ in {"NOUN", "PROPN"}


def _possessive(sent: Span, char: int, anchor: Token) -> bool:
    """The date phrase at `char` is a possessive on another noun ("against last month's coup"): it
    dates that noun most surely, so a date merely attached near another noun is preferred."""
    tok = token_at(sent, char)
    while tok is not None and tok.dep_ in {"compound", "amod", "nummod", "det", "case"} and tok.head.i != tok.i:
        tok = tok.head
    return tok is not None and tok.dep_ == "poss" and tok.head.i != anchor.i


def _chain(tok: Token) -> list[Token]:
    """The token and its heads up to the root."""
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 30:
        out.append(out[-1].head)
    return out


_LEAD_CHARS = 12  # "On or about ", "Around ": the words a note's opening date phrase may follow


def leading_date(sent: Span, dates: list[DateRef], offset: int) -> DateRef | None:
    """A note's opening date phrase told in a sentence of no act of its own ("On 2 March 2021, in
    Kidal. JNIM militants attacked a FAMa post."): it dates the acts the paragraph goes on to tell,
    until one has a date of its own (truce.extract.finish keeps the paragraph's last date)."""
    placed = [d for d in dates if d.span is not None]
    first = min(placed, key=lambda d: (d.span or (0, 0))[0], default=None)
    if first is None or first.span is None or first.background or first.start is None:
        return None
    if first.span[0] - offset > _LEAD_CHARS or first.span[0] >= sent.start_char + offset:
        return None
    return replace(first, span=None)


def token_at(sent: Span, char: int) -> Token | None:
    return next((t for t in sent if t.idx <= char < t.idx + len(t.text) + 1), None)


def backstory_date(trig: Token, aux: str | None, sent: Span, dates: list[DateRef], offset: int,
                   published: date | None, old_days: int) -> DateRef | None:
    """The date of a past-tense narrative sentence with no date of its own, in a paragraph whose
    last earlier date lies more than `old_days` before publication ("The war broke out in 2020.
    In a 44-day war, Azerbaijan retook Shusha."): the paragraph tells history, and the event
    belongs to it. Only old anchors count, so a recent date never spreads to undated sentences."""
    if published is None or aux in {"future", "hypothetical"} or not past_tense(trig):
        return None
    before = [d for d in dates if d.span and d.span[1] <= sent.start_char + offset and d.end is not None
              and d.start is not None and not d.background]
    if not before:
        return None
    last = max(before, key=lambda d: d.span or (0, 0))
    return last if last.end is not None and (published - last.end).days > old_days else None


def past_tense(trig: Token) -> bool:
    """The trigger's clause is told in the simple past or past perfect."""
    verb = trig
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.i != verb.i and not any(
            c.dep_ in {"mark", "aux"} for c in verb.children):
        return past_tense(verb.head)  # "shelled the town, killing five": the main clause's time
    if verb.tag_ == "VBD":
        return not any(c.dep_ == "aux" and c.lower_ in {"will", "would", "could", "may", "might"}
                       for c in verb.children)
    return verb.tag_ == "VBN" and any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "was", "were"}
                                      for c in verb.children)


def on_word_bounds(doc: Doc, dates: list[DateRef]) -> list[DateRef]:
    """The date phrases that start and end on word boundaries of `doc`. A phrase cut out of a
    word is no date: "Nov" inside "Novodarivka" is a village, not November."""
    if not dates:
        return []
    # a word's inner characters: a match starting or ending there was cut out of the word
    inner = {c for t in doc if t.is_alpha for c in range(t.idx + 1, t.idx + len(t.text))}
    return [d for d in dates if d.span is None or (d.span[0] not in inner and d.span[1] not in inner)]


# The lead of a news report (its headline and first two paragraphs) dates the incident the report
# is about; the next paragraphs go on telling it ("Gunfire was exchanged with the guards", "The
# attack took place at 7:45 p.m."), mostly without a date of their own.
LEAD_PARAGRAPHS = 3
STORY_PARAGRAPHS = 3  # paragraphs after the lead's date that may still tell its incident


def note_story_date(ctx: ReportContext, draft: Draft, found: DateRef) -> None:
    """Remember the date (and place) of the report's lead attack; a later paragraph dated otherwise
    has moved on to another time (background, an earlier incident): the date is carried no more."""
    if ctx.story_date is None:
        if draft.type == "ASSAULT" and draft.aux is None and draft.status != "denied" \
                and ctx.paragraph_index < LEAD_PARAGRAPHS and found.start is not None:
            ctx.story_date, ctx.story_paragraph, ctx.story_place = found, ctx.paragraph_index, draft.location
    elif ctx.paragraph_index > ctx.story_paragraph and (found.start, found.end) != (
            ctx.story_date.start, ctx.story_date.end):
        ctx.story_paragraph = -LEAD_PARAGRAPHS - STORY_PARAGRAPHS  # closed: no paragraph is near it now


def story_date(draft: Draft, ctx: ReportContext) -> DateRef | None:
    """The lead's date for an undated attack told in the simple past a few paragraphs after it,
    unless it names a place of its own other than the lead's (another incident, or where the
    wounded were taken)."""
    story = ctx.story_date
    if story is None or draft.type != "ASSAULT" or draft.aux is not None or not past_tense(draft.trigger):
        return None
    if not 0 <= ctx.paragraph_index - ctx.story_paragraph <= STORY_PARAGRAPHS:
        return None
    if not _same_scene(draft.location, ctx.story_place):
        return None
    return replace(story, span=None)


def _same_scene(place: PlaceMention | None, lead: PlaceMention | None) -> bool:
    """A place is the lead's scene when either is unknown, when they are one place, when the lead
    names only a country, or the province the place lies in."""
    if place is None or lead is None or place.name == lead.name:
        return True
    if place.geonameid is not None and place.geonameid == lead.geonameid:
        return True
    if lead.precision == "country":
        return True  # a country in the lead is mostly a side's ("Iran's Quds Force"), not the scene
    return lead.precision == "region" and lead.country is not None and place.country == lead.country


def ongoing_date(trig: Token, aux: str | None, published: date | None) -> DateRef | None:
    """"Hamas continues to fire rockets", "troops continue to occupy the town": an act the report
    says is still going on is happening on the day of publication."""
    if published is None or aux is not None:
        return None
    verb = trig
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    governor = verb.head if verb.dep_ == "xcomp" else verb
    if governor.lemma_.lower() not in {"continue", "keep", "persist"} or governor.tag_ not in {"VBZ", "VBP"}:
        return None
    if verb is governor and trig.pos_ not in {"NOUN", "PROPN"}:
        return None  # "the talks continue": the continuing verb itself names no act
    return DateRef(published.isoformat(), published, published, "day")
