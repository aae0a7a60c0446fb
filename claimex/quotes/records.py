"""From drafts to the quote records of ``doc._.claimex_quotes``: one draft per content (the
one whose rule reads the sentence more closely), none that is part of another quote's
account, pieces that hold both marks of a quotation or neither, kind and confidence.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from spacy.tokens import Doc

from claimex.models import CONTENT_JOINER
from claimex.quotes.content import Offsets
from claimex.quotes.layout import without_dateline
from claimex.quotes.regions import Draft, Regions, within
from claimex.text import Covering, doc_text

SAME_SHARE = 0.5  # two drafts sharing this much of their letters are one quote
SHORT_EXTENT = 2_000  # characters; see _KeptIndex
# A rule's confidence is the share of its quotes that match an annotated attribution on the
# PolNeAR train split (840 articles), to the nearest 0.05, so that a higher confidence means a
# higher precision. By rule; where the kind of quote it made changes that share, by kind too
# (a quotation beside its cue is right 98 times in 100 when wholly in marks, 77 when a
# lead-in made it mixed). "dash" (one quote on train; 22 of 23 on dev) and "continuation"
# (made only with --separate-continuations) are set beside the rules they resemble.
CONFIDENCE = {
    "cue-after": 0.95,
    "split": 0.95,
    "cue-before": 0.9,
    "clause": 0.85,
    "source": 0.85,
    "headline": 0.85,
    "transcript": 0.85,
    "interrupted": 0.8,
    "dash": 0.8,
    "continuation": 0.8,
    "intention": 0.75,
    "cognition": 0.75,
    "fragment": 0.75,
    "stance": 0.7,
    "answer": 0.7,
    "question": 0.65,
    "colon": 0.35,
}
KIND_CONFIDENCE = {
    "mixed-cue-after": 0.75,
    "mixed-cue-before": 0.75,
    "mixed-split": 0.75,
    "direct-clause": 0.9,
    "mixed-clause": 0.9,
    "mixed-interrupted": 0.85,
    "mixed-source": 0.7,
    "mixed-intention": 0.85,
    "direct-intention": 0.85,
    "direct-stance": 0.8,
    "mixed-stance": 0.75,
    "mixed-cognition": 0.7,
}
# Which of two drafts for the same words stays (see _distinct): the one whose rule reads the
# sentence more closely, a draft with a speaker before one without. An order, not a
# probability: "according to X" goes before the clause it holds even where the clause rule
# is the more precise one.
PRECEDENCE = {
    "cue-after": 0.9,
    "split": 0.9,
    "cue-before": 0.85,
    "source": 0.8,
    "dash": 0.8,
    "transcript": 0.8,
    "clause": 0.75,
    "continuation": 0.75,
    "interrupted": 0.7,
    "headline": 0.7,
    "colon": 0.7,
    "question": 0.6,
    "answer": 0.6,
    "cognition": 0.55,
    "intention": 0.55,
    "fragment": 0.5,
    "stance": 0.45,
}
NO_SPEAKER_PENALTY = 0.15  # e.g. the clause rule: 0.86 with a speaker, 0.68 without
UNCLOSED_PENALTY = 0.1  # an unclosed quotation may run too far
CLOSING_PUNCT = " .,;:!?"  # what a quotation may end with after its last word
PARSE_RULES = ("clause", "interrupted", "question", "answer", "colon")  # content from the parse


def to_dicts(doc: Doc, regions: Regions, drafts: list[Draft]) -> list[dict]:
    """The quote dicts (contract of ``doc._.claimex_quotes``), numbered in text order."""
    text, out = doc_text(doc), []
    for d in sorted(_outside_others(_distinct(regions, drafts)), key=lambda d: d.pieces[0]):
        d.pieces = [_whole_marks(regions, piece) for piece in d.pieces]
        d.pieces[0] = without_dateline(text, d.pieces[0])
        d.kind = regions.kind(d.pieces)
        start, end = d.pieces[0][0], d.pieces[-1][1]
        out.append(
            {
                "id": f"q{len(out) + 1}",
                "text": text[start:end],
                "start": start,
                "end": end,
                "content": CONTENT_JOINER.join(text[s:e] for s, e in d.pieces),
                "kind": d.kind,
                "spans": [{"start": s, "end": e} for s, e in d.pieces] if len(d.pieces) > 1 else [],
                "cue": _span(text, *d.cue_offsets()) if d.cue_offsets() else None,
                "speaker": _mention(text, d.speaker),
                "confidence": _confidence(regions, d),
                "rule": f"{d.kind}-{d.rule}",
            }
        )
    return out


def _whole_marks(regions: Regions, piece: Offsets) -> Offsets:
    """A piece holds both marks of a quotation or neither: one that takes in a quotation's
    words and one of its marks takes the other too (`called it "a sieve"`, not `called it
    "a sieve`, nor `was "optimistic at best` without its `."`); a piece of quoted words
    only (a direct quote's) stays inside the marks."""
    start, end = piece
    mixed = regions.kind([piece]) == "mixed"
    for i in regions.overlapping(start, end):
        q = regions.items[i]
        # ending at the quotation's last word: only its stop and closing mark are left out
        last_word = q.start < end <= q.end and not regions.text[end : q.end].strip(CLOSING_PUNCT)
        if mixed and start <= q.open_start and (q.end <= end or last_word) and end < q.close_end:
            end = q.close_end
        if mixed and q.open_start < start <= q.start and q.close_end <= end:
            start = q.open_start
        if not mixed:
            start = q.start if q.open_start <= start < q.start else start
            end = q.end if q.end < end <= q.close_end else end
    return start, end


def _union(pieces: list[Offsets]) -> list[Offsets]:
    """The pieces as sorted, disjoint stretches (what they cover, each character once)."""
    out: list[Offsets] = []
    for start, end in sorted(pieces):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        elif start < end:
            out.append((start, end))
    return out


def _shared_letters(regions: Regions, a: list[Offsets], b: list[Offsets]) -> int:
    """Letters covered by both of two unions of stretches."""
    shared = i = j = 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start < end:
            shared += regions.letters(start, end)[0]
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return shared


def _distinct(regions: Regions, drafts: list[Draft]) -> list[Draft]:
    """One quote per content: of two drafts sharing most of their letters (two cues for the
    same words, "X said, citing ..." nested in "according to"), the more confident stays."""
    kept: list[Draft] = []
    index = _KeptIndex()
    ranked = sorted(drafts, key=lambda d: _precedence(regions, d), reverse=True)
    for draft in ranked:
        union = _union(draft.pieces)
        letters = sum(regions.letters(s, e)[0] for s, e in union)
        if not letters:
            continue
        if any(
            _shared_letters(regions, union, other) >= SAME_SHARE * max(letters, count)
            for other, count in index.overlapping(union[0][0], union[-1][1])
        ):
            continue
        kept.append(draft)
        index.add(union, letters)
    return kept


class _KeptIndex:
    """The kept drafts' stretches, found by where they lie: only drafts that overlap can
    share letters, and comparing each draft with every kept one is quadratic in a long text.
    Short extents are sorted by start (one that overlaps starts at most SHORT_EXTENT before);
    the few long ones are always compared."""

    def __init__(self):
        self.starts: list[int] = []
        self.short: list[tuple[list[Offsets], int]] = []
        self.long: list[tuple[list[Offsets], int]] = []

    def add(self, union: list[Offsets], letters: int) -> None:
        start, end = union[0][0], union[-1][1]
        if end - start > SHORT_EXTENT:
            self.long.append((union, letters))
            return
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.short.insert(i, (union, letters))

    def overlapping(self, start: int, end: int) -> Iterator[tuple[list[Offsets], int]]:
        first = bisect_left(self.starts, start - SHORT_EXTENT)
        for union, letters in self.short[first : bisect_left(self.starts, end)]:
            if union[-1][1] > start:
                yield union, letters
        for union, letters in self.long:
            if union[0][0] < end and union[-1][1] > start:
                yield union, letters


def _outside_others(drafts: list[Draft]) -> list[Draft]:
    """A cue inside what another quote reports ("A told aides that B, according to X",
    "The memo argued that the rival, who said B, had no path") is part of that account: the
    parse's content of that cue is no quote of its own: PolNeAR annotates a third of these
    nested reports (31 of the 96 on its train split). A quotation in marks stays."""
    covering = Covering((start, end, d) for d in drafts for start, end in d.pieces)
    return [
        d
        for d in drafts
        if not (
            d.rule in PARSE_RULES
            and d.kind != "direct"
            and d.cue is not None
            and any(
                other is not d and not _nested_in(other, d)
                for other in covering.owners(d.cue.start)
            )
        )
    ]


def _nested_in(draft: Draft, other: Draft) -> bool:
    """``draft``'s cue lies in ``other``'s content."""
    return draft.cue is not None and within(draft.cue.start, [other])


def _mention(text: str, speaker: Offsets | None) -> dict | None:
    if speaker is None:
        return None
    return {**_span(text, *speaker), "name": None, "speaker_id": None}


def _span(text: str, start: int, end: int) -> dict:
    return {"text": text[start:end], "start": start, "end": end}


def _precedence(regions: Regions, d: Draft) -> float:
    unclosed = regions.unclosed(d.regions)
    return round(PRECEDENCE.get(d.rule, 0.6) - 0.15 * unclosed - 0.2 * (d.speaker is None), 2)


def _confidence(regions: Regions, d: Draft) -> float:
    score = KIND_CONFIDENCE.get(f"{d.kind}-{d.rule}", CONFIDENCE.get(d.rule, 0.6))
    if regions.unclosed(d.regions):
        score -= UNCLOSED_PENALTY
    if d.speaker is None:
        score -= NO_SPEAKER_PENALTY
    return round(max(0.05, min(1.0, score)), 2)
