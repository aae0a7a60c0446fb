"""From cues to drafts of quotes: a quotation beside its cue, or the content the parse gives it.

A cue next to a quotation (`"...," she said` / `she said: "..."` / `"...," she said, "..."`)
takes the quotation as its content; otherwise the content is the clause the parse gives the
cue, widened to whole quotations where it cuts into one (a mixed quote). Quotations no cue
claims are left to :mod:`claimex.quotes.continuations`; :mod:`claimex.quotes.records` keeps
one draft per content and makes the quote records.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimex.quotes.content import Cue, Offsets
from claimex.quotes.lexicon import SPEECH, lemma_in
from claimex.quotes.marks import Quoted
from claimex.quotes.regions import INLINE_SPACE, Draft, Regions, within
from claimex.text import sentence

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
INTRODUCING_MARKS = (":", "-", "\u2013", "\u2014", "(")  # end words that introduce a quotation
# A word of these classes right before a quotation makes it a name or title ("on "Fox News
# Sunday"", "the "Grand Bargain""), not the quote that a following cue attributes.
TITLE_GOVERNORS = ("ADP", "DET", "VERB", "AUX", "ADJ", "PART", "SCONJ", "CCONJ")


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
    pieces = regions.pieces(used)
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
    pieces += regions.pieces(used)
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
        if cue.kind not in STRONG and within(cue.start, drafts):
            continue
        draft = _from_parse(regions, cue)
        if draft is not None:
            _claim(regions, draft, drafts)
    return drafts


def _claim(regions: Regions, draft: Draft, drafts: list[Draft]) -> None:
    regions.claimed.update(draft.regions)
    draft.kind = regions.kind(draft.pieces)
    drafts.append(draft)
