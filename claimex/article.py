"""Building the validated :class:`~claimex.models.Article` from a processed Doc.

The claims and the figures' ids come from the ``claimex_claims`` component
(:mod:`claimex.components.claims`); for a pipeline without it they are joined here the same way.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimex.components.claims import join_claims
from claimex.components.paragraphs import parse_header
from claimex.models import Article, Claim, Figure, Organisation, Quote, Speaker
from claimex.text import doc_text


def build_article(doc: Doc, source: str) -> Article:
    if doc._.claimex_claims is None:
        join_claims(doc)
    date, title, _ = parse_header(doc_text(doc))
    return Article(
        source=source,
        title=title,
        date=date,
        quotes=[Quote(**q) for q in doc._.claimex_quotes or []],
        speakers=[Speaker(**s) for s in doc._.claimex_speakers or []],
        figures=[Figure(**f) for f in doc._.claimex_figures],
        organisations=[Organisation(**o) for o in doc._.claimex_organisations or []],
        claims=[Claim(**c) for c in doc._.claimex_claims],
    )
