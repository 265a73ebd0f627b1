"""A patrol is the mission's only where the text says so (short texts written here)."""

from __future__ import annotations

from truce.extract.pipeline import extract


def _recipient(text: str) -> str:
    attacks = [e for e in extract(text, published="2024-03-05") if e.type == "ASSAULT"]
    assert attacks, text
    return (attacks[0].recipient.name or "") if attacks[0].recipient is not None else ""


def test_a_patrol_ambushed_is_no_monitoring_mission() -> None:
    assert _recipient("A patrol was ambushed by militants near Menaka.") != "monitoring mission"


def test_the_missions_patrol_is_the_mission() -> None:
    assert _recipient("An SMM patrol was shot at near Zolote.") == "monitoring mission"
    assert _recipient("An SMM mini-UAV was targeted by small-arms fire near Horlivka.") == "monitoring mission"
