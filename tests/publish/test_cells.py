"""Spreadsheet-safe cells: what is neutralised, what is left alone, and the way back."""

from __future__ import annotations

import pytest

from truce.publish.writers import neutralise, unneutralise


@pytest.mark.parametrize("cell", ["=SUM(A1:A9)", "+cmd", "-2+3", "@SUM(1)", "\tx", "\r=1", '=HYPERLINK("x")'])
def test_formula_like_text_is_prefixed_and_read_back(cell: str) -> None:
    safe = neutralise(cell)
    assert safe == "'" + cell
    assert unneutralise(safe) == cell


@pytest.mark.parametrize("cell", ["-46.7519", "+1", "-0.5e3", "", "Shusha", "'quoted", "a=b"])
def test_numbers_and_plain_text_are_left_alone(cell: str) -> None:
    assert neutralise(cell) == cell
    assert unneutralise(cell) == cell
