"""Sentence-level passes over claims and their targets, after each trigger was read alone.

- The attacker of a quoted accusation is whom the speaker blames: in "'They shelled our hospital,'
  the governor said, blaming Russian forces" the shelling is by Russian forces, on the governor's
  word (an attack whose actor is missing or an unresolved pronoun takes the blamed side).
- Mutual accusations give one claimed event per side: "Armenia and Azerbaijan accused each other
  of shelling" is Armenia's claim that Azerbaijan shelled and Azerbaijan's that Armenia did.
- One claimed event per target place: "fire was opened on our positions in Tartar and Aghdam" is
  two attacks, one at each place (the places it came from are not targets).
- "Our positions", "we": the speaker's own side.
Each pass makes new drafts or new actor records (dataclasses.replace): no record is shared.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from truce.extract.assemble import code_actor
from truce.extract.claim_refs import fired_from, named_again, named_before, speakers_own, state_bodies, warned_for
from truce.extract.context import FIRST_PERSON, ReportContext
from truce.extract.draft import Draft
from truce.extract.lexicon import load_lexicon
from truce.extract.target_places import copy_draft, per_target_place
from truce.extract.weapons import weapons
from truce.model import ActorRef, PlaceMention

_BLAME_LEMMAS = {"blame", "accuse", "charge", "hold"}
# words for the other side in a speaker's mouth: "the enemy shelled the town", "the occupiers"
_FOE_WORDS = {"enemy", "enemies", "occupier", "occupiers", "aggressor", "aggressors", "invader", "invaders",
              "attacker", "attackers", "occupation"}
_RECIPROCAL = {"each other", "one another", "the other", "the other side"}
# subjects standing for the two sides named before ("Both sides accused each other")
_PAIR_WORDS = {"both sides", "each side", "the two sides", "both countries", "the two countries", "both parties",
               "the two parties", "both", "each"}
_ACCUSATIONS = {"accusation", "blame", "charge", "allegation", "recrimination"}
_UNRESOLVED = {"they", "them", "it", "he", "she", "we"}
# blamed groups that share their country with those who blame them ("Maliki accused al-Qaeda")
_ARMED = {"MIL", "REB"}
_NON_STATE = {"REB", "OPP", "PTY", "CIV", "REL", "LAB", "EDU", "CRM"}


def sentence_claims(sent: Span, drafts: list[Draft], offset: int, ctx: ReportContext,
                    places: list[PlaceMention]) -> list[Draft]:
    """The sentence's drafts after the passes of the module docstring."""
    _remember_between(sent, offset, ctx)
    if not drafts:
        return drafts
    named_before(drafts, ctx)
    state_bodies(drafts)
    named_again(drafts, ctx)
    speakers_own(drafts)
    warned_for(sent, drafts, offset, ctx)
    _blamed_attacker(sent, drafts, offset)
    _own_side(drafts)
    _speaker_acts(drafts)
    _no_party_place(drafts)
    _criticised_act(drafts, ctx)
    fired_from(sent, drafts, offset, places)
    _local_voice(sent, drafts, offset)
    drafts = _mutual(sent, drafts, offset, ctx)
    return per_target_place(sent, drafts, offset, places)


def _remember_between(sent: Span, offset: int, ctx: ReportContext) -> None:
    """"Fighting broke out between Armenia and Azerbaijan": the two named are the sides a later
    "both sides" stands for, so the report remembers them (in the order named)."""
    for tok in sent:
        if tok.lower_ != "between" or tok.dep_ != "prep":
            continue
        first = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if first is None:
            continue
        second = next((c for c in first.conjuncts if c.i > first.i), None)
        pair = (first, second) if second is not None else _paired_adjectives(first)
        if pair is not None:
            for head in pair:
                code_actor(head, offset, ctx)


def _no_party_place(drafts: list[Draft]) -> None:
    """A country named as the party an accusation is aimed at or voiced by ("Karzai criticised the
    United States over the airstrike in Farah") stands for its state, not for where anything happened."""
    parties = [tuple(ref.span) for d in drafts if d.type == "ACCUSE"
               for ref in (d.actor, d.recipient) if ref is not None and ref.span is not None]
    for d in drafts:
        if d.location is not None and any(lo <= d.location.start < hi for lo, hi in parties):
            d.location = None
            if d.spans is not None:
                d.spans.pop("location", None)


def _criticised_act(drafts: list[Draft], ctx: ReportContext) -> None:
    """"Karzai criticized last week's attack": a criticism of an act of force is aimed at whoever
    carried it out - the sentence's own attacker, else the latest armed side the report named
    that is not the critic's."""
    lex = load_lexicon()
    for d in drafts:
        rec = d.recipient
        if d.type != "ACCUSE" or rec is None or rec.country is not None or not rec.text.split():
            continue
        word = rec.text.split()[-1].lower()
        if not any(s.type == "ASSAULT" and not s.weak for s in lex.nouns.get(word, ())):
            continue
        critic = d.actor.country if d.actor is not None else None
        doers = [e.actor for e in drafts if e.type == "ASSAULT" and e.actor is not None and e.actor.country]
        doers += [a for _kind, a in reversed(ctx.recent) if a.sector in _ARMED and a.country]
        doer = next((a for a in doers if a.country != critic), None)
        if doer is not None:
            d.recipient = replace(doer, text=rec.text, span=rec.span)


def _local_voice(sent: Span, drafts: list[Draft], offset: int) -> None:
    """"Russian forces shelled Kherson, killing two, officials said": officials named without a
    country took the report's main one, the attacker's; those who report an attack by a side named
    as such on a place of another country speak for that place (a self-report says "its forces")."""
    for d in drafts:
        src, actor = d.source, d.actor
        if d.type != "ASSAULT" or d.status != "claimed" or src is None or actor is None or actor.country is None:
            continue
        if src.country != actor.country or src.sector in _ARMED or _names_country(sent, src, offset):
            continue
        if src.name and src.name.lower() not in src.text.lower():
            continue  # "the ministry" standing for one named before: that one's side
        if actor.text.lower().split()[0] in _UNRESOLVED | {"its", "their", "our"} \
                or not _names_country(sent, actor, offset):
            continue
        where = d.location.country if d.location is not None else None
        if where is not None and where != actor.country:
            d.source = replace(src, country=where)


def _own_side(drafts: list[Draft]) -> None:
    """"fire was opened on our positions", the ministry said: the positions are the ministry's side."""
    for d in drafts:
        if d.recipient is None or d.source is None or d.source.country is None or d.recipient.country:
            continue
        if d.recipient.text.split()[0].lower() in FIRST_PERSON:
            d.recipient = replace(d.recipient, country=d.source.country,
                                  sector=d.recipient.sector or ("MIL" if "position" in d.recipient.text.lower()
                                                                else None))


def _speaker_acts(drafts: list[Draft]) -> None:
    """"'We did not fire a single shot,' the army spokesman said", "'I ordered the strike,' the
    commander said": the speaker's "we" or "I" is the speaker's side, whatever the coder could tell
    of it (a speaker with a country was so completed when coded). The speaker's side attacked is
    _own_side's."""
    for d in drafts:
        actor, src = d.actor, d.source
        if actor is None or src is None or actor.country is not None or not actor.text.split():
            continue
        if actor.text.split()[0].lower() in FIRST_PERSON:
            d.actor = replace(src, text=actor.text, span=actor.span)


def _blamed_attacker(sent: Span, drafts: list[Draft], offset: int) -> None:
    """The sentence's acts of force with no named attacker are by whom its speaker blames."""
    blames = _blames(drafts)
    if len(blames) != 1:
        return
    blame = blames[0]
    side = blame.recipient
    if side is None:  # the filter above keeps only blames aimed at someone; this says so to the type checker
        return
    if side.country is not None and side.sector not in _NON_STATE:
        _unborrow(sent, drafts, offset, side.country)
    accuser = blame.actor
    for d in drafts:
        if d.type != "ASSAULT" or d.status == "denied" or not (_stands_in(d, side) or _weapon_actor(sent, d, offset)):
            continue
        d.actor = replace(side)
        if d.spans is not None and side.span is not None:
            d.spans["actor"] = list(side.span)
        if d.status == "asserted":
            d.status = "claimed"
            d.source = d.source or (replace(accuser) if accuser is not None else None)
            if d.spans is not None and accuser is not None and accuser.span is not None:
                d.spans.setdefault("source", list(accuser.span))
        if d.recipient is not None and side.country is not None and d.recipient.country == side.country \
                and not _names_country(sent, d.recipient, offset):
            d.recipient = replace(d.recipient, country=None)  # the blamed side did not hit its own
        if d.location is not None and side.span is not None and side.span[0] <= d.location.start < side.span[1]:
            d.location = None  # "blamed Russia for the attack": the side blamed is no place
            if d.spans is not None:
                d.spans.pop("location", None)


def blame_back(sents: list[Span], per_sentence: list[list[Draft]], offset: int) -> None:
    """"Shells hit a school on Monday. Officials blamed rebel forces.": a blame with no act of its
    own names who carried out the previous sentence's attack with no named attacker, on the blamer's
    word (the act the blame is about was told first)."""
    for i in range(1, len(per_sentence)):
        blames = _blames(per_sentence[i])
        if len(blames) != 1 or _blames(per_sentence[i - 1]) or \
                any(d.type == "ASSAULT" and d.status != "denied" for d in per_sentence[i]):
            continue
        blame = blames[0]
        side, accuser = blame.recipient, blame.actor
        if side is None or side.country is None:
            continue
        for d in per_sentence[i - 1]:
            if d.type != "ASSAULT" or d.status == "denied" or d.aux is not None or d.source is not None:
                continue
            if not (_stands_in(d, side) or _weapon_actor(sents[i - 1], d, offset)):
                continue
            d.actor = replace(side)
            d.status = "claimed"
            d.source = replace(accuser) if accuser is not None else None
            if d.spans is not None:
                for key, ref in (("actor", side), ("source", accuser)):
                    if ref is not None and ref.span is not None:
                        d.spans[key] = list(ref.span)


def _blames(drafts: list[Draft]) -> list[Draft]:
    return [d for d in drafts if d.type == "ACCUSE" and d.lemma in _BLAME_LEMMAS and d.recipient is not None
            and d.recipient.text.lower() not in _RECIPROCAL | _UNRESOLVED | {"which", "who", "that"}]


def _stands_in(d: Draft, side: ActorRef) -> bool:
    """The attack's actor may give way to the blamed side: missing, a pronoun ("They shelled our
    hospital"), a word for the foe ("the enemy"), or the speaker's own side (a speaker blaming
    another side does not report its own side's attack)."""
    actor = d.actor
    if actor is None:
        return True
    words = actor.text.lower().split()
    if actor.text.lower() in _UNRESOLVED or (words and words[-1] in _FOE_WORDS):
        return True
    return side.country is not None and d.source is not None and d.source.country is not None \
        and actor.country == d.source.country != side.country


def _weapon_actor(sent: Span, d: Draft, offset: int) -> bool:
    """"shells hit a hospital, blaming Russian forces": a weapon as subject names what hit, not who
    fired it; the side blamed fired it."""
    actor = d.actor
    if actor is None or actor.span is None or actor.country is not None or actor.sector is not None:
        return False
    words = sent.doc.char_span(actor.span[0] - offset, actor.span[1] - offset, alignment_mode="expand")
    return words is not None and bool(weapons(words))


def _unborrow(sent: Span, drafts: list[Draft], offset: int, blamed: str) -> None:
    """A speaker coded to the very side it blames took the country of the sentence, not its own
    ("the regional governor said, blaming Russian forces"): it stays without one, and so does
    "our hospital", its side."""
    for d in drafts:
        for key in ("source", "actor", "recipient"):
            ref = getattr(d, key)
            if ref is None or ref.country != blamed or _names_country(sent, ref, offset):
                continue
            speaker = key == "source" or (key == "actor" and d.type == "ACCUSE")
            ours = key == "recipient" and ref.text.split()[0].lower() in FIRST_PERSON
            if speaker or ours:
                setattr(d, key, replace(ref, country=None))


def _names_country(sent: Span, ref: ActorRef, offset: int) -> bool:
    """The actor's own words name a country, people or place ("Ukrainian officials")."""
    if ref.span is None:
        return True
    lo, hi = ref.span[0] - offset, ref.span[1] - offset
    return any(lo <= t.idx < hi and t.ent_type_ in {"GPE", "NORP", "LOC", "ORG"} for t in sent.doc)


def _sides(trigger: Token, offset: int, ctx: ReportContext) -> tuple[ActorRef, ActorRef] | None:
    """The two sides of "X and Y accused each other": the subject and its conjunct, both coded; for
    "both sides" / "each side", the two sides the report named last."""
    subj = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    other = next((c for c in subj.conjuncts if c.i > subj.i), None)
    if other is None:
        adjectives = _paired_adjectives(subj)
        if adjectives is not None:  # "the Armenian and Azerbaijani defence ministries accused each other"
            return _paired_sides(subj, adjectives, offset, ctx)
    if other is None:
        phrase = " ".join(t.lower_ for t in subj.subtree)
        return ctx.last_pair() if phrase in _PAIR_WORDS else None
    first, second = code_actor(subj, offset, ctx), code_actor(other, offset, ctx)
    if first is None or second is None or first.country == second.country:
        return None
    return first, second


def _paired_sides(noun: Token, adjectives: tuple[Token, Token], offset: int,
                  ctx: ReportContext) -> tuple[ActorRef, ActorRef] | None:
    """The two sides of "Armenian and Azerbaijani forces": the noun's coding (its sector) once per
    people, each with its own country and its adjective's span."""
    base = code_actor(noun, offset, ctx)
    sides = [code_actor(adj, offset, ctx) for adj in adjectives]
    first, second = sides
    if first is None or second is None or first.country == second.country:
        return None
    if base is None:
        return first, second
    words = [t.text for t in noun.subtree if t.i >= noun.i or t.dep_ not in {"amod", "cc", "conj", "det"}]
    return tuple(replace(base, text=f"{side.text} {' '.join(words)}", name=None, country=side.country,
                         span=side.span) for side in (first, second))  # type: ignore[return-value]


def _paired_adjectives(noun: Token) -> tuple[Token, Token] | None:
    """The two peoples of "Armenian and Azerbaijani forces": an adjective and its conjunct, each a
    side's name (NORP) on the one noun."""
    for adj in noun.children:
        if adj.dep_ == "amod" and adj.ent_type_ == "NORP":
            other = next((c for c in adj.conjuncts if c.i > adj.i and c.ent_type_ == "NORP"), None)
            if other is not None:
                return adj, other
    return None


def _traded(sent: Span, drafts: list[Draft], offset: int) -> Draft | None:
    """"Armenia and Azerbaijan traded accusations of shelling": a reciprocal accusation with no
    accusing verb of its own; an ACCUSE draft made on "traded" from the sentence's act it is about."""
    for tok in sent:
        if tok.lemma_.lower() not in {"trade", "exchange"} or tok.pos_ != "VERB":
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _ACCUSATIONS), None)
        if obj is None:
            continue
        inside = {t.i for t in obj.subtree}
        act = next((d for d in drafts if d.trigger.i in inside and d.type == "ASSAULT"), None)
        if act is None:
            return None
        accusation = copy_draft(act, type="ACCUSE", mode=None, trigger=tok, lemma="trade", status="asserted",
                           source=None, actor=None, recipient=None)
        accusation.spans = {"trigger": [tok.idx + offset, tok.idx + len(tok.text) + offset]}
        return accusation
    return None


def _mutual(sent: Span, drafts: list[Draft], offset: int, ctx: ReportContext) -> list[Draft]:
    accusations = [d for d in drafts if d.type == "ACCUSE" and d.recipient is not None
                   and d.recipient.text.lower() in _RECIPROCAL]
    if not accusations:
        traded = _traded(sent, drafts, offset)
        if traded is None:
            return drafts
        accusations = [traded]
        drafts = [traded, *drafts]
    sides = _sides(accusations[0].trigger, offset, ctx)
    if sides is None:
        return [d for d in drafts if d is not accusations[0]] if accusations[0].lemma == "trade" else drafts
    a, b = sides
    by_trade = accusations[0].lemma == "trade"
    out: list[Draft] = []
    for d in drafts:
        reciprocal_actor = d.actor is not None and d.actor.text.lower() in _RECIPROCAL
        if d in accusations:
            out += [copy_draft(d, actor=a, recipient=b), copy_draft(d, actor=b, recipient=a)]
        elif reciprocal_actor or _self_accused(d, a, b) or (
                d.type == "ASSAULT" and _unnamed(d.actor) and (by_trade or (
                    d.source is not None and d.source.country in {a.country, b.country}))):
            # "of shelling civilian areas": each side says the other shelled
            out += [copy_draft(d, actor=b, source=a, status="claimed", recipient=_hit(d.recipient, a)),
                    copy_draft(d, actor=a, source=b, status="claimed", recipient=_hit(d.recipient, b))]
        else:
            out.append(d)
    for d in out:  # "Kyiv and Moscow accused each other": the capitals named as the sides are no place
        if d.location is not None and any(ref.span is not None and ref.span[0] <= d.location.start < ref.span[1]
                                          for ref in (a, b)):
            d.location = None
            if d.spans is not None:
                d.spans.pop("location", None)
    return out


def _self_accused(d: Draft, a: ActorRef, b: ActorRef) -> bool:
    """"X and Y accused each other of starting the fighting": the act took the accusers' subject
    as its doer; what each side says is that the other did it, never that it did so itself."""
    return d.type == "ASSAULT" and d.status == "claimed" and d.actor is not None and d.source is not None \
        and d.actor.country is not None and d.actor.country == d.source.country in {a.country, b.country}


def _unnamed(actor: ActorRef | None) -> bool:
    """No attacker named: none, or the question of one ("accusations over who fired first")."""
    return actor is None or actor.text.lower() in {"who", "whoever", "which side"}


def _hit(recipient: ActorRef | None, accuser: ActorRef) -> ActorRef | None:
    """Who was hit, in one side's accusation: its own people or places ("civilian areas"); a place
    or side named as such ("the attack on Sotk") stays whose it is."""
    if recipient is None:
        return None
    if recipient.country is not None and any(w[:1].isupper() for w in recipient.text.split()[1:] or
                                             recipient.text.split()):
        return recipient
    return replace(recipient, country=accuser.country)
