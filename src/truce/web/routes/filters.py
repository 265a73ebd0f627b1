"""Query parameters shared by listings and exports: the console's filters, read once."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated

from fastapi import Depends, Query

from truce.errors import TruceError
from truce.web.listing import IncidentFilters


def parse_moment(value: str | None, name: str, *, end: bool = False) -> datetime | None:
    """An ISO date (the whole day, UTC) or date-time."""
    if not value:
        return None
    try:
        if len(value) == 10:
            day = datetime.combine(date.fromisoformat(value), time.min, tzinfo=UTC)
            return day + timedelta(days=1, microseconds=-1) if end else day
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise TruceError("E615", f"{name} '{value}' is not an ISO 8601 date or time", where=name,
                         hint="write YYYY-MM-DD or YYYY-MM-DDTHH:MM+00:00") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        parts = [float(p) for p in value.split(",")]
    except ValueError:
        parts = []
    if len(parts) != 4 or not (-180 <= parts[0] <= parts[2] <= 180 and -90 <= parts[1] <= parts[3] <= 90):
        raise TruceError("E615", f"bbox '{value}' is not min_lon,min_lat,max_lon,max_lat", where="bbox",
                         hint="four numbers in degrees, west,south,east,north, e.g. 45.5,39.2,47.5,40.6")
    return (parts[0], parts[1], parts[2], parts[3])


def incident_filters(
    start: Annotated[str | None, Query(max_length=40, description="incidents that end on or after (ISO)")] = None,
    end: Annotated[str | None, Query(max_length=40, description="incidents that start on or before (ISO)")] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="min_lon,min_lat,max_lon,max_lat")] = None,
    type: Annotated[str | None, Query(max_length=16, description="PLOVER event type")] = None,
    party: Annotated[str | None, Query(max_length=40, description="actor country or attributed party")] = None,
    verdict: Annotated[str | None, Query(max_length=24)] = None,
    agreement: Annotated[str | None, Query(max_length=80)] = None,
    review: Annotated[str | None, Query(max_length=24, description="review status")] = None,
    q: Annotated[str | None, Query(max_length=200, description="text in the incident's record")] = None,
) -> IncidentFilters:
    return IncidentFilters(start=parse_moment(start, "start"), end=parse_moment(end, "end", end=True),
                           bbox=parse_bbox(bbox), type=type or None, party=party or None, verdict=verdict or None,
                           agreement=agreement or None, review=review or None, q=q or None).check()


FiltersDep = Annotated[IncidentFilters, Depends(incident_filters)]
