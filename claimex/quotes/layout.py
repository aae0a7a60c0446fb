"""Attributions made by the layout rather than by a verb, and the dateline no quote holds.

A signature under a quotation (`"..."` then `\u2015 Jane Doe, nurse`) and the turns of an
interview transcript (`WALLACE: Let's start with ...`, one speaker in capitals per paragraph).
A dateline (`WASHINGTON (AP) \u2014 `) opens a paragraph; it is no part of what was said.
"""

from __future__ import annotations

import re

from claimex.lexicons import words
from claimex.quotes.assemble import trimmed_piece
from claimex.quotes.regions import Draft, Regions

# A signature: a dash and a name on the same line or the next one, up to a comma.
DASH_SIGNATURE = re.compile(
    r"[^\S\n]*\n?[^\S\n]*([\u2015\u2014\u2013]|--)[^\S\n]*([A-Z][^\n,(]{0,60}[^\s,(.])"
)
# A transcript turn: a paragraph opening with a name in capitals and a colon.
TRANSCRIPT_TURN = re.compile(
    r"^[ \t]*[\"\u201c]?([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})(:)[ \t]+(\S[^\n]*)$",
    re.MULTILINE,
)
LABELS = "headline_labels.txt"
# A dateline: a place in capitals, maybe its state and a date, maybe an agency, a dash, and the
# sentence's capital (`BEDFORD, N.H. (AP) \u2014 `, `LONDON, March 3 (Reuters) - `).
DATELINE = re.compile(
    r"[A-Z][A-Z.'\u2019\-]+(?:[ ,]+[A-Z][A-Za-z.'\u2019\-]*)*,?[ \t]+(?:\d{1,2},?[ \t]+)?"
    r"(?:\([A-Za-z .]+\)[ \t]+)?(?:\u2014|\u2013|--|-)[ \t]*(?=[A-Z\"\u201c\u2018'(])"
)
CLOSING_MARKS = ' \t"\u201d'
# A headline of the form `Speaker: what they said` (a name of up to five capitalised words).
HEADLINE = re.compile(
    r"[ \t]*(?:date \d{4}-\d{2}-\d{2}[ \t]+)?"
    r"([A-Z][\w.'\u2019-]*(?: (?:[A-Z&][\w.'\u2019-]*|of|the|and)){0,4})(:)[ \t]+(\S[^\n]*)"
)


def dash_signatures(regions: Regions) -> list[Draft]:
    """Quotations signed with a dash and a name on the following line or after them."""
    out = []
    for i, q in enumerate(regions.items):
        match = DASH_SIGNATURE.match(regions.text, q.close_end)
        if i in regions.claimed or match is None:
            continue
        used = regions.back_chain(i)  # a signed quotation of several paragraphs
        regions.claimed.update(used)
        pieces = regions.pieces(used)
        out.append(Draft(pieces, "dash", None, match.span(2), used, cue_span=match.span(1)))
    return out


def transcript_turns(regions: Regions) -> list[Draft]:
    """Each `NAME: words` paragraph is a quote of NAME; quotations inside it are its own.
    A transcript has two speakers at least (one `UPDATE: ...` line is no interview)."""
    out = []
    turns = list(TRANSCRIPT_TURN.finditer(regions.text))
    if len({m.group(1) for m in turns}) < 2:
        return []
    for match in turns:
        start, end = match.start(3), match.end(3)
        while end > start and regions.text[end - 1] in CLOSING_MARKS:
            end -= 1
        used = [i for i in regions.overlapping(start, end) if i not in regions.claimed]
        regions.claimed.update(used)
        regions.voice(start, end)
        out.append(
            Draft([(start, end)], "transcript", None, match.span(1), used, cue_span=match.span(2))
        )
    return out


def headline_attribution(regions: Regions) -> list[Draft]:
    """`Pence: Flowers Won't Be at Debate` as the first line: a quote of the named speaker."""
    match = HEADLINE.match(regions.text)
    if match is None or match.group(1).isupper() or match.group(1).lower() in words(LABELS):
        return []  # "UPDATE: ...", "The Latest: ..." is a label, not a speaker
    piece = trimmed_piece(regions.text, match.start(3), match.end(3))
    if piece is None:
        return []
    used = [i for i in regions.overlapping(*piece) if i not in regions.claimed]
    regions.claimed.update(used)
    return [Draft([piece], "headline", None, match.span(1), used, cue_span=match.span(2))]


def without_dateline(text: str, piece: tuple[int, int]) -> tuple[int, int]:
    """``piece`` without the dateline of the paragraph it opens (the parser may have cut it
    anywhere inside the dateline: `ELLIS \u2014 Dock workers ...`)."""
    start, end = piece
    line_start = text.rfind("\n", 0, start) + 1
    match = DATELINE.match(text, line_start)
    if match is None or not start < match.end() < end:
        return piece
    return match.end(), end
