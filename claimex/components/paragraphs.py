"""Sentence boundaries that the parser must respect: paragraphs and the header line.

News text puts a headline without a full stop above the first paragraph and often
hard-wraps nothing: a line break is always the end of a sentence. Runs before the parser,
which keeps boundaries that are already set.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from claimex.text import doc_text

NEWLINE_RE = re.compile(r"\r\n?|\n")  # CRLF, old Mac CR and Unix LF line ends
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
        text = doc_text(doc)
        starts = doc.to_array(IDX)
        # After a line break: the first token that starts after it (space tokens start nothing).
        firsts = {bisect_right(starts, m.start()) for m in NEWLINE_RE.finditer(text)}
        _, _, title_start = parse_header(text)
        if title_start is not None:
            firsts.add(bisect_left(starts, title_start))
        sent_starts = doc.to_array(SENT_START)
        spaces = doc.to_array(IS_SPACE)
        for i in firsts:
            if 0 < i < len(doc) and not spaces[i]:
                sent_starts[i] = 1
        # One write for all (setting token.is_sent_start scans the whole doc each time).
        doc.from_array([SENT_START], sent_starts)
        return doc


@Language.factory("claimex_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> ParagraphSentencizer:
    return ParagraphSentencizer()
