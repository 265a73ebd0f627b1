"""Situation reports: `render(store, period, area, audience, format) -> bytes` (HTML or PDF).

The HTML is one self-contained page (styles, map and chart inline, no network); the PDF is that
page laid out by WeasyPrint. What the report says comes from `content.gather`, field observations
from `fieldobs.lines`; `figures(content)` are the numbers it prints, keyed as the HTML marks them
(`data-metric`), so a test can read them back and recompute them from the store.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from truce.errors import InputRejected
from truce.publish import chart, svgmap
from truce.publish.audience import AUDIENCES
from truce.publish.content import Content, Entry, area_of, by_type_and_area, gather, totals
from truce.publish.fieldobs import Line, lines
from truce.publish.period import Period
from truce.store import Store

TEMPLATES = Path(__file__).parent / "templates"
FORMATS = ("html", "pdf")
METRICS = {"incidents": "incidents", "violent": "violent incidents (attacks, coercion)",
           "violations": "violations", "possible_violations": "possible violations",
           "observed": "explosions, shots and sightings counted by observers", "fatalities": "fatalities reported"}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["when"] = _when
    return env


def _when(moment: Any) -> str:
    return f"{moment:%d %b %Y %H:%M} UTC" if moment is not None else "time unknown"


def figures(content: Content) -> dict[str, tuple[int, int]]:
    """(this period, previous period) of each headline figure."""
    now, before = totals(content.entries), totals(content.earlier)
    return {k: (now[k], before[k]) for k in METRICS}


def type_area_rows(content: Content) -> list[tuple[str, str, int, int]]:
    """(area, type, this period, previous) for every pair seen in either period."""
    now, before = by_type_and_area(content.entries), by_type_and_area(content.earlier)
    keys = sorted(set(now) | set(before), key=lambda k: (k[1], k[0]))
    return [(area, kind, now[(kind, area)], before[(kind, area)]) for kind, area in keys]


def _clause_titles(content: Content) -> dict[tuple[str, str], str]:
    return {(a.id, c.id): c.title for a in content.scope.agreements for c in a.clauses}


def _map(content: Content, observations: list[Line]) -> str:
    markers = [svgmap.Marker(e.incident.location.lon, e.incident.location.lat, e.standing, e.number,
                             e.standing in ("violation", "possible_violation"))
               for e in content.entries if e.incident.location and e.incident.location.lat is not None
               and e.incident.location.lon is not None]
    posts = {(line.lon, line.lat): line.observer for line in observations
             if line.lat is not None and line.lon is not None}
    shown = {v.agreement_id for e in content.entries for v in e.verdicts}
    agreements = [a for a in content.scope.agreements if a.id in shown or content.scope.agreement_ids]
    areas = [(a.name, a.area_geometry) for a in agreements if a.area_geometry is not None]
    contact = [(f"{a.name}: {line.name or line.id}", geom) for a in agreements
               for line in a.lines for lid, geom in a.line_geometries.items() if lid == line.id]
    return svgmap.draw(markers, [svgmap.Post(lon, lat, name) for (lon, lat), name in sorted(posts.items())],
                       areas, contact)


def _decisions(store: Store, entries: list[Entry]) -> dict[str, list[Any]]:
    return {e.incident.id: store.decisions(e.incident.id) for e in entries if e.incident.corrections
            or e.incident.parent or e.standing in ("violation", "possible_violation")}


def _comparison(store: Store, period: Period) -> Any:
    from truce.publish.compare import compare

    result = compare(store, period.first, period.last)
    return result if result.acled_total else None


def html(store: Store, period: Period, area: str | None, audience: str) -> str:
    """The report as one self-contained HTML page."""
    if audience not in AUDIENCES:
        raise InputRejected("E723", f"audience '{audience}' is unknown", hint=f"use one of {', '.join(AUDIENCES)}",
                            where="--audience")
    content = gather(store, period, area, audience)
    observations = lines(store, content.entries, period)
    standing_days = Counter(e.standing for e in content.entries)
    context = {
        "c": content, "figures": figures(content), "metrics": METRICS, "rows": type_area_rows(content),
        "clauses": _clause_titles(content), "observations": observations, "standing_days": standing_days,
        "map": _map(content, observations), "area_of": area_of,
        "trend": chart.draw(content.trend, (period.first.isoformat(), period.last.isoformat())),
        "decisions": _decisions(store, content.entries) if audience == "mission" else {},
        "comparison": _comparison(store, period) if audience != "public" else None,
        "css": (TEMPLATES / "report.css").read_text(encoding="utf-8"),
    }
    return _environment().get_template("report.html").render(**context)


def render(store: Store, period: Period, area: str | None, audience: str, format: str) -> bytes:
    """The report for `period` (see `truce.publish.period.Period`), `area` (an agreement id or
    name, a place name, or None for all), `audience` (public, parties, mission) as `format`
    (html or pdf), as bytes."""
    if format not in FORMATS:
        raise InputRejected("E724", f"report format '{format}' is unknown", hint="use html or pdf", where="--format")
    page = html(store, period, area, audience)
    if format == "html":
        return page.encode("utf-8")
    return pdf(page)


def pdf(page: str) -> bytes:
    """An HTML page laid out as PDF by WeasyPrint (no network: the page refers to nothing outside)."""
    try:
        from weasyprint import HTML
    except OSError as exc:  # WeasyPrint loads Pango through cffi: a missing library is an OSError
        raise InputRejected("E725", f"PDF reports need the Pango libraries: {exc}",
                            hint="install Debian's libpango-1.0-0 and libpangoft2-1.0-0 (make system-deps), "
                                 "or write --format html", where="--format pdf") from None
    return bytes(HTML(string=page, base_url=str(TEMPLATES), url_fetcher=_no_fetch).write_pdf())


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise InputRejected("E726", f"the report refers to {url}, which would need a fetch",
                        hint="reports are self-contained; report this as a bug", where="report")
