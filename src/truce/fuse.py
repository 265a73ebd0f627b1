"""Events → incidents. The implementation lives in the `truce.fusion` package; this module keeps
the stage's entry point where the architecture puts it: `from truce.fuse import fuse`.

It is also where fusion meets the store it is written against (docs/architecture.md): fusion knows
the store only as the port `truce.fusion.ports.FusionStore`, and `fusion_store` below is where mypy
proves that `truce.store.Store` satisfies that port (an assignment it checks structurally).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from truce.fusion import fuse

if TYPE_CHECKING:  # for mypy alone: importing the store here at run time would cost every reader of `fuse`
    from truce.fusion.ports import FusionStore
    from truce.store import Store

    def fusion_store(store: Store) -> FusionStore:
        """The store as fusion sees it: fails type checking when `Store` lacks a method of the port
        or gives one another signature."""
        return store

__all__ = ["fuse"]
