"""A date never becomes a toll: the numbers of "2011-04-22", "22.04.2011", "22/04/2011" or a
year are no count of people, while a count written after the date is read (truce.extract.numerals
in_date, time_count). Sentences written for these tests."""

from __future__ import annotations

import pytest

from truce.extract.casualties import casualties


def _killed(sentence: str) -> int | None:
    from truce.nlp import load_nlp

    return casualties(load_nlp()(sentence)[:])[0]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Two herders were killed near Ansongo on 2011-04-22.", 2),
    ("On 22.04.2011 gunmen killed three traders on the Gao road.", 3),
    ("A mine killed five porters on 22/04/2011.", 5),
    ("Militants killed a teacher in Douentza on 2011.04.22.", 1),
    ("The 2011 raid on the market killed dozens.", 12),
    # a headline that gives its date, then a spaced dash or a colon, then the count
    ("2011-04-22 - 4 killed in Ansongo", 4),
    ("22 April 2011: 6 dead after shelling of Tessit", 6),
])
def test_the_count_is_read_and_the_date_is_not(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize("sentence", [
    "Fighting near Ansongo on 2011-04-22 was reported by residents.",
    "The ceasefire of 22.04.2011 was broken, the monitors said, and one village was shelled.",
    "Killings in 2011 were documented by the commission.",
])
def test_a_date_alone_gives_no_toll(sentence: str) -> None:
    assert _killed(sentence) is None
