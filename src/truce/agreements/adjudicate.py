"""Incidents judged against agreements: `violation`, `possible_violation`, `not_a_violation` or
`out_of_scope`, with the clauses matched, the party, a confidence and reasons a mission can defend.

Rules (truce.adjudicate.v1), in order:
1. An act no clause prohibits is not a violation, wherever and whenever it happened.
2. An act outside the agreement's area, or by someone who is not a party bound by the clause, is
   out of scope.
3. An act that ended before the agreement took effect is not a violation; one whose known time
   span straddles the moment it took effect (a date known only to the day) is at most possible.
4. An act an exception allows is not a violation.
5. A prohibited act is a violation when corroborated — by monitors' observations, by the acting
   party's own admission, by both sides saying it happened, or by reporters and a second
   independent source; supported only by one side's claim (or by one source) it is possible.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from truce.agreements.geometry import distance_km
from truce.agreements.parties import AdjudicationContext, Attribution, attribute
from truce.agreements.schema import ActPattern, Agreement, Clause
from truce.foundation.precision import tolerance_km
from truce.foundation.words import normalise
from truce.model import Incident, Verdict, VerdictKind

RULES_VERSION = "truce.adjudicate.v1"
AREA_MARGIN_KM = 10.0  # the largest allowance given to an imprecise location near the area's edge


@dataclass(slots=True)
class _Match:
    clause: Clause
    caveats: list[str] = field(default_factory=list)  # why the match is only possible


def _act_matches(act: ActPattern, incident: Incident, agreement: Agreement) -> list[str] | None:
    """None when the act pattern does not fit; else the list of points left unestablished."""
    caveats: list[str] = []
    if act.types and incident.type not in act.types:
        return None
    if act.modes:
        if incident.mode is None:
            caveats.append(f"the means ({'/'.join(act.modes)}) are not established")
        elif incident.mode not in act.modes:
            return None
    if act.weapons:
        have = {normalise(w) for w in incident.weapons}
        if not have:
            caveats.append(f"the weapons ({', '.join(act.weapons)}) are not identified")
        elif not have & {normalise(w) for w in act.weapons}:
            return None
    if act.zone is not None:
        line = agreement.line_geometries.get(act.zone.line)
        loc = incident.location
        if line is None or loc is None or loc.lat is None or loc.lon is None:
            caveats.append(f"its distance from the {act.zone.line} line is not known")
        elif distance_km(line, loc.lat, loc.lon) > act.zone.within_km + min(
                tolerance_km(loc.precision), AREA_MARGIN_KM):
            return None
    if act.keywords:
        text = normalise(incident.summary)
        if not any(normalise(k) in text for k in act.keywords):
            return None
    return caveats


def _clause_matches(incident: Incident, agreement: Agreement, clause: Clause) -> _Match | None:
    best: _Match | None = None
    for act in clause.prohibits:
        caveats = _act_matches(act, incident, agreement)
        if caveats is not None and (best is None or len(caveats) < len(best.caveats)):
            best = _Match(clause, caveats)
    return best


def _in_area(incident: Incident, agreement: Agreement) -> bool | None:
    """True/False when the incident's place is known; None when it cannot be placed."""
    area, loc = agreement.area_geometry, incident.location
    if area is None or loc is None:
        return None
    if loc.lat is None or loc.lon is None:
        names = {normalise(r) for r in agreement.area.regions}
        return True if normalise(loc.name or loc.text) in names else None
    return distance_km(area, loc.lat, loc.lon) <= min(tolerance_km(loc.precision), AREA_MARGIN_KM)


def _when(start: datetime | None, end: datetime | None) -> str:
    if start is None:
        return ""
    if end is None or end.date() == start.date():
        return f" on {start:%-d %b %Y}"
    return f" between {start:%-d %b} and {end:%-d %b %Y}"


_ACT_WORDS = {
    "heavy-weapons": "Shelling", "firearms": "Small-arms fire", "drone": "A drone strike",
    "aerial": "An air strike", "explosives": "An explosion",
}  # fmt: skip
_TYPE_WORDS = {
    "ASSAULT": "An attack", "MOBILIZE": "A military movement", "COERCE": "A coercive act",
    "AGREE": "An agreement", "CONSULT": "Talks", "AID": "Aid", "RETREAT": "A withdrawal",
    "ACCUSE": "An accusation", "THREATEN": "A threat", "PROTEST": "A protest",
}  # fmt: skip


def local_days(start: datetime | None, end: datetime | None,
               zone: str | None) -> tuple[datetime | None, datetime | None]:
    """A span known only to the day means those days where the ceasefire is watched, not in UTC.

    Fusion writes a date phrase as whole UTC days (00:00:00 to 23:59:59); "shelling on 14 February"
    under a ceasefire from 00:00 Kyiv time on the 15th is a whole local day before it. Spans with a
    clock time (observations, timestamps) are left as they are."""
    if start is None or end is None or not zone:
        return start, end
    utc_start, utc_end = start.astimezone(UTC), end.astimezone(UTC)
    whole_days = (utc_start.time() == datetime.min.time()
                  and (utc_end + timedelta(seconds=1)).time() == datetime.min.time() and utc_end > utc_start)
    if not whole_days:
        return start, end
    tz = ZoneInfo(zone)
    first = datetime.combine(utc_start.date(), datetime.min.time(), tzinfo=tz)
    last = datetime.combine(utc_end.date(), datetime.min.time(), tzinfo=tz) + timedelta(days=1, seconds=-1)
    return first, last


def describe(incident: Incident) -> str:
    """'Shelling near Shusha on 21 Sep 2023': what, where, when."""
    what = _ACT_WORDS.get(incident.mode or "", "") if incident.type == "ASSAULT" else ""
    what = what or _TYPE_WORDS.get(incident.type, incident.type.capitalize())
    loc = incident.location
    where = f" near {loc.name or loc.text}" if loc is not None and (loc.name or loc.text) else ""
    return f"{what}{where}{_when(incident.start, incident.end)}"


def _effective(agreement: Agreement) -> str:
    """'09:00 UTC 20 Sep 2023, 13:00 Asia/Baku time'."""
    utc = agreement.effective_from.astimezone(UTC)
    text = f"{utc:%H:%M} UTC {utc:%-d %b %Y}"
    if agreement.time_zone:
        local = agreement.effective_from.astimezone(ZoneInfo(agreement.time_zone))
        text += f", {local:%H:%M} {agreement.time_zone} time"
    return text


def _in_force(agreement: Agreement) -> str:
    return f"in force since {_effective(agreement)}"


def _speakers(labels: list[str], agreement: Agreement) -> str:
    """Parties and states by their codes; speakers the extractor could not tie to one are counted,
    not named, since a bare phrase ("the statement", "a father") means nothing to a reader."""
    party_ids = {p.id for p in agreement.parties}
    named = [x for x in labels if x in party_ids or (len(x) == 3 and x.isalpha() and x.isupper())]
    others = len(labels) - len(named)
    if others:
        named.append(f"{others} other speaker{'s' if others != 1 else ''}")
    return " and ".join(named)


def _support(incident: Incident, who: Attribution, agreement: Agreement) -> tuple[bool, str]:
    """Whether the act is corroborated, and the evidence in words."""
    claim_ids = {c.event_id for c in incident.claims}
    asserted = [e for e in incident.event_ids if e not in claim_ids]
    observed = bool(incident.observation_ids) or incident.observation_count > 0
    parts = []
    for verb, speakers in (("claimed", who.claimants), ("acknowledged", who.admitted_by), ("denied", who.deniers)):
        if speakers:
            parts.append(f"{verb} by {_speakers(speakers, agreement)}")
    n = incident.independent_sources
    parts.append(f"reported by {n} independent source{'s' if n != 1 else ''}")
    if observed:
        n_obs = len(incident.observation_ids) or incident.observation_count
        counted = f" ({incident.observation_count} counted)" if incident.observation_count != n_obs else ""
        parts.append(f"confirmed by {n_obs} field observation{'s' if n_obs != 1 else ''}{counted}")
    sides = {p.id for p in agreement.parties if p.role == "party"}
    both_sides = len(set(who.claimants) & sides) >= 2
    # Reporters corroborate when two independent sources state the act in their own voice; sources
    # that only relay a side's claim or denial, and the sides' own press releases, do not count.
    witnesses = n if who.witnesses is None else who.witnesses
    corroborated = observed or bool(who.admitted_by) or both_sides or (bool(asserted) and witnesses >= 2)
    return corroborated, ", ".join(parts)


def _verdict(incident: Incident, agreement: Agreement, kind: VerdictKind, explanation: str,
             confidence: float, clauses: Iterable[str] = (), party: str = "unattributed") -> Verdict:
    return Verdict(incident_id=incident.id, agreement_id=agreement.id, verdict=kind, clauses=list(clauses),
                   party=party, confidence=round(max(0.05, min(0.95, confidence)), 2),
                   explanation=explanation, rules_version=RULES_VERSION, agreement_version=agreement.version)


def _in_scope(incident: Incident, agreement: Agreement, who: Attribution, act: str,
              party: str) -> Verdict | tuple[list[_Match], bool | None]:
    """Rules 1 and 2: the verdict when no clause prohibits the act, or it is out of scope (place,
    party); else the clauses that bind the acting party and whether the act is inside the area."""
    matches = [m for c in agreement.clauses if (m := _clause_matches(incident, agreement, c))]
    if not matches:
        return _verdict(incident, agreement, "not_a_violation",
                        f"{act} is not an act any clause of the {agreement.name} prohibits.", 0.9, party=party)
    inside = _in_area(incident, agreement)
    if inside is False:
        return _verdict(incident, agreement, "out_of_scope",
                        f"{act} is outside the area the {agreement.name} covers.", 0.85, party=party)
    if who.party is not None:
        matches = [m for m in matches if who.party in agreement.bound_parties(m.clause)]
        if not matches:
            return _verdict(incident, agreement, "out_of_scope",
                            f"{act} was by {who.party.name}, whom no clause it would break binds.", 0.7,
                            party=party)
    elif who.actor_known and who.basis == "none" and incident.actor_country:
        return _verdict(incident, agreement, "out_of_scope",
                        f"{act} was by {incident.actor_country}, not a party to the {agreement.name}.", 0.7)
    return matches, inside


def _out_of_time(incident: Incident, agreement: Agreement, act: str, party: str,
                 caveats: list[str]) -> Verdict | None:
    """Rule 3: the verdict for an act before or after the agreement was in force; an act whose time
    is unknown, or straddles the moment it took effect, gets a caveat instead."""
    start, end = local_days(incident.start, incident.end or incident.start, agreement.time_zone)
    eff, until = agreement.effective_from, agreement.effective_until
    if start is None or end is None:
        caveats.append("its time is not known")
    elif end < eff:
        return _verdict(incident, agreement, "not_a_violation",
                        f"{act} came before the {agreement.name} took effect at {_effective(agreement)}.", 0.9,
                        party=party)
    elif until is not None and start >= until:
        return _verdict(incident, agreement, "not_a_violation",
                        f"{act} came after the {agreement.name} ended.", 0.9, party=party)
    elif start < eff:
        span = "known only to the day" if end - start >= timedelta(hours=23) else (
            f"known only to between {start.astimezone(UTC):%H:%M} and {end.astimezone(UTC):%H:%M} UTC")
        caveats.append(f"its time is {span}, and the ceasefire took effect within it")
    return None


def _allowed(incident: Incident, agreement: Agreement, matches: list[_Match], act: str, party: str) -> Verdict | None:
    """Rule 4: the verdict for an act an exception of the agreement allows."""
    for exc in agreement.exceptions:
        if exc.effect != "allows":
            continue
        for m in matches:
            if (not exc.clauses or m.clause.id in exc.clauses) and any(
                    _act_matches(a, incident, agreement) == [] for a in exc.matches):
                return _verdict(incident, agreement, "not_a_violation",
                                f"{act} is allowed by exception {exc.id} of the {agreement.name}: {exc.text}",
                                0.7, [m.clause.id], party)
    return None


def _breach(incident: Incident, agreement: Agreement, who: Attribution, act: str, party: str,
            matches: list[_Match], caveats: list[str]) -> Verdict:
    """Rule 5: a violation when corroborated and nothing is left unestablished, else possible."""
    full = [m for m in matches if not m.caveats] or matches
    caveats += full[0].caveats
    clause_ids = [m.clause.id for m in full]
    cited = ", ".join(f"clause {m.clause.id} ({m.clause.title})" for m in full)
    corroborated, support = _support(incident, who, agreement)
    blame = {"reported": "", "admitted": "", "accused": f"; attributed to {party} on the other side's claim",
             "none": "; no party is named"}[who.basis]
    not_pleas = [e for e in agreement.exceptions if e.effect == "does_not_excuse"
                 and any(_act_matches(a, incident, agreement) == [] for a in e.matches)]
    plea = "".join(f" A plea of {e.id} does not excuse it ({e.text})." for e in not_pleas)
    if corroborated and not caveats:
        text = (f"{act} breaks {cited} of the {agreement.name} ({_in_force(agreement)}): {support}{blame}."
                f"{plea}")
        return _verdict(incident, agreement, "violation", text, 0.6 + 0.35 * incident.confidence, clause_ids,
                        party)
    if not corroborated:
        caveats.append("it rests on one side's word or a single source")
    why = "; and ".join(caveats)
    text = (f"{act} may break {cited} of the {agreement.name} ({_in_force(agreement)}), but {why}: "
            f"{support}{blame}.{plea}")
    return _verdict(incident, agreement, "possible_violation", text, 0.3 + 0.3 * incident.confidence,
                    clause_ids, party)


def adjudicate(incident: Incident, agreement: Agreement, evidence: AdjudicationContext | None = None) -> Verdict:
    """Judge one incident against one agreement (rules in this module's docstring)."""
    act = describe(incident)
    who = attribute(incident, agreement, evidence)
    party = who.party.id if who.party else "unattributed"
    scoped = _in_scope(incident, agreement, who, act, party)
    if isinstance(scoped, Verdict):
        return scoped
    matches, inside = scoped
    caveats: list[str] = []
    judged = _out_of_time(incident, agreement, act, party, caveats) or _allowed(
        incident, agreement, matches, act, party)
    if judged is not None:
        return judged
    if inside is None:
        caveats.append("its place is not known precisely enough to put it inside the area")
    return _breach(incident, agreement, who, act, party, matches, caveats)


def concerns(incident: Incident, agreement: Agreement) -> bool:
    """Whether an agreement has anything to say about an incident: its place is in or near the
    area (within 100 km), or a country involved is a party's."""
    loc, area = incident.location, agreement.area_geometry
    located = loc is not None and loc.lat is not None and loc.lon is not None and area is not None
    if located and distance_km(area, loc.lat, loc.lon) <= 100.0:  # type: ignore[arg-type,union-attr]
        return True
    countries = {p.country for p in agreement.parties if p.role == "party"}
    involved = {incident.actor_country, incident.recipient_country, *(c.party for c in incident.claims)}
    return bool(countries & involved)


def adjudicate_all(incidents: Iterable[Incident], agreements: Iterable[Agreement],
                   evidence: AdjudicationContext | None = None) -> list[Verdict]:
    """Verdicts for every incident under every agreement that concerns it (see `concerns`),
    sorted by agreement id and incident id."""
    agreements = sorted(agreements, key=lambda a: a.id)
    out = [adjudicate(i, a, evidence) for a in agreements for i in sorted(incidents, key=lambda i: i.id)
           if concerns(i, a)]
    return out


def verdicts_changed(old: list[Verdict], new: list[Verdict]) -> list[Verdict]:
    """The verdicts of `new` that are new or differ in substance (verdict, clauses, party,
    confidence, explanation, rules or agreement version) from `old` for the same incident and
    agreement. Verdicts present only in `old` are not returned: the store keeps them as history."""
    def substance(v: Verdict) -> tuple[object, ...]:
        return (v.verdict, tuple(v.clauses), v.party, v.confidence, v.explanation, v.rules_version,
                v.agreement_version)

    before = {(v.incident_id, v.agreement_id): substance(v) for v in old}
    return [v for v in new if before.get((v.incident_id, v.agreement_id)) != substance(v)]

