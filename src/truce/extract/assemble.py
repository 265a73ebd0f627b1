"""Events of one sentence: triggers -> typed events with arguments, stance, place, date, counts.

Several triggers of one type in one sentence merge into one event (the one highest in the tree
keeps its trigger; the others lend missing fields). Confidence falls with the trigger's depth under
the sentence's main clause (reporting verbs do not count) and for ambiguous words, so the most
confident event of a sentence is the one the sentence is mainly about.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from truce.extract import casualties as cas
from truce.extract.actors import actor_from, is_pronoun, pronoun_kind
from truce.extract.arguments import arguments, is_interception
from truce.extract.attribution import Stance, fronted_report, habitual_past, stance
from truce.extract.blame import blamed_acts, denied_responsibility
from truce.extract.clause_tolls import clause_tolls, clauses
from truce.extract.context import ReportContext
from truce.extract.defacto import recode
from truce.extract.draft import Draft
from truce.extract.finish import finish
from truce.extract.intent import intent_type
from truce.extract.lexicon import Lexicon, Sense, lemma_of
from truce.extract.triggers import Trigger, dated, find_triggers
from truce.model import ActorRef, DateRef, PlaceMention

_PROTEST_SECTORS = {"CIV", "OPP", "LAB", "EDU", "REL"}
_COERCE_SECTORS = {"COP", "GOV", "JUD"}
_TERRITORIAL = {"capture", "seize", "retake", "recapture", "overrun", "take", "regain"}
# a more specific means names the same attack better: "a suicide bomber blew himself up"
_MODE_RANK = {"suicide-attack": 4, "sexual": 3, "abduct": 3, "aerial": 2, "drone": 2, "heavy-weapons": 2}
_PERSON_ENTS = {"PERSON"}
# phrases that stand for the two sides named earlier ("the two countries held talks")
_PAIR_PHRASES = ("the two countries", "both countries", "both sides", "the two sides", "the two armies",
                 "both armies")
# what a hospital or camp receives that is no visitor: "received 160 wounded people"
_PATIENT_WORDS = {"wounded", "injured", "patient", "patients", "casualty", "casualties", "injury", "injuries",
                  "body", "bodies", "dead", "refugee", "refugees"}
_TIME_NOUNS = {"spring", "summer", "autumn", "fall", "winter", "year", "month", "week", "day", "time"}


_BACKDROP_MARKS = {"after", "following", "because", "since", "before", "amid", "when", "as", "despite"}


def _depth(tok: Token, lex: Lexicon) -> int:
    """Steps from the trigger up to the main clause, reporting verbs not counted; a clause or phrase
    of cause or time ("after a jet shot down a helicopter") counts two more: it is the backdrop of
    the sentence's event, not the event."""
    depth, node = 0, tok
    while node.head.i != node.i and depth < 20:
        if node.dep_ in {"advcl", "pcomp", "pobj"} and (
                node.head.lower_ in _BACKDROP_MARKS
                or any(c.dep_ == "mark" and c.lower_ in _BACKDROP_MARKS for c in node.children)):
            depth += 2
        elif node.dep_ == "advcl" and node.tag_ == "VBG" and not any(
                c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in node.children):
            depth += 1  # "marched in Yerevan, demanding ...": the participle tells the manner or aim
        node = node.head
        if not (node.lemma_.lower() in lex.reporting_verbs and node.pos_ == "VERB"):
            depth += 1
    return depth


def _backdrop(tok: Token) -> bool:
    """The trigger sits in a clause or phrase of cause or time ("after two rockets were fired")."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ in {"advcl", "pcomp", "pobj"} and (
                node.head.lower_ in _BACKDROP_MARKS
                or any(c.dep_ == "mark" and c.lower_ in _BACKDROP_MARKS for c in node.children)):
            return True
        node = node.head
    return False


def _kind(head: Token, actor: ActorRef) -> str:
    if head.ent_type_ in _PERSON_ENTS or (pronoun_kind(head) == "person" and head.pos_ != "PROPN"):
        return "person" if head.lower_ not in {"it", "they"} else "state"
    if head.ent_type_ == "GPE" or (actor.sector == "GOV" and actor.text.strip() == actor.name):
        return "state"
    return "group"


def code_actor(head: Token | None, offset: int, ctx: ReportContext) -> ActorRef | None:
    """ActorRef for a phrase head; pronouns and "the official" resolve to an earlier actor."""
    if head is None or (head.dep_ == "poss" and head.ent_type_ in {"DATE", "TIME"}):
        return None  # "Saturday's attack": a date in the possessive is no actor
    if head.lemma_.lower() in _TIME_NOUNS and any(c.dep_ == "det" for c in head.children):
        return None  # "that autumn" misparsed as a subject names when, not who
    if is_pronoun(head):
        found = ctx.antecedent(pronoun_kind(head))
        if found is None:
            return None
        start = head.idx + offset
        return ActorRef(head.text, found.name, found.country, found.sector, (start, start + len(head.text)))
    actor = actor_from(head, offset)
    if actor is not None and actor.country is None and actor.sector in {"GOV", "MIL", "COP", "LEG"} \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) \
            and not any(c.dep_ in {"amod", "compound", "poss"} for c in head.children):
        # "the presidency", "the defence ministry": the state the report is about
        state = ctx.salient_state()
        if state is not None:
            actor = replace(actor, country=state.country)
    if actor is not None:
        actor = recode(head, actor, ctx.published)  # "officials in Stepanakert": the de-facto side
        actor = ctx.remember(_kind(head, actor), actor)
    return actor


def choose_sense(senses: tuple[Sense, ...], actor: ActorRef | None) -> Sense:
    """Pick a reading: who acts decides "strike" (workers -> PROTEST) or "block" (police -> COERCE)."""
    if len(senses) > 1 and actor is not None and actor.sector:
        types = {s.type: s for s in senses}
        if actor.sector in _PROTEST_SECTORS and "PROTEST" in types:
            return types["PROTEST"]
        if actor.sector in _COERCE_SECTORS and "COERCE" in types:
            return types["COERCE"]
        if actor.sector in {"MIL", "REB"} and "ASSAULT" in types:
            return types["ASSAULT"]
    return senses[0]


def _span(lo: int, hi: int) -> list[int]:
    return [lo, hi]


def events_in_sentence(sent: Span, offset: int, ctx: ReportContext, lex: Lexicon,
                       places: list[PlaceMention], dates: list[DateRef],
                       regions: list[tuple[int, int]], quote_speaker: Token | None,
                       triggers: list[Trigger] | None = None) -> list[Draft]:
    """Draft events for one sentence of a paragraph Doc whose text starts at `offset` (the
    lexicon's triggers unless `triggers` is given, e.g. by the classifier)."""
    if triggers is None:
        triggers = find_triggers(sent, lex)
    triggers = [*triggers, *blamed_acts(sent, lex, triggers)]  # "blamed X for the shelling"
    for tok in sent:  # subjects named here are antecedents for pronouns later in the sentence
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.pos_ in {"PROPN", "NOUN"} and not is_pronoun(tok):
            code_actor(tok, offset, ctx)
    # code subjects first so that later pronouns in the report can find them
    drafts: dict[str, Draft] = {}
    # "43 militants killed in raids, 2 soldiers die in blast": attacks in clauses of their own
    split = clauses(sent, [t.token for t in triggers if t.senses[0].type == "ASSAULT"])
    for trig in triggers:
        draft = _draft(trig, sent, offset, ctx, lex, regions, quote_speaker)
        if draft is None:
            continue
        # an act in a clause of cause or time ("hit positions after rockets were fired") is an
        # event of its own, not more detail of the sentence's event of the same type
        key = f"{draft.type}@backdrop" if _backdrop(trig.token) else draft.type
        if draft.type == "ASSAULT" and trig.token.i in split:
            key = f"{key}@clause{split[trig.token.i]}"
        old = drafts.get(key)
        if old is not None and (_distinct_actors(old, draft) or (old.status == "denied") != (draft.status == "denied")
                                or (dated(old.trigger) and dated(draft.trigger))):  # each act its own date
            # "X dropped meals while Y delivered food": two events; so are an act denied and one
            # the denier blames on another ("denied attacking and blamed Y for the clashes")
            key = f"{draft.type}@{trig.token.i}"
            old = None
        drafts[key] = draft if old is None else _merge(old, draft)
    if not drafts:
        return []
    _lend_recipients(list(drafts.values()))
    toll = cas.casualties(sent)
    own = clause_tolls(sent, list(drafts.values()), split) or {}  # two attacks: each its own clause's count
    weapons = cas.weapons(sent)
    for draft in drafts.values():
        finish(draft, sent, offset, ctx, places, dates, *own.get(draft.trigger.i, toll), weapons)
    return sorted(drafts.values(), key=lambda d: d.trigger.i)


def _lend_recipients(drafts: list[Draft]) -> None:
    """A warning or demand coordinated with an act of the same actor addresses that act's target:
    "imposed sanctions on Niger ..., warning that they could otherwise use force" threatens Niger."""
    for draft in drafts:
        if draft.type not in {"THREATEN", "REQUEST"} or draft.recipient is not None or draft.actor is None:
            continue
        above: set[int] = set()
        node = draft.trigger
        while node.dep_ in {"conj", "ccomp", "xcomp"} and node.head.i != node.i and len(above) < 3:
            node = node.head
            above.add(node.i)
        speakers = {draft.actor.country, draft.source.country if draft.source else None} - {None}
        for other in drafts:
            if other is not draft and other.trigger.i in above and other.recipient is not None \
                    and other.actor is not None and other.actor.country in speakers:
                draft.recipient = other.recipient
                if draft.spans is not None and other.spans is not None and "recipient" in other.spans:
                    draft.spans["recipient"] = other.spans["recipient"]
                break


def _draft(trig: Trigger, sent: Span, offset: int, ctx: ReportContext, lex: Lexicon,
           regions: list[tuple[int, int]], quote_speaker: Token | None) -> Draft | None:
    first = trig.senses[0]
    heads = arguments(trig, first.type)
    actor = code_actor(_own_actor(trig, heads.actor, lex), offset, ctx)
    sense = choose_sense(trig.senses, actor)
    if sense.type != first.type:
        heads = arguments(trig, sense.type)
    recipient = _recipient(heads.recipient, offset, ctx)
    if sense.type == "CONSULT" and trig.token.lemma_.lower() == "receive" and _receives_patients(trig.token):
        # "the hospital received 160 wounded": no visit, but the toll of an attack by someone else
        return _casualty_intake(trig, sent, offset)
    if heads.actor is not None and (recipient is None or recipient.country is None) and _names_pair(heads.actor) \
            and (recipient is None or recipient.text.lower() not in {"each other", "one another"}):
        # ("both sides accused each other": one event per side, made by truce.extract.claims)
        pair = ctx.last_pair()
        if pair is not None:
            actor, recipient = pair  # "the two countries held talks": the two sides named before
    st, source, status = _voice(trig, sent, offset, ctx, lex, regions, quote_speaker)
    if actor is None and source is not None and status == "denied" and denied_responsibility(trig.token, lex):
        actor = source  # "Hamas denied responsibility for the attack": its own act, denied
    etype, mode = intent_type(sense, st.aux, trig.token, source is not None or st.quoted, lex)
    if etype == "REQUEST" and sense.type != "REQUEST" and heads.actor is not None:
        # "X said Y must withdraw": the modal turned Y's act into X's demand, so Y is asked
        recipient, actor = actor, source or actor
    if etype in _SPEECH_ACTS and source is not None and status == "claimed":
        actor, recipient, status = _speech_act(etype, trig, actor, recipient, source, lex, heads.actor)
        st.aux = None  # the saying happened: a threat or denial is not itself conditional
    if any(t.lower_ == "responsibility" for t in trig.tokens) and actor is not None:
        # "al Shabaab claimed responsibility": the attack, by the group, on its own word
        source, status = source or actor, "claimed"
    depth = _depth(trig.token, lex)
    if trig.nominal and trig.token.dep_ in {"dobj", "attr"} and trig.token.head.lemma_.lower() in lex.light_verbs:
        depth = max(0, depth - 1)  # "staged demonstrations": the light verb's clause is the event's
    draft = Draft(type=etype, mode=mode, trigger=trig.token, lemma=trig.token.lemma_.lower(), depth=depth,
                  weak=trig.weak and not trig.via_phrase, actor=actor, recipient=recipient, source=source,
                  status=status, aux=st.aux, territorial=any(lemma_of(t, lex) in _TERRITORIAL for t in trig.tokens))
    start = min(t.idx for t in trig.tokens) + offset
    end = max(t.idx + len(t.text) for t in trig.tokens) + offset
    draft.spans = {"trigger": _span(start, end)}
    for name, ref in (("actor", actor), ("recipient", recipient), ("source", source)):
        if ref is not None and ref.span is not None:
            draft.spans[name] = _span(*ref.span)
    draft.confidence = _confidence(trig, draft)
    draft.background = habitual_past(trig.token)  # "in previous years, clashes were frequent"
    return draft


# "despite the truce, the militia fired": the state a clause goes on in spite of, or amid, is no
# act of the clause's subject
_CONCESSIVE = {"despite", "amid", "amidst", "notwithstanding"}


def _own_actor(trig: Trigger, head: Token | None, lex: Lexicon) -> Token | None:
    """The actor head, unless a backdrop noun ("despite the ceasefire") borrowed the clause's subject,
    or a fronted reported clause its speaker ("Shelling damaged houses, the governor said")."""
    tok = trig.token
    if head is not None and head.dep_ == "nsubj" and head.head.i != tok.i:
        verb = fronted_report(tok, lex)
        if verb is not None and head.head.i == verb.i:
            return None
    if head is None or not trig.nominal or tok.dep_ != "pobj" or tok.head.lower_ not in _CONCESSIVE:
        return head
    return head if tok.left_edge.i <= head.i <= tok.right_edge.i else None


def _recipient(head: Token | None, offset: int, ctx: ReportContext) -> ActorRef | None:
    recipient = code_actor(head, offset, ctx)
    if recipient is not None and recipient.country is None and head is not None:
        # "its ally Azerbaijan": the name sits beside the noun in the parse
        for sib in head.head.children:
            if sib.dep_ in {"npadvmod", "appos"} and sib.i > head.i:
                better = actor_from(sib, offset)
                if better is not None and better.country:
                    recipient = better
    return recipient


def _voice(trig: Trigger, sent: Span, offset: int, ctx: ReportContext, lex: Lexicon,
           regions: list[tuple[int, int]], quote_speaker: Token | None) -> tuple[Stance, ActorRef | None, str]:
    """The trigger's stance, its coded speaker and status."""
    st = stance(trig.token, sent, lex, regions, quote_speaker)
    if st.aux == "negation" and any(t.dep_ == "neg" for t in trig.tokens):
        # the negation is part of the trigger ("would not hesitate to"): nothing is denied
        st.aux = None
        st.status = "claimed" if st.speaker is not None or st.quoted else "asserted"
    source = code_actor(st.speaker, offset, ctx) if st.speaker is not None else None
    status = st.status
    if source is None and st.quoted and ctx.quote_speaker is not None:
        source = ctx.quote_speaker  # a quotation continued from an earlier paragraph
        status = "denied" if st.aux == "negation" else "claimed"
    if status == "claimed" and source is not None and source.sector == "MED" and source.country is None:
        status = "asserted"  # a news outlet quoted as such is the reporter's voice
    return st, source, status


def _confidence(trig: Trigger, draft: Draft) -> float:
    conf = 0.9 - 0.08 * min(draft.depth, 5) - (0.1 if draft.weak else 0.0)
    conf += 0.05 if draft.actor is not None and draft.actor.country else 0.0
    conf -= 0.05 if trig.nominal and trig.token.dep_ == "pobj" else 0.0
    return round(max(0.05, min(0.99, conf)), 3)


# Events that are speech: "X said Y would pay a heavy price" is X's threat, "X said the accusation
# was false" X's rejection. The reporter asserts that X said so; X is the actor.
_SPEECH_ACTS = {"THREATEN", "REJECT"}
# threats whose subject is the one threatened ("Hamas would pay a heavy price", "will face consequences")
_SUFFER_LEMMAS = {"pay", "face", "suffer", "regret", "bear"}


def _names_pair(head: Token) -> bool:
    """Whether the phrase of `head` stands for two sides ("the DGMOs of the two countries")."""
    text = " ".join(t.lower_ for t in head.subtree)
    return any(p in text for p in _PAIR_PHRASES)


def _receives_patients(trig: Token) -> bool:
    """Whether "receive" takes in the wounded, patients or bodies rather than a visitor."""
    for obj in trig.children:
        if obj.dep_ in {"dobj", "nsubjpass"} and any(t.lower_ in _PATIENT_WORDS for t in obj.subtree):
            return True
    return False


def _casualty_intake(trig: Trigger, sent: Span, offset: int) -> Draft | None:
    """An actorless ASSAULT for wounded taken in, when the sentence counts them."""
    killed, hurt, _, _ = cas.casualties(sent)
    if killed is None and hurt is None:
        return None
    start = min(t.idx for t in trig.tokens) + offset
    end = max(t.idx + len(t.text) for t in trig.tokens) + offset
    return Draft(type="ASSAULT", mode=None, trigger=trig.token, lemma=trig.token.lemma_.lower(),
                 depth=_depth_free(trig.token), weak=True, spans={"trigger": _span(start, end)}, confidence=0.6)


def _depth_free(tok: Token) -> int:
    """Clause depth without the lexicon: how many verbs lie above the token."""
    depth, node = 0, tok
    while node.head.i != node.i and depth < 5:
        node = node.head
        depth += node.pos_ in {"VERB", "AUX"}
    return depth


def _speech_act(etype: str, trig: Trigger, actor: ActorRef | None, recipient: ActorRef | None,
                source: ActorRef, lex: Lexicon,
                actor_head: Token | None = None) -> tuple[ActorRef | None, ActorRef | None, str]:
    """Actor, recipient and status of a threat or rejection voiced by `source`. Only intentions
    read from the clause (modal threats, "was false") change: a verb of their own ("X denied",
    "X warned") already has its speaker as subject."""
    head = trig.token
    lemma = head.lemma_.lower()
    if lemma in lex.verbs and any(s.type == etype for s in lex.verbs[lemma]) and not trig.via_phrase:
        return actor, recipient, "claimed"
    if etype == "REJECT":
        if head.pos_ == "ADJ" or lemma == "lie":  # "the accusation was false", "those who say so lie"
            return source, None, "asserted"
        return actor, recipient, "claimed"
    if lemma in _SUFFER_LEMMAS:
        return source, actor if recipient is None else recipient, "asserted"
    if actor is None or actor.country is None or actor.country == source.country:
        return actor or source, recipient, "asserted"  # "it would not hesitate to defend"
    if actor_head is not None and actor_head.head.i == head.i and \
            actor_head.dep_ in {"amod", "poss", "compound", "nmod"}:
        # "Ankara said any Egyptian deployment would be an adventure": the speaker threatens the
        # side whose act it names
        return source, actor, "asserted"
    return actor, recipient, "claimed"


def _distinct_actors(a: Draft, b: Draft) -> bool:
    """Two events of one type by actors of different countries stay apart."""
    return a.actor is not None and b.actor is not None and a.actor.country is not None \
        and b.actor.country is not None and a.actor.country != b.actor.country


def _merge(old: Draft, new: Draft) -> Draft:
    keep, other = (old, new) if (old.depth, -old.confidence) <= (new.depth, -new.confidence) else (new, old)
    if _MODE_RANK.get(other.mode or "", 0) > _MODE_RANK.get(keep.mode or "", 0):
        keep.mode = other.mode
    keep.mode = keep.mode or other.mode
    for key in ("actor", "recipient", "source"):
        mine, theirs = getattr(keep, key), getattr(other, key)
        if key == "actor" and is_interception(other.trigger):
            continue  # who shot the missiles down did not fire them
        # the other trigger's argument wins when ours is missing or names no country
        if theirs is not None and (mine is None or (mine.country is None and theirs.country is not None)):
            setattr(keep, key, theirs)
            if keep.spans is not None and other.spans is not None and key in other.spans:
                keep.spans[key] = other.spans[key]
    keep.territorial = keep.territorial or other.territorial
    return keep


