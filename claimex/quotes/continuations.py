"""Continuations: a quotation no cue claims, opening a sentence right after a quote, goes on
with that quote and has its speaker (`"A," she said. "B."`): a quote of its own or, joined, a
further piece of the same quote.
"""

from __future__ import annotations

from heapq import heappop, heappush

from claimex.quotes.marks import Quoted
from claimex.quotes.regions import INLINE_SPACE, Draft, Regions
from claimex.text import sentence

MIN_FLOATING_WORDS = 3
QUOTATION_RULES = ("cue-after", "cue-before", "split")  # a quotation beside its cue


def continuations(regions: Regions, drafts: list[Draft], join: bool = False) -> list[Draft]:
    """Quotations no cue claimed that go on from the quote before them: new quotes with the
    same speaker, or (``join``) further pieces of that quote."""
    out: list[Draft] = []
    ended = _Ended(sorted(drafts, key=_outer_end))
    for i, q in enumerate(regions.items):
        last = _continued(regions, ended, i, q)
        if last is None:
            continue
        used = regions.chain(i)
        regions.claimed.update(used)
        pieces = regions.pieces(used)
        if join:
            last.pieces += pieces
            last.regions += used
            last.kind = regions.kind(last.pieces)
            ended.moved(last)
        else:
            out.append(Draft(pieces, "continuation", None, last.speaker, used))
            ended.add(out[-1])
    return out


def _continued(regions: Regions, ended: _Ended, i: int, q: Quoted) -> Draft | None:
    """The quote with a speaker that the unclaimed quotation ``q`` (number ``i``) goes on
    from: one opening a sentence, with nothing but the quote's own sentence between them."""
    if i in regions.claimed or not _opens_sentence(regions.text, q):
        return None
    if len(regions.text[q.start : q.end].split()) < MIN_FLOATING_WORDS:
        return None
    ended.admit(q.open_start)
    last = ended.last()
    if last is None:
        return None
    anchor = max([_outer_end(last)] + [regions.items[j].close_end for j in last.regions])
    if last.cue is not None:
        anchor = max(anchor, sentence(last.cue.token).end_char)
    if regions.text[anchor : q.open_start].strip(INLINE_SPACE + "\n.,"):
        return None
    # `"A," he said when asked about B. "C."`: the question has no speaker; the quotation does
    last = ended.quoted_in_same_sentence(last)
    return None if last.speaker is None else last


def _opens_sentence(text: str, q: Quoted) -> bool:
    i = q.open_start  # the character before the mark and its spaces, without copying the text
    while i > 0 and text[i - 1] in INLINE_SPACE:
        i -= 1
    return i == 0 or text[i - 1] in '\n.!?:"\u201d\u2019'


class _Ended:
    """The drafts in a fixed order (by where they end, then as added), and those that end by
    a character, which only grows (the quotations come in text order): what continuations()
    asks for each quotation, from heaps instead of a scan of every draft."""

    def __init__(self, drafts: list[Draft]):
        self.drafts: list[Draft] = []
        self.position: dict[int, int] = {}  # id(draft) -> its place in the order
        self.ends: list[int] = []
        self.waiting: list[tuple[int, int]] = []  # (end, place) of drafts not ended yet
        self.done: set[int] = set()  # places of the drafts ended by the last admit()
        self.latest: list[tuple[int, int]] = []  # (-end, place) of ended drafts
        self.by_sentence: dict[tuple[int, int], list[int]] = {}  # -place of quotations
        for draft in drafts:
            self.add(draft)

    def add(self, draft: Draft) -> None:
        self.position[id(draft)] = len(self.drafts)
        self.drafts.append(draft)
        self.ends.append(_outer_end(draft))
        heappush(self.waiting, (self.ends[-1], len(self.drafts) - 1))

    def moved(self, draft: Draft) -> None:
        """``draft`` got further pieces: it ends later now."""
        place = self.position[id(draft)]
        self.done.discard(place)
        self.ends[place] = _outer_end(draft)
        heappush(self.waiting, (self.ends[place], place))

    def admit(self, char: int) -> None:
        """Count as ended the drafts that end at or before ``char``."""
        while self.waiting and self.waiting[0][0] <= char:
            end, place = heappop(self.waiting)
            if end != self.ends[place] or place in self.done:
                continue  # moved since it was pushed
            self.done.add(place)
            heappush(self.latest, (-end, place))
            draft = self.drafts[place]
            if (
                draft.rule in QUOTATION_RULES
                and draft.cue is not None
                and draft.speaker is not None
            ):
                sent = sentence(draft.cue.token)
                heappush(self.by_sentence.setdefault((sent.start, sent.end), []), -place)

    def last(self) -> Draft | None:
        """The ended draft that ends last (the first in the order of those that tie)."""
        while self.latest:
            end, place = self.latest[0]
            if place in self.done and -end == self.ends[place]:
                return self.drafts[place]
            heappop(self.latest)
        return None

    def quoted_in_same_sentence(self, last: Draft) -> Draft:
        """`"A," she said, adding that B. "C."`: C goes on with the quotation A, not with the
        reported B, when both hang on the same sentence (the last such ended quotation)."""
        if last.cue is None or last.rule in QUOTATION_RULES:
            return last
        sent = sentence(last.cue.token)
        same = self.by_sentence.get((sent.start, sent.end), [])
        while same and -same[0] not in self.done:
            heappop(same)
        return self.drafts[-same[0]] if same else last


def _outer_end(d: Draft) -> int:
    ends = [d.pieces[-1][1]]
    if d.cue_offsets() is not None:
        ends.append(d.cue_offsets()[1])
    if d.speaker is not None:
        ends.append(d.speaker[1])
    return max(ends)
