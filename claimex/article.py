"""Building the validated :class:`~claimex.models.Article` from a processed Doc.

Claims are the joined view: one per attributed quote, and one per sentence outside any quote
that states a figure, each with its speaker, figures and organisations.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimex.components.paragraphs import parse_header
from claimex.models import Article, Claim, Figure, Organisation, Quote, Speaker
from claimex.text import doc_text

CLAIM_FIGURE_CATEGORIES = {"count", "money", "percent", "quantity"}


def _inside(start: int, end: int, outer_start: int, outer_end: int) -> bool:
    return outer_start <= start and end <= outer_end


def _org_ids_in(orgs: list[Organisation], start: int, end: int) -> list[str]:
    return [o.id for o in orgs if any(_inside(m.start, m.end, start, end) for m in o.mentions)]


def _number_figures(figures: list[dict]) -> list[Figure]:
    ordered = sorted(figures, key=lambda f: (f["start"], f["end"]))
    return [Figure(**{**f, "id": f"f{i}"}) for i, f in enumerate(ordered, 1)]


def _link_figures(figures: list[Figure], quotes: list[Quote]) -> None:
    for figure in figures:
        for quote in quotes:
            pieces = quote.spans or [quote]
            if any(_inside(figure.start, figure.end, p.start, p.end) for p in pieces):
                figure.quote_id = quote.id
                break


def build_claims(
    doc: Doc, quotes: list[Quote], figures: list[Figure], orgs: list[Organisation]
) -> list[Claim]:
    claims: list[Claim] = []
    for quote in quotes:
        claims.append(
            Claim(
                id="",
                text=quote.text,
                start=quote.start,
                end=quote.end,
                speaker_id=quote.speaker.speaker_id if quote.speaker else None,
                quote_id=quote.id,
                figure_ids=[f.id for f in figures if f.quote_id == quote.id],
                organisation_ids=_org_ids_in(orgs, quote.start, quote.end),
            )
        )
    unquoted = [f for f in figures if f.quote_id is None and f.category in CLAIM_FIGURE_CATEGORIES]
    full = doc_text(doc)
    for sent in doc.sents:
        raw = full[sent.start_char : sent.end_char]  # Span.text would rebuild it from tokens
        text = raw.strip()
        if not text:
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        end = start + len(text)
        in_sentence = [f.id for f in unquoted if _inside(f.start, f.end, start, end)]
        if in_sentence:
            claims.append(
                Claim(
                    id="",
                    text=text,
                    start=start,
                    end=end,
                    figure_ids=in_sentence,
                    organisation_ids=_org_ids_in(orgs, start, end),
                )
            )
    claims.sort(key=lambda c: (c.start, c.end))
    for i, claim in enumerate(claims, 1):
        claim.id = f"c{i}"
    return claims


def build_article(doc: Doc, source: str) -> Article:
    date, title, _ = parse_header(doc_text(doc))
    quotes = [Quote(**q) for q in doc._.claimex_quotes or []]
    speakers = [Speaker(**s) for s in doc._.claimex_speakers or []]
    orgs = [Organisation(**o) for o in doc._.claimex_organisations or []]
    figures = _number_figures(doc._.claimex_figures or [])
    _link_figures(figures, quotes)
    article = Article(
        source=source,
        title=title,
        date=date,
        quotes=quotes,
        speakers=speakers,
        figures=figures,
        organisations=orgs,
        claims=build_claims(doc, quotes, figures, orgs),
    )
    article._input_text = doc_text(doc)
    return article


def keep_confident(article: Article, least: float) -> Article:
    """The article without its quotes of confidence under ``least``, nor anything pointing to
    them: their claims go, speakers' ``quote_ids`` and figures' ``quote_id`` drop them.
    Speakers, figures and organisations themselves stay (they are in the text all the same)."""
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
