"""The options of a real-data evaluation run, checked once, with a coded one-line error each."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from truce.errors import TruceError
from truce.evaluation.split import SPLITS

MEASURES = ("geo", "ucdp", "wikinews", "re3d", "gsr", "cep")
FORMATS = ("text", "json")


@dataclass(frozen=True, slots=True)
class EvalOptions:
    data: Path
    split: str = "dev"
    only: tuple[str, ...] = MEASURES
    limit: int | None = None
    fmt: str = "text"


def data_folder(given: str | None, cwd: Path | None = None) -> Path:
    """The folder holding the data sets: --data, else ../shared/data from the current folder."""
    if given is not None:
        folder = Path(given)
        if not folder.is_dir():
            raise TruceError("E240", f"no such data folder: {given}", where="--data",
                             hint="give the folder that holds geovirus/, ucdp-ged/, ... (e.g. ../shared/data)")
        return folder
    folder = (cwd or Path.cwd()) / ".." / "shared" / "data"
    if not folder.is_dir():
        # the code `truce eval` has always given when told nothing to score
        raise TruceError("E214", f"nothing to evaluate: no folder, --gold or --data given, and the default "
                         f"data folder {folder.resolve()} does not exist",
                         hint="pass --data DIR (the folder holding geovirus/, ucdp-ged/, ...), a folder of "
                              "*.expect.json files, or --gold FILE")
    return folder


def parse_options(data: str | None, split: str, only: str | None, limit: int | None, fmt: str) -> EvalOptions:
    """Checked options; raises TruceError (E214, E240, E242-E245) naming the wrong one."""
    if split not in SPLITS:
        raise TruceError("E242", f"--split '{split}' is not known", hint="use dev, test or all")
    chosen = MEASURES if only is None else tuple(dict.fromkeys(m.strip() for m in only.split(",") if m.strip()))
    unknown = [m for m in chosen if m not in MEASURES]
    if unknown or not chosen:
        raise TruceError("E243", f"--only '{only}' names no known measure" if not chosen else
                         f"--only: '{', '.join(unknown)}' is not a measure", hint=f"use {', '.join(MEASURES)}")
    if limit is not None and limit < 1:
        raise TruceError("E244", f"--limit {limit} is below 1", hint="give a whole number of items, 1 or more")
    if fmt not in FORMATS:
        raise TruceError("E245", f"--format '{fmt}' is not known", hint="use text or json")
    return EvalOptions(data_folder(data), split, chosen, limit, fmt)
