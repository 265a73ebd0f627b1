"""Fusion's port of the store: it lists exactly what fusion calls, and the store provides it."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from truce.foundation.fusion_state import NEW, PENDING, ItemRow
from truce.fusion.incremental import load_items, prepare
from truce.fusion.ports import FusionStore
from truce.store import Store, open_store

FUSION = Path(__file__).resolve().parents[2] / "src" / "truce" / "fusion"


def _port_methods() -> set[str]:
    return {name for name, value in vars(FusionStore).items() if inspect.isfunction(value) and not name.startswith("_")}


def _called_on_a_store() -> set[str]:
    """Every `store.<method>` fusion's modules use (the parameter is named `store` throughout)."""
    called: set[str] = set()
    for path in sorted(FUSION.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "store":
                called.add(node.attr)
    return called


def test_the_port_lists_exactly_the_methods_fusion_calls() -> None:
    called = _called_on_a_store()
    assert len(called) > 10
    assert called == _port_methods()


def test_the_store_has_every_method_of_the_port_with_its_signature() -> None:
    methods = _port_methods()
    assert methods
    for name in sorted(methods):
        port = inspect.signature(getattr(FusionStore, name))
        real = inspect.signature(getattr(Store, name))
        assert list(port.parameters.values()) == list(real.parameters.values()), name


def test_a_store_is_a_fusion_store_and_gives_typed_item_rows(store_url, make_report, make_event,
                                                             make_observation) -> None:
    store = open_store(store_url)
    assert isinstance(store, FusionStore)
    report = make_report("Shelling near Shusha overnight.", "Reuters")
    field = make_report("Team 1 heard two blasts.", kind="field")
    store.add_reports([(report, []), (field, [make_observation(field, "2023-09-21T02:00:00+00:00")])])
    store.save_extraction([(report.id, [make_event(report, "Shelling hit Shusha.")])], "test.v1")
    rows = store.item_rows("event", state=NEW, limit=10) + store.item_rows("observation", state=NEW, limit=10)
    assert len(rows) == 2
    assert all(isinstance(r, ItemRow) and r.unplaced is False and r.t0 is None for r in rows)
    assert {r.report_id for r in rows} == {report.id, field.id}
    assert prepare(store) == 2
    dated = store.item_rows("event", state=PENDING, limit=10) + store.item_rows("observation", state=PENDING, limit=10)
    assert len(dated) == 2 and all(r.t0 is not None and r.t1 is not None for r in dated)
    store.close()


def test_a_place_an_older_version_dropped_stays_dropped(store_url, make_report, make_event) -> None:
    """The `unplaced` flag crosses the port on `ItemRow`, and the item fuses without its place."""
    store = open_store(store_url)
    report = make_report("Shelling near Shusha, said one outlet.", "Reuters")
    kept, dropped = make_event(report, "Shelling hit Shusha.", tag="a"), make_event(report, "Fire on Shusha.", tag="b")
    store.add_reports([(report, [])])
    store.save_extraction([(report.id, [kept, dropped])], "test.v1")
    store.set_item_times("event", [(kept.id, 1.0, 2.0, False, PENDING), (dropped.id, 1.0, 2.0, True, PENDING)])
    rows = {r.id: r for r in store.item_rows("event", state=PENDING, limit=10)}
    assert {i: r.unplaced for i, r in rows.items()} == {kept.id: False, dropped.id: True}
    items, _ = load_items(list(rows.values()), [], store.report_heads([report.id]))
    placed = {i.id: (i.lat, i.place) for i in items}
    assert placed[kept.id][0] is not None and placed[kept.id][1] is not None
    assert placed[dropped.id] == (None, None)
    store.close()
