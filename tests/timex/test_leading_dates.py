"""A note's leading date phrase dates its event even when the note is published days later, and
relative day phrases count on from it (notes written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from truce.extract.pipeline import extract


def _dates(text: str, published: str) -> list[date | None]:
    events = [e for e in extract(text, published=published) if e.type in {"ASSAULT", "COERCE"}]
    assert events, "the note tells an act of force"
    return [e.date.start if e.date is not None else None for e in events]


@pytest.mark.parametrize(("text", "published", "day"), [
    ("On 9 October 2021, gunmen killed three traders on the road to Bambari.", "2021-10-18", date(2021, 10, 9)),
    ("Around 21 August 2022 (as reported), militants burned a school and killed a teacher in Djibo.",
     "2022-08-29", date(2022, 8, 21)),
    ("On or around 5 February, armed men abducted and killed a village chief near Tahoua.", "2023-02-13",
     date(2023, 2, 5)),
    ("Around 11 March 2021 (as reported), suspected herders attacked Tungan village, killing 4 farmers.",
     "2021-03-19", date(2021, 3, 11)),
])
def test_the_leading_date_dates_the_event(text: str, published: str, day: date) -> None:
    assert _dates(text, published)[0] == day


def test_relative_days_count_on_from_the_leading_date() -> None:
    text = ("On 14 July 2020, rebels attacked an army post near Kaga Bandoro. The following day, troops "
            "shelled the rebels' camp. Two days later, the rebels ambushed a convoy on the same road.")
    assert _dates(text, "2020-07-24") == [date(2020, 7, 14), date(2020, 7, 15), date(2020, 7, 17)]
