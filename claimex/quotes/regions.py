"""The quotations of a document and the drafts of quotes made from them and from cues.

:class:`Regions` answers what the drafting rules ask of the quotations (is this character
quoted, which quotation ends before or starts after it, how many of a stretch's letters are
quoted); a :class:`Draft` is a quote before one draft per content is kept.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import numpy

from claimex.quotes.content import Cue, Offsets
from claimex.quotes.marks import Quoted

# Runs of letters and digits: re's \w is str.isalnum() or "_".
ALNUM_RUN_RE = re.compile(r"[^\W_]+")
DIRECT_SHARE = 0.95  # the data's definition: >= 95% of the letters inside quote marks
INLINE_SPACE = " \t\u00a0\u2009\u202f"  # news text often puts a no-break space after a stop


@dataclass
class Draft:
    pieces: list[Offsets]
    rule: str
    cue: Cue | None = None
    speaker: Offsets | None = None
    regions: list[int] = field(default_factory=list)
    kind: str = "direct"
    cue_span: Offsets | None = None  # a cue that is no word of the parse (a dash)

    def cue_offsets(self) -> Offsets | None:
        return (self.cue.start, self.cue.end) if self.cue is not None else self.cue_span


class Regions:
    """The quotations of a document, with fast "is this character quoted?" lookups."""

    def __init__(self, text: str, quoted: list[Quoted]):
        self.text, self.items = text, quoted
        self.inside = bytearray(len(text))
        for q in quoted:
            self.inside[q.start : q.end] = b"\x01" * (q.end - q.start)
        self.voiced = bytearray(len(text))
        self.opens = [q.open_start for q in quoted]
        self.ends = [q.end for q in quoted]
        self._letters: list[int] | None = None
        self._quoted_letters: list[int] | None = None
        self.claimed: set[int] = set()
        self.anchored: set[int] = set()  # quotations with a cue right after them

    def quoted(self, char: int) -> bool:
        return 0 <= char < len(self.inside) and bool(self.inside[char])

    def voice(self, start: int, end: int) -> None:
        """Mark start..end as someone's own words (a transcript turn): no cues inside."""
        self.voiced[start:end] = b"\x01" * (end - start)

    def voiced_at(self, char: int) -> bool:
        return self.quoted(char) or (0 <= char < len(self.voiced) and bool(self.voiced[char]))

    def chain(self, i: int) -> list[int]:
        """Region ``i`` and the paragraphs that continue it without closing it; a paragraph
        with a cue of its own right after it (`"...," added X`) starts a new quote."""
        out = [i]
        while self.items[out[-1]].continued and out[-1] + 1 < len(self.items):
            if out[-1] + 1 in self.anchored:
                break
            out.append(out[-1] + 1)
        return out

    def back_chain(self, i: int) -> list[int]:
        """Region ``i`` with the unclaimed paragraphs before it that it continues
        (`"A.` / `"B," she said.`: the cue after the last paragraph owns them all)."""
        first = i
        while first > 0 and self.items[first - 1].continued and first - 1 not in self.claimed:
            first -= 1
        return list(range(first, i + 1))

    def ending_before(self, char: int) -> int | None:
        i = bisect_left(self.opens, char) - 1
        return i if i >= 0 and self.items[i].close_end <= char else None

    def starting_after(self, char: int) -> int | None:
        i = bisect_left(self.opens, char)
        return i if i < len(self.items) else None

    def overlapping(self, start: int, end: int) -> list[int]:
        # The quotations are disjoint and in text order, so their ends are sorted too.
        i, found = bisect_right(self.ends, start), []
        while i < len(self.items) and self.items[i].start < end:
            found.append(i)
            i += 1
        return found

    def letters(self, start: int, end: int) -> tuple[int, int]:
        """How many letters or digits start..end holds, and how many of them are quoted:
        from running counts built once, so a long draft costs no more than a short one."""
        if self._letters is None:
            alnum = numpy.zeros(len(self.text), dtype=numpy.int64)
            for run in ALNUM_RUN_RE.finditer(self.text):
                alnum[run.start() : run.end()] = 1
            self._letters = [0, *numpy.cumsum(alnum).tolist()]
            quoted = alnum & numpy.frombuffer(self.inside, dtype=numpy.uint8)
            self._quoted_letters = [0, *numpy.cumsum(quoted).tolist()]
        quoted = self._quoted_letters
        return self._letters[end] - self._letters[start], quoted[end] - quoted[start]

    def kind(self, pieces: list[Offsets]) -> str:
        """ "direct" when the quote marks hold nearly all the pieces' letters, "mixed" when
        they hold some, else "indirect"."""
        letters = quoted = 0
        for start, end in pieces:
            piece_letters, piece_quoted = self.letters(start, end)
            letters += piece_letters
            quoted += piece_quoted
        if letters and quoted >= DIRECT_SHARE * letters:
            return "direct"
        return "mixed" if quoted else "indirect"

    def pieces(self, indexes: list[int]) -> list[Offsets]:
        """The words of the quotations ``indexes``, inside their marks."""
        return [(self.items[i].start, self.items[i].end) for i in indexes]

    def unclosed(self, indexes: list[int]) -> bool:
        """Whether one of the quotations ``indexes`` has no closing mark."""
        return any(not self.items[i].closed for i in indexes)


def within(char: int, drafts: list[Draft]) -> bool:
    """Whether ``char`` lies in a piece of one of ``drafts``."""
    return any(s <= char < e for d in drafts for s, e in d.pieces)
