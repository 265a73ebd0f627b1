"""Request bodies of the API: one model per action (Create / Update shapes kept apart)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from truce.web.roles import Role

Reason = Field(default="", max_length=4000, description="Why, in a sentence: kept in the audit log.")


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Login(_Body):
    username: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=1, max_length=1024)


class AccountCreate(_Body):
    username: str = Field(min_length=2, max_length=80)
    password: str = Field(min_length=10, max_length=1024)
    role: Role
    display_name: str | None = Field(default=None, max_length=200)
    signatory: str | None = Field(default=None, max_length=40)
    party: str | None = Field(default=None, max_length=40)


class Correction(_Body):
    field: str = Field(description="type, place, date, actor or deaths", max_length=16)
    value: Any = Field(description="place {name, lat, lon}; date YYYY-MM-DD or {start, end}; type a PLOVER type; "
                                   "actor a party code; deaths a whole number")
    reason: str = Reason


class Move(_Body):
    item_id: str = Field(min_length=1, max_length=40)
    to_incident_id: str | None = Field(default=None, max_length=40,
                                       description="the incident it belongs to; absent: an incident of its own")
    reason: str = Reason


class Merge(_Body):
    other_incident_id: str = Field(min_length=1, max_length=40)
    reason: str = Reason


class StatusChange(_Body):
    status: str = Field(max_length=24, description="under_investigation, unconfirmed or rejected")
    reason: str = Reason


class Attribution(_Body):
    party: str | None = Field(default=None, max_length=40, description="the party; absent: unattributable")
    reason: str = Reason


class Position(_Body):
    signatory: str = Field(min_length=1, max_length=40)
    reasons: str = Field(default="", max_length=4000)


class Response(_Body):
    text: str = Field(min_length=1, max_length=100_000)


class Allegation(_Body):
    text: str = Field(min_length=1, max_length=500_000)
    title: str | None = Field(default=None, max_length=500)
    incident_id: str | None = Field(default=None, max_length=40)
    published: str | None = Field(default=None, max_length=40)


class ReportCreate(_Body):
    text: str = Field(min_length=1, max_length=1_000_000)
    title: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=40)
    source_name: str | None = Field(default=None, max_length=200)


class ObservationCreate(_Body):
    """An OSCE-style observation (the fields of docs/ingest.md's observation records)."""

    observed_at: str = Field(max_length=40, description="start of the time window, ISO 8601 with offset")
    observed_until: str | None = Field(default=None, max_length=40)
    what: str = Field(max_length=40, description="explosion, small-arms, heavy-weapon-seen, uav, movement, ...")
    how: str = Field(max_length=40, description="heard, seen, camera, uav, acoustic, radar, other")
    count: int | None = Field(default=None, ge=1, le=1_000_000)
    direction: str | None = Field(default=None, max_length=20, description="incoming, outgoing, undetermined")
    weapon: str | None = Field(default=None, max_length=80)
    bearing_deg: float | None = Field(default=None, ge=0, le=360)
    distance_km: float | None = Field(default=None, ge=0, le=1000)
    observer: str | None = Field(default=None, max_length=200)
    lat: float | None = Field(default=None, ge=-90, le=90, description="observer position")
    lon: float | None = Field(default=None, ge=-180, le=180)
    target_lat: float | None = Field(default=None, ge=-90, le=90)
    target_lon: float | None = Field(default=None, ge=-180, le=180)
    location_name: str | None = Field(default=None, max_length=200, description="named place, when no position")
    notes: str | None = Field(default=None, max_length=10_000)
