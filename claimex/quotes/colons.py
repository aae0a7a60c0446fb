"""Quotations introduced by a colon without a verb of saying.

`Kasich resisted: "..."`, `The senator's reply: "..."`, `A footnote makes that clear: "..."`
and the roundup style `Anna Berg, Daily Courier: "..."`: the words before the colon name who
speaks, the quotation after it is what they said. A sentence with a cue of its own before
the colon (`she said: "..."`) is left to that cue.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from claimex.quotes.content import Cue
from claimex.quotes.mentions import mention_span, subject_of
from claimex.text import doc_text

OPENING_MARKS = ('"', "\u201c", "\u00ab", "''", "``")
NAME_TAGS = ("NNP", "NNPS")
MAX_NAME_TOKENS = 8  # `Anna Berg, senior analyst at Daily Courier:` and no longer
MAX_CUE_WORDS = 6  # `apologised for what happened:`; a longer stretch is no cue phrase


def colon_cues(sent: Span, quoted: Callable[[int], bool], cues: list[Cue]) -> list[Cue]:
    """Cues of ``sent`` at a colon right before a quotation, where no other cue of the
    sentence comes before the colon (``cues`` are the sentence's cues found so far)."""
    text = doc_text(sent.doc)
    out = []
    for colon in sent:
        if colon.text != ":" or quoted(colon.idx):
            continue
        after = text[colon.idx + 1 : colon.idx + 12].lstrip()
        if not after.startswith(OPENING_MARKS):
            continue
        if any(sent.start_char <= c.start < colon.idx for c in cues):
            continue
        cue = _introduction(colon)
        if cue is not None:
            out.append(cue)
    return out


def _introduction(colon: Token) -> Cue | None:
    """The cue of `X verbed: "..."` (the verb, its subject the speaker) or `Name: "..."`
    (the colon, the name the speaker)."""
    head = _governor(colon)
    if head is None:
        return None
    if head.pos_ in ("VERB", "AUX"):
        # The cue runs to the verb nearest the colon (`had to change my answer:`, `apologised
        # for what happened:`), so that no verb stands between cue and quotation; the
        # speaker is the governing verb's subject, or that verb's ("This is what they
        # told me:").
        verb = next(t for t in reversed(colon.doc[head.i : colon.i]) if _verb_or(t, head))
        subject = next(
            (s for s in (subject_of(head), subject_of(verb)) if _speaks_before(s, colon)), None
        )
        if subject is None:
            return None
        first = subject.head if subject.i < subject.head.i <= verb.i else head
        if verb.i - first.i > MAX_CUE_WORDS:
            first = verb
        cue = Cue(first, first.idx, verb.idx + len(verb.text), "speech", how="colon-intro")
        cue.speaker = mention_span(subject)
        return cue
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if head.pos_ == "NOUN" and owner is not None:  # "The senator's reply:"
        return _at_colon(colon, owner)
    if head.tag_ in NAME_TAGS and _only_a_name(colon, head):  # "Anna Berg, Daily Courier:"
        return _at_colon(colon, head)
    return None


def _governor(colon: Token) -> Token | None:
    """The word that governs the words before the colon (the parser may hang the colon on
    the quotation after it)."""
    if colon.i == colon.sent.start:  # nothing before it (doc[-1] would be the doc's last word)
        return None
    head = colon.head if colon.head.i < colon.i else colon.doc[colon.i - 1]
    if head.i < colon.sent.start or head.is_punct or head.is_space:
        return None
    while head.head.i < colon.i and head.head.i != head.i:
        head = head.head
    return head


def _verb_or(token: Token, head: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token == head


def _speaks_before(subject: Token | None, colon: Token) -> bool:
    return subject is not None and subject.i < colon.i and _speaking(subject)


def _speaking(subject: Token) -> bool:
    """A subject that can speak: not "it" or "this" ("It is simple: "...")."""
    return subject.pos_ != "PRON" or subject.lower_ in ("i", "we", "he", "she", "they")


def _at_colon(colon: Token, speaker: Token) -> Cue:
    cue = Cue(colon, colon.idx, colon.idx + 1, "speech", how="colon-intro")
    cue.speaker = mention_span(speaker)
    return cue


def _only_a_name(colon: Token, head: Token) -> bool:
    """The words from the start of the line (or a dash) to the colon are a name, with
    perhaps an affiliation after a comma."""
    start = colon.sent.start
    for t in colon.doc[colon.sent.start : colon.i]:
        if t.text in ("-", "\u2013", "\u2014", "--"):
            start = t.i + 1
    words = [t for t in colon.doc[start : colon.i] if not t.is_punct and not t.is_space]
    return (
        0 < len(words) <= MAX_NAME_TOKENS
        and words[0].tag_ in NAME_TAGS
        and all(head.left_edge.i <= t.i <= head.right_edge.i for t in words)
    )
