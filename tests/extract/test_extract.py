"""Behaviour of the rule layer on short texts written for these tests."""

from __future__ import annotations

from truce.extract.pipeline import extract, paragraphs
from truce.model import Report, content_id


def _one(text: str, etype: str, published: str | None = "2024-03-05") -> dict:
    events = [e.to_dict() for e in extract(text, published=published)]
    hits = [e for e in events if e["type"] == etype]
    assert hits, f"no {etype} in {[(e['type'], e['evidence']['sentence']) for e in events]}"
    return hits[0]


def test_shelling_with_actor_recipient_casualties_and_mode() -> None:
    ev = _one("Russian forces shelled the village of Orikhiv on Monday, killing two civilians and "
              "wounding five others, Ukrainian officials said.", "ASSAULT")
    assert ev["actor"]["country"] == "RUS"
    assert ev["mode"] == "heavy-weapons"
    assert ev["fatalities"] == 2
    assert ev["injured"] == 5
    assert ev["status"] == "claimed" and ev["source"]["country"] == "UKR"
    assert ev["acled"]["event_type"] == "Explosions/Remote violence"
    assert ev["cameo_root"] in {"18", "19"}


def test_denied_attack_is_never_asserted() -> None:
    text = "Armenia's defence ministry denied that its troops had fired on Azerbaijani positions."
    for ev in (e.to_dict() for e in extract(text, published="2024-03-05")):
        if ev["type"] == "ASSAULT":
            assert ev["status"] == "denied" or ev["aux"] == "negation"


def test_negated_event_is_marked() -> None:
    ev = _one("Turkish troops did not attack the town.", "ASSAULT")
    assert ev["aux"] == "negation"


def test_quote_closed_by_speaker_is_claimed_by_the_speaker() -> None:
    text = '"Our positions came under mortar fire near Tegh," the Armenian defence ministry said.'
    ev = _one(text, "ASSAULT")
    assert ev["status"] == "claimed"
    assert ev["source"]["country"] == "ARM"
    assert "mortar" in ev["weapons"]


def test_ceasefire_announcement_and_pronoun_actor() -> None:
    text = "Azerbaijan launched an offensive on Tuesday. It later announced a ceasefire."
    ev = _one(text, "AGREE")
    assert ev["mode"] == "ceasefire"
    assert ev["actor"]["country"] == "AZE"


def test_phone_call_is_a_consultation_between_the_parties() -> None:
    text = "In a phone call on Monday, Turkish President Erdogan discussed the situation with his Azeri counterpart."
    ev = _one(text, "CONSULT")
    assert ev["mode"] == "phone"
    assert {ev["actor"]["country"], (ev["recipient"] or {}).get("country")} == {"TUR", "AZE"}


def test_ids_offsets_and_evidence_are_consistent() -> None:
    text = "Headline about the border\n\nRebels attacked an army post near the border on Sunday."
    events = extract(text, published="2024-03-05")
    assert events
    rid = Report.make_id("news", text)
    for ev in events:
        assert ev.report_id == rid
        assert ev.evidence is not None
        assert text[ev.evidence.start:ev.evidence.end].strip() == ev.evidence.sentence
        trig = ev.evidence.spans["trigger"]
        assert ev.id == content_id("ev", rid, str(ev.evidence.start), ev.type, str(trig[0]))
        for lo, hi in ev.evidence.spans.values():
            assert 0 <= lo < hi <= len(text)


def test_headline_is_its_own_paragraph() -> None:
    text = "Turkey denies involvement\nA Turkish official said on Monday that talks went well."
    assert [p for _, p in paragraphs(text)] == ["Turkey denies involvement", text.split("\n")[1]]


def test_empty_and_foreign_text_yield_nothing() -> None:
    assert extract("", published=None) == []
    french = ("Les forces azerbaïdjanaises ont lancé une offensive dans le Haut-Karabakh mardi, "
              "selon le ministère de la défense, qui a annoncé un cessez-le-feu le lendemain.")
    assert extract(french) == []


def test_no_date_before_an_explicit_background_period() -> None:
    text = "The separatists have held the region since the 1990s. Azerbaijan attacked the region on Sept. 19."
    for ev in extract(text, published="2023-09-21"):
        if ev.date is not None and ev.date.start is not None:
            assert ev.date.start.year == 2023


def test_parsing_in_worker_processes_gives_the_same_events() -> None:
    from truce.extract.pipeline import extract_many

    texts = [("Russian forces shelled Kherson on Monday, killing two civilians, officials said.", "2023-05-10"),
             ("Azerbaijan and Armenia agreed on Tuesday to hold talks in Brussels.", "2023-05-10")]
    one = [[e.to_dict() for e in evs] for evs in extract_many(texts)]
    two = [[e.to_dict() for e in evs] for evs in extract_many(texts, n_process=2)]
    assert one == two and any(one)
