"""Regression: `import truce; truce.extract(a); truce.extract(b)` raised TypeError on the second call,
because the first call imported the subpackage `truce.extract` over the function of that name.

Each order of imports runs in a fresh interpreter: which modules are already imported is the point.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

FIRST = "Artillery shelled Martuni on Monday, officials said."
SECOND = "Drones struck a fuel depot near Kherson on Tuesday, the governor said."

SCRIPTS = {
    "package_first": """
        import truce
        first, second = truce.extract(FIRST), truce.extract(SECOND)
        third = truce.extract(FIRST)
        import truce.extract.classify as classify  # the subpackage is still importable as a module
        assert classify.__name__ == "truce.extract.classify"
        places = [truce.places(SECOND), truce.places(SECOND)]
    """,
    "subpackage_first": """
        import truce.extract.pipeline
        import truce
        first, second, third = truce.extract(FIRST), truce.extract(SECOND), truce.extract(FIRST)
        assert truce.extract.pipeline is truce.extract.pipeline  # attribute access into the package works
        places = [truce.places(SECOND), truce.places(SECOND)]
    """,
    "from_import": """
        from truce import extract, places as find_places
        import truce.extract.pipeline
        from truce.extract import pipeline
        first, second, third = extract(FIRST), extract(SECOND), extract(FIRST)
        assert pipeline.__name__ == "truce.extract.pipeline"
        places = [find_places(SECOND), find_places(SECOND)]
    """,
}

CHECKS = """
assert first and second, (first, second)
assert [e.to_dict() for e in third] == [e.to_dict() for e in first], "the same text gives the same events"
assert places[0] and [p.name for p in places[0]] == [p.name for p in places[1]], places
print("ok", len(first), len(second), len(places[0]))
"""


@pytest.mark.parametrize("order", sorted(SCRIPTS))
def test_extract_and_places_can_be_called_repeatedly_however_imported(order: str) -> None:
    script = f"FIRST = {FIRST!r}\nSECOND = {SECOND!r}\n" + textwrap.dedent(SCRIPTS[order]) + CHECKS
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=dict(os.environ),
                            timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.startswith("ok"), result.stdout


def test_extract_is_both_the_subpackage_and_the_function() -> None:
    import truce
    import truce.extract

    assert callable(truce.extract)
    assert truce.extract.__name__ == "truce.extract"
    assert sys.modules["truce.extract"] is truce.extract
