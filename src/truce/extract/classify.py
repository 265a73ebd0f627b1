"""A learned sentence classifier: PLOVER type (or no event) and mode, whether a violent event's
target was civilian or armed, and (for models trained on ACLED data) ACLED event and sub-event type.

The rule-based extractor asks it what a sentence reports where the rules are silent or decide by
default (truce.extract.combine). The model is a folder of numbers and words
(truce.extract.training.artifact; nothing in it runs code when read). Truce ships one trained on
our sentences and real labelled data (docs/classifier.md); a mission's own model, written by
`truce train`, is used instead when `TRUCE_MODEL_DIR/event-types` holds one. A missing or broken
model is a TruceError (E260/E261), never a silent fallback. It is loaded once per process.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from truce.extract.coding import former_fighters
from truce.extract.crosswalk import ACLED_SUB_TYPES, ARMED_SECTORS, CIVILIAN_SECTORS, READABLE_SUBS, Scene
from truce.extract.training import artifact
from truce.extract.training.artifact import LinearModel
from truce.extract.training.corpus import CIVILIAN, VAC
from truce.extract.training.features import Row
from truce.extract.training.shipped import FOLDER as SHIPPED_FOLDER
from truce.model import PLOVER_TYPES, AcledTypes, Event
from truce.settings import get_settings

NONE_LABEL = "NONE"
LABELS: tuple[str, ...] = (*PLOVER_TYPES, NONE_LABEL)
MODE_MIN_PROBABILITY = 0.6  # below this the mode is left to the rules (None)
MISSION_MODEL = "event-types"  # the folder `truce train` writes under TRUCE_MODEL_DIR
# Learned target against the rules' default reading (tuned on held-out UCDP dev folds, see
# docs/classifier.md). Where the rules saw no target, the reading decides both ways at CIVILIAN_MIN;
# where they saw only armed men harmed or hit, it takes a near-certain reading (ARMED_SEEN_OVER) to
# make it violence against civilians; where they saw only civilians, one below CIVILIAN_SEEN_UNDER
# to make it a clash (civilians caught in fighting are a battle's victims in ACLED's coding).
CIVILIAN_MIN = 0.35
ARMED_SEEN_OVER = 0.9
CIVILIAN_SEEN_UNDER = 0.2
# An attack the rules read only as speech or cooperation ("ISIS executes two men on charges of
# cooperating with..."): the reading adds it at this probability (held-out UCDP dev folds).
ATTACK_OVER_RULES_MIN = 0.8
# The learned ACLED sub-type (trained on our ACLED-style notes, training/notes.py) replaces the
# crosswalk's pair at this probability, within the sub-types the event's PLOVER type can be
# (crosswalk.READABLE_SUBS); between armed clash and attack on civilians the target decides.
SUB_MIN = 0.5
_VIOLENT_RULE_TYPES = {"ASSAULT", "PROTEST", "COERCE"}

_lock = threading.Lock()
_model: LinearModel | None = None


@dataclass(frozen=True)
class TypePrediction:
    """What one sentence reports: a PLOVER type (None: no event), its mode, and the scores; for a
    violent reading, the probability that its target was civilian; ACLED types when the model has them."""

    type: str | None  # one of PLOVER_TYPES, or None when the sentence reports no event
    mode: str | None  # PLOVER mode when confidently predictable, else None
    probability: float  # of `type` (of NONE when `type` is None)
    scores: dict[str, float]  # every label's probability: the 16 types and "NONE"
    civilian: float | None = None  # P(target is civilian | violent), None when the model has no target head
    acled: str | None = None  # ACLED event_type, when the model was trained on ACLED labels
    acled_probability: float | None = None
    sub_event_type: str | None = None
    sub_probability: float | None = field(default=None)


def model_folder() -> Path:
    """The model in force: the mission's (TRUCE_MODEL_DIR/event-types) if there is one, else the shipped one."""
    mission = get_settings().models_folder / MISSION_MODEL
    return mission if mission.exists() else SHIPPED_FOLDER


def load(folder: Path | None = None) -> LinearModel:
    """The process-wide model (or the one in `folder`, not cached). Raises E260/E261 when unusable."""
    global _model
    if folder is not None:
        return artifact.load(folder)
    with _lock:
        if _model is None:
            _model = artifact.load(model_folder())
        return _model


def install(model: LinearModel) -> None:
    """Make `model` the process-wide model (`truce eval-model` scores extraction with a given model)."""
    global _model
    with _lock:
        _model = model


def unload() -> None:
    """Forget the loaded model; the next `predict` reads it again (after TRUCE_MODEL_DIR changes, in tests)."""
    global _model
    with _lock:
        _model = None


def available() -> bool:
    """True: the model ships with Truce. Whether it reads is checked on first use (loudly)."""
    return True


def predict(sentences: list[str], model: LinearModel | None = None) -> list[TypePrediction]:
    """Classify each sentence; the list is in the same order. Loads the model on first call."""
    if not sentences:
        return []
    model = model or load()
    rows = model.vocabulary.rows(sentences)
    type_head = model.heads["type"]
    type_probs = type_head.row_probabilities(rows)
    # a model with a sub-type head reads the event type from the sub-type: its acled head is not run
    wanted = ("target", "sub") if "sub" in model.heads else ("target", "acled")
    extra: dict[str, np.ndarray] = {name: model.heads[name].row_probabilities(rows)
                                    for name in wanted if name in model.heads}
    results: list[TypePrediction] = []
    for row, probs in enumerate(type_probs):
        scores = dict.fromkeys(LABELS, 0.0)
        scores.update({label: float(p) for label, p in zip(type_head.labels, probs, strict=True)})
        best = max(LABELS, key=lambda label: scores[label])
        type_ = None if best == NONE_LABEL else best
        acled, acled_p = _best(model, extra, "acled", row)
        sub, sub_p = _best(model, extra, "sub", row)
        if sub is not None:  # one reading: the event type is the sub-type's own
            acled, acled_p = ACLED_SUB_TYPES.get(sub), sub_p
        results.append(TypePrediction(type_, _mode(model, type_, rows[row]), scores[best], scores,
                                      _civilian(model, extra, row), acled, acled_p, sub, sub_p))
    return results


def _civilian(model: LinearModel, extra: dict[str, np.ndarray], row: int) -> float | None:
    if "target" not in extra or CIVILIAN not in model.heads["target"].labels:
        return None
    return float(extra["target"][row][model.heads["target"].labels.index(CIVILIAN)])


def _best(model: LinearModel, extra: dict[str, np.ndarray], name: str, row: int) -> tuple[str | None, float | None]:
    if name not in extra:
        return None, None
    best = int(extra[name][row].argmax())
    return model.heads[name].labels[best], float(extra[name][row][best])


def _mode(model: LinearModel, type_: str | None, row: Row) -> str | None:
    head = model.heads.get(f"mode.{type_}") if type_ else None
    if head is None:
        return None
    probs = head.row_probabilities([row])[0]
    best = int(probs.argmax())
    mode = head.labels[best]
    return mode if mode and probs[best] >= MODE_MIN_PROBABILITY else None


def refine_acled(acled: dict[str, str | None], prediction: TypePrediction | None,
                 evidence: TargetEvidence | None = None) -> dict[str, str | None]:
    """The rules' ACLED pair for a violent event, with the learned target deciding between the two
    pairs the rules reach by default ("Battles / Armed clash" and "Violence against civilians /
    Attack"): alone where the rules saw no target (or both kinds), against what they saw
    (`evidence`) only when it is near-certain. Pairs the rules decide by means, crowd or territory
    are kept."""
    if prediction is None or prediction.civilian is None:
        return acled
    seen = evidence or TargetEvidence()
    pair = (acled.get("event_type"), acled.get("sub_event_type"))
    if pair not in {_CLASH, _ATTACK}:
        return acled
    civilian = prediction.civilian
    if seen.mutual or (seen.armed and not seen.civilian):
        to_attack = civilian >= ARMED_SEEN_OVER
    elif seen.civilian and not seen.armed:
        to_attack = civilian >= CIVILIAN_SEEN_UNDER
    else:  # nothing, or both kinds: the reading of the whole sentence decides
        to_attack = civilian >= CIVILIAN_MIN
    event_type, sub = _ATTACK if to_attack else _CLASH
    return {**acled, "event_type": event_type, "sub_event_type": sub}


_CLASH = ("Battles", "Armed clash")
_REMOTE_TYPE = "Explosions/Remote violence"
_HANDHELD = {"firearms", "beat", "primitive", "torture", "sexual", "abduct"}  # means that are no remote violence
_ATTACK = (VAC, "Attack")
# sub-types the rules read from the sentence's own words, which a learned sub-type does not overturn
_READ_FROM_WORDS = {"Abduction/forced disappearance", "Sexual violence", "Chemical weapon", "Disrupted weapons use",
                    "Suicide bomb",  # (a bomber's vest, or explosives strapped to a body)
                    "Excessive force against protesters"}  # (protesters killed: the kill words decide)


@dataclass(frozen=True)
class TargetEvidence:
    """What the rules read about an attack's target: armed men (an armed recipient, soldiers
    harmed) or civilians (a civilian recipient, civilians harmed). A clash elsewhere in the
    sentence is not evidence about this attack's target (roll-up headlines name both)."""

    armed: bool = False
    civilian: bool = False
    mutual: bool = False  # the attack's own verb is a fight between sides ("A and B clashed")

    @classmethod
    def of(cls, event: Event, scene: Scene | None) -> TargetEvidence:
        sector = event.recipient.sector if event.recipient else None
        if former_fighters(event.recipient.text if event.recipient else None):
            return cls(civilian=True)  # "executed 3 former soldiers": civilians (truce.extract.coding)
        return cls(armed=sector in ARMED_SECTORS or bool(scene and scene.armed_victims),
                   civilian=sector in CIVILIAN_SECTORS or bool(scene and scene.civilian_victims),
                   mutual=_fought_between(event))


# Verbs of fighting between sides: whoever the sides are, ACLED codes the fight a battle ("Fulani
# militia and Dogon hunters clashed", "ELN guerrillas and FARC dissidents fought"), not an attack
# on civilians; only a near-certain civilian reading makes it one.
_MUTUAL_VERBS = ("clash", "fight", "fought", "skirmish", "battled", "battling", "exchanged fire",
                 "exchange fire", "exchanging fire", "traded fire", "exchanged gunfire", "gunfight",
                 "firefight", "gunbattle", "gun battle")


def _fought_between(event: Event) -> bool:
    """The attack's verb is a fight and the sentence names its sides: a subject of two ("A and B
    clashed", "rival militias fought") or a side after the verb ("clashed with", "fighting
    between"). A fight with no sides named ("clashes in X leave a dozen dead") says nothing of
    who was hit, and the reading decides as before."""
    evidence = event.evidence
    if evidence is None or "trigger" not in evidence.spans:
        return False
    start, end = (at - evidence.start for at in evidence.spans["trigger"][:2])
    words = evidence.sentence[max(start, 0):end + 10].lower()  # the verb and a following "fire"
    if not words.startswith(_MUTUAL_VERBS):
        return False
    if "actor" in evidence.spans:
        subject = evidence.sentence[max(evidence.spans["actor"][0] - evidence.start, 0):max(start, 0)].lower()
    elif words.split()[0].endswith("ed") or words.startswith("fought"):
        # no actor coded ("Fulani militia and Dogon hunters (Dan Na Ambassagou) clashed"): the
        # clause before a verb of the past is its subject; a noun ("..., and clashes continue",
        # "losses in X and continued clashes") has no subject, and its "and" joins clauses
        subject = evidence.sentence[evidence.sentence.rfind(",", 0, max(start, 0)) + 1:max(start, 0)].lower()
    else:
        subject = ""
    after = evidence.sentence[end:end + 40].lower().split()
    return (" and " in f" {subject} " or "rival" in subject
            or bool(after and after[0] in {"with", "between", "each", "one"}))


def refine_event(event: Event, prediction: TypePrediction | None, scene: Scene | None = None) -> Event:
    """`event` with its ACLED pair refined by its sentence's reading: the learned sub-type where
    confident (`learned_pair`), and for an attack coded by default the learned target
    (`refine_acled`); `scene` is what the rules read around it (truce.extract.scene)."""
    if not event.acled or prediction is None:
        return event
    acled = event.acled.to_dict()
    if not (event.mode in _HANDHELD and ACLED_SUB_TYPES.get(prediction.sub_event_type or "") == _REMOTE_TYPE):
        # (the means the rules read decide first: a drone fired at with rifles is no drone strike)
        acled = learned_pair(event.type, acled, prediction)
    if event.type == "ASSAULT":
        acled = refine_acled(acled, prediction, TargetEvidence.of(event, scene))
    refined = AcledTypes.from_dict(acled)  # a frozen record: a refined pair is a new one
    return event if refined == event.acled else replace(event, acled=refined)


def learned_pair(plover: str, acled: dict[str, str | None], prediction: TypePrediction) -> dict[str, str | None]:
    """The crosswalk's ACLED pair for an event of PLOVER type `plover`, or the learned sub-type's
    when it is confident (>= SUB_MIN) and one this type can be; armed clash against attack on
    civilians is left to the target (`refine_acled`)."""
    sub, p = prediction.sub_event_type, prediction.sub_probability
    if sub is None or p is None or p < SUB_MIN or sub not in READABLE_SUBS.get(plover, ()):
        return acled
    pair = (acled.get("event_type"), acled.get("sub_event_type"))
    if sub in {_CLASH[1], _ATTACK[1]} and pair in {_CLASH, _ATTACK}:
        return acled
    if pair[0] == "Riots" and ACLED_SUB_TYPES[sub] == "Strategic developments":
        return acled  # the rules saw a crowd or demonstrators do it: their looting is a riot
    if pair[1] == "Arrests" and ACLED_SUB_TYPES[sub] != "Protests":
        return acled  # an arrest verb decides ("apprehended two suspects"), unless protesters were held
    if pair[1] in _READ_FROM_WORDS:
        return acled  # a verb of abduction, a chemical agent, arms seized: the words decide
    return {**acled, "event_type": ACLED_SUB_TYPES[sub], "sub_event_type": sub}


def adds_attack(prediction: TypePrediction, rule_types: set[str]) -> bool:
    """True when the reading adds an attack to a sentence whose rule events are none of them
    violent or coercive (speech, cooperation, aid...): a confident ASSAULT reading."""
    return (prediction.type == "ASSAULT" and prediction.probability >= ATTACK_OVER_RULES_MIN
            and not rule_types & _VIOLENT_RULE_TYPES)
