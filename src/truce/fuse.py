"""Events → incidents. The implementation lives in the `truce.fusion` package; this module keeps
the stage's entry point where DESIGN.md puts it: `from truce.fuse import fuse`."""

from truce.fusion import fuse

__all__ = ["fuse"]
