"""Building the validated :class:`~claimex.models.Article` from a processed Doc.

The claims and the figures' ids come from the ``claimex_claims`` component
(:mod:`claimex.components.claims`); for a pipeline without it they are joined here the same way.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimex.components.claims import join_claims
from claimex.components.paragraphs import parse_header
from claimex.models import Article, Claim, Figure, Organisation, Quote, Speaker
from claimex.spill import spill_of
from claimex.text import doc_text


def build_article(doc: Doc, source: str) -> Article:
    if doc._.claimex_claims is None:
        join_claims(doc)
    date, title, _ = parse_header(doc_text(doc))
    article = Article(
        source=source,
        title=title,
        date=date,
        quotes=[Quote(**q) for q in doc._.claimex_quotes or []],
        speakers=[Speaker(**s) for s in doc._.claimex_speakers or []],
        figures=[Figure(**f) for f in doc._.claimex_figures],
        organisations=[Organisation(**o) for o in doc._.claimex_organisations or []],
        claims=[Claim(**c) for c in doc._.claimex_claims],
    )
    article._input_text = doc_text(doc)
    return article


def keep_confident(article: Article, least: float) -> Article:
    """The article without its quotes of confidence under ``least``, nor anything pointing to
    them: their claims go, speakers' ``quote_ids`` and figures' ``quote_id`` drop them.
    Speakers, figures and organisations themselves stay (they are in the text all the same).
    A record whose lists are spilled (:mod:`claimex.spill`) is changed in place."""
    spill = spill_of(article)
    if spill is not None:
        spill.drop_quotes(least)
        return article
    dropped = {q.id for q in article.quotes if q.confidence < least}
    if not dropped:
        return article
    return article.model_copy(  # keeps the private input text
        update={
            "quotes": [q for q in article.quotes if q.id not in dropped],
            "speakers": [
                s.model_copy(update={"quote_ids": [i for i in s.quote_ids if i not in dropped]})
                for s in article.speakers
            ],
            "figures": [
                f.model_copy(update={"quote_id": None}) if f.quote_id in dropped else f
                for f in article.figures
            ],
            "claims": [c for c in article.claims if c.quote_id not in dropped],
        }
    )
