"""Figures: numbers with value, range, qualifier, unit and what is counted.

Contract: ``doc._.claimex_figures`` is a list of dicts with the fields of
:class:`claimex.models.Figure` except ``id`` and ``quote_id`` (assigned when the article is
built): text, start, end, value, low, high, unit, qualifier, trend, counted, category.

The numbers are read from the raw text (:mod:`claimex.figures.numbers`), so offsets are exact and
forms the tokenizer splits oddly ("1.5bn", "5%-10%", "US $58.24") come out whole; the parse
and the named entities only decide what a number counts and whether it is a year. Steps:
units and currencies after each number (:mod:`claimex.figures.context`), amounts in two
parts (:mod:`claimex.figures.amounts`), dates, times,
ordinals and non-figures (:mod:`claimex.figures.filters`), ranges
(:mod:`claimex.figures.ranges`), then qualifier, trend and counted noun per figure.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from claimex.components._ext import ReadsLexicons, guarded, register_extensions
from claimex.figures.amounts import join_parts
from claimex.figures.context import (
    TIME_POINT_RE,
    TIME_UNITS,
    Candidate,
    counted_of,
    qualifier_after,
    qualifier_before,
    read_candidates,
    spans_a_period,
    trend_of,
)
from claimex.figures.filters import classify
from claimex.figures.ranges import merge_ranges
from claimex.text import doc_text

register_extensions()

NOT_COUNTED = frozenset({"date", "time", "ordinal"})
RESTATE_RE = re.compile(r"[ \u00a0]*(?:[(/]|,[ \u00a0]*or\b)[ \u00a0]*")
BY_RE = re.compile(r"\bby[ \u00a0]+\Z")
SENTENCE_END_RE = re.compile(r"[.!?][\"\u201d\u2019')\]]*\s|\n")


def category_of(candidate: Candidate) -> str:
    if candidate.category:
        return candidate.category
    if candidate.currency or candidate.unit_category == "money":
        return "money"
    if candidate.unit_category == "percent":
        return "percent"
    if candidate.unit_category == "quantity":
        return "quantity"
    return "count"


def to_figure(doc: Doc, text: str, candidate: Candidate, previous_end: int = -1) -> dict:
    """The output record: qualifier and trend from the words around, counted from the parse;
    ``previous_end`` is where the figure before it ends."""
    start, end = candidate.start, candidate.end
    qualifier = None
    category = category_of(candidate)
    if category not in NOT_COUNTED:
        qualifier, start = qualifier_before(text, start)
        if qualifier and spans_a_period(text, start, candidate.unit, previous_end):
            qualifier, start = None, candidate.start
        if qualifier is None:
            qualifier, end = qualifier_after(text, end)
    counted = counted_of(doc, text, candidate.start, candidate.end) if category == "count" else None
    return {
        "text": text[start:end],
        "start": start,
        "end": end,
        "value": candidate.value,
        "low": candidate.low,
        "high": candidate.high,
        "unit": candidate.currency or (candidate.unit if category != "count" else None),
        "qualifier": qualifier,
        "trend": _trend(text, start, max(end, candidate.unit_end), candidate.unit, category),
        "counted": counted,
        "category": category,
    }


def _trend(text: str, start: int, end: int, unit: str | None, category: str) -> str | None:
    """Amounts, rates and measures change ("rose 7%"); a count only with "by" ("fell by
    3,000"): "lost 3,000 people" is a loss, not a fall of a number; "lost four years later"
    says when."""
    if unit in TIME_UNITS and TIME_POINT_RE.match(text, end):
        return None
    if category in NOT_COUNTED or (
        category == "count" and not BY_RE.search(text, max(0, start - 40), start)
    ):
        return None
    return trend_of(text, start, end)


def find_figures(doc: Doc) -> list[dict]:
    text = doc_text(doc)
    if not text.strip():
        return []
    candidates = join_parts(text, read_candidates(text))
    candidates = merge_ranges(text, classify(doc, text, candidates))
    figures: list[dict] = []
    previous: tuple[Candidate, dict] | None = None
    for candidate in candidates:
        figure = to_figure(doc, text, candidate, previous[1]["end"] if previous else -1)
        if previous and _restates(text, previous[0], candidate):
            figure["qualifier"] = figure["qualifier"] or previous[1]["qualifier"]
            figure["trend"] = figure["trend"] or previous[1]["trend"]
        if previous and _counts_the_same(text, previous[1], figure):
            figure["counted"] = previous[1]["counted"]
        figures.append(figure)
        previous = (candidate, figure)
    return figures


def _counts_the_same(text: str, first: dict, second: dict) -> bool:
    """A bare count after a count of something in the same sentence counts the same:
    "12,000 troops, with 4,000 either killed or wounded", "Rubio has 163 delegates, Kasich 63"."""
    if second["category"] != "count" or second["counted"] or not first["counted"]:
        return False
    if first["category"] != "count" or second["value"] is None:
        return False
    return not SENTENCE_END_RE.search(text, first["end"], second["start"])


def _restates(text: str, first: Candidate, second: Candidate) -> bool:
    """``second`` converts ``first`` in brackets, after a slash or ", or": "just under 296 hp
    (224 kW / 300 PS)", "more than 7.5 million crowns (US $1.1 million)", "fell 430 points, or
    2.1%": the qualifier and the trend hold for both."""
    if category_of(first) in NOT_COUNTED or category_of(second) in NOT_COUNTED:
        return False
    return bool(RESTATE_RE.fullmatch(text, max(first.end, first.unit_end), second.start))


class FigureExtractor(ReadsLexicons):
    @guarded("claimex_figures")
    def __call__(self, doc: Doc) -> Doc:
        doc._.claimex_figures = find_figures(doc)
        return doc


@Language.factory("claimex_figures", default_config={"lexicons": {}})
def make_figures(nlp: Language, name: str, lexicons: dict) -> FigureExtractor:
    """``lexicons``: changes to the packaged word lists (see claimex.config)."""
    return FigureExtractor(lexicons)
