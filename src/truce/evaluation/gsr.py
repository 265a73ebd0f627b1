"""PLOVER GSR reader (`plover-gsr/PLOVER_GSR_CAMEO.json`): coded news sentences.

Reading and scoring are `truce.extract.plover`'s (`load_gold`, `score_gold`); this module only
keeps the records of one split. Licence CC BY-SA 4.0, Open Event Data Alliance.
"""

from __future__ import annotations

from pathlib import Path

from truce.evaluation.records import GsrSentence, Loaded

FILE = "plover-gsr/PLOVER_GSR_CAMEO.json"


def read_gsr(path: Path) -> Loaded[GsrSentence]:
    """The scorable GSR records (those plover.load_gold keeps), in file order."""
    from truce.extract.plover import load_gold

    records = load_gold(path)
    items = [GsrSentence(f"{path.name}[{index}]", str(r["text"]), r) for index, r in enumerate(records)]
    return Loaded(items, len(items))
