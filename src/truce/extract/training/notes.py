"""ACLED-style training notes of our own: `data/acled_templates.txt` expanded with the slots of
`data/slots.txt` and `data/acled_slots.txt`, each note labelled with the ACLED event type and
sub-event type its block names (and, through `corpus.acled_labels`, the PLOVER type, mode and
target those fix). They teach the `acled` and `sub` heads, which no shared data set can: the
shared data has no ACLED labels. Generated at training time, deterministically (fixed seed, file
order), so nothing generated is committed.
"""

from __future__ import annotations

import random
from pathlib import Path

from truce.extract.training.corpus import VAC, Sample, acled_labels
from truce.extract.training.generate import DATA, expand, load_slots, tidy

TEMPLATES = DATA / "acled_templates.txt"
SLOTS = DATA / "acled_slots.txt"
SEED = 20261203
PER_TEMPLATE = 14  # notes per template line: every sub-type gets about as many as it has templates
CODES = {"BAT": "Battles", "EXP": "Explosions/Remote violence", "VAC": VAC, "PRO": "Protests",
         "RIO": "Riots", "STR": "Strategic developments"}


def load_blocks(path: Path = TEMPLATES) -> list[tuple[str, str, list[str]]]:
    """(event type, sub-event type, templates) per `@acled CODE Sub-event type` block, in file order."""
    blocks: list[tuple[str, str, list[str]]] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("@acled "):
            code, _, sub = line[len("@acled "):].partition(" ")
            if code not in CODES or not sub.strip():
                raise ValueError(f"{path.name}:{number}: expected '@acled CODE Sub-event type', got {line!r}")
            blocks.append((CODES[code], sub.strip(), []))
        elif blocks:
            blocks[-1][2].append(line)
    return blocks


def generate(seed: int = SEED, per_template: int = PER_TEMPLATE) -> list[tuple[str, str, str]]:
    """(event type, sub-event type, note) for every note, the same list for the same seed and files."""
    slots = {**load_slots(), **load_slots(SLOTS)}
    rng = random.Random(seed)
    out: list[tuple[str, str, str]] = []
    for event_type, sub, lines in load_blocks():
        seen: set[str] = set()
        for template in lines:
            made = 0
            for _ in range(per_template * 3):  # a few tries: short templates repeat themselves
                text = tidy(expand(template, slots, rng))
                if text in seen:
                    continue
                seen.add(text)
                out.append((event_type, sub, text))
                made += 1
                if made == per_template:
                    break
    return out


def note_samples(seed: int = SEED) -> list[Sample]:
    """The generated notes as training samples (source `notes`). They give no target label: the
    target head's threshold is set on real UCDP headlines, and written notes would move it (a
    first try with them moved 'repelled a Russian assault' from P(civilian) 0.29 to 0.38)."""
    out = []
    for event_type, sub, text in generate(seed):
        labels = acled_labels(event_type, sub)
        labels["target"] = None
        out.append(Sample(text, source="notes", **labels))
    return out
