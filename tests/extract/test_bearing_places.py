"""A place named after a distance and a bearing ("30 km north of Djibo") is a place mention."""
from __future__ import annotations

import pytest

from truce.extract.helpers import bearing_places


def test_place_after_distance_and_bearing_is_a_place() -> None:
    pytest.importorskip("truce.geo.resolve")
    from truce.nlp import load_nlp

    doc = load_nlp()("Gunmen ambushed a bus about 30 km north of Djibo on Friday.")
    found = bearing_places(doc, [])
    if not found:
        pytest.skip("gazetteer without Djibo")
    assert [doc.text[p.start:p.end] for p in found] == ["Djibo"]
    assert found[0].country == "BFA"
    # a mention the geoparser already found is not added twice
    assert bearing_places(doc, found) == []
