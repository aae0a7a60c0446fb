"""A cue and its content: the record every cue finder returns, and the cut of a stretch of the
parse to the characters of what was said.

What was said ends at a semicolon, before a trailing aside set off by a comma (an apposition,
a participle, a contrast with a cue of its own) and before a statement of its own joined on;
a leading "that" and surrounding punctuation are no part of it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP, ORTH
from spacy.tokens import Doc, Span, Token

from claimex.quotes.lexicon import COGNITION, SPEECH, STANCE, lemma_in
from claimex.text import doc_table

Offsets = tuple[int, int]
Tokens = Span | list[Token]  # a stretch of the document
CUT_CONJ = ("CCONJ", "SCONJ")
EDGE_WORDS = {"that"}  # a complementiser is not part of what was said
TRAILING_ASIDES = ("appos", "acl")
CONTRAST_MARKS = ("while", "whereas", "though", "although", "as")
FINITE_TAGS = ("VBD", "VBZ", "VBP")
MAX_CREDIT = 10  # tokens of an opening credit ("As first reported by the Harbour Gazette,")


@dataclass
class Cue:
    token: Token
    start: int
    end: int
    kind: str  # "speech" | "cognition" | "intention" | "source"
    speaker: Offsets | None = None
    content: list[Offsets] = field(default_factory=list)
    how: str = ""  # which parse relation gave the content

    @classmethod
    def at(cls, token: Token, kind: str, how: str) -> Cue:
        """A cue that is the one word ``token``."""
        return cls(token, token.idx, token.idx + len(token.text), kind, how=how)


def complementiser(token: Token) -> bool:
    return token.lower_ in EDGE_WORDS and token.dep_ == "mark"


def chars(tokens: Tokens) -> Offsets | None:
    """Offsets of ``tokens`` with punctuation, spaces and a leading "that" trimmed off."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space or complementiser(tokens[0])):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def cue_lemma(token: Token) -> bool:
    """A verb of saying or belief: as a participle after what was said ("..., adding that",
    "..., arguing that") it starts a statement of its own; another participle ("...,
    bringing the total to $95 million") goes on with what was said."""
    return bool(lemma_in(token.text, SPEECH) or lemma_in(token.text, COGNITION))


def trimmed_clause(tokens: Span, noun_phrase: bool = False) -> Span:
    """What was said ends at a semicolon, and before a trailing aside set off by a comma
    (", the presumed favourite", ", arguing that ...", ", while critics say ..."). After a
    noun phrase ("acknowledged the reality of climate change, which makes him an outlier") a
    relative clause set off by a comma is the writer's too. A statement of its own joined
    on ("said the ferry was late and warned that ...") ends it as well. ``tokens`` is a
    stretch of the document."""
    if len(tokens) <= 3:
        return tokens
    doc, first, last = tokens.doc, tokens.start + 3, tokens.end - 1
    breaks = _clause_breaks(doc)
    for i in breaks[bisect_left(breaks, first) : bisect_left(breaks, tokens.end)]:
        t = doc[i]
        if t.text == ";":
            return _without_tail(tokens, t.i)
        edge = t.left_edge.i
        if edge <= tokens.start + 2 or t.right_edge.i < last - 1:
            continue
        aside = _is_aside(t) or _contrast(t) or (noun_phrase and t.dep_ == "relcl")
        if aside and doc[edge - 1].text == ",":
            return _without_tail(tokens, edge)
        if _own_statement(t) and not tokens.start <= t.head.head.i <= last:
            return _without_tail(tokens, edge)
    return tokens


def without_credit(tokens: Span) -> Span:
    """``tokens`` without an opening credit to another source, set off by a comma: "First
    reported by the Gazette, the sale closed in May, the mayor boasted" (the Gazette's report
    is not what the mayor said)."""
    for t in tokens[: MAX_CREDIT + 1]:
        if t.text == ",":
            credit = tokens[: t.i - tokens.start]
            if any(_credited(w) for w in credit):
                return tokens[t.i - tokens.start + 1 :]
            break
    return tokens


def _credited(token: Token) -> bool:
    """A participle of saying with its "by" agent: "reported by", "first published by"."""
    agent = token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "by"
    return token.tag_ == "VBN" and agent and bool(lemma_in(token.text, SPEECH))


def _is_aside(token: Token) -> bool:
    """An apposition or a participle ("arguing that ..."). A clause with "because" or
    "since" gives the speaker's reasons, and a relative clause is as often the speaker's
    as the writer's (measured on the PolNeAR dev split): both stay."""
    if token.dep_ == "advcl":  # a bare participle, not "whether it was sitting ..."
        return (
            token.tag_ == "VBG"
            and cue_lemma(token)
            and not any(c.dep_ in ("nsubj", "mark", "aux") for c in token.lefts)
        )
    if token.dep_ == "appos":
        return token.head.tag_ in ("NNP", "NNPS")  # "Mr. Trump, the presumed favourite"
    return token.dep_ in TRAILING_ASIDES


def _contrast(token: Token) -> bool:
    """ ", while others say ...", ", though polls show ...", ", as he has often claimed": a
    clause set against what was said with a cue of its own is the writer's (a plain one,
    ", while 23 percent backed her", goes on with it)."""
    if token.dep_ != "advcl" or not cue_lemma(token):
        return False
    return any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in token.lefts)


def _own_statement(token: Token) -> bool:
    """A finite verb of saying or of stance joined on ("... and said she would stand",
    "... and blamed the captain"): a cue of its own. One with a modal or a complementiser
    ("... and would back him", "... and that it would go on") still reports the same words;
    the caller checks that it is joined to the clause's own verb, not to one inside it."""
    if token.dep_ != "conj" or token.tag_ not in FINITE_TAGS or token.head.i > token.i:
        return False
    if any(c.dep_ in ("aux", "mark") for c in token.lefts):
        return False
    return bool(lemma_in(token.text, SPEECH) or lemma_in(token.text, STANCE))


def _clause_breaks(doc: Doc) -> list[int]:
    """Indexes of the tokens where :func:`trimmed_clause` may cut, found once per document:
    each clause then looks only at those inside it, not at all its tokens (nested clauses
    would make that quadratic)."""
    return doc_table(doc, "clause_breaks", _find_clause_breaks)


def _find_clause_breaks(doc: Doc) -> list[int]:
    # Only tokens with these labels can break a clause: found in the document's arrays, so
    # the others never become Token objects (a third of the component's time).
    strings = doc.vocab.strings
    array = doc.to_array([ORTH, DEP])
    labels = [strings[label] for label in ("relcl", "advcl", "conj", "appos", *TRAILING_ASIDES)]
    maybe = (array[:, 0] == strings[";"]) | numpy.isin(array[:, 1], labels)
    return [
        t.i
        for t in map(doc.__getitem__, numpy.flatnonzero(maybe).tolist())
        if t.text == ";" or t.dep_ == "relcl" or _is_aside(t) or _contrast(t) or _own_statement(t)
    ]


def _without_tail(tokens: Span, cut: int) -> Span:
    doc, end = tokens.doc, cut
    while end > tokens.start and (doc[end - 1].is_punct or doc[end - 1].pos_ in CUT_CONJ):
        end -= 1
    return doc[tokens.start : end] if end - tokens.start >= 2 else tokens
