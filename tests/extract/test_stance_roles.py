"""Who did what to whom, read from the verb's own meaning (short texts written here)."""

from __future__ import annotations

from truce.extract.pipeline import extract

PUBLISHED = "2024-03-05"


def _events(text: str) -> list[dict]:
    return [e.to_dict() for e in extract(text, published=PUBLISHED)]


def _text(arg: dict | None) -> str:
    return (arg or {}).get("text") or ""


def _at(ev: dict, role: str) -> str:
    span = ev["evidence"]["spans"].get(role)
    start = ev["evidence"]["start"]
    return ev["evidence"]["sentence"][span[0] - start:span[1] - start] if span else ""


def test_who_dies_is_the_victim_never_the_attacker() -> None:
    cases = {"Four policemen die in roadside bombing": "Four policemen",
             "Three shepherds died in the shelling of Kupiansk on Sunday.": "Three shepherds",
             "Two rebels perished in an air raid near Kidal.": "Two rebels"}
    for text, dead in cases.items():
        dying = _events(text)
        assert dying, text
        assert all(_text(e.get("actor")) != dead for e in dying), text
        assert any(_text(e.get("recipient")) == dead for e in dying), text


def test_dying_under_a_named_attack_keeps_its_attacker() -> None:
    events = _events("Six conscripts died during an Iranian drone attack near the border post.")
    assert events
    assert all("conscripts" not in _text(e.get("actor")) for e in events)


def test_headline_present_tense_reports_acts_not_intents() -> None:
    for text, verb in {"Army kills dozens in strikes, agrees truce": "kills",
                       "Junta kills dozens in air strikes, agrees talks": "kills",
                       "Rebels kill 12 in attacks, agree ceasefire": "kill"}.items():
        hits = [e for e in _events(text) if _at(e, "trigger") == verb]
        assert hits, text
        assert all(e["type"] == "ASSAULT" and e["aux"] is None for e in hits), text


def test_headline_second_verb_shares_the_first_ones_subject() -> None:
    events = _events("Government kills dozens in raids, agrees aid convoys")  # (read 'agrees' subjectless)
    agreed = [e for e in events if e["type"] == "AGREE"]
    assert agreed and all(_text(e.get("actor")) == "Government" for e in agreed)


def test_troops_pledged_are_a_promise_not_a_deployment() -> None:
    for text in ("Canada pledged to send 300 soldiers to Latvia.",
                 "Spain has committed to deploying a battalion to Slovakia.",
                 "The Netherlands committed to sending troops to the mission."):
        events = _events(text)
        assert events, text
        assert not any(e["type"] in {"MOBILIZE", "THREATEN"} for e in events), text
        assert any(e["type"] == "AGREE" for e in events), text


def test_troops_sent_are_a_deployment() -> None:
    events = _events("Canada deployed 300 soldiers to Latvia on Monday.")
    assert any(e["type"] == "MOBILIZE" and e["aux"] is None for e in events)


def test_we_and_i_in_a_quotation_are_the_speaker() -> None:
    cases = {'"We never shelled the village," the rebel spokesman told reporters.': ("rebel", None),
             '"I ordered the strike on the bridge," the Ukrainian colonel said.': ("Ukrainian colonel", "UKR")}
    for text, (speaker, country) in cases.items():
        attacks = [e for e in _events(text) if e["type"] == "ASSAULT"]
        assert attacks, text
        for e in attacks:
            actor = e.get("actor") or {}
            assert speaker in (actor.get("name") or "") and actor.get("name") not in {"We", "I"}, text
            assert actor.get("country") == country, text


def test_the_speakers_own_unit_attacked_is_the_speakers_side() -> None:
    attacks = [e for e in _events('"My battalion repelled the assault near the dam," the Russian commander said.')
               if e["type"] == "ASSAULT"]
    assert attacks
    assert all((e.get("recipient") or {}).get("country") == "RUS" for e in attacks)
