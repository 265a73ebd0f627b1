"""The event-type classifier: it builds from our sentences, types clear unseen sentences right,
says None for sentences that report no event, and is deterministic."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

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


@pytest.fixture(scope="module")
def classify(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The classifier module with its model built once into a fresh TRUCE_HOME."""
    import os

    import truce.extract.classify as module
    from truce.settings import get_settings

    home = tmp_path_factory.mktemp("truce-home")
    old = os.environ.get("TRUCE_HOME")
    os.environ["TRUCE_HOME"] = str(home)
    get_settings.cache_clear()
    module.unload()
    yield module
    module.unload()
    if old is None:
        os.environ.pop("TRUCE_HOME", None)
    else:
        os.environ["TRUCE_HOME"] = old
    get_settings.cache_clear()


@pytest.mark.slow
def test_model_builds_caches_and_loads(classify: ModuleType) -> None:
    assert classify.available()
    classify.predict(["warm-up"])
    path: Path = classify.model_path()
    assert path.exists() and path.stat().st_size > 0
    # a second process-start reads the cache instead of training again
    classify.unload()
    before = path.stat().st_mtime_ns
    classify.predict(["The army shelled the town."])
    assert path.stat().st_mtime_ns == before


@pytest.mark.slow
def test_clear_sentences_get_their_type(classify: ModuleType) -> None:
    predictions = classify.predict([text for text, _ in CLEAR_CASES])
    wrong = [(text, want, got.type) for (text, want), got in zip(CLEAR_CASES, predictions, strict=True)
             if got.type != want]
    # the model is statistical: allow one miss in the set, but every type must be covered
    assert len(wrong) <= 1, wrong
    assert {want for _, want in CLEAR_CASES} == set(PLOVER_TYPES)


@pytest.mark.slow
def test_non_event_sentences_give_none(classify: ModuleType) -> None:
    for prediction in classify.predict(NON_EVENTS):
        assert prediction.type is None
        assert prediction.mode is None
        assert prediction.probability == prediction.scores["NONE"]


@pytest.mark.slow
def test_prediction_shape(classify: ModuleType) -> None:
    [prediction] = classify.predict(["Government aircraft bombed rebel positions in the hills."])
    assert set(prediction.scores) == {*PLOVER_TYPES, "NONE"}
    assert sum(prediction.scores.values()) == pytest.approx(1.0)
    assert prediction.type in PLOVER_TYPES
    assert prediction.probability == max(prediction.scores.values())
    assert prediction.mode in (None, "aerial")
    assert classify.predict([]) == []


@pytest.mark.slow
def test_assault_mode_when_clear(classify: ModuleType) -> None:
    [aerial, bomb] = classify.predict([
        "Warplanes carried out air raids on the town, killing twelve people.",
        "A roadside bomb exploded next to a police truck, killing two officers.",
    ])
    assert (aerial.type, aerial.mode) == ("ASSAULT", "aerial")
    assert (bomb.type, bomb.mode) == ("ASSAULT", "explosives")


@pytest.mark.slow
def test_deterministic_predictions_and_training(classify: ModuleType) -> None:
    from truce.extract.training.train import fit, load_examples

    texts = [text for text, _ in CLEAR_CASES[:6]]
    assert classify.predict(texts) == classify.predict(list(reversed(texts)))[::-1]
    examples = load_examples()[::7]  # a small, fixed subset keeps this quick
    first, second = fit(examples), fit(examples)
    matrix = first.vectoriser.transform(texts)
    assert (first.types.predict_proba(matrix) == second.types.predict_proba(matrix)).all()


def test_generated_file_matches_templates() -> None:
    """generated.txt is what the seeded generator writes: regenerate it after editing templates."""
    from truce.extract.training.generate import GENERATED, generate, read_tsv

    assert read_tsv(GENERATED) == generate()


def test_training_data_is_well_formed() -> None:
    from truce.extract.training.train import load_examples

    examples = load_examples()
    counts: dict[str, int] = {}
    for example in examples:
        assert example.type in (*PLOVER_TYPES, "NONE"), example
        assert example.text and "{" not in example.text and "[" not in example.text, example
        counts[example.type] = counts.get(example.type, 0) + 1
    assert set(counts) == {*PLOVER_TYPES, "NONE"}
    assert min(counts.values()) >= 150


@pytest.mark.slow
def test_trainer_entry_point_writes_a_loadable_model(tmp_path: Path) -> None:
    """`python -m truce.extract.training.train` must pickle importable names, not `__main__` ones."""
    import subprocess
    import sys

    import joblib

    from truce.extract.training import train

    out = tmp_path / "model.joblib"
    code = ("import sys, runpy; from truce.extract.training import train; "
            "train.load_examples = lambda: train.read_tsv(train.HANDWRITTEN)[::4]; "
            "sys.modules['truce.extract.training.train'] = train; "
            f"sys.argv = ['train', '--out', {str(out)!r}]; "
            "runpy.run_module('truce.extract.training.train', run_name='__main__')")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=300)
    model = joblib.load(out)  # a fresh process could not unpickle `__main__.EventTypeModel`
    assert isinstance(model, train.EventTypeModel)


@pytest.mark.slow
def test_unreadable_cache_is_rebuilt(truce_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A truncated model file in the cache is replaced by a fresh build, not fatal."""
    import truce.extract.classify as classify
    from truce.extract.training import train

    every_fifth = train.load_examples()[::5]  # a quicker build; the path under test is the same
    monkeypatch.setattr(train, "load_examples", lambda: every_fifth)
    monkeypatch.delenv("TRUCE_MODEL_DIR", raising=False)  # build into this test's own TRUCE_HOME
    from truce.settings import get_settings

    get_settings.cache_clear()

    path = classify.model_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a model")
    classify.unload()
    try:
        [prediction] = classify.predict(["Troops opened fire on the convoy."])
        assert prediction.type in (*PLOVER_TYPES, None)
        assert path.stat().st_size > 1000
    finally:
        classify.unload()
