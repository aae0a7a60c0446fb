"""Cues in a parsed sentence: speech verbs, belief verbs with a clause, "according to X".

Each cue carries its speaker mention and the content the parse gives it: the clause of a verb
of saying or belief (:mod:`claimex.quotes.clauses`), the object of a stance, intention or
verb with its preposition (:mod:`claimex.quotes.objects`), what was asked
(:mod:`claimex.quotes.questions`), or the rest of the sentence around "according to X".
Quote marks are applied later (:mod:`claimex.quotes.assemble`); a cue inside a quotation is
the quoted person's own words and is skipped.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import cache

import numpy
from spacy.attrs import LOWER, TAG
from spacy.tokens import Doc, Span, Token

from claimex.lexicons import words
from claimex.quotes.clauses import QUOTE_MARK_TOKENS, as_aside_cue, clause_child, clause_cue
from claimex.quotes.content import Cue, Offsets, chars, trimmed_clause
from claimex.quotes.lexicon import POLL_NOUNS, SPEECH, lemma_in, source_phrases
from claimex.quotes.mentions import mention_span
from claimex.quotes.objects import intention_cue, prep_cue, stance_cue
from claimex.quotes.questions import question_cue
from claimex.quotes.trailing import trailing_cue
from claimex.text import doc_table, sentence


def find_cues(sent: Span, quoted: Callable[[int], bool]) -> list[Cue]:
    """The cues of ``sent`` outside quotations (``quoted(char)`` tells what is inside)."""
    cues = []
    candidates = doc_table(sent.doc, "cue_candidates", _cue_candidates)
    first, last = bisect_left(candidates, sent.start), bisect_left(candidates, sent.end)
    for token in map(sent.doc.__getitem__, candidates[first:last]):
        if quoted(token.idx):
            continue
        cue = _source_cue(token, sent) if token.lower_ in _phrase_starts() else None
        if cue is None and token.lower_ == "in" and token.i == sent.start:
            cue = _poll_cue(token, sent)
        if cue is None and (token.tag_.startswith("VB") or _verb_tagged_noun(token)):
            cue = _verb_cue(token)
        if cue is None or not cue.content:
            # "A, FEC records show.": a source the parse gave no clause ("show" even tagged
            # as a noun)
            cue = trailing_cue(token) or cue
        if cue is not None:
            if cue.speaker is not None and quoted(cue.speaker[0]):
                cue.speaker = _speaker_beside(token, quoted)
            cues.append(cue)
    return cues


def _verb_cue(verb: Token) -> Cue | None:
    """The first rule that reads ``verb`` as a cue: a question or answer, an intention or a
    stance where the verb governs no clause after it, an "as" aside, a clause cue."""
    speech = lemma_in(verb.text, SPEECH)
    clause = clause_child(verb)
    if clause is None and speech:
        asked = question_cue(verb)
        if asked is not None:
            return asked
    if clause is None or clause.i < verb.i:
        intention = intention_cue(verb)
        if intention is not None:
            return intention
    if clause is None:
        stance = stance_cue(verb) or prep_cue(verb)
        if stance is not None:
            return stance
    return as_aside_cue(verb, speech) or clause_cue(verb, clause, speech)


def _phrase_at(token: Token) -> tuple[str, ...] | None:
    doc = token.doc
    for phrase in source_phrases():
        words = tuple(t.lower_ for t in doc[token.i : token.i + len(phrase)])
        if words == phrase:
            return phrase
    return None


def _source_cue(token: Token, sent: Span) -> Cue | None:
    """ "According to X, ...": X is the speaker, the rest of the sentence the content."""
    phrase = _phrase_at(token)
    if phrase is None:
        return None
    doc = token.doc
    last = doc[token.i + len(phrase) - 1]
    objects = [c for c in last.children if c.dep_ == "pobj"]
    end = objects[0].right_edge.i if objects else last.i
    if token.left_edge.i == token.i and token.right_edge.i >= last.i:
        end = token.right_edge.i  # the phrase's own subtree, when the parse gives one
    inner = range(token.i, end + 1)
    cue = Cue(token, token.idx, last.idx + len(last.text), "source", how="source")
    cue.speaker = mention_span(objects[0]) if objects else None
    left = doc[sent.start : max(sent.start, inner.start)]
    right = doc[min(max(sent.start, inner.stop), sent.end) : sent.end]
    cue.content = [p for p in (chars(left), chars(trimmed_clause(right))) if p]
    return cue


def _poll_cue(token: Token, sent: Span) -> Cue | None:
    """ "In a CBS News poll last month, she led by ten points": the poll found the rest of
    the sentence."""
    poll = next((c for c in token.children if c.dep_ == "pobj"), None)
    if poll is None or poll.lower_ not in words(POLL_NOUNS):
        return None
    clause, doc = token.head, token.doc  # the sentence's verb, whose clause the poll found
    subject = next((c for c in clause.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if clause.pos_ not in ("VERB", "AUX") or subject is None:
        return None  # "In the polls, anyway."
    start = subject.left_edge.i
    if doc[start - 1].text != ",":
        return None
    content = chars(trimmed_clause(doc[start : sent.end]))
    if content is None:
        return None
    cue = Cue(token, token.idx, token.idx + len(token.text), "source", how="source")
    cue.speaker, cue.content = mention_span(poll), [content]
    return cue


@cache
def _phrase_starts() -> frozenset[str]:
    return frozenset(p[0] for p in source_phrases())


def _cue_candidates(doc: Doc) -> list[int]:
    """The tokens :func:`find_cues` tries, found in the document's arrays: source phrases'
    first words, verbs and the nouns of :func:`_verb_tagged_noun`."""
    strings = doc.vocab.strings
    array = doc.to_array([LOWER, TAG])
    tags = [t for t in numpy.unique(array[:, 1]).tolist() if _cue_tag(strings[t])]
    starts = [strings[word] for word in _phrase_starts()]
    maybe = numpy.isin(array[:, 0], starts) | numpy.isin(array[:, 1], tags)
    return numpy.flatnonzero(maybe).tolist()


def _cue_tag(tag: str) -> bool:
    return tag.startswith("VB") or tag in ("NN", "NNS")


def _verb_tagged_noun(token: Token) -> bool:
    """ "Trump claims that A", `a sign that read, "..."`: a cue the tagger took for a noun,
    which the parser still gives a subject and a clause, or makes a relative clause."""
    if token.tag_ not in ("NN", "NNS"):
        return False
    deps = {c.dep_ for c in token.children}
    return "nsubj" in deps and ("ccomp" in deps or token.dep_ == "relcl")


def _speaker_beside(verb: Token, quoted: Callable[[int], bool]) -> Offsets | None:
    """When the parser took a verbless quotation for the subject (`"Full panic mode," said
    X` / `"...," Rep. X said`), the speaker is the phrase between the quotation and the cue,
    or the one right after the cue."""
    doc, sent = verb.doc, sentence(verb)
    before = []
    for t in reversed(doc[sent.start : verb.i]):
        if quoted(t.idx) or t.text in QUOTE_MARK_TOKENS:
            break
        before.insert(0, t)
    nouns = [t for t in before if t.pos_ in ("PROPN", "NOUN", "PRON")]
    after = [t for t in doc[verb.i + 1 : sent.end] if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if nouns:
        head = next((t for t in nouns if t.head not in before), nouns[-1])
        start, end = mention_span(head)
        start = max(start, before[0].idx)
        return (start, end) if start < end else None  # the phrase lies before the cut
    if after and not quoted(after[0].idx):
        return mention_span(after[0].head if after[0].dep_ == "compound" else after[0])
    return None
