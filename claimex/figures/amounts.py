"""Amounts written in two parts: "12 dollars 30", "seven dollars and twenty cents" (7.20),
"three quarters of a billion", "a third of a million".

Runs on the candidates of :func:`claimex.figures.context.read_candidates`, before dates and
ranges are looked for, so the joined amount is classified as one figure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimex.figures.context import Candidate

# Between the whole units and the cents: "12 dollars 30", "seven dollars and twenty cents".
SUBUNIT_LINK_RE = re.compile(r"[ \u00a0]+(?:and[ \u00a0]+)?")
SHARE_LINK_RE = re.compile(r"[ \u00a0]+of[ \u00a0]+")
SUBUNITS = frozenset({"cent", "penny", "sen"})


def join_parts(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Join each two-part amount into one candidate; the rest stay as they are."""
    joined: list[Candidate] = []
    for candidate in candidates:
        previous = joined[-1] if joined else None
        together = previous and (
            _with_subunits(text, previous, candidate) or _share_of_scale(text, previous, candidate)
        )
        if together:
            joined[-1] = together
        else:
            joined.append(candidate)
    return joined


def _with_subunits(text: str, first: Candidate, second: Candidate) -> Candidate | None:
    """ "12 dollars 30" and "seven dollars and twenty cents": whole units named by a word,
    then cents (named, or bare right after the currency word)."""
    if not (first.currency and first.unit_end > first.end and text[first.end].isspace()):
        return None  # the currency must be a word after the number: "12 dollars"
    if first.value is None or second.value is None or first.value != int(first.value):
        return None
    if not (0 < second.value < 100 and second.value == int(second.value)):
        return None
    link = SUBUNIT_LINK_RE.fullmatch(text, first.unit_end, second.start)
    if not link:
        return None
    named = second.unit in SUBUNITS
    bare = second.unit_category is None and second.currency is None and "and" not in link.group()
    if not (named or bare):
        return None
    end = max(second.end, second.unit_end)
    return replace(first, end=end, unit_end=end, value=first.value + second.value / 100)


def _share_of_scale(text: str, first: Candidate, second: Candidate) -> Candidate | None:
    """ "three quarters of a billion (dollars)": a share of a bare scale word."""
    if first.kind != "words" or first.value is None or not 0 < first.value < 1:
        return None
    if second.kind != "words" or second.value is None or second.value < 1000:
        return None
    if text[second.start : second.start + 2].lower() not in ("a ", "an"):
        return None  # "a billion", "a million"; not "half of 3 million"
    if not SHARE_LINK_RE.fullmatch(text, first.end, second.start):
        return None
    return replace(second, start=first.start, value=first.value * second.value)
