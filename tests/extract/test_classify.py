"""The event classifier: the shipped model reads (and a missing, partial or code-carrying one is a
Truce error), it types clear unseen sentences right, says None for sentences that report no event,
tells civilian from armed targets, and its features and training are deterministic."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from truce.errors import TruceError
from truce.extract import classify
from truce.extract.training import artifact
from truce.extract.training.shipped import FOLDER
from truce.model import PLOVER_TYPES

# Unseen sentences written for this test (not lines of the training files), one or more per type.
CLEAR_CASES: list[tuple[str, str]] = [
    ("The rebels shelled the market in the town centre, killing nine shoppers.", "ASSAULT"),
    ("Gunmen stormed a village near the border and shot dead 14 farmers.", "ASSAULT"),
    ("An airstrike on a hospital compound killed three nurses overnight.", "ASSAULT"),
    ("Tens of thousands of people marched through the capital against the new tax law.", "PROTEST"),
    ("Nurses walked off the job at state hospitals to protest unpaid wages.", "PROTEST"),
    ("Police arrested 35 opposition activists during a dawn raid on the party offices.", "COERCE"),
    ("The governor imposed a dusk-to-dawn curfew on the city after the riots.", "COERCE"),
    ("The defence ministry sent two more brigades and artillery to the northern frontier.", "MOBILIZE"),
    ("The government and the guerrillas signed a ceasefire agreement in the capital.", "AGREE"),
    ("The foreign ministers of both countries held talks in Vienna on the border dispute.", "CONSULT"),
    ("The president spoke by phone with his counterpart about the crisis.", "CONSULT"),
    ("The council welcomed the election results and praised voters for their calm.", "SUPPORT"),
    ("The authorities lifted the state of emergency and reopened the airport.", "CONCEDE"),
    ("The two navies carried out joint exercises off the coast.", "COOPERATE"),
    ("The agency delivered food parcels and medicine to families displaced by the floods.", "AID"),
    ("The army pulled its troops out of the disputed villages.", "RETREAT"),
    ("The kidnappers freed the abducted engineers after a week in captivity.", "RETREAT"),
    ("The secretary-general urged both sides to halt the fighting immediately.", "REQUEST"),
    ("Opposition leaders accused the government of rigging the vote.", "ACCUSE"),
    ("The minister denied that his country's jets had bombed the camp.", "REJECT"),
    ("The rebels rejected the peace proposal put forward by the mediators.", "REJECT"),
    ("The militia warned it would attack the city if its fighters were not released.", "THREATEN"),
    ("The bloc imposed sanctions on the generals behind the coup.", "SANCTION"),
]

NON_EVENTS = [
    "The province is home to about two million people, most of whom farm maize and beans.",
    "The capital sits on a plateau some 2,000 metres above sea level.",
    "Analysts believe the economy will recover slowly over the next decade.",
]


@pytest.fixture
def shipped(truce_home: Path) -> Iterator[None]:
    """The shipped model in force (no mission model in this test's TRUCE_HOME)."""
    import os

    old = os.environ.pop("TRUCE_MODEL_DIR", None)
    from truce.settings import get_settings

    get_settings.cache_clear()
    classify.unload()
    yield
    classify.unload()
    if old is not None:
        os.environ["TRUCE_MODEL_DIR"] = old
    get_settings.cache_clear()


def test_shipped_model_is_committed_small_and_not_pickle() -> None:
    info = json.loads((FOLDER / "model.json").read_text())
    assert info["format"] == artifact.FORMAT and info["name"] == "truce.event-types"
    assert {"type", "target", "mode.ASSAULT"} <= set(info["heads"])
    size = sum(p.stat().st_size for p in FOLDER.iterdir())
    assert 0 < size < 30_000_000
    assert sorted(p.name for p in FOLDER.iterdir()) == ["model.json", "vocabulary.txt", "weights.npz"]
    with np.load(FOLDER / "weights.npz", allow_pickle=False) as arrays:  # raises on any object array
        assert all(arrays[k].dtype == np.float32 for k in arrays.files)


def test_clear_sentences_get_their_type(shipped: None) -> None:
    predictions = classify.predict([text for text, _ in CLEAR_CASES])
    wrong = [(text, want, got.type) for (text, want), got in zip(CLEAR_CASES, predictions, strict=True)
             if got.type != want]
    # the model is statistical: allow two misses in the set, but every type must be covered
    assert len(wrong) <= 2, wrong
    assert {want for _, want in CLEAR_CASES} == set(PLOVER_TYPES)


def test_non_event_sentences_give_none(shipped: None) -> None:
    predictions = classify.predict(NON_EVENTS)
    assert len(predictions) == len(NON_EVENTS)
    for prediction in predictions:
        assert prediction.type is None
        assert prediction.mode is None
        assert prediction.probability == prediction.scores["NONE"]


def test_prediction_shape(shipped: None) -> None:
    [prediction] = classify.predict(["Government aircraft bombed rebel positions in the hills."])
    assert set(prediction.scores) == {*PLOVER_TYPES, "NONE"}
    assert sum(prediction.scores.values()) == pytest.approx(1.0, abs=1e-5)
    assert prediction.type in PLOVER_TYPES
    assert prediction.probability == max(prediction.scores.values())
    assert prediction.mode in (None, "aerial")
    assert prediction.civilian is not None and 0.0 <= prediction.civilian <= 1.0
    # the ACLED type is the learned sub-type's own (heads trained on our ACLED-style notes)
    assert prediction.sub_event_type is not None and prediction.acled is not None
    from truce.extract.crosswalk import ACLED_SUB_TYPES

    assert ACLED_SUB_TYPES[prediction.sub_event_type] == prediction.acled
    assert prediction.sub_probability == prediction.acled_probability
    assert classify.predict([]) == []


def test_assault_mode_when_clear(shipped: None) -> None:
    [aerial, bomb] = classify.predict([
        "Warplanes carried out air raids on the town, killing twelve people.",
        "A roadside bomb exploded next to a police truck, killing two officers.",
    ])
    assert (aerial.type, aerial.mode) == ("ASSAULT", "aerial")
    assert (bomb.type, bomb.mode) == ("ASSAULT", "explosives")


def test_target_civilian_or_armed(shipped: None) -> None:
    civilian, armed = classify.predict([
        "Militants executed four shepherds they accused of spying, villagers said.",
        "Rebels and army troops fought for hours around the base, leaving 20 fighters dead.",
    ])
    assert civilian.civilian is not None and armed.civilian is not None
    assert civilian.civilian > 0.5 > armed.civilian


def test_refine_acled_only_changes_the_default_pairs() -> None:
    def reading(civilian: float) -> classify.TypePrediction:
        return classify.TypePrediction("ASSAULT", None, 0.9, {}, civilian=civilian)

    clash = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    attack = {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    shelling = {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"}
    assert classify.refine_acled(clash, reading(0.9)) == attack
    assert classify.refine_acled(clash, reading(0.05)) == clash
    assert classify.refine_acled(attack, reading(0.01)) == clash
    assert classify.refine_acled(attack, reading(0.5)) == attack
    assert classify.refine_acled(shelling, reading(0.99)) == shelling
    assert classify.refine_acled(clash, None) == clash


def test_refine_acled_keeps_what_the_rules_saw_of_the_target_unless_near_certain() -> None:
    def reading(civilian: float) -> classify.TypePrediction:
        return classify.TypePrediction("ASSAULT", None, 0.9, {}, civilian=civilian)

    clash = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    attack = {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    armed, civilian = classify.TargetEvidence(armed=True), classify.TargetEvidence(civilian=True)
    assert classify.refine_acled(clash, reading(0.8), armed) == clash
    assert classify.refine_acled(clash, reading(0.97), armed) == attack
    assert classify.refine_acled(attack, reading(0.3), civilian) == attack
    assert classify.refine_acled(clash, reading(0.3), civilian) == attack
    assert classify.refine_acled(attack, reading(0.05), civilian) == clash
    both = classify.TargetEvidence(armed=True, civilian=True)  # both seen: the reading decides
    assert classify.refine_acled(clash, reading(0.6), both) == attack
    assert classify.refine_acled(attack, reading(0.1), both) == clash


def test_learned_sub_type_only_where_confident_and_fitting_the_event() -> None:
    def reading(sub: str, p: float, civilian: float = 0.5) -> classify.TypePrediction:
        return classify.TypePrediction("ASSAULT", None, 0.9, {}, civilian=civilian, sub_event_type=sub,
                                       sub_probability=p)

    clash = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    other = {"event_type": "Strategic developments", "sub_event_type": "Other"}
    mob = {"event_type": "Riots", "sub_event_type": "Mob violence"}
    assert classify.learned_pair("ASSAULT", clash, reading("Mob violence", 0.8)) == mob
    assert classify.learned_pair("ASSAULT", clash, reading("Mob violence", 0.3)) == clash  # not confident
    assert classify.learned_pair("ASSAULT", clash, reading("Peaceful protest", 0.9)) == clash  # not an attack's
    assert classify.learned_pair("ACCUSE", other, reading("Attack", 0.9)) == other  # speech keeps its pair
    assert classify.learned_pair("ASSAULT", clash, reading("Attack", 0.9)) == clash  # the target decides that
    arrests = {"event_type": "Strategic developments", "sub_event_type": "Arrests"}
    assert classify.learned_pair("COERCE", other, reading("Arrests", 0.6)) == arrests
    assert classify.learned_pair("ASSAULT", clash, classify.TypePrediction("ASSAULT", None, 0.9, {})) == clash


def test_sub_types_of_unseen_notes() -> None:
    """The sub-type head alone on the team's ACLED-style notes (tests/extract/acled_notes.py, never
    trained on): most come out right."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("acled_notes", Path(__file__).with_name("acled_notes.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    notes = list(module.NOTES) + list(module.LONGER_NOTES)
    assert notes
    model = artifact.load(FOLDER)
    predictions = classify.predict([n[0] for n in notes], model=model)
    right = [n for n, p in zip(notes, predictions, strict=True) if p.sub_event_type == n[3]]
    assert len(right) / len(notes) >= 0.85, [(n[0], p.sub_event_type) for n, p in zip(notes, predictions, strict=True)
                                             if p.sub_event_type != n[3]]


def test_extraction_uses_the_learned_target(shipped: None) -> None:
    """Unseen sentences: executions of people on charges are one-sided violence even where the rules
    read the charge as another act; soldiers killed stay an armed clash whatever the reading."""
    from truce.extract.pipeline import extract

    cases = [("The militia executed a teacher on charges of collaborating with the army.",
              "Violence against civilians"),
             ("Insurgents attacked an army checkpoint, killing five soldiers.", "Battles"),
             ("Rebels and soldiers fought for hours near the base, leaving 20 fighters dead.", "Battles")]
    for text, want in cases:
        attacks = [e for e in extract(text, published="2024-05-01") if e.type == "ASSAULT"]
        assert attacks, text
        assert attacks[0].acled["event_type"] == want, (text, attacks[0].acled)


def test_missing_model_is_a_truce_error(tmp_path: Path) -> None:
    with pytest.raises(TruceError) as caught:
        artifact.load(tmp_path)
    assert caught.value.code == "E260"


@pytest.mark.parametrize("damage", ["truncate", "object-array", "foreign-json"])
def test_broken_model_is_a_truce_error(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "model"
    shutil.copytree(FOLDER, folder)
    if damage == "truncate":
        data = (folder / "weights.npz").read_bytes()
        (folder / "weights.npz").write_bytes(data[: len(data) // 2])
    elif damage == "object-array":  # a pickled payload with matching hashes must still be refused
        np.savez(folder / "weights.npz", idf=np.array([object()], dtype=object))
        info = json.loads((folder / "model.json").read_text())
        info["files"]["weights.npz"] = artifact._sha256(folder / "weights.npz")
        (folder / "model.json").write_text(json.dumps(info))
    else:
        (folder / "model.json").write_text('{"format": "sklearn-joblib"}')
    with pytest.raises(TruceError) as caught:
        artifact.load(folder)
    assert caught.value.code == "E261"


def test_mission_model_takes_precedence(truce_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from truce.settings import get_settings

    models = truce_home / "models"
    monkeypatch.setenv("TRUCE_MODEL_DIR", str(models))
    get_settings.cache_clear()
    assert classify.model_folder() == FOLDER
    (models / "event-types").mkdir(parents=True)  # present but empty: loud, not the shipped one
    assert classify.model_folder() == models / "event-types"
    classify.unload()
    try:
        with pytest.raises(TruceError) as caught:
            classify.predict(["Troops opened fire on the convoy."])
        assert caught.value.code == "E260"
    finally:
        classify.unload()


def test_features_are_unit_length_per_block() -> None:
    model = artifact.load(FOLDER)
    matrix = model.transform(["Gunmen attacked a police post, killing three officers.", ""]).toarray()
    words, chars = matrix[0, : model.vocabulary.n_words], matrix[0, model.vocabulary.n_words:]
    assert np.dot(words, words) == pytest.approx(1.0, abs=1e-5)
    assert np.dot(chars, chars) == pytest.approx(1.0, abs=1e-5)
    assert not matrix[1].any()


def test_training_is_deterministic() -> None:
    from truce.extract.training.corpus import team_samples
    from truce.extract.training.fit import fit

    samples = team_samples()[::9]  # a small, fixed subset keeps this quick
    first, second = fit(samples), fit(samples)
    assert first.vocabulary.terms == second.vocabulary.terms
    assert set(first.heads) == set(second.heads) and "type" in first.heads
    for name, head in first.heads.items():
        assert np.array_equal(head.coef, second.heads[name].coef), name


def test_saved_model_reads_back_the_same(tmp_path: Path) -> None:
    from truce.extract.training.corpus import team_samples
    from truce.extract.training.fit import fit

    model = fit(team_samples()[::11])
    artifact.save(model, tmp_path / "m")
    again = artifact.load(tmp_path / "m")
    texts = [text for text, _ in CLEAR_CASES[:5]]
    assert classify.predict(texts, model=model) == classify.predict(texts, model=again)


def test_split_agrees_with_the_shared_evaluation(shared_dir: Path) -> None:
    import importlib.util

    from truce.extract.training.corpus import split_of

    spec = importlib.util.spec_from_file_location("dev_eval", shared_dir / "tools" / "dev_eval.py")
    assert spec is not None and spec.loader is not None
    dev_eval = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev_eval)
    texts = [text for text, _ in CLEAR_CASES] + NON_EVENTS
    assert [split_of(t) for t in texts] == [dev_eval.split_of(t) for t in texts]
    assert {split_of(t) for t in texts} == {"dev", "test"}


def test_generated_file_matches_templates() -> None:
    """generated.txt is what the seeded generator writes: regenerate it after editing templates."""
    from truce.extract.training.generate import GENERATED, generate, read_tsv

    assert read_tsv(GENERATED) == generate()


def test_training_data_is_well_formed() -> None:
    from truce.extract.training.corpus import check_types, team_samples

    samples = team_samples()
    assert samples
    check_types(samples)
    counts: dict[str, int] = {}
    for sample in samples:
        assert sample.text and "{" not in sample.text and "[" not in sample.text, sample
        counts[str(sample.type)] = counts.get(str(sample.type), 0) + 1
    assert set(counts) == {*PLOVER_TYPES, "NONE"}
    assert min(counts.values()) >= 150


def test_setup_verifies_the_shipped_model(shipped: None) -> None:
    from truce.extract.training.train import build_asset

    assert "verified" in build_asset()
