"""From quotations and cues to quotes: content pieces, kind, speaker, continuation.

A cue next to a quotation (`"...," she said` / `she said: "..."` / `"...," she said, "..."`)
takes the quotation as its content; otherwise the content is the clause the parse gives the
cue, widened to whole quotations where it cuts into one (a mixed quote). A quotation no cue
claims, opening a sentence right after a quote, continues that quote and has its speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from heapq import heappop, heappush

import numpy
from spacy.tokens import Doc, Token

from claimex.models import CONTENT_JOINER
from claimex.quotes.cues import Cue, Offsets
from claimex.quotes.lexicon import SPEECH, lemma_in
from claimex.quotes.marks import Quoted
from claimex.text import Covering, doc_text, sentence

# Runs of letters and digits: re's \w is str.isalnum() or "_".
ALNUM_RUN_RE = re.compile(r"[^\W_]+")

# Between a quotation and a cue after it: `"...," she said` / `"..." - she said`; never a
# paragraph break (a paragraph opening with "Data show that ..." is not the quote's cue).
BEFORE_GAP = re.compile(r"[ \t\u00a0,\u2014\u2013-]*")
# Between a cue and a quotation after it: `she said: "..."`, `she told reporters, "..."`.
# A full stop only inside an abbreviation ("in Raleigh, N.C., "); `, but "...` in a split quote.
AFTER_GAP = re.compile(
    r"(?:[^.!?\"\u201c\u201d\n]|\.(?=\S)){0,100}?[,:]\s*(?:(?:but|and|then)\s+)?|[ \t]*"
)
STRONG = ("speech", "source")  # cues that stand on their own, not only inside others' words
# Words between a quotation and the speaker's name that belong to the speaker's phrase.
TITLE_POS = ("PROPN", "NOUN", "ADJ")
MAX_TITLE_WORDS = 5
SAME_SHARE = 0.5  # two drafts sharing this much of their letters are one quote
SHORT_EXTENT = 2_000  # characters; see _KeptIndex
DIRECT_SHARE = 0.95  # the data's definition: >= 95% of the letters inside quote marks
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
MIN_FLOATING_WORDS = 3
INLINE_SPACE = " \t\u00a0\u2009\u202f"  # news text often puts a no-break space after a stop
INTRODUCING_MARKS = (":", "-", "\u2013", "\u2014", "(")  # end words that introduce a quotation
QUOTATION_RULES = ("cue-after", "cue-before", "split")  # a quotation beside its cue
PARSE_RULES = ("clause", "interrupted", "question", "answer", "colon")  # content from the parse
# A word of these classes right before a quotation makes it a name or title ("on "Fox News
# Sunday"", "the "Grand Bargain""), not the quote that a following cue attributes.
TITLE_GOVERNORS = ("ADP", "DET", "VERB", "AUX", "ADJ", "PART", "SCONJ", "CCONJ")


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


def _clause(cue: Cue) -> Offsets:
    """The attribution clause: the cue and, when it is right beside it, its speaker."""
    start, end = cue.start, cue.end
    if cue.speaker and (cue.speaker[1] >= start - 30 and cue.speaker[0] <= end + 30):
        start, end = min(start, cue.speaker[0]), max(end, cue.speaker[1])
    return start, end


def _before(regions: Regions, cue: Cue, clause: Offsets) -> int | None:
    i = regions.ending_before(clause[0])
    if i is None or i in regions.claimed:
        return None
    q, text = regions.items[i], regions.text
    gap = BEFORE_GAP.match(text, q.close_end, clause[0]).end()
    speaker_first = cue.speaker is not None and cue.speaker[0] == clause[0]
    if gap < clause[0] and not (speaker_first and _title_words(cue.token.doc, gap, clause[0])):
        return None
    sent = sentence(cue.token)
    # `"... ended." He said more` is two sentences; `"... ended," he said` is one.
    if text[q.end - 1] == "." and sent.start_char >= q.close_end:
        return None
    word_before = _token_before(cue.token.doc, q.open_start)
    if word_before is not None and word_before.pos_ in TITLE_GOVERNORS:
        return None  # `on "Fox News Sunday," Pence said ...`: a title, not the quote
    return i


def _title_words(doc: Doc, start: int, end: int) -> bool:
    """Whether start..end holds only the words of a title or role before the speaker's name
    (`"...," Harbour police Chief Dana Moss said`), which the mention may leave out."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not 0 < len(span) <= MAX_TITLE_WORDS:
        return False
    # the tagger often takes a place name opening the phrase for a verb: capitals decide
    words = all(t.is_alpha and (t.pos_ in TITLE_POS or t.is_title) for t in span)
    return words and span[0].is_title


def _token_before(doc: Doc, char: int) -> Token | None:
    """The last token ending at or before ``char`` in its sentence, if it is a word."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    token = doc[span.start - 1]
    if token.is_space or token.is_punct or sentence(token) != sentence(doc[span.start]):
        return None
    return token


def _lead_in(regions: Regions, start: int, end: int) -> Offsets | None:
    """Words before the quotation in its sentence: `In 2012, "...," she said` is mixed; words
    ending in a colon, dash or bracket (`The senator scolded him: "...," she said`, `Neither
    was impressed - "...," he said`) introduce it instead."""
    if regions.text[start:end].rstrip(INLINE_SPACE + "\n").endswith(INTRODUCING_MARKS):
        return None
    return trimmed_piece(regions.text, start, end)


def trimmed_piece(text: str, start: int, end: int) -> Offsets | None:
    """``start``..``end`` without surrounding space and punctuation, or None if nothing is left."""
    piece = text[start:end]
    stripped = piece.strip(" \n\t,:;.\u2014\u2013-")
    if not stripped:
        return None
    offset = start + piece.index(stripped)
    return offset, offset + len(stripped)


def _after(regions: Regions, cue: Cue, clause: Offsets, split: bool) -> int | None:
    i = regions.starting_after(clause[1])
    if i is None or i in regions.claimed:
        return None
    gap = regions.text[clause[1] : regions.items[i].open_start]
    if not AFTER_GAP.fullmatch(gap):
        return None
    if split and not re.search(r",\s*(?:(?:but|and|then)\s+)?\Z", gap):
        return None
    doc = cue.token.doc
    span = doc.char_span(clause[1], regions.items[i].open_start, alignment_mode="expand")
    if span is not None and any(_claims_quotation(t) for t in span):
        return None  # `she said, adding later, "..."`: the quotation is the other verb's
    if _sentence_goes_on(doc, regions.text, regions.items[i]):
        return None  # `said that, "..." against ...`: a mixed quote, the parse decides
    return i


def _claims_quotation(token: Token) -> bool:
    """A verb between a cue and a quotation: a verb of saying or a clause of the writer's
    (`said that if A, "B"` is mixed) takes the quotation; an aside such as `joked, again
    using his accent, "..."` does not."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return token.tag_ != "VBG" or bool(lemma_in(token.text, SPEECH))


def _sentence_goes_on(doc: Doc, text: str, q: Quoted) -> bool:
    """Words follow the quotation's closing mark in the same sentence (``text`` is
    ``doc.text``, passed in because spaCy rebuilds it on every access)."""
    if not q.closed:
        return False
    last = doc.char_span(q.close_end - 1, q.close_end, alignment_mode="expand")
    if last is None:
        return False
    rest = text[q.close_end : sentence(last.root).end_char]
    return any(ch.isalnum() for ch in rest)


def _adjacent(regions: Regions, cue: Cue) -> Draft | None:
    clause = _clause(cue)
    before = _before(regions, cue, clause)
    after = _after(regions, cue, clause, split=before is not None)
    if before is None and after is None:
        return None
    used = (regions.back_chain(before) if before is not None else []) + (
        regions.chain(after) if after is not None else []
    )
    how = (
        "split"
        if before is not None and after is not None
        else ("cue-after" if before is not None else "cue-before")
    )
    pieces = [(regions.items[i].start, regions.items[i].end) for i in used]
    lead = None
    if before is not None:
        lead = _lead_in(regions, sentence(cue.token).start_char, regions.items[before].open_start)
    if lead is not None:
        pieces = _merged(regions.text, [lead, *pieces[:1]]) + pieces[1:]
    return Draft(pieces, how, cue, cue.speaker, used)


def ends_with_quotation(regions: Regions, start: int, end: int) -> int:
    """``end``, or the end of the last quotation in start..end when one is there: a
    characterisation ("called it "a disgrace" on Wednesday") ends with the quoted words."""
    inside = [regions.items[i] for i in regions.overlapping(start, end)]
    return max(q.end for q in inside) if inside else end


def _from_parse(regions: Regions, cue: Cue) -> Draft | None:
    if not cue.content:
        return None
    pieces = list(cue.content)
    if cue.kind == "stance" and cue.how == "stance":  # not "talked about X": X ends there
        pieces[-1] = (pieces[-1][0], ends_with_quotation(regions, *pieces[-1]))
    used = [i for s, e in pieces for i in regions.overlapping(s, e) if i not in regions.claimed]
    for i in used:
        pieces.append((regions.items[i].start, regions.items[i].end))
    how = cue.how if cue.kind == "speech" else cue.kind
    return Draft(_merged(regions.text, pieces), how, cue, cue.speaker, sorted(set(used)))


def _merged(text: str, pieces: list[Offsets]) -> list[Offsets]:
    """Pieces sorted, with overlapping ones or ones separated by marks/space joined."""
    out: list[Offsets] = []
    for start, end in sorted(pieces):
        between = text[out[-1][1] : start] if out else ""
        if out and (start <= out[-1][1] or not between.strip(" \n\"'\u201c\u201d\u2018\u2019")):
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _kind(regions: Regions, pieces: list[Offsets]) -> str:
    letters = quoted = 0
    for start, end in pieces:
        piece_letters, piece_quoted = regions.letters(start, end)
        letters += piece_letters
        quoted += piece_quoted
    if letters and quoted >= DIRECT_SHARE * letters:
        return "direct"
    return "mixed" if quoted else "indirect"


def _within(char: int, drafts: list[Draft]) -> bool:
    return any(s <= char < e for d in drafts for s, e in d.pieces)


def drafts_for_cues(regions: Regions, cues: list[Cue]) -> list[Draft]:
    """Speech cues first; a belief verb inside what someone said is part of it, no cue."""
    for cue in cues:
        before = _before(regions, cue, _clause(cue))
        if before is not None:
            regions.anchored.add(before)
    drafts: list[Draft] = []
    # Cues right beside a quotation first: they own it even when an earlier clause spans it.
    pending = []
    for cue in cues:
        draft = _adjacent(regions, cue)
        if draft is None:
            pending.append(cue)
        else:
            _claim(regions, draft, drafts)
    ordered = [c for c in pending if c.kind in STRONG] + [
        c for c in pending if c.kind not in STRONG
    ]
    for cue in ordered:
        if cue.kind not in STRONG and _within(cue.start, drafts):
            continue
        draft = _from_parse(regions, cue)
        if draft is not None:
            _claim(regions, draft, drafts)
    return drafts


def _claim(regions: Regions, draft: Draft, drafts: list[Draft]) -> None:
    regions.claimed.update(draft.regions)
    draft.kind = _kind(regions, draft.pieces)
    drafts.append(draft)


def _opens_sentence(text: str, q: Quoted) -> bool:
    i = q.open_start  # the character before the mark and its spaces, without copying the text
    while i > 0 and text[i - 1] in INLINE_SPACE:
        i -= 1
    return i == 0 or text[i - 1] in '\n.!?:"\u201d\u2019'


def continuations(regions: Regions, drafts: list[Draft], join: bool = False) -> list[Draft]:
    """Quotations no cue claimed that go on from the quote before them: new quotes with the
    same speaker, or (``join``) further pieces of that quote."""
    out: list[Draft] = []
    ended = _Ended(sorted(drafts, key=_outer_end))
    for i, q in enumerate(regions.items):
        if i in regions.claimed or not _opens_sentence(regions.text, q):
            continue
        if len(regions.text[q.start : q.end].split()) < MIN_FLOATING_WORDS:
            continue
        ended.admit(q.open_start)
        last = ended.last()
        if last is None:
            continue
        anchor = max([_outer_end(last)] + [regions.items[j].close_end for j in last.regions])
        if last.cue is not None:
            anchor = max(anchor, sentence(last.cue.token).end_char)
        if regions.text[anchor : q.open_start].strip(INLINE_SPACE + "\n.,"):
            continue
        # `"A," he said when asked about B. "C."`: the question has no speaker; the quotation does
        last = ended.quoted_in_same_sentence(last)
        if last.speaker is None:
            continue
        used = regions.chain(i)
        regions.claimed.update(used)
        pieces = [(regions.items[j].start, regions.items[j].end) for j in used]
        if join:
            last.pieces += pieces
            last.regions += used
            last.kind = _kind(regions, last.pieces)
            ended.moved(last)
        else:
            out.append(Draft(pieces, "continuation", None, last.speaker, used))
            ended.add(out[-1])
    return out


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


def to_dicts(doc: Doc, regions: Regions, drafts: list[Draft]) -> list[dict]:
    """The quote dicts (contract of ``doc._.claimex_quotes``), numbered in text order."""
    text, out = doc_text(doc), []
    for d in sorted(_outside_others(_distinct(regions, drafts)), key=lambda d: d.pieces[0]):
        d.pieces = [_whole_marks(regions, piece) for piece in d.pieces]
        d.kind = _kind(regions, d.pieces)
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
    mixed = _kind(regions, [piece]) == "mixed"
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
    return draft.cue is not None and _within(draft.cue.start, [other])


def _mention(text: str, speaker: Offsets | None) -> dict | None:
    if speaker is None:
        return None
    return {**_span(text, *speaker), "name": None, "speaker_id": None}


def _span(text: str, start: int, end: int) -> dict:
    return {"text": text[start:end], "start": start, "end": end}


def _precedence(regions: Regions, d: Draft) -> float:
    unclosed = any(not regions.items[i].closed for i in d.regions)
    return round(PRECEDENCE.get(d.rule, 0.6) - 0.15 * unclosed - 0.2 * (d.speaker is None), 2)


def _confidence(regions: Regions, d: Draft) -> float:
    score = KIND_CONFIDENCE.get(f"{d.kind}-{d.rule}", CONFIDENCE.get(d.rule, 0.6))
    if any(not regions.items[i].closed for i in d.regions):
        score -= UNCLOSED_PENALTY
    if d.speaker is None:
        score -= NO_SPEAKER_PENALTY
    return round(max(0.05, min(1.0, score)), 2)
