"""A bounded schemathesis run against the console's OpenAPI spec, signed in as an analyst (so
requests reach past authorization): no request may get a server error."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

EXAMPLES = 6  # per operation: bounded, derandomised, so the run takes about a minute


@pytest.mark.slow
def test_no_operation_gives_a_server_error(site: Any) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", site.app)
    headers = site.headers("analyst")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 25
    failures: list[str] = []
    calls = 0
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case: Any) -> None:
            nonlocal calls
            response = case.call(headers=headers)
            calls += 1
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path}: {response.status_code} {response.text[:300]}")

        run()
    assert calls >= len(operations)
    assert not failures, "\n".join(failures[:20])
