"""Readers of the shared real data (`../shared/data`) that the shipped model is trained on.

Only the `dev` split (`corpus.split_of`) is read: the `test` split stays unseen for reporting.
- UCDP GED headlines (CC BY 4.0): every one reports lethal organised violence, so each is an
  ASSAULT; type_of_violence 3 (one-sided) means the target was civilian, 1 and 2 armed. Texts are
  grouped as the shared evaluation groups them; texts whose events disagree are left out, and so
  are texts with no verb and no word of violence (place-and-date captions such as
  "July 8th 2017: (S1030) Raqqa city, Raqqa governorate, Syria", report titles), which would
  teach that a dateline is an attack.
- PLOVER-GSR (CC BY-SA 4.0): sentences with their PLOVER type (0.5 names mapped to 2.0).
- Wikipedia Current Events, September 2015 (CC BY-SA 3.0): summaries outside war, crime and
  politics (disasters, business, sport, culture, science, health) as texts reporting no event.
This module is used only to build the model; Truce never reads `../shared` at run time.
"""

from __future__ import annotations

import json
from pathlib import Path

from truce.extract.training.corpus import ARMED, CIVILIAN, NONE_LABEL, Sample, folded, split_of

PLOVER_05_TO_20 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CEP_NO_EVENT = {"Disaster_Accident", "Business_Finance", "Entertainment_Culture", "Sports",
                "Technology_Internet", "Health_Medical_Pharma"}
UCDP = Path("ucdp-ged/ged_events.jsonl")
GSR = Path("plover-gsr/PLOVER_GSR_CAMEO.json")
CEP = Path("wikitimes-cep-2015-09/cep_2015_09.jsonl")


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# Nouns that make a verbless headline an event report ("Human losses in X" is not, "Massacre in Y" is).
_VIOLENCE_WORDS = {"attack", "clash", "killing", "bombing", "explosion", "massacre", "fighting", "violence",
                   "strike", "airstrike", "shelling", "ambush", "raid", "execution", "battle", "death",
                   "casualty", "bombardment", "fight", "blast", "murder", "assault", "offensive", "kill", "dead"}


def reports_an_act(texts: list[str]) -> list[bool]:
    """Whether each text has a verb or a word of violence (spaCy's parse, as extraction reads it)."""
    from truce.nlp import load_nlp

    return [any(t.pos_ in {"VERB", "AUX"} or t.lemma_.lower() in _VIOLENCE_WORDS for t in doc)
            for doc in load_nlp().pipe(texts, batch_size=256)]


def ucdp_samples(data: Path, split: str = "dev") -> list[Sample]:
    """One sample per distinct English informative headline of `split` with one violence type
    that reports an act (`reports_an_act`)."""
    kinds: dict[str, set[int]] = {}
    first: dict[str, str] = {}
    for row in _jsonl(data / UCDP):
        text = row.get("text")
        if not (row.get("likely_english") and row.get("informative_text")) or not isinstance(text, str):
            continue
        key = folded(text)
        kinds.setdefault(key, set()).add(int(str(row["type_of_violence"])))
        first.setdefault(key, text)
    samples = []
    for key in sorted(kinds):
        text = first[key]
        if len(kinds[key]) != 1 or split_of(text) != split:
            continue
        target = CIVILIAN if kinds[key] == {3} else ARMED
        samples.append(Sample(text, type="ASSAULT", target=target, source="ucdp"))
    return [s for s, keep in zip(samples, reports_an_act([s.text for s in samples]), strict=True) if keep]


def gsr_samples(data: Path, split: str = "dev") -> list[Sample]:
    """PLOVER-GSR sentences of `split` with their 2.0 type; their 0.5 modes are not ours, so unknown."""
    samples = []
    for record in json.loads((data / GSR).read_text(encoding="utf-8")):
        event, text = str(record.get("event", "")), record.get("text")
        if event == "DOCUMENT" or not isinstance(text, str) or split_of(text) != split:
            continue
        samples.append(Sample(text, type=PLOVER_05_TO_20.get(event, event), source="gsr"))
    return samples


def cep_samples(data: Path, split: str = "dev") -> list[Sample]:
    """Current-events summaries of `split` from categories that report no PLOVER event."""
    samples = []
    for row in _jsonl(data / CEP):
        text = row.get("text")
        if row.get("category") in CEP_NO_EVENT and isinstance(text, str) and split_of(text) == split:
            samples.append(Sample(text, type=NONE_LABEL, source="cep"))
    return samples


def shared_samples(data: Path, split: str = "dev") -> dict[str, list[Sample]]:
    """Every shared source's samples of `split`, by source name."""
    return {"ucdp": ucdp_samples(data, split), "gsr": gsr_samples(data, split), "cep": cep_samples(data, split)}
