"""Kept for existing imports: language detection has one owner, `truce.language`."""

from __future__ import annotations

from truce.language import detect_language

__all__ = ["detect_language"]
