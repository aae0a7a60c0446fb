"""Figures: numbers with value, range, qualifier, unit and what is counted.

Contract: ``doc._.claimex_figures`` is a list of dicts with the fields of
:class:`claimex.models.Figure` except ``id`` and ``quote_id`` (assigned when the article is
built): text, start, end, value, low, high, unit, qualifier, trend, counted, category.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimex.components._ext import guarded, register_extensions

register_extensions()


def find_figures(doc: Doc) -> list[dict]:
    return []


class FigureExtractor:
    @guarded("claimex_figures")
    def __call__(self, doc: Doc) -> Doc:
        doc._.claimex_figures = find_figures(doc)
        return doc


@Language.factory("claimex_figures")
def make_figures(nlp: Language, name: str) -> FigureExtractor:
    return FigureExtractor()
