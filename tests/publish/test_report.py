"""The demo's daily situation report: the PDF renders with no blank page and carries the counts and
the violation; every number in it is recomputed here from the store; audiences and areas."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from truce.model import Incident, Verdict
from truce.publish.period import Period
from truce.publish.report import render
from truce.store import Store

DAY = date(2023, 9, 21)
GRAVITY = ("violation", "possible_violation", "not_a_violation", "out_of_scope")


def _standing(verdicts: list[Verdict], agreements: set[str] | None = None) -> str:
    found = {v.verdict for v in verdicts if agreements is None or v.agreement_id in agreements}
    return next((g for g in GRAVITY if g in found), "unjudged")


def recount(store: Store, first: date, last: date, agreements: set[str] | None = None,
            only: set[str] | None = None) -> tuple[dict[str, int], Counter[tuple[str, str]]]:
    """The report's figures for first..last, computed straight from the store's incidents and verdicts."""
    by_incident: dict[str, list[Verdict]] = {}
    for v in store.verdicts():
        by_incident.setdefault(v.incident_id, []).append(v)
    chosen: list[Incident] = [i for i in store.incidents() if i.start is not None
                              and first <= i.start.astimezone(UTC).date() <= last
                              and (only is None or i.id in only)]
    standing = Counter(_standing(by_incident.get(i.id, []), agreements) for i in chosen)
    figures = {"incidents": len(chosen), "violent": sum(i.type in ("ASSAULT", "COERCE") for i in chosen),
               "violations": standing["violation"], "possible_violations": standing["possible_violation"],
               "observed": sum(i.observation_count for i in chosen),
               "fatalities": sum(i.fatalities or 0 for i in chosen)}
    areas = Counter((i.type, (i.location.admin1 or i.location.name or i.location.text) if i.location else "unplaced")
                    for i in chosen)
    return figures, areas


class _Figures(HTMLParser):
    """Reads the figures a report's HTML marks: data-metric rows and data-type/data-area rows."""

    def __init__(self) -> None:
        super().__init__()
        self.metrics: dict[str, list[int]] = {}
        self.rows: dict[tuple[str, str], list[int]] = {}
        self._metric: str | None = None
        self._row: tuple[str, str] | None = None
        self._cell: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "tr":
            self._metric = a.get("data-metric")
            self._row = (a["data-type"] or "", a["data-area"] or "") if "data-type" in a else None
        if tag == "td" and a.get("class") in ("now", "before"):
            if self._metric and a.get("data-value") is not None:
                self.metrics.setdefault(self._metric, []).append(int(a["data-value"] or 0))
            self._cell = a.get("class") if self._row else None

    def handle_data(self, data: str) -> None:
        if self._cell and self._row and data.strip():
            self.rows.setdefault(self._row, []).append(int(data.strip()))
            self._cell = None


def _figures(html: str) -> _Figures:
    parser = _Figures()
    parser.feed(html)
    assert parser.metrics, "the report marks no figures"
    return parser


def _html(store: Store, audience: str = "mission", area: str | None = None, day: date = DAY) -> str:
    return render(store, Period(day, day), area, audience, "html").decode("utf-8")


def test_every_number_is_the_stores(demo_store: Store) -> None:
    parsed = _figures(_html(demo_store))
    now, areas_now = recount(demo_store, DAY, DAY)
    before, areas_before = recount(demo_store, DAY - timedelta(days=1), DAY - timedelta(days=1))
    assert now["incidents"] > 0 and now["violations"] >= 1
    assert {k: v[0] for k, v in parsed.metrics.items()} == now
    assert {k: v[1] for k, v in parsed.metrics.items()} == before
    expected = {key: [areas_now[key], areas_before[key]] for key in set(areas_now) | set(areas_before)}
    assert parsed.rows == expected


def test_a_week_and_its_previous_week(demo_store: Store) -> None:
    first, last = date(2023, 9, 19), date(2023, 9, 25)
    parsed = _figures(render(demo_store, Period(first, last), None, "mission", "html").decode())
    now, _ = recount(demo_store, first, last)
    before, _ = recount(demo_store, first - timedelta(days=7), first - timedelta(days=1))
    assert now["incidents"] >= 20
    assert {k: v[0] for k, v in parsed.metrics.items()} == now
    assert {k: v[1] for k, v in parsed.metrics.items()} == before


def test_area_named_by_agreement_counts_its_verdicts_only(demo_store: Store) -> None:
    html = _html(demo_store, area="karabakh-2023-09-20")
    assert "karabakh-2020-11-10" not in html
    parsed = _figures(html)
    assert parsed.metrics["violations"][0] == recount(demo_store, DAY, DAY, {"karabakh-2023-09-20"})[0]["violations"]


def _publish(store_path: Path, incident_ids: list[str]) -> None:
    """What the console's review lifecycle records when a finding is published (a table of its own)."""
    # The console's review table (migration 0003): a confirmed finding is a published one.
    with sqlite3.connect(store_path) as conn:
        conn.executemany(
            "INSERT INTO review_status (incident_id, status, round, updated, updated_by) "
            "VALUES (?, 'confirmed', 1, '2023-09-22T00:00:00+00:00', 'test')", [(i,) for i in incident_ids])


def test_public_sees_published_findings_only(store_copy: tuple[Store, Path]) -> None:
    store, home = store_copy
    nothing = _figures(_html(store, "public"))
    assert all(v[0] == 0 for v in nothing.metrics.values())
    violation = next(v for v in store.verdicts() if v.verdict == "violation"
                     and (i := store.incident(v.incident_id)) and i.start and i.start.date() == DAY)
    _publish(home / "truce.sqlite", [violation.incident_id])
    html = _html(store, "public")
    parsed = _figures(html)
    assert {k: v[0] for k, v in parsed.metrics.items()} == recount(store, DAY, DAY, only={violation.incident_id})[0]
    assert parsed.metrics["incidents"][0] == 1 and parsed.metrics["violations"][0] == 1
    assert violation.explanation.split(":")[0] in html
    hidden = [i for i in store.incidents() if i.start and i.start.date() == DAY and i.id != violation.incident_id]
    assert hidden and not any(i.id in html for i in hidden)
    assert violation.incident_id not in html  # the public edition shows no internal ids either


def _pdftools() -> None:
    for tool in ("pdftoppm", "pdftotext"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is missing: install Debian's poppler-utils (make system-deps)")


@pytest.fixture(scope="module")
def daily_pdf(demo_home: Path, tmp_path_factory: pytest.TempPathFactory, cli: Callable[..., Any]) -> Path:
    out = tmp_path_factory.mktemp("report") / "daily.pdf"
    done = cli("report", "--date", DAY.isoformat(), "--format", "pdf", "--out", str(out), home=demo_home)
    assert out.read_bytes().startswith(b"%PDF-"), done.stderr
    return out


def test_daily_pdf_renders_with_no_blank_page(daily_pdf: Path, tmp_path: Path) -> None:
    from PIL import Image

    _pdftools()
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(daily_pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2
    for page in pages:
        grey = Image.open(page).convert("L")
        inked = sum(grey.histogram()[:200])  # pixels darker than light grey
        assert inked / (grey.width * grey.height) > 0.005, f"{page.name} is blank"


def test_daily_pdf_text_has_the_counts_and_the_violation(daily_pdf: Path, demo_store: Store) -> None:
    _pdftools()
    text = subprocess.run(["pdftotext", "-layout", str(daily_pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    flat = " ".join(text.split())
    now, _ = recount(demo_store, DAY, DAY)
    before, _ = recount(demo_store, DAY - timedelta(days=1), DAY - timedelta(days=1))
    for label, key in (("incidents", "incidents"), ("violations", "violations"),
                       ("possible violations", "possible_violations")):
        line = next(ln for ln in text.splitlines() if re.match(rf"\s*{label}\s+\d", ln))
        assert line.split()[-3:-1] == [str(now[key]), str(before[key])], line
    shown = [v for v in demo_store.verdicts() if v.verdict == "violation" and v.agreement_id == "karabakh-2023-09-20"
             and (i := demo_store.incident(v.incident_id)) and i.start and i.start.date() == DAY]
    assert shown, "the demo's violation of 21 September is missing from the store"
    for v in shown:  # what `truce run` prints for it, word for word
        assert " ".join(v.explanation.split()) in flat


def test_report_needs_a_period(demo_home: Path, cli: Callable[..., Any]) -> None:
    done = cli("report", home=demo_home, check=False)
    err = done.stderr.decode()
    assert done.returncode == 2 and "[E721]" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
