"""Report-level state carried from sentence to sentence while extracting one report.

Pronouns and bare definite descriptions ("It later announced", "the official added") point back to
actors already named; a quotation that runs over several paragraphs keeps its speaker; a sentence
with no date phrase of its own, in a paragraph that already gave one, continues that narrative.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from truce.extract.actors_known import home_side, operating_countries
from truce.model import ActorRef, DateRef, PlaceMention

_POSSESSIVES = {"its", "their"}
# a speaker's own words for itself and its side (the one set: claims and context read it)
FIRST_PERSON = frozenset({"we", "us", "our", "ours", "i", "me", "my"})
# Words that say a state body is not the report's own ("other governments", "Western officials").
_UNBOUND = {"other", "several", "some", "both", "western", "international", "neighbouring", "neighboring",
            "regional", "allied", "many", "foreign-backed", "all", "two", "three"}
_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}
_LOCAL_SECTORS = {"REB", "OPP", "CIV"}
_GROUP_SECTORS = {"REB", "OPP", "PTY", "NGO"}
# Nouns naming an act of detention: "condemned the detentions" is aimed at whoever detained,
# in practice the latest security body the report named (victims are mostly civilians).
_DETENTION_ACTS = {"detention", "detentions", "arrest", "arrests", "abduction", "abductions",
                   "kidnapping", "kidnappings", "seizure", "detainment"}
_DETAINING_SECTORS = {"MIL", "COP"}


@dataclass(slots=True)
class ReportContext:
    """What extraction of one report remembers between sentences."""

    report_id: str
    published: date | None
    recent: list[tuple[str, ActorRef]] = field(default_factory=list)  # (kind, actor), newest last
    tally: dict[str, int] = field(default_factory=dict)  # actors per country over the whole report
    quote_speaker: ActorRef | None = None  # speaker of the last quotation, for continued quotes
    paragraph_date: DateRef | None = None  # last event date in the current paragraph
    paragraph_index: int = -1
    reporting_period: DateRef | None = None  # the period a monitoring report says it covers
    story_date: DateRef | None = None  # the date of the lead's attack (truce.extract.timing)
    story_paragraph: int = -1  # the paragraph that gave it
    story_place: PlaceMention | None = None  # and where that attack happened
    use_classifier: bool = False
    text: str = ""  # the report's text, for what a phrase alone cannot tell (a group's branch named apart)

    def remember(self, kind: str, actor: ActorRef) -> ActorRef:
        """Note an actor just named (kind: person, group or state), first completing its country
        from the report when the phrase alone could not tell (see `complete`); the completed actor."""
        actor = self.complete(kind, actor)
        if actor.country is None and actor.sector is None:
            return actor
        self.recent.append((kind, actor))
        del self.recent[:-12]
        if actor.country is not None:
            self.tally[actor.country] = self.tally.get(actor.country, 0) + 1
        return actor

    def antecedent(self, kind: str, before: int | None = None) -> ActorRef | None:
        """The most recent compatible actor: a person for he/she, a state or group for it/they;
        one that names its country first; with `before`, only actors named before that offset."""
        wanted = {"person": ("person",), "state": ("state", "group"), "group": ("group", "state", "person")}
        if before is not None:
            # a possessive ("its forces") points to the nearest owner named before it
            earlier = sorted((item for item in self.recent if item[1].span is not None
                              and item[1].span[0] < before and item[1].country is not None),
                             key=lambda item: item[1].span[0] if item[1].span else -1)
            for have, actor in reversed(earlier):
                named_state = actor.sector == "GOV" and actor.text.strip() == actor.name  # "Ankara"
                if have in wanted.get(kind, (kind,)) or named_state:
                    return actor
            return None
        pool = self.recent
        if kind == "organisation":
            # "the group" after "the Houthis": the latest non-state group, else any group
            for _have, actor in reversed(pool):
                if actor.sector in _GROUP_SECTORS and actor.country is not None:
                    return actor
            kind = "group"
        for need_country in (True, False):  # an antecedent that names its state is the useful one
            for want in wanted.get(kind, (kind,)):
                for have, actor in reversed(pool):
                    if have == want and (actor.country is not None or not need_country):
                        return actor
        return None

    def complete(self, kind: str, actor: ActorRef) -> ActorRef:
        """`actor` with a country the report makes clear (a new record: ActorRef is frozen).
        "Its troops" belong to the nearest state or group named before them; a titled person, a
        local group or a state body named without a country ("President Avril", "the rebels",
        "the transitional government") belongs to the report's main state; a rebel group active
        in several countries (JNIM, Boko Haram) is coded where the report is. International bodies
        (IGO, NGO) keep none."""
        if actor.sector in {"IGO", "NGO"}:
            return actor
        words = actor.text.lower().split()
        if actor.country is None and actor.sector is None and len(words) == 2 and words[0] in {"the", "these"} \
                and words[1] in _DETENTION_ACTS:
            detainer = self.detaining_side()
            if detainer is not None:
                return replace(actor, name=detainer.name, country=detainer.country, sector=detainer.sector)
            return actor
        speaker = self.quote_speaker
        if actor.country is None and words and words[0] in FIRST_PERSON and speaker is not None \
                and speaker.country is not None:
            # "We hold X responsible," the army spokesman said: "we" is the speaker's side
            return replace(actor, country=speaker.country, name=speaker.name, sector=actor.sector or speaker.sector)
        if actor.country is None and words and words[0] in _POSSESSIVES:
            owner = self.antecedent("state" if words[0] == "its" else "group",
                                    before=actor.span[0] if actor.span else None)
            if owner is not None and owner.country is not None:
                return replace(actor, country=owner.country)
        state = self.salient_state()
        if state is None or state.country is None:
            return actor
        if actor.country is None and not _UNBOUND.intersection(words) and (
                (kind == "person" and actor.sector in _STATE_SECTORS) or
                (kind != "person" and actor.sector in _STATE_SECTORS | _LOCAL_SECTORS)):
            # the report's main state, not a foreign one quoted at length just before
            return replace(actor, country=self.main_country() or state.country)
        if actor.sector == "REB" and actor.name and actor.country != state.country:
            where = operating_countries(actor.name, actor.country)
            if (state.country in where or where == ("*",)) and \
                    not home_side(actor.name, actor.country, state.country, actor.text, self.text):
                return replace(actor, country=state.country)
        return actor

    def last_pair(self) -> tuple[ActorRef, ActorRef] | None:
        """The two sides "the two countries" / "both sides" stand for when the pair was named in an
        earlier paragraph: the two latest actors of different countries, in the order named."""
        latest: ActorRef | None = None
        for _have, actor in reversed(self.recent):
            if actor.country is None:
                continue
            if latest is None:
                latest = actor
            elif actor.country != latest.country:
                return actor, latest
        return None

    def detaining_side(self) -> ActorRef | None:
        """The latest security body (army, police, border guards) named with its country."""
        for _have, actor in reversed(self.recent):
            if actor.sector in _DETAINING_SECTORS and actor.country is not None:
                return actor
        return None

    def main_country(self) -> str | None:
        """The country the whole report names most often among its actors; None on a tie."""
        ranked = sorted(self.tally.items(), key=lambda kv: -kv[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return None

    def salient_state(self) -> ActorRef | None:
        """The country named most often among recent actors (ties: the latest)."""
        counts: dict[str, int] = {}
        last: dict[str, ActorRef] = {}
        for _, actor in self.recent:
            if actor.country:
                counts[actor.country] = counts.get(actor.country, 0) + 1
                last[actor.country] = actor
        if not counts:
            return None
        best = max(counts, key=lambda c: (counts[c], list(last).index(c)))
        return last[best]

    def new_paragraph(self, index: int) -> None:
        """Forget paragraph-scoped state when a new paragraph starts."""
        if index != self.paragraph_index:
            self.paragraph_index = index
            self.paragraph_date = None
