"""Sentence boundaries that the parser must respect: paragraphs and the header line.

News text puts a headline without a full stop above the first paragraph and often
hard-wraps nothing: a line break is always the end of a sentence. Runs before the parser,
which keeps boundaries that are already set.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# " date 2025-02-24 Headline text" as the first line of an article.
HEADER_RE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})[ \t]+([^\n]*\S)[ \t]*(?:\r?\n|\Z)")


def parse_header(text: str) -> tuple[str | None, str | None, int | None]:
    """Return (date, title, title_start) of a ``date YYYY-MM-DD headline`` first line."""
    match = HEADER_RE.match(text)
    if not match:
        return None, None, None
    return match.group(1), match.group(2), match.start(2)


class ParagraphSentencizer:
    def __call__(self, doc: Doc) -> Doc:
        _, _, title_start = parse_header(doc.text)
        for i, token in enumerate(doc):
            if i == 0:
                continue
            previous = doc[i - 1]
            if token.is_space:
                continue
            if "\n" in previous.text_with_ws or (previous.is_space and "\n" in previous.text):
                token.is_sent_start = True
            elif title_start is not None and token.idx == title_start:
                token.is_sent_start = True
        return doc


@Language.factory("claimex_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> ParagraphSentencizer:
    return ParagraphSentencizer()
