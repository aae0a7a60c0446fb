"""Clause cues: a verb of saying or of belief and the clause it reports.

The content is the clause the cue governs ("She said that the plan is dead"), the one it
interrupts or follows ("The plan, she said, is dead." / "The plan is dead, she said."), the
sentence around an "as" aside ("As the mayor noted, ...") or, with none of these, the words
after a colon (`She added: It is typical of him.`).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimex.quotes.content import (
    Cue,
    Offsets,
    chars,
    complementiser,
    cue_lemma,
    trimmed_clause,
    without_credit,
)
from claimex.quotes.lexicon import COGNITION, OBJECT_NOT_SAID, PASSIVE_SPEAKERS, SPEECH, lemma_in
from claimex.quotes.mentions import is_passive, mention_span, passive_speaker, subject_of
from claimex.quotes.questions import asker, is_ask
from claimex.text import doc_text, sentence

CLAUSE_DEPS = ("ccomp",)
INTERRUPTING_DEPS = ("parataxis", "ccomp", "advcl")
# "shows how deeply ...", "knows what it costs": a belief verb with an embedded question
# states no view (PolNeAR train: about two in five are annotated).
WH_WORDS = ("how", "what", "who", "where", "when", "why")
# All an "as" aside may have: "as the mayor noted last week in a speech"
AS_ASIDE_DEPS = ("mark", "nsubj", "aux", "advmod", "prep", "npadvmod", "punct")
PUT_FORMS = ("put", "puts", "putting")  # "as she put it"
PERSONAL_PRONOUNS = ("he", "she", "they", "i", "we")  # most often the speaker again
SPACES = re.compile(r"\s*")
QUOTE_MARK_TOKENS = {'"', "\u201c", "\u201d", "''", "``", "\u00ab", "\u00bb"}


def clause_child(verb: Token) -> Token | None:
    """The clause of the cue: the one after it if there is one ("A: X said B" may be
    parsed with both A and B as its clauses), else one before it in the same statement."""
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    after = [c for c in clauses if c.i > verb.i]
    before = [c for c in clauses if c.i < verb.i and not _stop_between(c, verb)]
    if after or before:
        return (after or before)[0]
    return _stranded_clause(verb)


def _stop_between(clause: Token, verb: Token) -> bool:
    """A colon or semicolon between a clause and the cue after it: two statements."""
    return any(t.text in (":", ";") for t in verb.doc[clause.right_edge.i + 1 : verb.i])


def _stranded_clause(verb: Token) -> Token | None:
    """ "said in one of a series of messages that A", "told a meeting of leaders that A": the
    parser hangs the that-clause on a noun of the cue's prepositional phrase or addressee; a
    clause opened by "that" as a complementiser there is still what was said."""
    addressee = lemma_in(verb.text, OBJECT_NOT_SAID)  # "told a meeting of leaders that A"
    holders = [c for c in verb.rights if c.dep_ == "prep" or (addressee and c.dep_ == "dobj")]
    for holder in holders:
        for token in holder.subtree:
            if (
                token.dep_ in ("relcl", "acl", "ccomp")
                and token.head.tag_ != "VBG"  # "spoke before noting that A": "noting" is the cue
                and any(complementiser(c) and c.i < token.i for c in token.lefts)
            ):
                return token
    return None


def clause_cue(verb: Token, clause: Token | None, speech: str | None) -> Cue | None:
    """The cue of a verb of saying (``speech``: its lemma) or of a belief verb that states a
    view, with the clause ``clause`` (see :func:`clause_child`) or the one it interrupts."""
    believes = lemma_in(verb.text, COGNITION) and (
        (clause is not None and clause.i > verb.i and clause.left_edge.lower_ not in WH_WORDS)
        or ((clause is None or clause.i < verb.i) and _comma_delimited(verb))  # "A, data show."
    )
    if speech is None and not believes:
        return None
    if _imperative(verb):
        return None  # "Imagine that ...", "now tell us ...": the reader is addressed
    content, how = _clause_content(verb, clause)
    cue = Cue.at(verb, "speech" if speech else "cognition", how)
    subject = _speaker(verb, speech)
    cue.speaker = mention_span(subject) if subject is not None else None
    cue.content = content
    return cue


def _speaker(verb: Token, speech: str | None) -> Token | None:
    """The "by" agent of a passive verb of saying, the one asking, else the subject."""
    if speech and is_passive(verb) and not lemma_in(verb.text, PASSIVE_SPEAKERS):
        return passive_speaker(verb)
    return asker(verb) if is_ask(verb) else subject_of(verb)


def _clause_content(verb: Token, clause: Token | None) -> tuple[list[Offsets], str]:
    """The content of a clause cue and the relation that gave it."""
    if clause is not None:
        piece = chars(trimmed_clause(_clause_tokens(verb, clause)))
        more = _resumed(verb) if clause.i < verb.i else None
        content, how = [p for p in (piece, more) if p], "clause"
    else:
        content, how = _interrupted(verb), "interrupted"
    if not content:
        colon = _after_colon(verb)
        if colon:
            return [colon], "colon"
    return content, how


def _imperative(verb: Token) -> bool:
    """A bare verb that opens its sentence ("Imagine that ...", "now tell us ..."): no
    subject, no auxiliary, nothing before it but adverbs (not `"...," read one`)."""
    if verb.tag_ != "VB" or verb.dep_ != "ROOT":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return False
    opening = verb.doc[sentence(verb).start : verb.i]
    return all(t.dep_ in ("advmod", "intj", "cc") for t in opening)


def _clause_tokens(verb: Token, clause: Token) -> Span:
    """The clause's subtree, plus what the parser hung on the cue after it as parataxis
    ("stressed that A — it allows B": B belongs to what was stressed)."""
    end, head = clause.right_edge.i, verb.head
    if clause.i > verb.i:
        for child in verb.rights:
            if child.i > end and (
                child.dep_ == "parataxis" or _reason(child) or _joined_clause(child)
            ):
                end = child.right_edge.i
        # "X stressed that A — B" parsed with B as the root and the cue under it.
        # Not when that root is a cue itself: "A told B that C, the report said".
        opens_sentence = verb.left_edge.i == sentence(verb).start
        if opens_sentence and verb.dep_ in ("ccomp", "parataxis") and head.i > end:
            end = end if _speaks(head) else head.right_edge.i
    return without_credit(verb.doc[clause.left_edge.i : end + 1])


def _joined_clause(token: Token) -> bool:
    """ "said A, and B", "said A, but that B": a clause with a subject of its own joined to
    the cue goes on with what was said, unless it is a statement of its own ("and she added
    that ...") or goes on about the speaker ("said A, but he did not apologise")."""
    if token.dep_ != "conj" or token.pos_ not in ("VERB", "AUX") or cue_lemma(token):
        return False
    if any(complementiser(c) for c in token.lefts):
        return True
    subjects = [c for c in token.lefts if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    speaker = subject_of(token.head)
    return bool(subjects) and not any(
        s.lower_ in PERSONAL_PRONOUNS or (speaker is not None and s.lower_ == speaker.lower_)
        for s in subjects
    )


def _reason(token: Token) -> bool:
    """A clause the parser hung on the cue that goes on with what was said: "said A,
    because B" (a participle, "said A, adding B", is the writer's aside)."""
    return token.dep_ == "advcl" and token.tag_ != "VBG"


def _resumed(verb: Token) -> Offsets | None:
    """ "A, the agency said, and B.": a conjunct with a subject of its own after a cue that
    follows its clause goes on with what was said ("and added B" is a new statement)."""
    conj = next((c for c in verb.rights if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), None)
    if conj is None or not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.lefts):
        return None
    return chars(trimmed_clause(verb.doc[conj.left_edge.i : conj.right_edge.i + 1]))


def _interrupted(verb: Token) -> list[Offsets]:
    """Content of a cue that interrupts or follows its clause: "A, she said, B." / "A, she said."""
    head, doc = verb.head, verb.doc
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX") or _speaks(head):
        return []
    if verb.dep_ not in INTERRUPTING_DEPS and not _trailing_conj(verb):
        return []
    if verb.dep_ != "parataxis" and verb.i < head.i:
        return []  # "said" before its head in a ccomp/advcl is not an interruption
    if not _comma_delimited(verb):
        return []
    start = head.left_edge.i
    if head.i < verb.i:
        start = sentence(verb).start  # "A, but B, the source added.": all of it, not only B
    left = doc[start : _attribution_start(verb)]
    # "A, she said, B.": B goes on with what she said; "A, she said." ends it.
    right = doc[verb.right_edge.i + 1 : head.right_edge.i + 1]
    return [p for p in (chars(left), chars(trimmed_clause(right))) if p]


def _attribution_start(verb: Token) -> int:
    """Where "she said" begins: at its subject; a clause the parser hung on the cue before
    the subject ("Though A, he said, B") is part of what was said."""
    subjects = [c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[-1].left_edge.i if subjects else verb.left_edge.i


def _speaks(verb: Token) -> bool:
    """A verb of saying in the active voice ("they have been asked to ..." is no cue of
    its own: "A, executives say, they have been asked to B" is the executives' content)."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    return bool(lemma_in(verb.text, SPEECH)) and not passive


def _comma_delimited(verb: Token) -> bool:
    """ "..., she said[, ...|.]": a subject of its own and punctuation on both sides."""
    doc = verb.doc
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    start = _attribution_start(verb)
    words = [t.i for t in verb.subtree if t.i >= start and not t.is_punct and not t.is_space]
    first, last = words[0], words[-1]
    before_ok = first > 0 and doc[first - 1].is_punct
    after_ok = last + 1 >= len(doc) or doc[last + 1].is_punct or doc[last + 1].is_space
    return before_ok and after_ok


def _trailing_conj(verb: Token) -> bool:
    """ "A will happen, experts warned": the parser often makes the cue a conjunct of A."""
    if verb.dep_ != "conj" or verb.i < verb.head.i:
        return False
    subjects = [c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")]
    subject = subjects[-1] if subjects else None  # "A, but B, the source said": the nearest
    if subject is None or subject.left_edge.i == 0:
        return False
    return verb.doc[subject.left_edge.i - 1].text == ","


def as_aside_cue(verb: Token, speech: str | None) -> Cue | None:
    """ "As the mayor noted, A", "A, as polls show", "A, as she puts it, B": a clause opened
    by "as" around what was said; the rest of the sentence is the content."""
    head = verb.head
    if (
        verb.dep_ != "advcl"
        or head.i == verb.i
        or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.lefts)
    ):
        return None
    puts_it = verb.lower_ in PUT_FORMS and any(
        c.dep_ == "dobj" and c.lower_ == "it" for c in verb.rights
    )
    subject = subject_of(verb)
    if not (speech or lemma_in(verb.text, COGNITION) or puts_it) or subject is None:
        return None
    allowed = AS_ASIDE_DEPS + (("dobj",) if puts_it else ())
    if any(c.dep_ not in allowed for c in verb.children):
        return None  # "as he announced the plan", "as he was known": a time or a manner
    doc = verb.doc
    first, last = verb.left_edge.i, verb.right_edge.i
    edges = (doc[max(first - 1, 0)], doc[last], doc[min(last + 1, len(doc) - 1)])
    if all(t.text != "," for t in edges):
        return None  # "cheered as the mayor spoke": no aside set off by a comma
    left = doc[head.left_edge.i : verb.left_edge.i]
    right = doc[verb.right_edge.i + 1 : head.right_edge.i + 1]
    cue = Cue.at(verb, "speech", "interrupted")
    cue.speaker = mention_span(subject)
    cue.content = [p for p in (chars(list(left)), chars(list(right))) if p]
    return cue


def _after_colon(verb: Token) -> Offsets | None:
    """`She added: It is typical of him.` - words after the colon, to the paragraph's end
    (or the next paragraph when the line ends with the colon), unless in quote marks (a
    quotation is handled as such)."""
    colon = next((c for c in verb.rights if c.text == ":"), None)
    if colon is None:
        return None
    text = doc_text(verb.doc)
    start = colon.idx + 1
    if not text[start : _line_end(text, start)].strip():
        start = _line_end(text, start)
    end = _line_end(text, SPACES.match(text, start).end())  # no copy of the rest of the text
    stripped = text[start:end].strip()
    if not stripped or stripped[0] in QUOTE_MARK_TOKENS or stripped[:2] in QUOTE_MARK_TOKENS:
        return None
    first = start + text[start:end].index(stripped)
    return first, first + len(stripped.rstrip(" ."))


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end
