"""Quotes: direct, indirect and mixed, each with cue and speaker mention.

Contract: ``doc._.claimex_quotes`` is a list of dicts with the fields of
:class:`claimex.models.Quote`: id ("q1", "q2", ... in text order), text, start, end, kind,
spans [{start, end}], cue {text, start, end} | None, speaker {text, start, end, name: None,
speaker_id: None} | None, confidence, rule. Names are filled in by ``claimex_speakers``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimex.components._ext import guarded, register_extensions

register_extensions()


def find_quotes(doc: Doc) -> list[dict]:
    return []


class QuoteExtractor:
    @guarded("claimex_quotes")
    def __call__(self, doc: Doc) -> Doc:
        doc._.claimex_quotes = find_quotes(doc)
        return doc


@Language.factory("claimex_quotes")
def make_quotes(nlp: Language, name: str) -> QuoteExtractor:
    return QuoteExtractor()
