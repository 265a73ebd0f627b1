"""PLOVER types grouped into the families incidents are made within.

ASSAULT stands alone: a shot fired never fuses with a statement about it. Words and deeds of
conflict fuse within their families (a type confused for its neighbour still meets its
incident); acts of cooperation stand apart by type, because an agreement, the talks that follow
it and an aid convoy are separate happenings even when one article tells of all three. Fusion
compares items by family; the store looks up candidate incidents by it.
"""

from __future__ import annotations

FAMILY: dict[str, str] = {
    "ASSAULT": "violence",
    "MOBILIZE": "force", "COERCE": "force", "SANCTION": "force",
    "ACCUSE": "verbal-conflict", "REJECT": "verbal-conflict", "THREATEN": "verbal-conflict",
    "PROTEST": "verbal-conflict",
    "SUPPORT": "verbal-cooperation", "REQUEST": "verbal-cooperation",
}  # fmt: skip


def family_of(type_: str) -> str:
    """The fusion family of a PLOVER type (unknown types are their own family)."""
    return FAMILY.get(type_, type_)
