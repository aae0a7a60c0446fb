"""Cues in a parsed sentence: speech verbs, belief verbs with a clause, "according to X".

Each cue carries its speaker mention and the content the parse gives it (the clause it
governs, or the clause it interrupts: "The plan, she said, is dead."). Quote marks are
applied later (:mod:`claimex.quotes.assemble`); a cue inside a quotation is the quoted
person's own words and is skipped.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import numpy
from spacy.attrs import DEP, LOWER, ORTH, TAG
from spacy.tokens import Doc, Span, Token

from claimex.quotes.lexicon import (
    COGNITION,
    INTENTION,
    OBJECT_NOT_SAID,
    PASSIVE_SPEAKERS,
    SPEECH,
    STANCE,
    cue_preps,
    lemma_in,
    source_phrases,
)
from claimex.quotes.mentions import mention_span, passive_speaker, subject_of
from claimex.quotes.questions import answer, asker, is_ask, question
from claimex.text import doc_table, doc_text, sentence

Offsets = tuple[int, int]
Tokens = Span | list[Token]  # a stretch of the document
CUT_CONJ = ("CCONJ", "SCONJ")
CLAUSE_DEPS = ("ccomp",)
INTERRUPTING_DEPS = ("parataxis", "ccomp", "advcl")
CONDITION_MARKS = ("if", "unless", "until", "because", "should")
EDGE_WORDS = {"that"}  # a complementiser is not part of what was said
TRAILING_ASIDES = ("appos", "acl")
# What goes on with the object of a stance verb ("cited the letters as proof", "described
# rude behaviour by the manager", "attacked rivals on stage for their donations", "recalled
# her opposition to the plan": the parser hangs "to" phrases on the verb); a time, place or
# outlet ("on Sunday", "in Ohio", "at the rally", "during the debate") is the writer's
# setting and ends it.
STANCE_TAIL_DEPS = ("prep", "oprd")
SETTING_PREPS = ("during", "at")
SETTING_ENTITIES = ("DATE", "TIME", "GPE", "ORG", "FAC", "LOC")
STANCE_TAIL_PREPS = ("as", "for", "of", "by", "from", "about", "against", "over", "despite", "with")
# A stance or intention verb in a relative or complement clause ("the senator, who backed the
# bill", "said he wanted to attack them") describes the person more often than it reports
# what they said: PolNeAR annotates fewer than half of them (measured on its train split).
EMBEDDED_DEPS = ("relcl", "acl", "ccomp", "xcomp")
# "shows how deeply ...", "knows what it costs": a belief verb with an embedded question
# states no view (PolNeAR train: about two in five are annotated).
WH_WORDS = ("how", "what", "who", "where", "when", "why")
# All an "as" aside may have: "as the mayor noted last week in a speech"
AS_ASIDE_DEPS = ("mark", "nsubj", "aux", "advmod", "prep", "npadvmod", "punct")
PUT_FORMS = ("put", "puts", "putting")  # "as she put it"
CONTRAST_MARKS = ("while", "whereas", "though", "although", "as")
FINITE_TAGS = ("VBD", "VBZ", "VBP")
PERSONAL_PRONOUNS = ("he", "she", "they", "i", "we")  # most often the speaker again
QUOTE_MARK_TOKENS = {'"', "\u201c", "\u201d", "''", "``", "\u00ab", "\u00bb"}


@dataclass
class Cue:
    token: Token
    start: int
    end: int
    kind: str  # "speech" | "cognition" | "intention" | "source"
    speaker: Offsets | None = None
    content: list[Offsets] = field(default_factory=list)
    how: str = ""  # which parse relation gave the content


def _complementiser(token: Token) -> bool:
    return token.lower_ in EDGE_WORDS and token.dep_ == "mark"


def _chars(tokens: Tokens) -> Offsets | None:
    """Offsets of ``tokens`` with punctuation, spaces and a leading "that" trimmed off."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space or _complementiser(tokens[0])):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _clause_child(verb: Token) -> Token | None:
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
            if token.dep_ in ("relcl", "acl", "ccomp") and any(
                _complementiser(c) and c.i < token.i for c in token.lefts
            ):
                return token
    return None


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
    return [p for p in (_chars(left), _chars(_trimmed_clause(right))) if p]


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
    return verb.doc[clause.left_edge.i : end + 1]


def _joined_clause(token: Token) -> bool:
    """ "said A, and B", "said A, but that B": a clause with a subject of its own joined to
    the cue goes on with what was said, unless it is a statement of its own ("and she added
    that ...") or goes on about the speaker ("said A, but he did not apologise")."""
    if token.dep_ != "conj" or token.pos_ not in ("VERB", "AUX") or _cue_lemma(token):
        return False
    if any(_complementiser(c) for c in token.lefts):
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


def _is_aside(token: Token) -> bool:
    """An apposition or a participle ("arguing that ..."). A clause with "because" or
    "since" gives the speaker's reasons, and a relative clause is as often the speaker's
    as the writer's (measured on the PolNeAR dev split): both stay."""
    if token.dep_ == "advcl":  # a bare participle, not "whether it was sitting ..."
        return (
            token.tag_ == "VBG"
            and _cue_lemma(token)
            and not any(c.dep_ in ("nsubj", "mark", "aux") for c in token.lefts)
        )
    if token.dep_ == "appos":
        return token.head.tag_ in ("NNP", "NNPS")  # "Mr. Trump, the presumed favourite"
    return token.dep_ in TRAILING_ASIDES


def _cue_lemma(token: Token) -> bool:
    """A verb of saying or belief: as a participle after what was said ("..., adding that",
    "..., arguing that") it starts a statement of its own; another participle ("...,
    bringing the total to $95 million") goes on with what was said."""
    return bool(lemma_in(token.text, SPEECH) or lemma_in(token.text, COGNITION))


def _trimmed_clause(tokens: Span, noun_phrase: bool = False) -> Span:
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


def _contrast(token: Token) -> bool:
    """ ", while others say ...", ", though polls show ...", ", as he has often claimed": a
    clause set against what was said with a cue of its own is the writer's (a plain one,
    ", while 23 percent backed her", goes on with it)."""
    if token.dep_ != "advcl" or not _cue_lemma(token):
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
    """Indexes of the tokens where :func:`_trimmed_clause` may cut, found once per document:
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


def _trailing_conj(verb: Token) -> bool:
    """ "A will happen, experts warned": the parser often makes the cue a conjunct of A."""
    if verb.dep_ != "conj" or verb.i < verb.head.i:
        return False
    subjects = [c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")]
    subject = subjects[-1] if subjects else None  # "A, but B, the source said": the nearest
    if subject is None or subject.left_edge.i == 0:
        return False
    return verb.doc[subject.left_edge.i - 1].text == ","


def _intention(verb: Token) -> Cue | None:
    """ "She plans to run", "he urged Congress to act": the object and the infinitive."""
    if not lemma_in(verb.text, INTENTION) or verb.dep_ in EMBEDDED_DEPS:
        return None
    infinitive = next(
        (
            c
            for c in verb.rights
            if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.lefts)
        ),
        None,
    )
    subject = subject_of(verb)
    if infinitive is None or subject is None:
        return None
    first = next((c for c in verb.rights if not c.is_punct), infinitive)
    if first.dep_ == "prep" and first.i == verb.i + 1:
        first = next((c for c in first.children if c.dep_ == "pobj"), first)  # "called on X"
    tokens = verb.doc[first.left_edge.i : _plan_end(verb, infinitive) + 1]
    piece = _chars(_trimmed_clause(tokens, noun_phrase=True))
    cue = Cue(verb, verb.idx, verb.idx + len(verb.text), "intention", how="intention")
    cue.speaker, cue.content = mention_span(subject), [piece] if piece else []
    return cue


def _plan_end(verb: Token, infinitive: Token) -> int:
    """Where the plan ends: after the infinitive, and after what the parser hung on the
    intention verb that still belongs to it: more infinitives ("pledged to enact reform,
    fix the courts and ...") and a condition ("vowed to act unless ...")."""
    end = infinitive.right_edge.i
    for child in verb.rights:
        if child.i <= end or child.dep_ in ("punct", "cc"):
            continue
        more = child.dep_ == "conj" and child.tag_ == "VB" and verb.tag_ != "VB"
        condition = child.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in child.lefts
        )
        if not (more or condition):
            break
        end = child.right_edge.i
    return end


def _stance(verb: Token) -> Cue | None:
    """ "Clinton cited his remarks as examples", "he said as much": the object (and its "as"
    phrase) of a stance verb or of a verb of saying whose object is not the addressee."""
    said = lemma_in(verb.text, SPEECH) and not lemma_in(verb.text, OBJECT_NOT_SAID)
    if not (said or lemma_in(verb.text, STANCE)) or verb.dep_ in EMBEDDED_DEPS:
        return None
    # the object, or a gerund that stands for it ("admitted using the tax code")
    obj = next(
        (
            c
            for c in verb.rights
            if c.dep_ == "dobj" or (said and c.dep_ == "xcomp" and c.tag_ == "VBG")
        ),
        None,
    )
    subject = subject_of(verb)
    if obj is None or subject is None:
        return None
    end = obj.right_edge.i
    for child in verb.rights:
        if child.i <= end:
            continue
        if _infinitive_after(child, end):
            end = child.right_edge.i  # "defended her call to raise fees": the call's aim
            continue
        if child.dep_ not in STANCE_TAIL_DEPS or verb.doc[end + 1].is_punct:
            break
        if (
            child.dep_ == "prep"
            and child.lower_ not in STANCE_TAIL_PREPS
            and (
                child.lower_ in SETTING_PREPS
                or any(t.ent_type_ in SETTING_ENTITIES for t in child.subtree)
            )
        ):
            break
        end = child.right_edge.i
    if obj.left_edge.i == end == obj.i and (obj.pos_ == "PRON" or obj.tag_ in ("PRP", "DT")):
        return None  # "criticized him", "denied it": a bare pronoun is seldom annotated
    piece = _chars(_trimmed_clause(verb.doc[obj.left_edge.i : end + 1], noun_phrase=True))
    cue = Cue(verb, verb.idx, verb.idx + len(verb.text), "stance", how="stance")
    cue.speaker, cue.content = mention_span(subject), [piece] if piece else []
    return cue


def _infinitive_after(token: Token, end: int) -> bool:
    """An infinitive right after the object that the parser hung on the verb ("defended her
    call to raise fees", "called on leaders to act"): it goes on with the object (PolNeAR
    train: 12 more stance quotes match their annotation, none fewer)."""
    return (
        token.dep_ in ("xcomp", "advcl")
        and token.left_edge.i == end + 1
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.lefts)
    )


def _prep_cue(verb: Token) -> Cue | None:
    """ "She talked about the budget", "he called for a ban", "they referred to him as "a
    crook"": the object of the preposition (with an "as" phrase after it) is the content."""
    preps = cue_preps(verb.text)
    if not preps or verb.dep_ in EMBEDDED_DEPS:
        return None
    prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in preps), None)
    obj = None if prep is None else next(
        (c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None
    )
    subject = subject_of(verb)
    if obj is None or subject is None:
        return None
    if obj.left_edge.i == obj.right_edge.i and obj.pos_ == "PRON":
        return None  # "talked about it": a bare pronoun is seldom annotated
    end = obj.right_edge.i
    for child in verb.rights:
        if child.i > end and child.dep_ == "prep" and child.lower_ == "as":
            end = child.right_edge.i  # "referred to demonstrators as "my friends""
        elif _infinitive_after(child, end):
            end = child.right_edge.i  # "called on leaders to act"
    piece = _chars(_trimmed_clause(verb.doc[obj.left_edge.i : end + 1], noun_phrase=True))
    cue = Cue(verb, verb.idx, prep.idx + len(prep.text), "stance", how="prep")
    cue.speaker, cue.content = mention_span(subject), [piece] if piece else []
    return cue


def _question_or_answer(verb: Token) -> Cue | None:
    """ "Asked about X", "asked whether X" (speaker: the asker), "she said no"."""
    asked = question(verb)
    piece, how = (asked, "question") if asked else (answer(verb), "answer")
    if piece is None:
        return None
    who = asker(verb) if asked else subject_of(verb)
    if who is None and verb.tag_ == "VB":
        return None  # "ask yourself whether ...", "to ask why ...": a question no one put
    cue = Cue(verb, verb.idx, verb.idx + len(verb.text), "speech", how=how, content=[piece])
    cue.speaker = mention_span(who) if who is not None else None
    return cue


def _verb_cue(verb: Token) -> Cue | None:
    speech = lemma_in(verb.text, SPEECH)
    clause = _clause_child(verb)
    if clause is None and speech:
        asked = _question_or_answer(verb)
        if asked is not None:
            return asked
    if clause is None or clause.i < verb.i:
        intention = _intention(verb)
        if intention is not None:
            return intention
    if clause is None:
        stance = _stance(verb) or _prep_cue(verb)
        if stance is not None:
            return stance
    aside = _as_aside(verb, speech)
    if aside is not None:
        return aside
    believes = lemma_in(verb.text, COGNITION) and (
        (clause is not None and clause.i > verb.i and clause.left_edge.lower_ not in WH_WORDS)
        or ((clause is None or clause.i < verb.i) and _comma_delimited(verb))  # "A, data show."
    )
    if speech is None and not believes:
        return None
    if _imperative(verb):
        return None  # "Imagine that ...", "now tell us ...": the reader is addressed
    if speech and _passive(verb) and not lemma_in(verb.text, PASSIVE_SPEAKERS):
        subject = passive_speaker(verb)
    else:
        subject = asker(verb) if is_ask(verb) else subject_of(verb)
    cue = Cue(verb, verb.idx, verb.idx + len(verb.text), "speech" if speech else "cognition")
    cue.speaker = mention_span(subject) if subject is not None else None
    if clause is not None:
        piece = _chars(_trimmed_clause(_clause_tokens(verb, clause)))
        more = _resumed(verb) if clause.i < verb.i else None
        cue.content, cue.how = [p for p in (piece, more) if p], "clause"
    else:
        cue.content, cue.how = _interrupted(verb), "interrupted"
    if not cue.content:
        colon = _after_colon(verb)
        cue.content, cue.how = ([colon], "colon") if colon else (cue.content, cue.how)
    return cue


def _passive(verb: Token) -> bool:
    """ "Were told", "it was reported", "it's been said"; not "he's said" ("has": the
    parser often takes it for "is")."""
    return any(c.dep_ == "nsubjpass" for c in verb.lefts) and any(
        c.dep_ == "auxpass" and c.lower_ not in ("'s", "\u2019s") for c in verb.lefts
    )


def _imperative(verb: Token) -> bool:
    """A bare verb that opens its sentence ("Imagine that ...", "now tell us ..."): no
    subject, no auxiliary, nothing before it but adverbs (not `"...," read one`)."""
    if verb.tag_ != "VB" or verb.dep_ != "ROOT":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return False
    opening = verb.doc[sentence(verb).start : verb.i]
    return all(t.dep_ in ("advmod", "intj", "cc") for t in opening)


def _as_aside(verb: Token, speech: str | None) -> Cue | None:
    """ "As the mayor noted, A", "A, as polls show", "A, as she puts it, B": a clause opened
    by "as" around what was said; the rest of the sentence is the content."""
    head = verb.head
    if verb.dep_ != "advcl" or head.i == verb.i or not any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.lefts
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
    cue = Cue(verb, verb.idx, verb.idx + len(verb.text), "speech", how="interrupted")
    cue.speaker = mention_span(subject)
    cue.content = [p for p in (_chars(list(left)), _chars(list(right))) if p]
    return cue


def _resumed(verb: Token) -> Offsets | None:
    """ "A, the agency said, and B.": a conjunct with a subject of its own after a cue that
    follows its clause goes on with what was said ("and added B" is a new statement)."""
    conj = next((c for c in verb.rights if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), None)
    if conj is None or not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.lefts):
        return None
    return _chars(_trimmed_clause(verb.doc[conj.left_edge.i : conj.right_edge.i + 1]))


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
    rest = text[start:]
    end = _line_end(text, start + len(rest) - len(rest.lstrip()))
    stripped = text[start:end].strip()
    if not stripped or stripped[0] in QUOTE_MARK_TOKENS or stripped[:2] in QUOTE_MARK_TOKENS:
        return None
    first = start + text[start:end].index(stripped)
    return first, first + len(stripped.rstrip(" ."))


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


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
    cue.content = [p for p in (_chars(left), _chars(_trimmed_clause(right))) if p]
    return cue


@cache
def _phrase_starts() -> frozenset[str]:
    return frozenset(p[0] for p in source_phrases())


def find_cues(sent: Span, quoted: Callable[[int], bool]) -> list[Cue]:
    """The cues of ``sent`` outside quotations (``quoted(char)`` tells what is inside)."""
    cues = []
    candidates = doc_table(sent.doc, "cue_candidates", _cue_candidates)
    first, last = bisect_left(candidates, sent.start), bisect_left(candidates, sent.end)
    for token in map(sent.doc.__getitem__, candidates[first:last]):
        if quoted(token.idx):
            continue
        cue = _source_cue(token, sent) if token.lower_ in _phrase_starts() else None
        if cue is None and (token.tag_.startswith("VB") or _verb_tagged_noun(token)):
            cue = _verb_cue(token)
        if cue is not None:
            if cue.speaker is not None and quoted(cue.speaker[0]):
                cue.speaker = _speaker_beside(token, quoted)
            cues.append(cue)
    return cues


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
    """ "Trump claims that A": a cue the tagger took for a plural noun, which the parser
    still gives a subject and a clause."""
    if token.tag_ not in ("NN", "NNS"):
        return False
    deps = {c.dep_ for c in token.children}
    return "nsubj" in deps and "ccomp" in deps


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
