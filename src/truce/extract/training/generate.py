"""Expand the sentence templates into training sentences, deterministically.

`templates.txt` holds blocks `@label TYPE [mode]` of templates; `slots.txt` holds blocks `@slot NAME`
of values. In both, `{name}` is a value of slot `name`, `{name?}` is a value or nothing (even odds),
and `[a|b|c]` is one of the alternatives. Each type gets the same number of sentences, shared among
its blocks in proportion to their templates, so no type dominates by template count.

Run `python -m truce.extract.training.generate` to rewrite `data/generated.txt`.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
GENERATED = DATA / "generated.txt"
SEED = 20240917
PER_TYPE = 320  # generated sentences per PLOVER type
PER_NONE = 360  # generated sentences that report no event
NONE_LABEL = "NONE"

_SLOT = re.compile(r"\{(\w+)(\?)?\}")
_CHOICE = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True)
class Example:
    """One training sentence: its type (`NONE` for no event), its mode or None, and the text."""

    type: str
    mode: str | None
    text: str


def _blocks(path: Path, marker: str) -> list[tuple[list[str], list[str]]]:
    """Split a file into (header words, lines) blocks that start with `marker`."""
    blocks: list[tuple[list[str], list[str]]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith(marker + " "):
            blocks.append((line.split()[1:], []))
        elif blocks:
            blocks[-1][1].append(line)
    return blocks


def load_slots(path: Path = DATA / "slots.txt") -> dict[str, list[str]]:
    """Slot name -> values."""
    return {header[0]: lines for header, lines in _blocks(path, "@slot")}


def load_templates(path: Path = DATA / "templates.txt") -> list[tuple[str, str | None, list[str]]]:
    """(type, mode or None, templates) for each `@label` block, in file order."""
    return [(h[0], h[1] if len(h) > 1 else None, lines) for h, lines in _blocks(path, "@label")]


def expand(template: str, slots: dict[str, list[str]], rng: random.Random, depth: int = 0) -> str:
    """Fill one template: choices first, then slots (whose values may hold more of both)."""
    if depth > 6:
        raise ValueError(f"slot expansion too deep in {template!r}")
    text = template
    while (m := _CHOICE.search(text)) is not None:
        text = text[: m.start()] + rng.choice(m.group(1).split("|")) + text[m.end():]

    def fill(m: re.Match[str]) -> str:
        name, optional = m.group(1), m.group(2)
        if name not in slots:
            raise KeyError(f"unknown slot {{{name}}} in {template!r}")
        if optional and rng.random() < 0.5:
            return ""
        return expand(rng.choice(slots[name]), slots, rng, depth + 1)

    return _SLOT.sub(fill, text)


def tidy(text: str) -> str:
    """Collapse spaces, drop spaces before punctuation, capitalise the first letter."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = text.replace(",.", ".").replace(",,", ",")
    return text[:1].upper() + text[1:]


def generate(seed: int = SEED) -> list[Example]:
    """All generated examples, the same list for the same seed and data files."""
    slots = load_slots()
    blocks = load_templates()
    rng = random.Random(seed)
    templates_per_type: dict[str, int] = {}
    for type_, _mode, lines in blocks:
        templates_per_type[type_] = templates_per_type.get(type_, 0) + len(lines)
    examples: list[Example] = []
    for type_, mode, lines in blocks:
        total = PER_NONE if type_ == NONE_LABEL else PER_TYPE
        quota = max(4, round(total * len(lines) / templates_per_type[type_]))
        seen: set[str] = set()
        attempts = 0
        while len(seen) < quota and attempts < quota * 20:
            template = lines[attempts % len(lines)]  # round-robin: every template is used
            attempts += 1
            text = tidy(expand(template, slots, rng))
            if text in seen:
                continue
            seen.add(text)
            examples.append(Example(type_, mode, text))
    return examples


def read_tsv(path: Path) -> list[Example]:
    """Examples from a `TYPE<TAB>mode<TAB>sentence` file (`-` for no mode, `#` comments)."""
    examples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"{path.name}:{number}: expected TYPE<TAB>mode<TAB>sentence, got {line!r}")
        type_, mode, text = parts
        examples.append(Example(type_, None if mode == "-" else mode, text.strip()))
    return examples


def write_tsv(path: Path, examples: list[Example]) -> None:
    """Write examples in the format `read_tsv` reads."""
    lines = ["# Generated by `python -m truce.extract.training.generate` from templates.txt and slots.txt."]
    lines += [f"{e.type}\t{e.mode or '-'}\t{e.text}" for e in examples]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    examples = generate()
    write_tsv(GENERATED, examples)
    print(f"wrote {len(examples)} sentences to {GENERATED}")


if __name__ == "__main__":
    main()
