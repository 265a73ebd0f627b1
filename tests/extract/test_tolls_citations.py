"""A source list's citations ('AFP, 2000-11-15, "headline"') are no part of the headlines they
introduce, and each cited headline is a text of its own whose count is never summed with the
next one's (truce.extract.citations); texts written for these tests."""

from __future__ import annotations

from truce.extract.citations import cited_headlines
from truce.extract.pipeline import extract, paragraphs

_TWO_WIRES = ('AFP, 2011-03-02, "Gunmen kill two villagers near Kaga Bandoro", Reuters, 2011-03-02, '
              '"Five villagers killed in Central African Republic raid')


def test_each_cited_headline_is_a_text_without_its_citation() -> None:
    pieces = list(paragraphs(_TWO_WIRES))
    assert [text for _, text in pieces] == ["Gunmen kill two villagers near Kaga Bandoro",
                                            "Five villagers killed in Central African Republic raid"]
    assert all(_TWO_WIRES[start:start + len(text)] == text for start, text in pieces)  # offsets hold


def test_cited_headlines_are_not_summed() -> None:
    events = extract(_TWO_WIRES, published="2011-03-03")
    assert events and events[0].type == "ASSAULT" and events[0].fatalities == 2


def test_a_citation_without_commas_still_opens_a_headline() -> None:
    assert [t for _, t in cited_headlines(0, 'Reuters 2009-06-08 "One killed, 9 wounded in Pattani')] == [
        "One killed, 9 wounded in Pattani"]


def test_the_wire_is_not_the_headlines_subject() -> None:
    events = extract('BBC Monitoring, 2007-10-25, "Two fighters said killed in clashes with troops in Gaza',
                     published="2007-10-26")
    assert events and events[0].fatalities == 2


def test_a_name_and_a_date_inside_prose_are_left_alone() -> None:
    text = 'He told Reuters, 2000-11-15, "we will not stop".'
    assert list(cited_headlines(7, text)) == [(7, text)]


def test_a_wires_slug_is_no_part_of_the_headline() -> None:
    text = "Clashes near Bambari;UPDATE 2-Seven gendarmes killed near Bambari;CORRECTED-Talks resume in Bangui"
    pieces = [t for _, t in paragraphs(text)]
    assert pieces == ["Clashes near Bambari", "Seven gendarmes killed near Bambari", "Talks resume in Bangui"]
    assert all(text[start:start + len(t)] == t for start, t in paragraphs(text))  # offsets hold
    events = extract("UPDATE 1-Nine herders killed in raid near Bambari", published="2014-03-10")
    assert events and events[0].fatalities == 9
