"""Where and when a drafted event happened, and its counts: the last step of reading a trigger.

A draft takes the most precise free place of its sentence (not a place that acts, not the
speaker's, not where an attack came from, not one in a clause of its own), its sentence's date or
the paragraph's, and, for acts of force, the sentence's casualty counts and weapons. Dates after
publication make a plan; long-past dates make background (BACKGROUND_DAYS) or a recap (RECENT_DAYS).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from truce.extract import casualties as cas
from truce.extract.argshapes import UNDERGONE
from truce.extract.context import ReportContext
from truce.extract.draft import Draft
from truce.extract.lexicon import load_lexicon
from truce.extract.scene import flown_by_aircraft
from truce.extract.timing import (
    backstory_date,
    date_for,
    leading_date,
    note_story_date,
    ongoing_date,
    story_date,
    token_at,
)
from truce.model import DateRef, PlaceMention

# Time relative to publication. An event that ended more than BACKGROUND_DAYS before publication is
# background ("the 2020 war", "the 1994 ceasefire"): a careful analyst codes it from the reports of
# its own time, not as news of this one, so it is left out (keeping such events, aux historical,
# broke 17 of the corpus's background must_not items, all of them right). One that ended more than
# RECENT_DAYS before is a recap ("last month's attack"): kept, aux `historical`.
BACKGROUND_DAYS = 60
RECENT_DAYS = 14
_VIOLENT = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"}


def _place_for(trig: Token, sent: Span, places: list[PlaceMention], taken: list[tuple[int, int]],
               offset: int, attack: bool = False) -> PlaceMention | None:
    def free(p: PlaceMention) -> bool:
        return p.usage == "literal" and p.lat is not None and not any(
            a < p.end and p.start < b for a, b in taken)

    # places and dates arrive with offsets already shifted into the report text
    lo, hi = sent.start_char + offset, sent.end_char + offset
    in_sent = [p for p in places if lo <= p.start < hi and free(p)]
    if not in_sent:
        return None
    # a place that is the subject of a verb acts ("Kyiv accused Moscow"): it is no event's location;
    # nor is the place of the one who speaks ("Officials in Stepanakert said ... shelled Martuni")
    in_sent = [p for p in in_sent if not _is_subject(sent, p.start - offset)
               and not _in_speaker(sent, p.start - offset, trig)]
    if attack:  # "released the bombs from the airspace of Belgorod": where the attack came from;
        # "died in hospital in Khan Younis": where its victims were treated
        in_sent = [p for p in in_sent if not _origin(sent, p.start - offset, trig)
                   and not care_place(sent, p.start - offset, trig)]
    if not in_sent:
        return None
    anchor = trig.head if trig.dep_ in {"pobj", "dobj"} else trig
    subtree = {t.idx + offset for t in anchor.subtree}
    governed = [p for p in in_sent if p.start in subtree]
    pool = governed or in_sent
    # a place in a clause beside the trigger's ("Meeting in Abuja, leaders ordered ...") is that
    # clause's; a whole country yields to a town or district named with it ("in the Kinigi sector
    # of Rwanda's Musanze district"): the most precise place is where it happened
    pool = [p for p in pool if not _in_side_clause(sent, p.start - offset, anchor, trig)]
    clause = _noun_clause(trig)
    if clause is not None:  # "the employees killed in the attack arrived in Delaware": not there
        inside = {t.idx + offset for t in clause.subtree}
        pool = [p for p in pool if p.start in inside]
    pool = [p for p in pool if not _modifier_place(sent, p.start - offset, pool, offset)]
    if not pool:
        return None
    return min(pool, key=lambda p: (p.precision == "country", abs(p.start - trig.idx - offset)))


# nouns whose clause tells what was said, not where the saying happened ("the claim that ...")
_CONTENT_NOUNS = {"claim", "claims", "report", "reports", "allegation", "accusation", "statement", "news",
                  "fact", "idea", "suggestion", "charge", "evidence", "assertion", "rumour", "rumor"}


def _noun_clause(trig: Token) -> Token | None:
    """The clause modifying a noun that holds the trigger: the trigger itself when it is a verb
    modifying a noun ("the soldiers killed in the blast arrived in X"), or the verb of a claim's
    content ("the claim that the US used bombs came from a doctor in X"). Its places are inside it."""
    if trig.pos_ in {"VERB", "AUX"}:
        node = trig
    else:
        node = trig.head
        while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
            node = node.head
        if node.head.lemma_.lower() not in _CONTENT_NOUNS:
            return None
    if node.pos_ in {"VERB", "AUX"} and node.dep_ in {"acl", "relcl"} and node.head.pos_ in {"NOUN", "PROPN"}:
        return node
    return None


# heads that a country's name owns rather than locates ("Iran's Quds Force", "Syria's president")
_OWNED = {"force", "forces", "army", "military", "leader", "president", "minister", "ministry", "government",
          "commander", "chief", "head", "envoy", "ambassador", "spokesman", "spokesperson", "official", "officials"}


def _modifier_place(sent: Span, char: int, pool: list[PlaceMention], offset: int) -> bool:
    """The place at `char` only qualifies a noun: "the Red Sea port town of Mokha" (the town is
    Mokha), "Iran's Quds Force" (a force, not a place)."""
    tok = token_at(sent, char)
    if tok is None:
        return False
    while tok.dep_ in {"compound", "flat"} and tok.head.i != tok.i and tok.head.ent_iob_ != "O" \
            and tok.head.ent_type_ == tok.ent_type_:
        tok = tok.head  # the last word of the name
    head = tok.head
    if tok.dep_ == "poss" and (head.ent_type_ in {"ORG", "PERSON", "NORP"} or head.lower_ in _OWNED):
        return True
    if tok.dep_ not in {"compound", "amod", "nmod"}:
        return False
    starts = {p.start - offset for p in pool}
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        if any(t.idx in starts for t in prep.subtree):
            return True
    return False


def _origin(sent: Span, char: int, trig: Token) -> bool:
    """The place at `char` sits under a "from" phrase of the trigger or of its object."""
    node = token_at(sent, char)
    while node is not None and node.head.i != node.i and node.i != trig.i:
        if node.dep_ == "prep" and node.lower_ == "from" and (
                node.head.i == trig.i or (node.head.head.i == trig.i and node.head.dep_ in {"dobj", "nsubjpass"})):
            return True
        node = node.head
    return False


# where the wounded and the dead are taken: a place of care, not of the attack
_CARE_NOUNS = {"hospital", "clinic", "infirmary", "morgue", "mortuary", "hospice", "ward"}
_CARRYING_VERBS = {"take", "rush", "evacuate", "transfer", "airlift", "bring", "transport", "admit", "fly",
                   "carry", "move", "send", "refer", "hospitalize", "hospitalise"}

# what victims do or undergo at a place of care ("died in hospital", "treated at a clinic")
_TREATED = UNDERGONE | _CARRYING_VERBS | {"treat", "recover", "receive", "wound", "injure", "lie", "remain",
                                          "be", "hurt", "stay", "arrive"}


def care_place(sent: Span, char: int, trig: Token) -> bool:
    """The place at `char` is where victims were treated or taken ("died in hospital in Khan
    Younis", "were taken to a hospital in Zaporizhzhia", "were evacuated to Tripoli"), unless the
    hospital itself was hit ("shelled the hospital in X": the hospital is the trigger's object)."""
    node = token_at(sent, char)
    while node is not None and node.head.i != node.i and node.i != trig.i:
        head = node.head
        # ("clashes at the hospital in X", "targeting the only hospital in X": the act was there)
        if head.lemma_.lower() in _CARE_NOUNS and node.dep_ == "prep" and head.dep_ == "pobj" and \
                head.head.lower_ in {"in", "at", "to"} and head.head.head.lemma_.lower() in _TREATED:
            return True
        if node.dep_ == "prep" and head.lemma_.lower() in _TREATED and any(
                # "died in hospital in X", the parser hanging both phrases on "died"
                c.dep_ == "prep" and c.right_edge.i + 1 == node.i and c.right_edge.lemma_.lower() in _CARE_NOUNS
                for c in head.children):
            return True
        if node.dep_ == "prep" and node.lower_ in {"to", "at"} and head.pos_ == "VERB" and head.i != trig.i \
                and head.lemma_.lower() in _CARRYING_VERBS:
            return True
        node = head
    return False


def _in_side_clause(sent: Span, char: int, anchor: Token, trig: Token) -> bool:
    """The place at `char` sits in a clause that does not contain the trigger."""
    tok = token_at(sent, char)
    node = tok
    while node is not None and node.i != anchor.i and node.head.i != node.i:
        if any(c.dep_ == "mark" and c.lower_ in {"while", "as", "when"} for c in node.children) \
                and node.dep_ == "advcl":
            # an observer's position ("while positioned at the station (non-government-controlled),
            # the SMM recorded"): the scene, however the parser hangs it
            return False
        # (a participle on a noun, "a crowd gathered in a village", describes the target: not a side clause)
        if (node.dep_ in {"advcl", "relcl", "ccomp"} or (node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"})) \
                and not node.left_edge.i <= trig.i <= node.right_edge.i \
                and not _same_subject(node, trig) and not _describes(node) \
                and not any((c.dep_ == "aux" and c.lower_ == "to") or (c.dep_ == "mark" and c.lower_ in {
                    "while", "as", "when"}) for c in node.children):
            # ("while positioned at the station, the camera recorded": the same scene)
            return True  # (a purpose, "launched an offensive to retake Karabakh", is the event's)
        node = node.head
    return False


def _same_subject(clause: Token, trig: Token) -> bool:
    """A clause with no subject of its own whose governor's subject is the trigger ("the attacks
    occurred at 4 a.m. and struck the plant at X", "a car bomb was ... rammed into a base in X"):
    it says what the trigger's event did."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children):
        return False
    subj = next((c for c in clause.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj is not None and subj.i == trig.i


# "militants described as loyal to X in Basra": a clause that only describes a noun of the event
_DESCRIBING = {"describe", "believe", "know", "consider", "think", "say", "report", "see", "regard", "base",
               "station", "deploy", "loyal", "link", "affiliate", "ally"}


def _describes(clause: Token) -> bool:
    return clause.dep_ == "relcl" and clause.lemma_.lower() in _DESCRIBING and any(
        c.dep_ == "auxpass" for c in clause.children)


# verbs of speaking whose own phrases say where the speaker was ("told reporters in Moscow"); not
# the wider reporting verbs ("clashes continue in Hama", "claims the life of a man in Idlib")
_SAYING = {"say", "tell", "state", "announce", "declare", "speak", "brief", "inform", "stress", "insist",
           "explain", "note", "comment", "remark", "add", "warn", "report", "confirm", "allege", "write"}


def _in_speaker(sent: Span, char: int, trig: Token) -> bool:
    """The place at `char` is the speaker's, not the reported event's: inside the subject of a verb
    of saying whose clause holds the trigger ("Officials in Stepanakert said"), or in a phrase of
    that verb beside the reported clause ("told reporters in Moscow that ...", "said in Geneva that
    ...", "said while in Sweden that ...")."""
    reporting = load_lexicon().reporting_verbs
    node = token_at(sent, char)
    while node is not None and node.head.i != node.i:
        holds_trigger = node.left_edge.i <= trig.i <= node.right_edge.i
        if node.dep_ == "nsubj" and node.head.lemma_.lower() in reporting:
            return not holds_trigger
        say = node.head
        if say.lemma_.lower() in _SAYING and say.pos_ == "VERB" and say.i != trig.i and not holds_trigger \
                and say.left_edge.i <= trig.i <= say.right_edge.i and _speaker_phrase(node, say, trig):
            return True
        if node.dep_ == "prep" and say.dep_ == "mark" and say.lower_ in {"while", "when"} and say.i > 0 \
                and sent.doc[say.i - 1].lemma_.lower() in reporting:
            return True  # ("said while in Sweden that ...": the parser hangs the phrase on the reported verb)
        node = node.head
    return False


def _speaker_phrase(node: Token, say: Token, trig: Token) -> bool:
    """`node` under the verb of saying tells where its speaker was: a phrase after the verb of a
    speaker named as its subject ("the envoy said in Vienna"; a fronted "In Sadr City, officials
    said ..." sets the scene of what is told, "protests were not reported in Mosul" the event's),
    its listener's ("told reporters in Moscow"), or a clause of speaking ("Speaking in Doha, ...").
    A subject that is the reported act itself names no speaker ("fire reported near Bakhmut")."""
    if not any(c.dep_ == "nsubj" and not c.left_edge.i <= trig.i <= c.right_edge.i for c in say.children):
        return False
    if node.dep_ == "prep":
        return node.i > say.i
    if node.dep_ == "dobj":
        return say.lemma_.lower() in {"tell", "brief", "inform"}
    return node.dep_ == "advcl" and node.lemma_.lower() in {"speak", "talk", "address", "visit"}


def _is_subject(sent: Span, char: int) -> bool:
    tok = token_at(sent, char)
    while tok is not None and tok.dep_ == "compound":
        tok = tok.head
    return tok is not None and tok.dep_ in {"nsubj", "nsubjpass"}


def finish(draft: Draft, sent: Span, offset: int, ctx: ReportContext, places: list[PlaceMention],
           dates: list[DateRef], killed: int | None, hurt: int | None, k_spans: list[tuple[int, int]],
           h_spans: list[tuple[int, int]], weapons: list[str]) -> None:
    """Fill in the draft's place, date and (for acts of force) counts and weapons, then weigh its
    date against publication (module docstring); every field read from text gets its span."""
    spans = draft.spans if draft.spans is not None else {}
    _locate(draft, sent, offset, places, spans)
    _date(draft, sent, offset, ctx, dates, spans)
    if draft.type in {"ASSAULT", "COERCE"}:
        _counts(draft, offset, (killed, k_spans), (hurt, h_spans), weapons, spans)
    if ctx.published is not None:
        _against_publication(draft, ctx.published, spans)
    draft.spans = spans


def _locate(draft: Draft, sent: Span, offset: int, places: list[PlaceMention], spans: dict[str, list[int]]) -> None:
    taken = [tuple(v) for k, v in spans.items() if k in {"actor", "recipient", "source"}]
    place = _place_for(draft.trigger, sent, places, taken, offset,  # type: ignore[arg-type]
                       attack=draft.type == "ASSAULT")
    if place is None and draft.type == "ASSAULT" and "recipient" in spans:
        # "shelled El Fasher", "struck Kharkiv's Industrialnyi district": when the attacked place
        # is the only place, it is also where the attack happened
        others = [t for t in taken if list(t) != spans["recipient"]]
        place = _place_for(draft.trigger, sent, places, others, offset, attack=True)  # type: ignore[arg-type]
    if place is not None and (draft.type in _VIOLENT or place.precision not in {"country"}):
        draft.location = place
        spans["location"] = [place.start, place.end]


def _date(draft: Draft, sent: Span, offset: int, ctx: ReportContext, dates: list[DateRef],
          spans: dict[str, list[int]]) -> None:
    found = date_for(draft.trigger, sent, dates, offset)
    if found is not None:
        draft.date = found
        ctx.paragraph_date = found
        note_story_date(ctx, draft, found)
    elif ctx.paragraph_date is not None:
        draft.date = ctx.paragraph_date  # the paragraph's narrative goes on ("It later announced")
    else:
        draft.date = leading_date(sent, dates, offset) \
            or backstory_date(draft.trigger, draft.aux, sent, dates, offset, ctx.published, BACKGROUND_DAYS) \
            or story_date(draft, ctx) or ongoing_date(draft.trigger, draft.aux, ctx.published)
        if draft.date is None and draft.type == "ASSAULT" and draft.aux is None and ctx.reporting_period:
            # an attack a monitoring report tells without a date happened in its reporting period
            draft.date = ctx.reporting_period
    if draft.date is not None and draft.date.span is not None:
        spans["date"] = [draft.date.span[0], draft.date.span[1]]


Count = tuple[int | None, list[tuple[int, int]]]  # a count and the spans it was read from


def _counts(draft: Draft, offset: int, killed: Count, hurt: Count, weapons: list[str],
            spans: dict[str, list[int]]) -> None:
    """An act of force's casualty counts and weapons, and the mode the weapons tell."""
    (draft.fatalities, k_spans), (draft.injured, h_spans) = killed, hurt
    if draft.fatalities is not None:
        spans["fatalities"] = [k_spans[0][0] + offset, k_spans[-1][1] + offset]
    if draft.injured is not None:
        spans["injured"] = [h_spans[0][0] + offset, h_spans[-1][1] + offset]
    draft.weapons = tuple(weapons)
    if draft.type != "ASSAULT":
        return
    if draft.mode is None:
        draft.mode = cas.mode_for_weapons(weapons)
    elif draft.mode == "explosives" and flown_by_aircraft(draft.trigger):
        draft.mode = "aerial"  # "a military jet bombed the village": dropped from the air
    elif draft.trigger.lemma_.lower() in {"fire", "open"} and draft.mode == "firearms":
        # "opened fire with mortars and artillery": the weapons named say what kind of fire
        draft.mode = cas.mode_for_weapons(weapons) or draft.mode


def _against_publication(draft: Draft, published: date, spans: dict[str, list[int]]) -> None:
    if draft.date is not None and draft.date.start is not None and draft.date.start > published:
        # a date after publication names a plan, not a happening: the event is future, undated
        draft.aux = draft.aux or "future"
        draft.date = None
        spans.pop("date", None)
    if draft.date is not None and draft.date.end is not None and draft.date.end > published:
        # a period running past publication ("in the coming weeks"): a plan stays undated; a
        # happening reported now cannot have gone on after the report, so its period ends there
        if draft.aux in {"future", "hypothetical"}:
            draft.date = None
            spans.pop("date", None)
        else:
            draft.date = replace(draft.date, end=published)
    if draft.date is not None and draft.date.end is not None:
        age = (published - draft.date.end).days
        if age > BACKGROUND_DAYS:
            draft.background = True
        if age > RECENT_DAYS:
            draft.aux = draft.aux or "historical"
