"""Ranges: two numbers joined by "to", a dash, "between ... and", "or"; shares "1 in 5".

The scale or unit written once after the second number belongs to both ends
("4 to 5 million", "5 to 7 per cent"). Scores ("2-0") are dropped before, with the codes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimex.figures.context import Candidate, qualifier_before, trend_words

# "5-10", "25 – 40" (an en dash may stand between spaces), "5—10"; a spaced em dash sets off
# an aside ("four in 10 — 38 percent — said").
DASH_RE = re.compile(r"(?:[-\u2010\u2011\u2014]|[ \u00a0]?\u2013[ \u00a0]?|[ \u00a0]to-|-to-)\Z")
# A hyphen between spaces joins a range only upwards ("1500 - 1800"): "in 2019 - 20 died" no.
SPACED_HYPHEN_RE = re.compile(r"[ \u00a0]-[ \u00a0]\Z")
# "3 or 4 percent in 2024 and 2025 respectively": two figures, not a range.
RESPECTIVELY_RE = re.compile(r"[^.;!?]*?\brespectively\b")
BETWEEN_RE = re.compile(r"\bbetween[ \u00a0]+\Z", re.IGNORECASE)
WORD_LINK_RE = re.compile(r"[ \u00a0]+(?P<link>to|through|and|or|out of|in)[ \u00a0]+\Z")
FROM_TO_RE = re.compile(r"[^,;:()]{0,50}[ \u00a0]to[ \u00a0]+")
UNKNOWN_UNIT_RE = re.compile(
    r"[ \u00a0][^\s\d,;:()][^\s,;:()]*(?:[ \u00a0][^\s\d,;:()][^\s,;:()]*)?"
    r"(?=[ \u00a0]to[ \u00a0])"
)
PREVIOUS_WORD_RE = re.compile(r"(?P<word>[A-Za-z]+)[ \u00a0]*\Z")
NOT_RANGES = frozenset({"date", "time", "ordinal"})


def merge_ranges(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Join numbers that form a range, dashes first ("24.2 to 33-35 billion")."""
    return _merge(text, _merge(text, candidates, dashes=True), dashes=False)


def _merge(text: str, candidates: list[Candidate], dashes: bool) -> list[Candidate]:
    merged: list[Candidate] = []
    skipped: set[int] = set()
    for i, first in enumerate(candidates):
        if i in skipped:
            continue
        j, link = _partner(text, candidates, i, dashes)
        if link is None:
            merged.append(first)
        else:
            merged.append(_join(text, first, candidates[j], link))
            skipped.add(j)
    return merged


def _partner(
    text: str, candidates: list[Candidate], i: int, dashes: bool
) -> tuple[int, str | None]:
    """The other end of a range starting at ``candidates[i]`` and the link between them."""
    first = candidates[i]
    if i + 1 < len(candidates):
        link = _link(text, first, candidates[i + 1], dashes)
        if link:
            return i + 1, link
    if dashes or first.kind == "range" or _previous_word(text, first) != "from":
        return -1, None
    # "from $75 U.S. per barrel to $45.88", "from 20 mpg in 2008 to 29": dates may stand between
    for j in range(i + 1, min(i + 4, len(candidates))):
        second = candidates[j]
        if second.category in NOT_RANGES:
            continue
        between = text[first.end : second.start]
        if FROM_TO_RE.fullmatch(between) and second.value is not None:
            return (j, "to") if _compatible(first, second) else (-1, None)
        break
    return -1, None


def _link(text: str, first: Candidate, second: Candidate, dashes: bool) -> str | None:
    """How ``first`` and ``second`` are joined: dash, to, and, or, out of, in, or None."""
    if first.category in NOT_RANGES or second.category in NOT_RANGES:
        return None
    if first.kind in ("vague", "range") or second.kind == "vague":
        return None
    if first.value is None or second.high is None and second.value is None:
        return None
    if not _compatible(first, second):
        return None
    repeated = _repeated_unit_end(text, first, second)
    for end in dict.fromkeys((first.end, first.unit_end, repeated or first.end)):
        between = text[end : second.start]
        if dashes and DASH_RE.fullmatch(between):
            return "dash"
        if dashes and SPACED_HYPHEN_RE.fullmatch(between) and _rising(first, second):
            return "dash"
        match = None if dashes else WORD_LINK_RE.fullmatch(between)
        if match and _word_link_holds(text, first, second, match.group("link")):
            return match.group("link")
    return None


def _repeated_unit_end(text: str, first: Candidate, second: Candidate) -> int:
    """End of a unit the lexicon lacks but the text repeats after both ends:
    "1.3 A/cm2 to 0.03 A/cm2"; else 0."""
    match = UNKNOWN_UNIT_RE.match(text, first.end, second.start)
    if match and text.startswith(match.group(), second.end):
        return match.end()
    return 0


def _compatible(first: Candidate, second: Candidate) -> bool:
    """Same currency and unit, or the first end leaves them to the second."""
    if first.currency and second.currency and first.currency != second.currency:
        return False
    if first.unit_category and second.unit_category and first.unit != second.unit:
        return False
    kinds = {_measure(c) for c in (first, second)} - {None}
    return len(kinds) <= 1  # not "1.3 percent to $191.6 million"


def _measure(candidate: Candidate) -> str | None:
    return "money" if candidate.currency else candidate.unit_category


def _word_link_holds(text: str, first: Candidate, second: Candidate, link: str) -> bool:
    previous = _previous_word(text, first)
    if link == "and":
        return previous == "between"
    if link == "or":  # "three or four"; not "either 5 or 50", "3 or 4 ... respectively"
        if previous in ("either", "whether") or RESPECTIVELY_RE.match(text, second.end):
            return False
        return first.kind == second.kind and _rising(first, second)
    if link in ("out of", "in"):  # "one out of three", "1 in 5": a share
        whole = first.unit_category is None and first.currency is None
        return whole and (link == "out of" or (first.value or 0) < (second.value or 0))
    if previous == "from":
        return True
    falling = not _rising(first, second)
    with_unit = first.unit_category or first.currency or _repeated_unit_end(text, first, second)
    if falling and not with_unit:
        return False  # "odds of 10 to 1"; but "1.3 A/cm2 to 0.03 A/cm2" is a range
    # "rose 5% to 10%", "up $43.6 billion to $419.2 billion": a change, then a level; but
    # "fell by 1 to 1.5 degrees" leaves the unit to the second end and is a range
    if not (first.unit_category or first.currency):
        return True
    return previous != "by" and (previous, "left") not in trend_words()


def _rising(first: Candidate, second: Candidate) -> bool:
    return (first.value or 0) < (second.value if second.value is not None else second.high or 0)


def _previous_word(text: str, candidate: Candidate) -> str:
    _, start = qualifier_before(text, candidate.start)
    match = PREVIOUS_WORD_RE.search(text, max(0, start - 30), start)
    return match.group("word").lower() if match else ""


def _join(text: str, first: Candidate, second: Candidate, link: str) -> Candidate:
    """One candidate for the range (or share) from ``first`` to ``second``."""
    low = first.value or 0.0
    high = second.value if second.value is not None else second.high or 0.0
    if link in ("out of", "in"):
        return replace(first, end=second.end, value=low / high if high else None, kind="fraction")
    nearest = second.value if second.value is not None else second.low
    if second.factor > 1 and first.factor == 1 and low <= (nearest or high) / second.factor:
        low *= second.factor  # "4 to 5 million", "$89 to $93 billion"; not "$200 to $4 million"
    between = BETWEEN_RE.search(text, max(0, first.start - 12), first.start)
    return replace(
        second,
        start=between.start() if link == "and" and between else first.start,
        value=None,
        low=min(low, high),
        high=max(low, high),
        currency=first.currency or second.currency,
        kind="range",
    )
