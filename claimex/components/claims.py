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

from spacy.language import Language
from spacy.tokens import Doc

from claimex.components._ext import guarded, register_extensions
from claimex.text import doc_text

register_extensions()

CLAIM_FIGURE_CATEGORIES = {"count", "money", "percent", "quantity"}


def _inside(item: dict, start: int, end: int) -> bool:
    return start <= item["start"] and item["end"] <= end


def number_figures(figures: list[dict], quotes: list[dict]) -> list[dict]:
    """The figures in text order with their ``id`` and the ``quote_id`` of the first quote
    holding them (in one of its spans)."""
    ordered = sorted(figures, key=lambda f: (f["start"], f["end"]))
    numbered = []
    for i, figure in enumerate(ordered, 1):
        quote_id = next(
            (
                q["id"]
                for q in quotes
                if any(_inside(figure, p["start"], p["end"]) for p in q.get("spans") or [q])
            ),
            None,
        )
        numbered.append({**figure, "id": f"f{i}", "quote_id": quote_id})
    return numbered


def _organisation_ids(orgs: list[dict], start: int, end: int) -> list[str]:
    return [o["id"] for o in orgs if any(_inside(m, start, end) for m in o["mentions"])]


def _claim(start: int, end: int, text: str, orgs: list[dict], **links) -> dict:
    """A claim without id (numbered once all are in order); ``links``: speaker_id, quote_id,
    figure_ids."""
    claim = {"id": "", "text": text, "start": start, "end": end, "speaker_id": None}
    claim.update({"quote_id": None, "figure_ids": [], **links})
    claim["organisation_ids"] = _organisation_ids(orgs, start, end)
    return claim


def build_claims(doc: Doc, quotes: list[dict], figures: list[dict], orgs: list[dict]) -> list:
    """Claims of quotes and of unquoted sentences with figures; ``figures`` numbered."""
    claims = []
    for q in quotes:
        speaker = q.get("speaker") or {}
        figure_ids = [f["id"] for f in figures if f["quote_id"] == q["id"]]
        links = {"speaker_id": speaker.get("speaker_id"), "quote_id": q["id"]}
        claims.append(_claim(q["start"], q["end"], q["text"], orgs, figure_ids=figure_ids, **links))
    unquoted = [
        f for f in figures if f["quote_id"] is None and f["category"] in CLAIM_FIGURE_CATEGORIES
    ]
    full = doc_text(doc)
    for sent in doc.sents if unquoted else ():
        raw = full[sent.start_char : sent.end_char]  # Span.text would rebuild it from tokens
        text = raw.strip()
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        end = start + len(text)
        in_sentence = [f["id"] for f in unquoted if _inside(f, start, end)]
        if text and in_sentence:
            claims.append(_claim(start, end, text, orgs, figure_ids=in_sentence))
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
