"""Who signs a mission's joint findings, and which parties file allegations and responses.

A mission YAML (TRUCE_MISSION, docs/console.md) names its signatories and the parties to the
conflict. Without one, the agreements' parties and the mission itself sign — the arrangement of a
commission of the parties. A joint centre run by guarantor states (the joint Russian-Turkish
monitoring centre for Karabakh, the demo's mission) lists those states as signatories: the
parties to the conflict then file allegations and responses but do not sign.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from truce.errors import ConfigError

MISSION_ID = "MISSION"  # the mission itself, when it signs beside the parties


class _Side(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,40}$")
    name: str = Field(min_length=1)


class _MissionFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    signatories: list[_Side] = Field(min_length=1)
    parties: list[_Side] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Side:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Mission:
    """The mission's name, who signs its findings, and the parties to the conflict."""

    id: str
    name: str
    signatories: tuple[Side, ...]
    parties: tuple[Side, ...]
    # The default mission only: agreement id -> its parties. A finding is then signed by the
    # parties of the agreements it was judged under (and the mission), not by every agreement's.
    by_agreement: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def signatory_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.signatories)

    @property
    def party_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.parties)

    def signs(self, side: str | None) -> bool:
        return side is not None and side in self.signatory_ids

    def signers(self, agreement_ids: list[str]) -> tuple[str, ...]:
        """Who must sign a finding judged under these agreements."""
        if not self.by_agreement or not agreement_ids:
            return self.signatory_ids
        wanted = {p for a in agreement_ids for p in self.by_agreement.get(a, ())} | {MISSION_ID}
        return tuple(s for s in self.signatory_ids if s in wanted)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name,
                "signatories": [{"id": s.id, "name": s.name} for s in self.signatories],
                "parties": [{"id": p.id, "name": p.name} for p in self.parties]}


def load_mission(path: Path | None, agreements: list[Any]) -> Mission:
    """The mission `path` describes, or the default built from the agreements' parties."""
    if path is None:
        return default_mission(agreements)
    where = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError("E602", f"cannot read the mission file: {exc.strerror}", where=where,
                          hint="check TRUCE_MISSION names a readable YAML file") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError("E603", "the mission file is not valid YAML", where=where + line,
                          hint="fix the YAML syntax at that line") from None
    try:
        parsed = _MissionFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise ConfigError("E604", f"mission field {field}: {first['msg']}", where=where,
                          hint="see docs/console.md for the mission file's fields") from None
    ids = [s.id for s in parsed.signatories]
    if len(set(ids)) != len(ids):
        raise ConfigError("E604", "a signatory is listed twice", where=where, hint="list each signatory once")
    return Mission(parsed.id, parsed.name, tuple(Side(s.id, s.name) for s in parsed.signatories),
                   tuple(Side(p.id, p.name) for p in parsed.parties))


def default_mission(agreements: list[Any]) -> Mission:
    """The agreements' parties (role `party`) and the mission sign; the same parties file statements."""
    parties: dict[str, str] = {}
    by_agreement: dict[str, tuple[str, ...]] = {}
    for agreement in agreements:
        own = [p for p in agreement.parties if p.role == "party"]
        by_agreement[agreement.id] = tuple(p.id for p in own)
        for party in own:
            parties.setdefault(party.id, party.name)
    sides = tuple(Side(i, n) for i, n in sorted(parties.items()))
    return Mission("mission", "Monitoring mission", (*sides, Side(MISSION_ID, "the mission")), sides, by_agreement)
