"""The speaker mention of a cue: its subject, as the noun phrase is written.

The mention is the phrase a reader sees next to the quote: "she", "Ponomarenko", "The White
House", "Ukrainian ambassador to Seoul", "experts and diplomats from Ukraine, Germany and
Korea". Appositions and relative clauses ("Nataliya Butyrska, a senior fellow at ...") are left
out: the name resolver reads them from the parse; a proper name also leaves out its trailing
prepositional phrase ("Prof. Jun Hea-won from the Institute ..."), a common noun keeps it
("ambassador to Seoul", "experts at the forum").
"""

from __future__ import annotations

from spacy.tokens import Token

from claimex.quotes.lexicon import IMPERSONAL, lemma_in
from claimex.text import sentence

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Dependents that carry a verb's subject when the verb itself has none:
# "X said A and added B" (conj), "X was quoted as saying" (pcomp), "X tweeted, saying" (advcl).
SUBJECT_CARRIERS = ("conj", "xcomp", "advcl", "pcomp", "prep", "acl")
# A document a participle describes ("issued a statement saying", "in a report showing").
DOCUMENT_DEPS = ("dobj", "pobj")
NAME_TAGS = ("NNP", "NNPS")
NAME_ENTITIES = ("PERSON", "ORG", "GPE", "NORP")
LEFT_STOPS = ("appos", "relcl", "acl", "advmod", "cc", "preconj")
KEEP_RIGHT_ALWAYS = ("conj", "cc", "compound", "case", "nummod")


def _inverted_subject(verb: Token) -> Token | None:
    """`"...," warned the minister`: the parser often takes the speaker for an object."""
    if verb.i == 0 or not verb.doc[verb.i - 1].is_quote:
        return None
    return next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod")), None)


def subject_of(verb: Token, max_hops: int = 3) -> Token | None:
    """The subject of ``verb``, or of the verb it hangs from (a few hops up), or None."""
    inverted = _inverted_subject(verb)
    if inverted is not None and not any(
        c.dep_ in SUBJECT_DEPS and not c.is_punct for c in verb.children
    ):
        return inverted
    current = _participle_host(verb)
    via = None  # how the last hop came up to ``current``
    for _ in range(max_hops + 1):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS and not c.is_punct]
        if subjects:
            # "A for people ..., she said": the parser may hang a clause's subject on the
            # cue too; the cue's own subject is the one nearest to it.
            subject = min(subjects, key=lambda c: abs(c.i - current.i))
            if (
                via not in (None, "conj")
                and subject.lower_ == "it"
                and lemma_in(current.text, IMPERSONAL)
            ):
                return None  # "it is hard to imagine that": no one imagines
            return _antecedent(current, subject)
        if current.dep_ == "acl" and current.head.dep_ in DOCUMENT_DEPS:
            current, via = current.head.head, "acl"  # "issued a statement saying": the issuer
            continue
        if current.dep_ not in SUBJECT_CARRIERS or current.head.i == current.i:
            return None
        current, via = current.head, current.dep_
    return None


def is_passive(verb: Token) -> bool:
    """ "Were told", "it was reported", "it's been said"; not "he's said" ("has": the
    parser often takes it for "is")."""
    return any(c.dep_ == "nsubjpass" for c in verb.lefts) and any(
        c.dep_ == "auxpass" and c.lower_ not in ("'s", "\u2019s") for c in verb.lefts
    )


def passive_speaker(verb: Token) -> Token | None:
    """The speaker of a passive verb of saying: "were told by the mayor that" (the mayor),
    "residents were told that", "it was reported that" (no one named: the subject heard it)."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return None if agent is None else next((c for c in agent.children if c.dep_ == "pobj"), None)


def _participle_host(verb: Token) -> Token:
    """ "X argued that A would B, saying C": the parser often hangs the participle on the
    reported clause, whose subject (A) is not the one saying; the verb that reports the
    clause is the participle's host."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl":
        return verb
    host = verb.head
    while host.dep_ == "ccomp" and host.head.i != host.i and host.head.i < host.i:
        host = host.head
    return host


def _antecedent(verb: Token, subject: Token) -> Token:
    """A relative "that" stands for the noun it follows ("a headline that said ..."); "who"
    is kept, as the annotation keeps it."""
    if subject.lower_ == "that" and verb.dep_ == "relcl":
        return verb.head
    return subject


def _is_name(token: Token) -> bool:
    return token.tag_ in NAME_TAGS or token.ent_type_ in NAME_ENTITIES


def _right_end(head: Token) -> int:
    """Index one past the last token of ``head``'s phrase to keep on the right."""
    end = head.i + 1
    keep_preps = not _is_name(head) and head.pos_ != "PRON"
    for child in head.rights:
        if child.dep_ in KEEP_RIGHT_ALWAYS or (keep_preps and child.dep_ == "prep"):
            end = child.right_edge.i + 1
        else:
            break  # an apposition, a relative clause or punctuation ends the mention
    return end


def _left_start(head: Token) -> int:
    start = head.i
    for child in reversed(list(head.lefts)):
        hyphen = child.tag_ == "HYPH" and not child.whitespace_  # "Hea-won"
        if (child.is_punct and not hyphen) or child.dep_ in LEFT_STOPS:
            break
        start = child.left_edge.i
    return start


def _ends_sentence(token: Token) -> bool:
    return all(t.is_space for t in token.doc[token.i + 1 : sentence(token).end])


def mention_span(head: Token) -> tuple[int, int]:
    """Character offsets of the noun phrase headed by ``head``, as the speaker mention."""
    doc = head.doc
    start, end = _left_start(head), _right_end(head)
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    last = doc[end - 1]
    end_char = last.idx + len(last.text)
    if last.text.endswith(".") and len(last.text) > 1 and _ends_sentence(last):
        end_char -= 1  # "said Jun." - the sentence's full stop is glued to the name
    return doc[start].idx, end_char
