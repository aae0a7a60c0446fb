"""Claims: the joined view of what the other claimex components found.

Contract: reads ``doc._.claimex_quotes``, ``claimex_figures``, ``claimex_organisations`` (and
the speaker ids that ``claimex_speakers`` puts on the quotes); numbers the figures in text
order (``id`` "f1", "f2", ...) and gives each the ``quote_id`` of the quote it is in; writes
``doc._.claimex_claims``, a list of dicts with the fields of :class:`claimex.models.Claim`:
one claim per quote, and one per sentence outside any quote that states a count, an amount
of money, a percentage or a quantity, each with its speaker, figures and organisations (id
"c1", "c2", ... in text order).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from claimex.components._ext import guarded, register_extensions
from claimex.text import Covering, doc_text

register_extensions()

CLAIM_FIGURE_CATEGORIES = {"count", "money", "percent", "quantity"}


def number_figures(figures: list[dict], quotes: list[dict]) -> list[dict]:
    """The figures in text order with their ``id`` and the ``quote_id`` of the first quote
    holding them (in one of its spans)."""
    ordered = sorted(figures, key=lambda f: (f["start"], f["end"]))
    pieces = Covering(
        (p["start"], p["end"], (n, p["end"]))
        for n, q in enumerate(quotes)
        for p in q.get("spans") or [q]
    )
    numbered = []
    for i, figure in enumerate(ordered, 1):
        holders = [n for n, end in pieces.owners(figure["start"]) if figure["end"] <= end]
        quote_id = quotes[min(holders)]["id"] if holders else None
        numbered.append({**figure, "id": f"f{i}", "quote_id": quote_id})
    return numbered


class _Mentions:
    """The organisations' mentions in text order, to find those inside a span by bisection."""

    def __init__(self, orgs: list[dict]):
        self.ids = [o["id"] for o in orgs]
        mentions = sorted(
            (m["start"], m["end"], n) for n, o in enumerate(orgs) for m in o["mentions"]
        )
        self.starts = [m[0] for m in mentions]
        self.mentions = mentions

    def ids_inside(self, start: int, end: int) -> list[str]:
        """The ids, in the organisations' order, of those with a mention inside start..end."""
        first, last = bisect_left(self.starts, start), bisect_right(self.starts, end)
        inside = {n for _, m_end, n in self.mentions[first:last] if m_end <= end}
        return [self.ids[n] for n in sorted(inside)]


def _claim(start: int, end: int, text: str, orgs: _Mentions, **links) -> dict:
    """A claim without id (numbered once all are in order); ``links``: speaker_id, quote_id,
    figure_ids."""
    claim = {"id": "", "text": text, "start": start, "end": end, "speaker_id": None}
    claim.update({"quote_id": None, "figure_ids": [], **links})
    claim["organisation_ids"] = orgs.ids_inside(start, end)
    return claim


def build_claims(doc: Doc, quotes: list[dict], figures: list[dict], orgs: list[dict]) -> list:
    """Claims of quotes and of unquoted sentences with figures; ``figures`` numbered (in
    text order, as :func:`number_figures` gives them)."""
    claims = []
    mentions = _Mentions(orgs)
    by_quote: dict[str, list[str]] = {}
    for f in figures:
        by_quote.setdefault(f["quote_id"], []).append(f["id"])
    for q in quotes:
        speaker = q.get("speaker") or {}
        figure_ids = by_quote.get(q["id"], [])
        links = {"speaker_id": speaker.get("speaker_id"), "quote_id": q["id"]}
        claims.append(
            _claim(q["start"], q["end"], q["text"], mentions, figure_ids=figure_ids, **links)
        )
    unquoted = [
        f for f in figures if f["quote_id"] is None and f["category"] in CLAIM_FIGURE_CATEGORIES
    ]
    starts = [f["start"] for f in unquoted]
    full = doc_text(doc)
    for sent in doc.sents if unquoted else ():
        raw = full[sent.start_char : sent.end_char]  # Span.text would rebuild it from tokens
        text = raw.strip()
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        end = start + len(text)
        near = unquoted[bisect_left(starts, start) : bisect_right(starts, end)]
        in_sentence = [f["id"] for f in near if f["end"] <= end]
        if text and in_sentence:
            claims.append(_claim(start, end, text, mentions, figure_ids=in_sentence))
    claims.sort(key=lambda c: (c["start"], c["end"]))
    for i, claim in enumerate(claims, 1):
        claim["id"] = f"c{i}"
    return claims


def join_claims(doc: Doc) -> Doc:
    """Number the figures and build the claims of ``doc`` (see the module's contract)."""
    quotes = doc._.claimex_quotes or []
    figures = number_figures(doc._.claimex_figures or [], quotes)
    doc._.claimex_figures = figures
    orgs = doc._.claimex_organisations or []
    doc._.claimex_claims = build_claims(doc, quotes, figures, orgs)
    return doc


class ClaimBuilder:
    @guarded("claimex_claims")
    def __call__(self, doc: Doc) -> Doc:
        return join_claims(doc)


@Language.factory("claimex_claims")
def make_claims(nlp: Language, name: str) -> ClaimBuilder:
    return ClaimBuilder()
