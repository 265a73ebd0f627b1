#!/usr/bin/env python3
"""Rebuild the event classifier Truce ships (src/truce/extract/models/event-types) from our own
sentences and the dev split of the shared real data (../shared/data), as docs/classifier.md says.

usage (from the repository root): .venv/bin/python scripts/train_classifier.py [--data DIR] [--out DIR]
The result is deterministic: the same data and library versions give the same figures.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from truce.errors import TruceError
from truce.extract.training import artifact, fit, shipped


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"), help="the shared data folder")
    parser.add_argument("--out", type=Path, default=shipped.FOLDER, help="model folder to write")
    args = parser.parse_args(argv)
    if not (args.data / "ucdp-ged").is_dir():
        print(f"error: no shared data in {args.data} (give --data DIR)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    parts = shipped.sources(args.data)
    samples = shipped.assemble(parts)
    info = {"name": shipped.NAME, "version": shipped.VERSION,
            "licences": {"ucdp": "CC BY 4.0", "gsr": "CC BY-SA 4.0", "cep": "CC BY-SA 3.0", "team": "Truce's own"},
            "split": "dev split of each shared data set (sha256 of the folded text, 30% held out as test)"}
    model = fit.fit(samples, info=info)
    artifact.save(model, args.out)
    size = sum(p.stat().st_size for p in args.out.iterdir()) / 1e6
    print(f"{model.name}: {len(samples)} samples ({', '.join(f'{k} {len(v)}' for k, v in parts.items())}), "
          f"heads {', '.join(model.heads)}; {size:.1f} MB in {args.out}; {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except TruceError as err:
        print(f"error: {err}", file=sys.stderr)
        sys.exit(2)
