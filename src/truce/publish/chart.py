"""The report's trend chart: incidents a day, stacked by standing, drawn as SVG."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape

from truce.publish.svgmap import COLOURS, LABELS

WIDTH, HEIGHT = 720, 230
LEFT, RIGHT, TOP, BOTTOM = 40, 12, 30, 42
STACK = ("violation", "possible_violation", "not_a_violation", "out_of_scope", "unjudged")


def _ticks(top: int) -> list[int]:
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000) if top / s <= 5)
    return list(range(0, top + step, step))


def draw(days: Sequence[tuple[str, Counter[str]]], highlight: tuple[str, str]) -> str:
    """Stacked bars, one a day; the days from `highlight[0]` to `highlight[1]` (ISO) are the
    report's period and are marked."""
    if not days:
        return ""
    peak = max(1, max(sum(c.values()) for _, c in days))
    ticks = _ticks(peak)
    top = ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(days)
    bar = max(2.0, slot * 0.7)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="trend" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
           f'height="{HEIGHT}" font-family="DejaVu Sans, sans-serif">']
    for t in ticks:
        y = TOP + plot_h - plot_h * t / top
        out.append(f'<path d="M{LEFT} {y:.1f} L{WIDTH - RIGHT} {y:.1f}" stroke="#eceff1"/>'
                   f'<text x="{LEFT - 6}" y="{y + 3:.1f}" font-size="9" fill="#546e7a" text-anchor="end">{t}</text>')
    label_every = max(1, round(len(days) / 14))
    for i, (day, counts) in enumerate(days):
        x = LEFT + i * slot + (slot - bar) / 2
        inside = highlight[0] <= day <= highlight[1]
        if inside:
            out.append(f'<rect x="{LEFT + i * slot:.1f}" y="{TOP}" width="{slot:.1f}" height="{plot_h}" '
                       f'fill="#fff8e1"/>')
        base = float(TOP + plot_h)
        for standing in STACK:
            n = counts.get(standing, 0)
            if n:
                h = plot_h * n / top
                base -= h
                out.append(f'<rect x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                           f'fill="{COLOURS[standing]}"><title>{day}: {n} {LABELS[standing]}</title></rect>')
        if i % label_every == 0 or inside:
            d = date.fromisoformat(day)
            weight = ' font-weight="bold"' if inside else ""
            out.append(f'<text x="{LEFT + i * slot + slot / 2:.1f}" y="{HEIGHT - BOTTOM + 14}" font-size="9" '
                       f'fill="#37474f" text-anchor="middle"{weight}>{d:%d %b}</text>')
    out.append(f'<path d="M{LEFT} {TOP + plot_h} L{WIDTH - RIGHT} {TOP + plot_h}" stroke="#90a4ae"/>')
    x = LEFT
    for standing in STACK[:4]:
        out.append(f'<rect x="{x}" y="8" width="10" height="10" fill="{COLOURS[standing]}"/>'
                   f'<text x="{x + 14}" y="17" font-size="10" fill="#263238">{escape(LABELS[standing])}</text>')
        x += 24 + 6 * len(LABELS[standing])
    out.append(f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - 6}" font-size="9" fill="#546e7a" text-anchor="end">'
               f'incidents a day by the day they began (UTC)</text>')
    out.append("</svg>")
    return "\n".join(out)
