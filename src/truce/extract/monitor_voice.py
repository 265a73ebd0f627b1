"""A party's statement names its issuing body once, in its header, and then speaks in its voice.

"Ministry of Defence of the Republic of Azerbaijan, 17 May 2023", "Russian Defence Ministry
briefing, 14 June 2023", "Statement of the General Staff of the Armed Forces of Ukraine": what such
a statement tells it tells on that body's word, though no sentence says "the ministry said". So,
when a report's first line is such a header (no verb; it ends on its day, or opens on the document
it is) and names a state body of a party (a government or military body with a country):
- the acts its sentences tell as plain fact are that body's claims (`claimed`, the body the
  source), as they are when a news story writes "the ministry said";
- what they tell as not done ("The Armenian side did not open fire"), or call untrue ("The
  information that ... does not correspond to reality"), that body denies (`denied`);
- "our units", "our positions" are that party's.
A mission's or an agency's header (UNIFIL, the UN) is no party's voice: the mission reports what
it saw, and its reports stay its assertions. What a sentence tells as to come, as hypothetical or
on someone else's word keeps that stance.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from truce.extract.actors import actor_from
from truce.extract.draft import Draft
from truce.extract.period import header_line
from truce.model import ActorRef

# the body a header names: "Ministry of Defence", "General Staff", "press centre", "Inter Services
# Public Relations", "Southern Command"
_BODIES = frozenset({"ministry", "staff", "command", "centre", "center", "service", "office", "relations",
                     "headquarters", "army", "forces", "department", "directorate", "spokesperson", "spokesman",
                     "press", "operation", "commission"})
# "Statement of the Ministry of Defence", "Information of the Ministry", "Briefing by the ministry"
_DOCUMENT = re.compile(r"^\s*(?:statement|information|press\s+release|briefing|communiqu[eé]|update|"
                       r"bulletin|report)\s+(?:of|by|from)\b", re.IGNORECASE)
_PARTY_SECTORS = frozenset({"GOV", "MIL"})
_HEADER_WORDS = 24
_FIRST_PERSON = frozenset({"our", "we", "us"})
_KEPT_STANCE = frozenset({"negation", "future", "hypothetical"})

# The issuing body of the report being read: its paragraphs are read one after another, in order,
# so the first paragraph's header holds for the paragraphs after it until the next report's first.
_reading: dict[str, tuple[str, ActorRef | None]] = {}


def header_issuer(sent: Span, offset: int) -> ActorRef | None:
    """The party body a statement's header names; None when the line is no such header."""
    words = sent.text.split()
    if not words or len(words) > _HEADER_WORDS or any(t.pos_ in {"VERB", "AUX"} for t in sent):
        return None
    if not (header_line(sent.text) or _DOCUMENT.match(sent.text)):
        return None
    for tok in sent:
        if tok.lower_ not in _BODIES or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        actor = actor_from(tok, offset)
        if actor is not None and actor.country and actor.sector in _PARTY_SECTORS:
            return actor
    return None


def speak_for_issuer(sents: list[Span], per_sentence: list[list[Draft]], offset: int, report_id: str,
                     first_paragraph: bool) -> None:
    """The statement's plain acts as its issuing body's claims (the module docstring says how)."""
    if first_paragraph:
        _reading["now"] = (report_id, header_issuer(sents[0], offset) if sents else None)
    current = _reading.get("now")
    issuer = current[1] if current is not None and current[0] == report_id else None
    if issuer is None:
        return
    for drafts in per_sentence:
        for draft in drafts:
            _first_person(draft, issuer)
            if draft.source is not None or draft.observation is not None or draft.type != "ASSAULT":
                continue
            if draft.aux == "negation" and draft.status in {"asserted", "claimed"}:
                # "The Armenian side did not open fire", "The information that ... does not
                # correspond to reality": the body says it did not happen
                draft.status = "denied"
            elif draft.status != "asserted" or draft.aux in _KEPT_STANCE:
                continue
            else:
                draft.status = "claimed"
            draft.source = issuer
            if draft.spans is not None and issuer.span is not None:
                draft.spans["source"] = [issuer.span[0], issuer.span[1]]


def _first_person(draft: Draft, issuer: ActorRef) -> None:
    """"Our units", "our positions": the issuer's party."""
    for role in ("actor", "recipient"):
        ref = getattr(draft, role)
        words = ref.text.lower().split() if ref is not None else []
        if ref is not None and words and words[0] in _FIRST_PERSON and ref.country != issuer.country:
            setattr(draft, role, replace(ref, country=issuer.country, sector=ref.sector or "MIL"))
