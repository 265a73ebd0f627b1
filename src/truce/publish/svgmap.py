"""The report's map, drawn as SVG with no network: country outlines (countryinfo), the agreements'
areas and lines of contact, observers' positions, and each incident coloured by its standing."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from truce.publish.outlines import countries, outlines_in

WIDTH = 720
MAX_HEIGHT = 520
COLOURS = {"violation": "#c62828", "possible_violation": "#ef6c00", "not_a_violation": "#607d8b",
           "out_of_scope": "#b0bec5", "unjudged": "#9e9e9e"}
LABELS = {"violation": "violation", "possible_violation": "possible violation", "not_a_violation": "not a violation",
          "out_of_scope": "out of scope", "unjudged": "not judged"}
_MIN_SPAN_DEG = 0.6


@dataclass(frozen=True, slots=True)
class Marker:
    lon: float
    lat: float
    standing: str
    number: int
    label: bool  # numbered on the map (a finding)


@dataclass(frozen=True, slots=True)
class Post:
    """Where an observer stood."""

    lon: float
    lat: float
    name: str


class Frame:
    """An equirectangular projection of a lon/lat box onto the drawing, true to scale at its middle."""

    def __init__(self, bounds: tuple[float, float, float, float]):
        min_lon, min_lat, max_lon, max_lat = bounds
        self.bounds = bounds
        self.k = math.cos(math.radians((min_lat + max_lat) / 2))
        self.scale = WIDTH / ((max_lon - min_lon) * self.k)
        self.height = min(MAX_HEIGHT, round((max_lat - min_lat) * self.scale))
        self.scale = min(self.scale, MAX_HEIGHT / (max_lat - min_lat))

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.bounds[0]) * self.k * self.scale, (self.bounds[3] - lat) * self.scale)

    def path(self, geometry: BaseGeometry) -> str:
        parts: list[str] = []
        for ring in _rings(geometry.simplify(0.5 / self.scale, preserve_topology=True)):
            points = [self.xy(x, y) for x, y in ring]
            if len(points) >= 2:
                parts.append("M" + " L".join(f"{x:.1f} {y:.1f}" for x, y in points))
        return " ".join(parts)


def _rings(geometry: BaseGeometry) -> Iterable[Sequence[tuple[float, float]]]:
    kind = geometry.geom_type
    if kind == "Polygon":
        yield list(geometry.exterior.coords)
        for hole in geometry.interiors:
            yield list(hole.coords)
    elif kind in ("LineString", "LinearRing"):
        yield list(geometry.coords)
    elif kind.startswith("Multi") or kind == "GeometryCollection":
        for part in geometry.geoms:
            yield from _rings(part)


def bounds_for(markers: Sequence[Marker], areas: Sequence[BaseGeometry]) -> tuple[float, float, float, float] | None:
    """The box to draw: the areas and the markers, with a margin, at least `_MIN_SPAN_DEG` wide."""
    boxes = [g.bounds for g in areas] + [(m.lon, m.lat, m.lon, m.lat) for m in markers]
    if not boxes:
        return None
    min_lon, min_lat = min(b[0] for b in boxes), min(b[1] for b in boxes)
    max_lon, max_lat = max(b[2] for b in boxes), max(b[3] for b in boxes)
    cx, cy = (min_lon + max_lon) / 2, (min_lat + max_lat) / 2
    half_w = max((max_lon - min_lon) * 0.58, _MIN_SPAN_DEG / 2)
    half_h = max((max_lat - min_lat) * 0.58, _MIN_SPAN_DEG / 3)
    return (max(-180.0, cx - half_w), max(-85.0, cy - half_h), min(180.0, cx + half_w), min(85.0, cy + half_h))


def draw(markers: Sequence[Marker], posts: Sequence[Post], areas: Sequence[tuple[str, BaseGeometry]],
         lines: Sequence[tuple[str, BaseGeometry]]) -> str:
    """The map as an SVG element ('' when there is nothing placed to draw)."""
    bounds = bounds_for(markers, [g for _, g in areas])
    if bounds is None:
        return ""
    f = Frame(bounds)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 {WIDTH} {f.height}" '
           f'width="{WIDTH}" height="{f.height}" font-family="DejaVu Sans, sans-serif">',
           f'<rect width="{WIDTH}" height="{f.height}" fill="#e8eff5"/>']
    out += _countries(f)
    frame = box(*bounds)
    for name, geometry in areas:
        clipped = geometry.intersection(frame)
        if not clipped.is_empty:
            out.append(f'<path d="{f.path(clipped)}" fill="#1e5aa0" fill-opacity="0.10" stroke="#1e5aa0" '
                       f'stroke-width="1.6" stroke-dasharray="6 3" fill-rule="evenodd">'
                       f'<title>{escape(name)}</title></path>')
    for name, geometry in lines:
        clipped = geometry.intersection(frame)
        if not clipped.is_empty:
            out.append(f'<path d="{f.path(clipped)}" fill="none" stroke="#7b1f1f" stroke-width="2.2" '
                       f'stroke-dasharray="8 4"><title>{escape(name)}</title></path>')
    for post in posts:
        x, y = f.xy(post.lon, post.lat)
        out.append(f'<path d="M{x:.1f} {y - 6:.1f} L{x + 5:.1f} {y + 4:.1f} L{x - 5:.1f} {y + 4:.1f} Z" '
                   f'fill="#263238"><title>{escape(post.name)}</title></path>')
    for m in sorted(markers, key=lambda m: (m.label, m.number)):
        out += _marker(f, m)
    out += _scale_bar(f)
    out += _legend(f, bool(posts), bool(lines))
    out.append("</svg>")
    return "\n".join(out)


def _countries(f: Frame) -> list[str]:
    out = []
    for iso3, outline in outlines_in(f.bounds):
        if outline.is_empty:
            continue
        out.append(f'<path d="{f.path(outline)}" fill="#f5f2ea" stroke="#a59d8f" stroke-width="0.8" '
                   f'fill-rule="evenodd"/>')
        point = outline.representative_point()
        x, y = f.xy(point.x, point.y)
        if outline.area * f.scale * f.scale * f.k > 4000:  # label only countries with room for it
            out.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="12" fill="#8d8577" text-anchor="middle" '
                       f'letter-spacing="1">{escape(countries()[iso3].name.upper())}</text>')
    return out


def _marker(f: Frame, m: Marker) -> list[str]:
    x, y = f.xy(m.lon, m.lat)
    r = 7.5 if m.label else 4.5
    out = [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{COLOURS.get(m.standing, "#9e9e9e")}" '
           f'stroke="#ffffff" stroke-width="1.2" fill-opacity="0.9"/>']
    if m.label:
        out.append(f'<text x="{x:.1f}" y="{y + 3.8:.1f}" font-size="10" font-weight="bold" fill="#ffffff" '
                   f'text-anchor="middle">{m.number}</text>')
    return out


def _scale_bar(f: Frame) -> list[str]:
    km_per_px = 111.32 / f.scale
    target = km_per_px * 120
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000) if s >= target / 2)
    px = step / km_per_px
    y = f.height - 14
    return [f'<rect x="10" y="{y - 14}" width="{px + 44:.0f}" height="22" fill="#ffffff" fill-opacity="0.8"/>',
            f'<path d="M16 {y} L{16 + px:.1f} {y}" stroke="#263238" stroke-width="2"/>',
            f'<text x="{20 + px:.1f}" y="{y + 4}" font-size="10" fill="#263238">{step} km</text>']


def _legend(f: Frame, posts: bool, lines: bool) -> list[str]:
    entries = [(LABELS[k], COLOURS[k]) for k in ("violation", "possible_violation", "not_a_violation")]
    height = 16 * (len(entries) + 1 + posts + lines) + 8
    x0 = WIDTH - 170
    out = [f'<rect x="{x0}" y="8" width="162" height="{height}" fill="#ffffff" fill-opacity="0.85" stroke="#cfd8dc"/>']
    y = 24
    for label, colour in entries:
        out.append(f'<circle cx="{x0 + 12}" cy="{y - 4}" r="5" fill="{colour}"/>'
                   f'<text x="{x0 + 24}" y="{y}" font-size="10" fill="#263238">{label}</text>')
        y += 16
    out.append(f'<rect x="{x0 + 6}" y="{y - 10}" width="12" height="9" fill="#1e5aa0" fill-opacity="0.15" '
               f'stroke="#1e5aa0" stroke-dasharray="3 2"/><text x="{x0 + 24}" y="{y}" font-size="10" '
               f'fill="#263238">agreement area</text>')
    y += 16
    if lines:
        out.append(f'<path d="M{x0 + 5} {y - 4} L{x0 + 19} {y - 4}" stroke="#7b1f1f" stroke-width="2" '
                   f'stroke-dasharray="4 2"/><text x="{x0 + 24}" y="{y}" font-size="10" fill="#263238">'
                   f'line of contact</text>')
        y += 16
    if posts:
        out.append(f'<path d="M{x0 + 12} {y - 10} L{x0 + 17} {y} L{x0 + 7} {y} Z" fill="#263238"/>'
                   f'<text x="{x0 + 24}" y="{y}" font-size="10" fill="#263238">observer position</text>')
    return out
