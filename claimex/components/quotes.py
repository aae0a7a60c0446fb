"""Quotes: direct, indirect and mixed, each with cue and speaker mention.

Contract: ``doc._.claimex_quotes`` is a list of dicts with the fields of
:class:`claimex.models.Quote`: id ("q1", "q2", ... in text order), text, start, end, kind,
spans [{start, end}], cue {text, start, end} | None, speaker {text, start, end, name: None,
speaker_id: None} | None, confidence, rule. Names are filled in by ``claimex_speakers``.

The work is in :mod:`claimex.quotes`: quote-mark pairing on the raw text (``marks``), cues
and speaker mentions from the parse (``cues``, ``mentions``), the joining of the two
(``assemble``, ``continuations``) and the quote records (``records``). One pass over the
sentences; the lexicons are loaded once.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimex.components._ext import ReadsLexicons, guarded, register_extensions
from claimex.quotes.assemble import drafts_for_cues
from claimex.quotes.colons import colon_cues
from claimex.quotes.continuations import continuations
from claimex.quotes.cues import find_cues
from claimex.quotes.fragments import fragment_quotes
from claimex.quotes.layout import dash_signatures, headline_attribution, transcript_turns
from claimex.quotes.marks import find_quoted
from claimex.quotes.records import to_dicts
from claimex.quotes.regions import Regions
from claimex.text import doc_text

register_extensions()


def find_quotes(doc: Doc, join_continuations: bool = True) -> list[dict]:
    text = doc_text(doc)
    if not text.strip():
        return []
    regions = Regions(text, find_quoted(text))
    drafts = headline_attribution(regions) + transcript_turns(regions)
    cues = []
    for sent in doc.sents:
        found = find_cues(sent, regions.voiced_at)
        found += colon_cues(sent, regions.voiced_at, found)
        cues += sorted(found, key=lambda cue: cue.start)
    drafts += drafts_for_cues(regions, cues) + dash_signatures(regions)
    drafts += continuations(regions, drafts, join_continuations)
    drafts += fragment_quotes(doc, regions)
    return to_dicts(doc, regions, drafts)


class QuoteExtractor(ReadsLexicons):
    def __init__(self, join_continuations: bool = True, lexicons: dict | None = None):
        super().__init__(lexicons)
        self.join_continuations = join_continuations

    @guarded("claimex_quotes")
    def __call__(self, doc: Doc) -> Doc:
        doc._.claimex_quotes = find_quotes(doc, self.join_continuations)
        return doc


@Language.factory("claimex_quotes", default_config={"join_continuations": True, "lexicons": {}})
def make_quotes(
    nlp: Language, name: str, join_continuations: bool, lexicons: dict
) -> QuoteExtractor:
    """``join_continuations``: a quotation continuing after ``"...," said X.`` is a further
    span of X's quote instead of a quote of its own (PolNeAR's convention). ``lexicons``:
    changes to the packaged word lists (see claimex.config)."""
    return QuoteExtractor(join_continuations, lexicons)
