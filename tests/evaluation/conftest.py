"""Fixtures of the evaluation tests: the invented data folder and the real shared one."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def fixture_data() -> Path:
    """The invented data folder (one tiny file per data set format)."""
    return DATA


@pytest.fixture(scope="session")
def shared_data(shared_dir: Path) -> Path:
    data = shared_dir / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is absent (the real data sets live beside the checkout)")
    return data


@pytest.fixture(scope="session")
def dev_eval(shared_dir: Path) -> ModuleType:
    """The external tool `shared/tools/dev_eval.py`, imported from its path."""
    path = shared_dir / "tools" / "dev_eval.py"
    if not path.is_file():
        pytest.skip("../shared/tools/dev_eval.py is absent")
    spec = importlib.util.spec_from_file_location("shared_dev_eval", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
