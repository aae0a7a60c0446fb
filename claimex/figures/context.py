"""The words around a number: unit, qualifier, trend and the noun phrase it counts.

Helpers of the figures component. Each reads the raw text (offsets stay exact) or the
dependency parse; every word list is a lexicon file, every pattern is compiled once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from claimex.figures.numbers import Number, alternation, scales, scan_numbers, table
from claimex.lexicons import words


def _surface_pattern(surface: str) -> str:
    """Lower-case words of 3+ letters match in any case; symbols and abbreviations exactly."""
    escaped = re.escape(surface)
    return f"(?i:{escaped})" if surface.islower() and len(surface) >= 3 else escaped


def _longest_first(surfaces: list[str]) -> str:
    ordered = sorted(set(surfaces), key=len, reverse=True)
    return "|".join(_surface_pattern(s) for s in ordered)


@cache
def units() -> dict[str, tuple[str, str]]:
    """Surface -> (unit, category); case-insensitive surfaces are keyed in lower case too."""
    found = {row[0]: (row[1], row[2]) for row in table("units.tsv")}
    return found | {s.lower(): found[s] for s in list(found) if s.islower() and len(s) >= 3}


@cache
def unit_re() -> re.Pattern[str]:
    """A unit right after a number: "5%", "19 per cent", "30 yards", "10kW", "6.1-inch"."""
    return re.compile(rf"[ \u00a0-]?(?P<unit>{_longest_first(list(units()))})(?![A-Za-z0-9])")


@cache
def suffix_currencies() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in table("currencies.tsv") if row[2] == "suffix"}


@cache
def currency_suffix_re() -> re.Pattern[str]:
    """A currency after an amount: "1,200€", "5 EUR", "333.6 million yen", "of dollars"."""
    surfaces = [row[0] for row in table("currencies.tsv") if row[2] == "suffix"]
    return re.compile(rf"(?: of)?[ \u00a0]?(?P<cur>{_longest_first(surfaces)})(?![A-Za-z0-9])")


def unit_after(text: str, end: int) -> tuple[str | None, str | None, int, int]:
    """(unit, unit category, unit start, unit end) of what follows ``end``; category is
    percent, money (currencies, cents) or quantity."""
    match = currency_suffix_re().match(text, end)
    if match:
        code = suffix_currencies()[match.group("cur").lower()]
        return code, "money", match.start("cur"), match.end()
    match = unit_re().match(text, end)
    if match:
        surface = match.group("unit")
        unit, category = units().get(surface) or units()[surface.lower()]
        return unit, category, match.start("unit"), match.end()
    return None, None, end, end


@dataclass(frozen=True)
class Candidate:
    """A number found in the text with what follows it; ``end`` includes a percent sign or
    currency symbol written after it, ``unit_end`` any other unit ("30 yards")."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    factor: float = 1.0
    currency: str | None = None
    unit: str | None = None
    unit_category: str | None = None
    unit_end: int = 0
    category: str | None = None
    kind: str = "digits"


def read_candidates(text: str) -> list[Candidate]:
    """Every number of ``text`` with the unit or currency written after it."""
    return [_with_unit(text, number) for number in scan_numbers(text)]


@cache
def scale_after_currency_re() -> re.Pattern[str]:
    """A scale after a currency code that follows the number: "40 USD million", "5 EUR bn"."""
    return re.compile(rf"[ \u00a0]?(?:{alternation(list(scales()))})(?![A-Za-z0-9])")


def _with_unit(text: str, number: Number) -> Candidate:
    unit, category, unit_start, unit_end = unit_after(text, number.end)
    currency = number.currency
    value, factor = number.value, number.factor
    if category == "money" and unit and unit.isupper() and len(unit) == 3:
        currency, unit = currency or unit, None  # an ISO code: "5 EUR", "10 million yen"
        scale = scale_after_currency_re().match(text, unit_end)
        if scale and factor == 1.0 and value is not None:
            factor = scales()[scale.group().strip()][0]
            value, unit_end = value * factor, scale.end()
    # "5%", "19 per cent" and "1,200€" are written as one amount; "30 yards" is not
    whole = category == "percent" or (category == "money" and not text[unit_start].isalpha())
    return Candidate(
        start=number.start,
        end=unit_end if whole else number.end,
        value=value,
        low=number.low,
        high=number.high,
        factor=factor,
        currency=currency,
        unit=unit,
        unit_category=category,
        unit_end=unit_end,
        kind=number.kind,
    )


@cache
def left_qualifier_ends() -> tuple[str, ...]:
    return tuple(row[0].lower() for row in table("qualifiers.tsv") if row[2] == "left")


@cache
def qualifier_res() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Patterns of a qualifier ending right before a number and starting right after it."""
    rows = table("qualifiers.tsv")
    lookup = {row[0].lower(): row[1] for row in rows}
    left = alternation([row[0] for row in rows if row[2] == "left"])
    right = alternation([row[0] for row in rows if row[2] == "right"])
    before = re.compile(rf"(?<![\w-])(?P<q>{left})[ \u00a0]*\Z", re.IGNORECASE)
    after = re.compile(rf"[ \u00a0]?(?P<q>{right})(?![\w])(?![ \u00a0]or[ \u00a0]minus)", re.I)
    return before, after, lookup


# Qualifiers that are also prepositions: before a lone "one" they are prepositions
# ("unite around one candidate", "talked about one thing").
PREPOSITIONS = frozenset({"about", "around", "over", "under", "above", "below", "some"})


def qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    """(qualifier, its start) when a qualifier phrase ends right before ``start``."""
    window = text[max(0, start - 30) : start]
    if not window.rstrip(" \u00a0").lower().endswith(left_qualifier_ends()):
        return None, start  # most numbers: no need to search the window
    before, _, lookup = qualifier_res()
    match = before.search(text, max(0, start - 30), start)
    if not match or not _ends_word(match.group("q"), text, start):
        return None, start
    if match.group("q").lower() in PREPOSITIONS and ONE_RE.match(text, start):
        return None, start
    return lookup[match.group("q").lower()], match.start("q")


def _ends_word(phrase: str, text: str, start: int) -> bool:
    """A word qualifier needs a space before the number ("over 5"); "sub-7", "~25" touch."""
    return not phrase[-1].isalpha() or text[start - 1 : start].isspace()


TIME_UNITS = frozenset("year month week day hour minute second decade century".split())
# "lost four years later", "rose two days ago": a point in time, not the size of a change.
TIME_POINT_RE = re.compile(r"[ \u00a0]+(?:ago|later|earlier|before|after)\b")
OVER_RE = re.compile(r"over\b", re.IGNORECASE)
WORDS_BETWEEN_RE = re.compile(r"(?:[ \u00a0]+[A-Za-z]+){0,3}[ \u00a0]+")
LAST_WORD_RE = re.compile(r"([A-Za-z]+)[ \u00a0]+\Z")
NOT_SPREAD = frozenset({"for", "in", "after", "of", "than", "took", "lasted", "waited", "served"})


def spans_a_period(text: str, over: int, unit: str | None, previous_end: int) -> bool:
    """ "over" before a time amount is the period something is spread across, not "more
    than", after a spreading verb ("spread over four years") or right after an amount in the
    same clause ("$5bn over five years"); "for over four years" stays more than."""
    if unit not in TIME_UNITS or not OVER_RE.match(text, over):
        return False
    last = LAST_WORD_RE.search(text, max(0, over - 20), over)
    word = last.group(1).lower() if last else ""
    if word in words("duration_verbs.txt"):
        return True
    close = 0 <= previous_end <= over and WORDS_BETWEEN_RE.fullmatch(text, previous_end, over)
    return bool(close) and word not in NOT_SPREAD


def qualifier_after(text: str, end: int) -> tuple[str | None, int]:
    _, after, lookup = qualifier_res()
    match = after.match(text, end)
    if not match:
        return None, end
    return lookup[match.group("q").lower()], match.end()


@cache
def trend_words() -> dict[tuple[str, str], str]:
    return {(row[0], row[2]): row[1] for row in table("trends.tsv")}


# Words that may stand between a change word and its amount: "increased by 2 percent", "a rise
# of 9%".
TREND_FILLERS = frozenset(
    "by of a an just only another further sharply slightly marginally also nearly almost".split()
    + ["some"]
)
WORD_RE = re.compile(r"[A-Za-z']+|[^\sA-Za-z']")


def trend_of(text: str, start: int, end: int) -> str | None:
    """up/down when a change word governs the amount: "rose 7 percent", "+0.2%", "5% lower"."""
    if text[start - 1 : start] == "+":
        return "up"
    words = WORD_RE.findall(text[max(0, start - 40) : start])
    for word in reversed(words[-4:]):
        direction = trend_words().get((word.lower(), "left"))
        if direction:
            return direction
        if word.lower() not in TREND_FILLERS:
            break
    following = WORD_RE.findall(text[end : end + 12])
    if following:
        return trend_words().get((following[0].lower(), "right"))
    return None


# The dependency relations by which a number modifies the noun it counts.
COUNTING_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
NP_DEPS = frozenset({"compound", "amod", "nmod", "nummod"})
ONE_RE = re.compile(r"one\b(?![ -](?:in|out|of|hundred|thousand|million|billion|trillion)\b)", re.I)
BRACKETED_RE = re.compile(r"\s*[\[(]([^\[\]()]{1,60})[\])]")


def counted_of(doc: Doc, text: str, start: int, end: int) -> str | None:
    """The noun phrase a count counts: "12,000 of them [North Korean troops]", "2,000 people"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    noun = _counted_noun(root, span)
    if noun is None:
        return None
    if noun.pos_ == "PRON":
        match = BRACKETED_RE.match(text, noun.idx + len(noun.text))
        return match.group(1).strip() if match else None
    return _noun_phrase(noun, span)


def _counted_noun(root: Token, span: Span) -> Token | None:
    head = root.head
    if root.dep_ in COUNTING_DEPS and head.i >= span.end and head.pos_ in ("NOUN", "PROPN"):
        return head
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def _has_number(token: Token) -> bool:
    return any(t.like_num for t in token.subtree)


def _noun_phrase(noun: Token, span: Span) -> str:
    """The noun with its left modifiers that come after the number itself."""
    first = noun.i
    for child in noun.lefts:
        if child.i >= span.end and child.dep_ in NP_DEPS and not _has_number(child):
            first = min(first, max(child.left_edge.i, span.end))
    return noun.doc[first : noun.i + 1].text
