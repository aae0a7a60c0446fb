"""Cues of questions and one-word answers: "Asked about the plan, she ...", "he asked
whether ...", "the senator said no". The content of "ask" is what was asked about (PolNeAR
annotates it with "asked" as the cue); its speaker is the one asking: the active subject or
the "by" agent, never the person asked ("Asked about X, Rubio said": the asker is not named).
"""

from __future__ import annotations

from spacy.tokens import Token

from claimex.lexicons import words
from claimex.quotes.content import Cue, Offsets
from claimex.quotes.lexicon import SPEECH, lemma_in
from claimex.quotes.mentions import mention_span, subject_of

SPEECH_ASK = "ask"
MARKERS = "question_markers.txt"
ANSWERS = "answer_words.txt"


def question_cue(verb: Token) -> Cue | None:
    """ "Asked about X", "asked whether X" (speaker: the asker), "she said no"."""
    asked = question(verb)
    piece, how = (asked, "question") if asked else (answer(verb), "answer")
    if piece is None:
        return None
    who = asker(verb) if asked else subject_of(verb)
    if who is None and verb.tag_ == "VB":
        return None  # "ask yourself whether ...", "to ask why ...": a question no one put
    cue = Cue.at(verb, "speech", how)
    cue.content = [piece]
    cue.speaker = mention_span(who) if who is not None else None
    return cue


def _span(first: Token, last: Token) -> Offsets:
    return first.idx, last.idx + len(last.text)


def _asked(verb: Token) -> Offsets | None:
    """What was asked: an if/whether clause, or the object of about/for."""
    markers = words(MARKERS)
    # "asked by a reporter about X": the parser often hangs "about X" on the agent
    agents = [o for c in verb.rights if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    for child in [*verb.rights, *(r for o in agents for r in o.rights)]:
        if child.dep_ == "prep" and child.lower_ in markers:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return _span(objects[0].left_edge, objects[0].right_edge)
        if child.dep_ in ("advcl", "ccomp") and any(
            c.dep_ == "mark" and c.lower_ in markers for c in child.children
        ):
            return _span(child.left_edge, child.right_edge)
    return None


def asker(verb: Token) -> Token | None:
    """The active subject of ``verb``, or the object of its "by" agent."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def is_ask(verb: Token) -> bool:
    return lemma_in(verb.text, SPEECH) == SPEECH_ASK


def question(verb: Token) -> Offsets | None:
    """The content of a form of "ask", or None when ``verb`` is no such question."""
    return _asked(verb) if is_ask(verb) else None


def answer(verb: Token) -> Offsets | None:
    """ "She said no": the answer word hung on a verb of saying."""
    if lemma_in(verb.text, SPEECH) != "say":
        return None
    word = next(
        (
            c
            for c in verb.rights
            if c.lower_ in words(ANSWERS) and c.dep_ in ("intj", "dobj", "advmod", "ccomp")
        ),
        None,
    )
    return None if word is None else _span(word, word)
