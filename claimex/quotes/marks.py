"""Quote-mark pairing over raw text: which stretches of the text are inside quote marks.

Pairing never fails: every mark is either paired, or left as a stray. Double quote marks
delimit quotations (straight, curly, low-9, guillemets, the typewriter pairs ``...'' and
''...''); single quotes inside a quotation mark a quote within the quote, and elsewhere they are
mostly apostrophes. In British-style copy, where curly single quotes delimit more quotations
than double marks do, the single pair takes the double marks' place: ``‘`` opens, and
``’`` closes where it ends a word (``Britain’s``, ``’90s``, ``rock ’n’ roll``
are apostrophes; so is ``‘`` before a decade, ``‘90s``). A quotation never crosses a paragraph (a
line break): news style reopens the quote on each paragraph of a long quotation without
closing the previous one, so an unclosed quotation ends with its paragraph and is marked as
continued when the next paragraph opens with a quote mark.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from claimex.quotes.lexicon import SPEECH, lemma_in

OPENERS = {"\u201c", "\u201e", "\u00ab", "``", "\u2018"}
CLOSERS = {"\u201d", "\u00bb", "\u2019"}
CURLY_DOUBLES = ("\u201c", "\u201d")
AMBIGUOUS = {'"', "\u2033", "''"}
# Two-character marks first so that '' is not read as two apostrophes.
MARK_RE = re.compile("``|''|[\"\u201c\u201d\u201e\u00ab\u00bb\u2033]")
# Curly single quotes as quotation marks: an opening one not before a decade ("\u201890s"), a
# closing one after a word and not before a letter or digit (not "it\u2019s", "\u2019n\u2019 roll").
SINGLE_RE = re.compile(r"\u2018(?!\d0s\b)|(?<=[^\s\u2018])\u2019(?![^\W_])")
MIN_SINGLE_STYLE = 2  # one single-quoted headline is no evidence of British style
LEFT_OPEN_CONTEXT = set("([{\u2014\u2013-/") | OPENERS
STYLES = {
    "\u201c": "curly",
    "\u201d": "curly",
    "\u201e": "curly",
    "\u00ab": "guillemet",
    "\u00bb": "guillemet",
    "``": "typewriter",
    "''": "typewriter",
    "\u2018": "single",
    "\u2019": "single",
}
RIGHT_CLOSE_CONTEXT = set(".,;:!?)]}\u2014\u2013-") | CLOSERS
# An attribution after a comma: ", said Mayor Rask", ", the mayor said", ", she added". Inside
# a quotation that is never closed it shows where the closing mark was left out.
ATTRIBUTION_RE = re.compile(
    r",\s+(?:(?P<before>[a-z]+)\s+(?:the\s+|[A-Z])"
    r"|(?:the\s+\w+\s+|(?:[A-Z][\w.'\u2019-]*\s+){1,4})(?P<after>[a-z]+)\b"
    r"|(?:he|she|they)\s+(?P<pronoun>[a-z]+)\b)"
)


@dataclass
class Quoted:
    """One stretch in quote marks. ``start``/``end`` delimit the content without the marks."""

    start: int
    end: int
    open_start: int
    close_end: int
    closed: bool = True  # False: ran to the end of the paragraph without a closing mark
    continued: bool = False  # the next paragraph reopens the same quotation


def _direction(text: str, start: int, end: int) -> str:
    """'open', 'close' or 'either' for the mark at text[start:end], from its neighbours."""
    mark = text[start:end]
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    left_free = before.isspace() or before in LEFT_OPEN_CONTEXT
    right_free = after.isspace() or after in RIGHT_CLOSE_CONTEXT
    if mark in CURLY_DOUBLES and left_free != right_free:
        # a curly mark typed the wrong way round (`Not yet,\u201c he said`, `said \u201dWe`):
        # where it stands tells its direction
        return "open" if left_free else "close"
    if mark in OPENERS:
        return "open"
    if mark in CLOSERS:
        return "close"
    if left_free and not right_free:
        return "open"
    if right_free and not left_free:
        return "close"
    return "either"


def _style(text: str, start: int) -> str:
    """The family of the quote mark at ``start``: a paragraph reopens with the same one."""
    mark = MARK_RE.match(text, start) or SINGLE_RE.match(text, start)
    return STYLES.get(mark.group() if mark else "", "straight")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` that holds something besides white space."""
    spans = []
    for match in re.finditer(r"[^\r\n]+", text):  # CR alone ends a line too
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pair_paragraph(
    text: str, para_start: int, para_end: int, marks: re.Pattern = MARK_RE
) -> list[Quoted]:
    found: list[Quoted] = []
    open_mark: re.Match | None = None
    for mark in marks.finditer(text, para_start, para_end):
        direction = _direction(text, mark.start(), mark.end())
        if open_mark is None:
            if direction != "close":  # a stray closing mark pairs with nothing
                open_mark = mark
            continue
        if direction == "open":
            # A second opening mark: the first was never closed; the newer one wins.
            open_mark = mark
            continue
        start, end = _trimmed(text, open_mark.end(), mark.start())
        if end > start:
            found.append(Quoted(start, end, open_mark.start(), mark.end()))
        open_mark = None
    if open_mark is not None:
        start, end = _trimmed(text, open_mark.end(), para_end)
        if end > start:
            found.append(Quoted(start, end, open_mark.start(), para_end, closed=False))
    return found


def _single_style(doubles: list[list[Quoted]], singles: list[list[Quoted]]) -> bool:
    """Whether single quotes delimit the quotations: more closed single-quoted stretches
    outside double quotation marks than double-quoted ones, and two at least (a headline's
    \u2018...\u2019 is not enough)."""
    spans = [(q.open_start, q.close_end) for para in doubles for q in para]
    starts = [start for start, _ in spans]
    outer = 0
    for q in (q for para in singles for q in para if q.closed):
        i = bisect_right(starts, q.open_start) - 1
        outer += i < 0 or spans[i][1] <= q.open_start
    return outer > len(spans) and outer >= MIN_SINGLE_STYLE


def _with_outer_doubles(singles: list[Quoted], doubles: list[Quoted]) -> list[Quoted]:
    """A paragraph's single-quoted stretches in British-style copy, and its double-quoted
    ones outside them: such copy still double-quotes now and then (`said it was
    \u201cdisappointed\u201d`); inside a single-quoted stretch double marks quote within it."""
    starts = [q.open_start for q in singles]  # in text order, never overlapping
    outer = []
    for d in doubles:
        i = bisect_left(starts, d.close_end) - 1  # the last single opened before d closes
        if i < 0 or singles[i].close_end <= d.open_start:
            outer.append(d)
    return sorted(singles + outer, key=lambda q: q.open_start)


def find_quoted(text: str) -> list[Quoted]:
    """All quoted stretches of ``text`` in text order."""
    paragraphs = _paragraphs(text)
    per_paragraph = [_pair_paragraph(text, start, end) for start, end in paragraphs]
    singles = [_pair_paragraph(text, start, end, SINGLE_RE) for start, end in paragraphs]
    if _single_style(per_paragraph, singles):
        pairs = zip(singles, per_paragraph, strict=True)
        per_paragraph = [_with_outer_doubles(s, d) for s, d in pairs]
    for i in range(len(paragraphs) - 1):
        quoted, following = per_paragraph[i], per_paragraph[i + 1]
        if quoted and not quoted[-1].closed and following:
            # Reopened at the very start of the next paragraph: the same quotation goes on.
            next_start = paragraphs[i + 1][0]
            reopened = following[0].open_start
            same_style = _style(text, quoted[-1].open_start) == _style(text, reopened)
            at_start = not text[next_start:reopened].strip()
            quoted[-1].continued = at_start and same_style
    for quoted in per_paragraph:
        if quoted and not quoted[-1].closed and not quoted[-1].continued:
            _cut_at_attribution(text, quoted[-1])
    return [q for quoted in per_paragraph for q in quoted]


def _cut_at_attribution(text: str, q: Quoted) -> None:
    """`"The plan is dead, said Mayor Rask on Monday.`: a quotation left unclosed ends at the
    comma before its attribution, which is the writer's, not the speaker's words."""
    for match in ATTRIBUTION_RE.finditer(text, q.start, q.end):
        verb = match.group("before") or match.group("after") or match.group("pronoun")
        if lemma_in(verb, SPEECH):
            q.end = q.close_end = match.start() + 1
            return
