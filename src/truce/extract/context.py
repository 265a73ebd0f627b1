"""Report-level state carried from sentence to sentence while extracting one report.

Pronouns and bare definite descriptions ("It later announced", "the official added") point back to
actors already named; a quotation that runs over several paragraphs keeps its speaker; a sentence
with no date phrase of its own, in a paragraph that already gave one, continues that narrative.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from truce.extract.actors_known import operating_countries
from truce.model import ActorRef, DateRef

_POSSESSIVES = {"its", "their"}
_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}
_LOCAL_SECTORS = {"REB", "OPP", "CIV"}


@dataclass(slots=True)
class ReportContext:
    """What extraction of one report remembers between sentences."""

    report_id: str
    published: date | None
    recent: list[tuple[str, ActorRef]] = field(default_factory=list)  # (kind, actor), newest last
    quote_speaker: ActorRef | None = None  # speaker of the last quotation, for continued quotes
    paragraph_date: DateRef | None = None  # last event date in the current paragraph
    paragraph_index: int = -1
    use_classifier: bool = False

    def remember(self, kind: str, actor: ActorRef) -> None:
        """Note an actor just named (kind: person, group or state), first completing its country
        from the report when the phrase alone could not tell (see `complete`)."""
        self.complete(kind, actor)
        if actor.country is None and actor.sector is None:
            return
        self.recent.append((kind, actor))
        del self.recent[:-12]

    def antecedent(self, kind: str) -> ActorRef | None:
        """The most recent compatible actor: a person for he/she, a state or group for it/they."""
        wanted = {"person": ("person",), "state": ("state", "group"), "group": ("group", "state", "person")}
        for want in wanted.get(kind, (kind,)):
            for have, actor in reversed(self.recent):
                if have == want:
                    return actor
        return None

    def complete(self, kind: str, actor: ActorRef) -> None:
        """Fill in, in place, a country the report makes clear: "its troops" belong to the last
        state or group named; a titled person or a local group
        named without one ("President Avril", "the rebels") belongs to the report's main state; a
        rebel group active in several countries (JNIM, Boko Haram) is coded where the report is.
        International bodies (IGO, NGO) keep no country."""
        if actor.sector in {"IGO", "NGO"}:
            return
        first = actor.text.split()[0].lower() if actor.text.split() else ""
        if actor.country is None and first in _POSSESSIVES:
            # "its troops", "their forces": the owner is the last state or group named
            owner = self.antecedent("state" if first == "its" else "group")
            if owner is not None and owner.country is not None:
                actor.country = owner.country
                return
        state = self.salient_state()
        if state is None or state.country is None:
            return
        if actor.country is None and (
                (kind == "person" and actor.sector in _STATE_SECTORS) or
                (kind == "group" and actor.sector in _LOCAL_SECTORS)):
            actor.country = state.country
            return
        if actor.sector == "REB" and actor.name and actor.country != state.country:
            where = operating_countries(actor.name, actor.country)
            if state.country in where or where == ("*",):
                actor.country = state.country

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
