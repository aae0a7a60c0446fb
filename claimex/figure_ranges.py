"""Ranges: two numbers joined by "to", a dash, "between ... and", "or"; "1 out of 3".

The scale or unit written once after the second number belongs to both ends
("4 to 5 million", "5 to 7 per cent"); a dash between two small whole numbers where the first
is not the smaller one is a score ("2-0"), not a range, and is dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimex.figure_context import Candidate, qualifier_before, trend_words

DASH_RE = re.compile(r"(?:[-\u2010\u2011]|[ \u00a0]?[\u2013\u2014][ \u00a0]?|[ \u00a0]to-)\Z")
WORD_LINK_RE = re.compile(r"[ \u00a0]+(?P<link>to|through|and|or|out of)[ \u00a0]+\Z")
PREVIOUS_WORD_RE = re.compile(r"(?P<word>[A-Za-z]+)[ \u00a0]*\Z")
NOT_RANGES = frozenset({"date", "time", "ordinal"})


def merge_ranges(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Join neighbouring numbers that form a range; drop scores."""
    merged: list[Candidate] = []
    i = 0
    while i < len(candidates):
        first = candidates[i]
        second = candidates[i + 1] if i + 1 < len(candidates) else None
        link = _link(text, first, second) if second else None
        if link == "score":
            i += 2
        elif link and second:
            merged.append(_join(first, second, link))
            i += 2
        else:
            merged.append(first)
            i += 1
    return merged


def _link(text: str, first: Candidate, second: Candidate) -> str | None:
    """How ``first`` and ``second`` are joined: dash, to, and, or, out of, score, or None."""
    if first.category in NOT_RANGES or second.category in NOT_RANGES:
        return None
    if "vague" in (first.kind, second.kind) or not _compatible(first, second):
        return None
    for end in dict.fromkeys((first.end, first.unit_end)):
        between = text[end : second.start]
        if DASH_RE.fullmatch(between):
            return "score" if _is_score(text, first, second) else "dash"
        match = WORD_LINK_RE.fullmatch(between)
        if match and _word_link_holds(text, first, second, match.group("link")):
            return match.group("link")
    return None


def _compatible(first: Candidate, second: Candidate) -> bool:
    """Same currency and unit, or the first end leaves them to the second."""
    if first.currency and second.currency and first.currency != second.currency:
        return False
    if first.unit_category and second.unit_category and first.unit != second.unit:
        return False
    return not (first.currency and second.unit_category not in (None, "money"))


def _is_score(text: str, first: Candidate, second: Candidate) -> bool:
    plain = all(text[c.start : c.end].isdigit() for c in (first, second))
    return plain and (first.value or 0) >= (second.value or 0) and (first.value or 0) < 100


def _word_link_holds(text: str, first: Candidate, second: Candidate, link: str) -> bool:
    previous = _previous_word(text, first)
    if link == "and":
        return previous == "between"
    if link == "or":
        return first.kind == second.kind and (first.value or 0) < (second.value or 0)
    if link == "out of":
        return True
    # "rose 5% to 10%", "increased by $43.6 billion to $419.2 billion": a change, then a level
    return previous == "from" or (previous != "by" and (previous, "left") not in trend_words())


def _previous_word(text: str, candidate: Candidate) -> str:
    _, start = qualifier_before(text, candidate.start)
    match = PREVIOUS_WORD_RE.search(text, max(0, start - 30), start)
    return match.group("word").lower() if match else ""


def _join(first: Candidate, second: Candidate, link: str) -> Candidate:
    low, high = first.value, second.value
    if low is None or high is None:
        return first
    if link == "out of":
        return replace(first, end=second.end, value=low / high if high else None, kind="fraction")
    if second.factor > 1 and first.factor == 1 and low <= high / second.factor:
        low *= second.factor  # "4 to 5 million", "$89 to $93 billion"; not "$200 to $4 million"
    return replace(
        second,
        start=first.start,
        value=None,
        low=min(low, high),
        high=max(low, high),
        currency=first.currency or second.currency,
        kind="range",
    )
