"""Who issued a document that speaks: "a 2009 report by the Center for X", "his campaign
filings", "the ad" after "the network says it will spend $150,000 on a TV ad".

A document noun (lexicon ``document_nouns.txt``) speaks for the person or organisation the
phrase names as its issuer (a possessor, a compound, or a "by/from/of" phrase); else for the
issuer of the last earlier mention of the same kind of document, named the same ways or as the
subject of a verb of issuing ("spend ... on a TV ad"); else for whoever the last such document
of the article spoke for.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Token

from claimex.lexicons import entries

ISSUER_PREPS = {"by", "from"}  # "of" is mostly what it is about: "a poll of voters"
DEFINITE = {"the", "this", "that"}
OWNER_DEPS = {"compound", "poss", "nmod"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
MAX_EARLIER = 8  # earlier mentions of the same kind of document looked at
MAX_LATER_SENTENCES = 4  # sentences after a document looked at for its issuer
MAX_CLIMB = 6  # verbs climbed from a document to the subject that issued it

# token -> the referent it names (a person or organisation), or None
Naming = Callable[[Token], object]


@cache
def document_kinds() -> dict[str, int]:
    """Document noun -> the index of its group of synonyms."""
    return {
        word: i for i, line in enumerate(entries("document_nouns.txt")) for word in line.split()
    }


class Documents:
    """The document speakers of one article, resolved in text order."""

    def __init__(self, doc: Doc, naming: Naming):
        self.doc, self.naming = doc, naming
        self.last: dict[int, object] = {}  # kind -> the last document referent of that kind
        self._positions: list[int] | None = None

    def resolve(self, root: Token) -> object | None:
        kind = document_kinds().get(root.lower_)
        if kind is None:
            return None
        referent = self.issuer(root)
        if referent is None and not _definite(root):
            return None  # "a poll", "recent polls": some other poll
        if referent is None:
            earlier = [i for i in self.positions() if i < root.i and self._kind(i) == kind]
            for i in reversed(earlier[-MAX_EARLIER:]):
                referent = self.issuer(self.doc[i]) or self._issuing_subject(self.doc[i])
                if referent is not None:
                    break
        referent = referent or self.last.get(kind) or self._named_later(root, kind)
        if referent is not None:
            self.last[kind] = referent
        return referent

    def positions(self) -> list[int]:
        """Token indices of every document noun, found once per article."""
        if self._positions is None:
            kinds = document_kinds()
            self._positions = [t.i for t in self.doc if t.lower_ in kinds]
        return self._positions

    def _named_later(self, root: Token, kind: int) -> object | None:
        """ "According to a new report, ... The committee's report said": the issuer the next
        mentions of the same kind of document name, a few sentences on at most."""
        last_sentence = root.sent.end
        for _ in range(MAX_LATER_SENTENCES):
            if last_sentence >= len(self.doc):
                break
            last_sentence = self.doc[last_sentence].sent.end
        later = [i for i in self.positions() if root.i < i < last_sentence]
        for i in later:
            if self._kind(i) == kind and (referent := self.issuer(self.doc[i])) is not None:
                return referent
        return None

    def _kind(self, i: int) -> int | None:
        return document_kinds().get(self.doc[i].lower_)

    def issuer(self, noun: Token) -> object | None:
        """The person or organisation the phrase headed by ``noun`` names as its issuer."""
        for child in noun.children:
            if child.dep_ in OWNER_DEPS and not _stray_capital(child):
                found = self._named_in(child.subtree)
            elif child.dep_ == "prep" and child.lower_ in ISSUER_PREPS:
                # the object and its modifiers, not a clause on it ("..., which Trump won")
                objects = [c for c in child.children if c.dep_ == "pobj"]
                found = self._named_in(
                    t for c in objects for t in (c, *(x for left in c.lefts for x in left.subtree))
                )
            elif child.dep_ == "prep" and child.lower_ == "of":  # "a copy of the FDIC's memo"
                inner = [c for c in child.children if c.lower_ in document_kinds()]
                found = self.issuer(inner[0]) if inner else None
            else:
                continue
            if found is not None:
                return found
        return None

    def _named_in(self, tokens) -> object | None:
        return next((r for t in tokens if (r := self.naming(t)) is not None), None)

    def _issuing_subject(self, noun: Token) -> object | None:
        """ "The network says it will spend $150,000 on a TV ad": the subject of the verbs
        above the noun, if one of them issues things."""
        verb, issuing = noun.head, False
        for _ in range(MAX_CLIMB):
            issuing = issuing or verb.lower_ in issuing_verbs()
            if issuing:
                for child in verb.children:
                    if child.dep_ in SUBJECT_DEPS and (found := self.naming(child)) is not None:
                        return found
            if verb.head.i == verb.i:
                break
            verb = verb.head
        return None


def _definite(noun: Token) -> bool:
    """ "the ad", "this report": a document named before."""
    return noun.tag_ == "NN" and any(
        c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children
    )


def _stray_capital(token: Token) -> bool:
    """ "Exit polls" opening a sentence: a capitalised word, not a name."""
    return token.is_sent_start and token.n_lefts == 0 and token.n_rights == 0


@cache
def issuing_verbs() -> frozenset[str]:
    return frozenset(word.lower() for line in entries("issuing_verbs.txt") for word in line.split())
