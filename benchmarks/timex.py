"""Throughput of truce.timex.normalise over 1,000 mixed date phrases.

Run: .venv/bin/python benchmarks/timex.py
Prints machine info, then phrases/s with a cold cache (every phrase/publication pair new), a warm
cache (the same pairs again) and for the phrases that fall through to dateparser.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from truce.timex import normalise
from truce.timex.fallback import resolve_with_dateparser
from truce.timex.rules import clean, resolve

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/machine.py
from machine import describe

MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.",
          "Dec.", "September", "October"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FIXED = ["yesterday", "today", "last night", "overnight", "last week", "earlier this week", "this month",
         "last month", "this year", "last year", "the past three days", "two days ago", "since the 1990s",
         "the 1990s", "for decades", "since 2020", "in recent days", "over the weekend", "a fortnight ago",
         "the following day", "24-hour", "annual"]
# Shapes our rules do not know, so they reach dateparser.
FALLBACK = ["Sep 19 23", "19 Sep 23", "in a week", "Thursday at noon", "20230919"]


def mixed_phrases(n: int, rng: random.Random) -> list[str]:
    """n phrases of many shapes, in a fixed pseudo-random mix."""
    makers = [
        lambda: f"on {rng.choice(MONTHS)} {rng.randint(1, 28)}",
        lambda: f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1995, 2024)}",
        lambda: f"late on {rng.choice(MONTHS)} {rng.randint(1, 28)}",
        lambda: f"{rng.choice(['on ', 'last ', 'next ', ''])}{rng.choice(WEEKDAYS)}",
        lambda: f"from {rng.randint(1, 14)} to {rng.randint(15, 28)} {rng.choice(MONTHS)}",
        lambda: f"between {rng.choice(MONTHS)} {rng.randint(1, 14)} and {rng.randint(15, 28)}",
        lambda: f"in {rng.choice(MONTHS)}",
        lambda: f"{rng.choice(['early', 'mid-', 'late', 'end of'])} {rng.choice(MONTHS)}".replace("- ", "-"),
        lambda: f"in {rng.randint(1990, 2024)}",
        lambda: f"{rng.randint(1990, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        lambda: f"{rng.choice(['two', 'three', '5', 'ten'])} {rng.choice(['days', 'weeks', 'months'])} ago",
        lambda: rng.choice(FIXED),
        lambda: rng.choice(FALLBACK),
    ]
    return [rng.choice(makers)() for _ in range(n)]


def rate(phrases: list[str], days: list[date]) -> tuple[float, int]:
    resolved = 0
    t0 = time.perf_counter()
    for phrase, day in zip(phrases, days, strict=True):
        resolved += normalise(phrase, day) is not None
    return len(phrases) / (time.perf_counter() - t0), resolved


def main() -> None:
    rng = random.Random(20230921)
    phrases = mixed_phrases(1000, rng)
    days = [date(2015, 1, 1) + timedelta(days=rng.randint(0, 3650)) for _ in phrases]
    print(describe())

    t0 = time.perf_counter()
    normalise("Sep 19 23", date(2023, 9, 21))  # pays dateparser's import and set-up once
    print(f"first dateparser call (import + set-up): {time.perf_counter() - t0:.2f} s")

    resolve.cache_clear()
    resolve_with_dateparser.cache_clear()
    cold, resolved = rate(phrases, days)
    warm, _ = rate(phrases, days)
    fallback_share = sum(p in FALLBACK for p in phrases)
    print(f"phrases: {len(phrases)} mixed ({resolved} named a date; {fallback_share} reached dateparser)")
    print(f"normalise, cold cache: {cold:,.0f} phrases/s")
    print(f"normalise, warm cache: {warm:,.0f} phrases/s")

    rules_only = [p for p in phrases if p not in FALLBACK]
    resolve.cache_clear()
    rules_rate, _ = rate(rules_only, days[: len(rules_only)])
    print(f"normalise, rules only (no dateparser), cold: {rules_rate:,.0f} phrases/s")

    resolve_with_dateparser.cache_clear()
    t0 = time.perf_counter()
    for i in range(200):
        resolve_with_dateparser(clean(FALLBACK[i % len(FALLBACK)]), date(2015, 1, 1) + timedelta(days=i), "past")
    print(f"dateparser fallback alone, cold: {200 / (time.perf_counter() - t0):,.0f} phrases/s")


if __name__ == "__main__":
    main()
