"""The demo scenario end to end: ingest demo/, extract, fuse, adjudicate — and compare with the
incidents and verdicts written down in demo/expected.yaml before the pipeline was run."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from truce import pipeline
from truce.model import Incident, Verdict
from truce.store import open_store

DEMO = Path(__file__).resolve().parents[2] / "demo"
# The report folders; demo/README.md and demo/expected.yaml describe the scenario and are not reports.
SOURCES = [str(DEMO / d) for d in ("news", "feeds", "field", "sensors")]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _matches(inc: Incident, verdict: Verdict | None, want: dict[str, Any]) -> bool:
    if "type" in want and inc.type != want["type"]:
        return False
    if "date" in want:
        day = want["date"] if isinstance(want["date"], date) else date.fromisoformat(str(want["date"]))
        if inc.start is None or inc.end is None or not (inc.start.date() <= day <= inc.end.date()):
            return False
    if "near" in want:
        lat, lon, km = want["near"]
        if inc.location is None or inc.location.lat is None or inc.location.lon is None:
            return False
        if _km(inc.location.lat, inc.location.lon, lat, lon) > km:
            return False
    if "date_before" in want:
        # Wholly before: an incident known only as "this week" may have happened on the first day of
        # the scenario, so only one that ends before the bound is background.
        bound = date.fromisoformat(str(want["date_before"]))
        last = inc.end or inc.start
        if last is None or last.date() >= bound:
            return False
    if "verdict" in want and (verdict is None or verdict.verdict != want["verdict"]):
        return False
    if "party" in want and (verdict is None or verdict.party != want["party"]):
        return False
    if "independent_sources" in want and inc.independent_sources != want["independent_sources"]:
        return False
    if "min_independent_sources" in want and inc.independent_sources < want["min_independent_sources"]:
        return False
    return not ("observation_count" in want and inc.observation_count != want["observation_count"])


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Incident], list[Verdict], dict[str, Any]]:
    if not (DEMO / "expected.yaml").exists():
        pytest.fail("demo/expected.yaml is missing")
    expected = yaml.safe_load((DEMO / "expected.yaml").read_text(encoding="utf-8"))
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite'}")
    summary = pipeline.ingest(store, SOURCES)
    assert summary.rejected == 0, summary.problems
    pipeline.extract_pending(store)
    incidents = pipeline.fuse_store(store)
    verdicts = [v for v in pipeline.adjudicate_store(store) if v.agreement_id == expected["agreement"]]
    return incidents, verdicts, expected


@pytest.mark.slow
def test_every_expected_incident_is_found_with_its_verdict(demo_run: Any) -> None:
    incidents, verdicts, expected = demo_run
    by_incident = {v.incident_id: v for v in verdicts}
    missing = [
        want.get("key", want.get("why"))
        for want in expected["incidents"]
        if not any(_matches(i, by_incident.get(i.id), want) for i in incidents)
    ]
    assert not missing, f"expected incidents not found: {missing}"


@pytest.mark.slow
def test_no_forbidden_incident_exists(demo_run: Any) -> None:
    incidents, verdicts, expected = demo_run
    by_incident = {v.incident_id: v for v in verdicts}
    found = [
        want.get("why") for want in expected.get("must_not", [])
        if any(_matches(i, by_incident.get(i.id), want) for i in incidents)
    ]
    assert not found, f"incidents that must not exist: {found}"


@pytest.mark.slow
def test_rerunning_the_pipeline_changes_nothing(demo_run: Any, tmp_path: Path) -> None:
    incidents, _, _ = demo_run
    store = open_store(f"sqlite:///{tmp_path / 'again.sqlite'}")
    pipeline.ingest(store, SOURCES)
    pipeline.extract_pending(store)
    again = pipeline.fuse_store(store)
    assert [i.to_dict() for i in again] == [i.to_dict() for i in incidents]


@pytest.mark.slow
def test_every_assault_incident_is_one_written_down(demo_run: Any) -> None:
    """Exactly the expected violent incidents: none split, none invented from background or denials."""
    incidents, verdicts, expected = demo_run
    by_incident = {v.incident_id: v for v in verdicts}
    wanted = [w for w in expected["incidents"] if w.get("type") == "ASSAULT"]
    unexpected = [
        (i.type, i.start.isoformat() if i.start else None, i.location.name if i.location else None)
        for i in incidents
        if i.type == "ASSAULT" and not any(_matches(i, by_incident.get(i.id), w) for w in wanted)
    ]
    assert not unexpected, f"ASSAULT incidents not in demo/expected.yaml: {unexpected}"
