"""Cues whose content is an object, not a clause: a stance ("cited the letters as proof"), an
intention ("she plans to run", "he urged Congress to act") and a verb with its preposition
("talked about the budget", "called for a ban").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimex.quotes.content import Cue, chars, trimmed_clause
from claimex.quotes.lexicon import (
    INTENTION,
    OBJECT_NOT_SAID,
    PASSIVE_SPEAKERS,
    SPEECH,
    STANCE,
    VIEW,
    cue_preps,
    lemma_in,
)
from claimex.quotes.mentions import is_passive, mention_span, passive_speaker, subject_of

# A stance or intention verb in a relative or complement clause ("the senator, who backed the
# bill", "said he wanted to attack them") describes the person more often than it reports
# what they said: PolNeAR annotates fewer than half of them (measured on its train split).
EMBEDDED_DEPS = ("relcl", "acl", "ccomp", "xcomp")
CONDITION_MARKS = ("if", "unless", "until", "because", "should")
# What goes on with the object of a stance verb ("cited the letters as proof", "described
# rude behaviour by the manager", "attacked rivals on stage for their donations", "recalled
# her opposition to the plan": the parser hangs "to" phrases on the verb); a time, place or
# outlet ("on Sunday", "in Ohio", "at the rally", "during the debate") is the writer's
# setting and ends it.
STANCE_TAIL_DEPS = ("prep", "oprd")
SETTING_PREPS = ("during", "at")
TIME_ENTITIES = ("DATE", "TIME")
SETTING_ENTITIES = ("DATE", "TIME", "GPE", "ORG", "FAC", "LOC")
STANCE_TAIL_PREPS = ("as", "for", "of", "by", "from", "about", "against", "over", "despite", "with")


def intention_cue(verb: Token) -> Cue | None:
    """ "She plans to run", "he urged Congress to act": the object and the infinitive."""
    if not lemma_in(verb.text, INTENTION) or verb.dep_ in EMBEDDED_DEPS:
        return None
    infinitive = next((c for c in verb.rights if c.dep_ == "xcomp" and _to_infinitive(c)), None)
    if infinitive is not None and is_passive(verb) and not lemma_in(verb.text, PASSIVE_SPEAKERS):
        # "the band was instructed to play", "were advised by the agency to wait": the one
        # asking is the "by" agent, or no one named
        tokens = verb.doc[infinitive.left_edge.i : _plan_end(verb, infinitive) + 1]
        return _with_object(Cue.at(verb, "intention", "intention"), passive_speaker(verb), tokens)
    subject = subject_of(verb)
    if infinitive is None or subject is None:
        return None
    first = next((c for c in verb.rights if not c.is_punct), infinitive)
    if first.dep_ == "prep" and first.i == verb.i + 1:
        first = next((c for c in first.children if c.dep_ == "pobj"), first)  # "called on X"
    tokens = verb.doc[first.left_edge.i : _plan_end(verb, infinitive) + 1]
    return _with_object(Cue.at(verb, "intention", "intention"), subject, tokens)


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


def stance_cue(verb: Token) -> Cue | None:
    """ "Clinton cited his remarks as examples", "he said as much": the object (and its "as"
    phrase) of a stance verb or of a verb of saying whose object is not the addressee."""
    said = lemma_in(verb.text, SPEECH) and not lemma_in(verb.text, OBJECT_NOT_SAID)
    view = lemma_in(verb.text, VIEW)  # only with an "as" phrase: "see her as a leader"
    if not (said or view or lemma_in(verb.text, STANCE)) or verb.dep_ in EMBEDDED_DEPS:
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
    end = _stance_end(verb, obj.right_edge.i)
    if view and not any(t.lower_ == "as" for t in verb.doc[obj.i + 1 : end + 1]):
        return None
    if obj.left_edge.i == end == obj.i and (obj.pos_ == "PRON" or obj.tag_ in ("PRP", "DT")):
        return None  # "criticized him", "denied it": a bare pronoun is seldom annotated
    tokens = verb.doc[obj.left_edge.i : end + 1]
    return _with_object(Cue.at(verb, "stance", "stance"), subject, tokens)


def _stance_end(verb: Token, end: int) -> int:
    """Where the object of a stance verb ending at ``end`` ends with what goes on with it."""
    for child in verb.rights:
        if child.i <= end:
            continue
        if _infinitive_after(child, end):
            end = child.right_edge.i  # "defended her call to raise fees": the call's aim
            continue
        if child.dep_ in ("punct", "cc"):
            continue  # what follows decides
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"):
            end = child.right_edge.i  # "stressed fairness, and a need to act": a second object
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
    return end


def _infinitive_after(token: Token, end: int) -> bool:
    """An infinitive right after the object that the parser hung on the verb ("defended her
    call to raise fees", "called on leaders to act"): it goes on with the object (PolNeAR
    train: 12 more stance quotes match their annotation, none fewer)."""
    return (
        token.dep_ in ("xcomp", "advcl") and token.left_edge.i == end + 1 and _to_infinitive(token)
    )


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts)


def prep_cue(verb: Token) -> Cue | None:
    """ "She talked about the budget", "he called for a ban", "they referred to him as "a
    crook"": the object of the preposition (with an "as" phrase after it) is the content."""
    preps = cue_preps(verb.text)
    if not preps or verb.dep_ in EMBEDDED_DEPS:
        return None
    prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in preps), None)
    obj = (
        None
        if prep is None
        else next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    )
    subject = subject_of(verb)
    if obj is None or subject is None or obj.ent_type_ in TIME_ENTITIES:
        return None  # "called the roof "a sieve" on Monday": a date, not what was called for
    if obj.left_edge.i == obj.right_edge.i and obj.pos_ == "PRON":
        return None  # "talked about it": a bare pronoun is seldom annotated
    end = obj.right_edge.i
    for child in verb.rights:
        if child.i > end and child.dep_ == "prep" and child.lower_ == "as":
            end = child.right_edge.i  # "referred to demonstrators as "my friends""
        elif _infinitive_after(child, end):
            end = child.right_edge.i  # "called on leaders to act"
    cue = Cue(verb, verb.idx, prep.idx + len(prep.text), "stance", how="prep")
    return _with_object(cue, subject, verb.doc[obj.left_edge.i : end + 1])


def _with_object(cue: Cue, subject: Token | None, tokens: Span) -> Cue:
    """``cue`` with ``subject`` (if any) as its speaker and the object phrase ``tokens`` as
    content."""
    piece = chars(trimmed_clause(tokens, noun_phrase=True))
    cue.speaker = mention_span(subject) if subject is not None else None
    cue.content = [piece] if piece else []
    return cue
