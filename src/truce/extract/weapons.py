"""Weapons named in a sentence, and whether a weapon noun is what was hit rather than what hit
(moved out of truce.extract.casualties, which re-exports these names)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from truce.extract.datafiles import read_data

# verbs whose object (or passive subject) is what was hit: "a mini-UAV was targeted", "shot down a drone"
TARGETING = {"target", "hit", "shoot", "down", "intercept", "destroy", "damage", "strike", "attack", "fire"}


def is_target(tok: Token) -> bool:
    """A weapon noun ("drone", "UAV") that is what a verb of hitting acts on: the passive subject of
    "was targeted/hit/shot down", or the object of "targeted/shot down/intercepted"."""
    head = tok
    while head.dep_ in {"compound", "amod", "appos"} and head.head.i != head.i:
        head = head.head  # (an apposition is the same thing: "Zolote, a mini-UAV ..." misparsed)
    verb = head.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    lemmas = {verb.lemma_.lower()} | {c.lower_ for c in verb.children if c.dep_ == "prt"}
    if head.dep_ == "nsubjpass":
        return bool(lemmas & TARGETING)
    return head.dep_ == "dobj" and bool(lemmas & (TARGETING - {"fire", "attack", "strike"}))


# devices that go off when something runs into them: what "hit" or "struck" is the weapon
_STRUCK_DEVICES = {"landmine", "ied", "explosive", "vbied"}


def _struck_device(tok: Token, cls: str) -> bool:
    """A mine or bomb a vehicle or a person ran into ("a truck hit a mine", "struck a roadside
    bomb"): the object of the verb is the weapon of the blast, not its target."""
    return (cls in _STRUCK_DEVICES and tok.dep_ == "dobj"
            and tok.head.lemma_.lower() in {"hit", "strike", "trigger", "tread", "step"})


@lru_cache(maxsize=1)
def _weapon_tables() -> tuple[dict[str, str], dict[str, str]]:
    data = read_data("weapons.yaml")
    return ({str(k).lower(): str(v) for k, v in data["weapons"].items()},
            {str(k): str(v) for k, v in data["modes"].items()})


def weapons(sent: Span) -> list[str]:
    """Weapon classes named in `sent`, in order of first mention, two-word names first."""
    table, _ = _weapon_tables()
    found: list[str] = []
    toks = [t for t in sent if not t.is_space]
    skip = -1
    for i, tok in enumerate(toks):
        if i <= skip:
            continue
        if i + 2 < len(toks) and toks[i + 1].text == "-":  # "small-arms", "machine-gun" cut at the hyphen
            first, last = tok.lemma_.lower(), toks[i + 2].lemma_.lower()
            joined = table.get(f"{first}-{last}") or table.get(f"{first} {last}")
            if joined and not is_target(tok):
                found.append(joined)
                skip = i + 2
                continue
        if i + 1 < len(toks):
            pair = f"{tok.lemma_.lower()} {toks[i + 1].lemma_.lower()}"
            if pair in table and tok.pos_ != "VERB":  # "fired bombs" is no "fire bomb"
                found.append(table[pair])
                skip = i + 1
                continue
        cls = table.get(tok.lemma_.lower()) or table.get(tok.lower_)
        if cls and (not is_target(tok) or _struck_device(tok, cls)):  # a drone shot down is no weapon of the attack
            found.append(cls)
    return list(dict.fromkeys(found))


# Small arms beside a remote weapon ("small-arms fire and mortar rounds"): the remote weapon names
# the attack (ACLED codes shelling with small-arms fire as shelling); otherwise the first one does.
_LIGHT_MODES = {"firearms", "primitive", "crowd-control"}


def mode_for_weapons(found: list[str]) -> str | None:
    """The ASSAULT mode implied by the weapons named: the first remote or explosive one, else the first."""
    _, modes = _weapon_tables()
    implied = [modes[w] for w in found if w in modes]
    return next((m for m in implied if m not in _LIGHT_MODES), implied[0] if implied else None)
