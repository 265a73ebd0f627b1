"""The seed article read with the 20 September 2023 agreement: Azerbaijan's offensive of 19 September
came before the ceasefire took effect, so it does not violate it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from truce import pipeline
from truce.store import open_store


@pytest.mark.slow
def test_seed_offensive_is_not_a_violation_of_the_ceasefire_that_followed(shared_dir: Path, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'seed.sqlite'}")
    summary = pipeline.ingest(store, [str(shared_dir / "seed" / "karabakh-2023-09-21.txt")],
                              published=datetime(2023, 9, 21, tzinfo=UTC))
    assert summary.ingested == 1
    pipeline.extract_pending(store)
    incidents = pipeline.fuse_store(store)
    verdicts = {v.incident_id: v for v in pipeline.adjudicate_store(store) if v.agreement_id == "karabakh-2023-09-20"}
    offensive = [i for i in incidents if i.type == "ASSAULT" and i.start and i.start.date().isoformat() == "2023-09-19"]
    assert offensive, "the 19 September offensive should be an incident"
    for incident in offensive:
        verdict = verdicts[incident.id]
        assert verdict.verdict == "not_a_violation", verdict.explanation
        assert "before" in verdict.explanation
    # Turkey is not an attacker in this article, whatever the agreement.
    assert not [i for i in incidents if i.type == "ASSAULT" and i.actor_country == "TUR"]
