"""The text of a Doc, read once, and other per-document tables built once."""

import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span, Token

KEY = "claimex_text"
TABLE_PREFIX = "claimex_table:"
T = TypeVar("T")
Owner = TypeVar("Owner")


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document: spaCy joins it from the tokens on every access,
    which the claimex components would otherwise do about ten times per document."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return text


def doc_table(doc: Doc, name: str, build: Callable[[Doc], T]) -> T:
    """``build(doc)``, computed once per document and kept in its user data: the index a
    rule looks things up in instead of scanning the document again for every token."""
    key = TABLE_PREFIX + name
    table = doc.user_data.get(key)
    if table is None:
        table = doc.user_data[key] = build(doc)
    return table


def forget_tables(doc: Doc) -> Doc:
    """Drop the tables of :func:`doc_table` (a Doc sent back by a worker process carries its
    user data, and Doc.from_docs warns about user data it cannot merge)."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(TABLE_PREFIX)]:
        del doc.user_data[key]
    return doc


def sentence(token: Token) -> Span:
    """``token.sent`` from a table built once per document: spaCy's own walks the sentence
    from the token to both its ends, which over a long sentence makes every rule that asks
    for it quadratic."""
    starts, ends = doc_table(token.doc, "sents", _sentence_table)
    return token.doc[starts[token.i] : ends[token.i]]


def _sentence_table(doc: Doc) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for sent in doc.sents:
        length = sent.end - sent.start
        starts.extend([sent.start] * length)
        ends.extend([sent.end] * length)
    return starts, ends


def without_invisible(text: str) -> str:
    """``text`` without invisible format characters (zero-width space, direction marks, a
    byte-order mark inside the text, soft hyphen): they must not split or pad a name. For
    names only; offsets always count them."""
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


class Covering(Generic[Owner]):
    """Character ranges ``(start, end, owner)``, to ask which cover a character without
    scanning them all: sorted by start, with the furthest end reached so far, a lookup goes
    back only over the ranges that may still reach the character."""

    def __init__(self, ranges: Iterable[tuple[int, int, Owner]]):
        self.ranges = sorted(ranges, key=lambda r: (r[0], r[1]))
        self.starts = [start for start, _, _ in self.ranges]
        self.reach = list(accumulate((end for _, end, _ in self.ranges), max))

    def owners(self, char: int) -> Iterator[Owner]:
        """The owners of the ranges with ``start <= char < end``, the latest start first."""
        i = bisect_right(self.starts, char) - 1
        while i >= 0 and self.reach[i] > char:
            _, end, owner = self.ranges[i]
            if end > char:
                yield owner
            i -= 1

    def covers(self, char: int) -> bool:
        return any(True for _ in self.owners(char))
