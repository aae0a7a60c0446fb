"""Titles and affiliations of people, from the words around their names.

Three places say who someone is: the words before the name ("White House spokesman Josh
Earnest", "Prof. Jun Hea-won"), an apposition ("Nataliya Butyrska, a senior fellow at the New
Europe Center", or the other way round: "an attorney for Pagliano, Mark MacDougall") and a
"from the ..." phrase after the name. An organisation inside the description is the
affiliation; the rest is the title.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from claimex.entities.names import NameSpan, honorifics, is_title_word
from claimex.entities.people import Person
from claimex.text import sentence

OrgAt = Callable[[int], "str | None"]  # token index -> name of the organisation covering it

PREFIX_POS = {"PROPN", "NOUN", "ADJ"}
AFFILIATION_PREPS = {"from", "of", "at", "with", "for"}
NOT_TITLES = {"GPE", "PERSON", "DATE", "CARDINAL", "LOC", "NORP", "TIME", "QUANTITY"}
MAX_TITLE_TOKENS = 12


def _inner_hyphen(token: Token) -> bool:
    return token.text == "-" and not token.whitespace_


def _prefix(doc: Doc, name: NameSpan, owners: dict[int, int]) -> tuple[int, int] | None:
    """Token range of a title right before the name, if one of its words is a title."""
    sent_start = sentence(doc[name.start]).start
    i = name.start
    while i > sent_start:
        token = doc[i - 1]
        if token.i in owners or not (token.pos_ in PREFIX_POS or _inner_hyphen(token)):
            break
        i -= 1
    end = name.start
    # "Mr." and "Mrs." show gender, they are no title; "Dr." and "Prof." are.
    while end > i and honorifics().get(doc[end - 1].text.lower().rstrip(".")):
        end -= 1
    if end > i and any(is_title_word(t) for t in doc[i:end]):
        return i, end
    return None


def _org_in(tokens, org_at: OrgAt) -> str | None:
    return next((name for t in tokens if (name := org_at(t.i))), None)


def _describe(doc: Doc, head: Token, stop: int, org_at: OrgAt) -> tuple[str | None, str | None]:
    """(title, affiliation) of a description headed by ``head``, ending before token ``stop``."""
    left = head.left_edge.i
    while left < head.i and doc[left].pos_ in ("DET", "PRON", "PUNCT"):
        left += 1
    right = min(head.right_edge.i, stop - 1)
    org = None
    for child in head.rights:
        if child.dep_ in ("relcl", "acl", "punct", "cc", "conj") and child.i <= right:
            right = min(right, child.left_edge.i - 1)
        elif child.dep_ == "prep" and child.i <= right and (name := _org_in(child.subtree, org_at)):
            org, right = name, min(right, child.i - 1)
    while right > left and doc[right].pos_ == "PUNCT":
        right -= 1
    if org_at(head.i) or right - left + 1 > MAX_TITLE_TOKENS or "@" in doc[left : right + 1].text:
        return None, org or org_at(head.i)  # an organisation, a long clause or a handle
    return doc[left : right + 1].text, org or _org_in(doc[left : right + 1], org_at)


def _describes(token: Token) -> bool:
    """An apposition that can be a title: a common noun, or a proper one with a title word
    ("a prominent New York Democrat" yes, "(R-S.C.)" no)."""
    if token.ent_type_ in NOT_TITLES or token.pos_ not in ("NOUN", "PROPN"):
        return False
    return token.pos_ == "NOUN" or any(is_title_word(t) or t.dep_ == "det" for t in token.subtree)


def _described_by(root: Token, name: NameSpan) -> Token | None:
    """The title noun a name is in apposition to: "an attorney for Pagliano, Mark MacDougall"
    (the parser may hang the name on "Pagliano")."""
    if root.dep_ != "appos":
        return None
    head = root.head
    for _ in range(3):
        if head.i < name.start and head.pos_ == "NOUN" and is_title_word(head):
            return head
        if head.dep_ not in ("pobj", "prep"):
            return None
        head = head.head
    return None


def _apposition(doc: Doc, root: Token, name: NameSpan, org_at: OrgAt):
    for child in root.rights:
        if child.dep_ == "appos" and child.i >= name.end and _describes(child):
            return _describe(doc, child, len(doc), org_at)
    head = _described_by(root, name)
    if head is not None:
        return _describe(doc, head, name.start, org_at)
    return None, None


def _from_phrase(root: Token, name: NameSpan, org_at: OrgAt) -> str | None:
    for child in root.rights:
        if child.dep_ == "prep" and child.i >= name.end and child.lower_ in AFFILIATION_PREPS:
            if org := _org_in(child.subtree, org_at):
                return org
    return None


def describe(doc: Doc, people: list[Person], owners: dict[int, int], org_at: OrgAt) -> None:
    """Fill each person's title and organisation from the first mention that gives them, and
    collect the words of every title seen (for "the governor" ... "Gov. Chris Christie")."""
    for person in people:
        for mention in person.mentions:
            if mention.weak:
                continue  # a title-case headline runs words into the name
            name = mention.name
            root = doc[name.start : name.end].root
            title, org = _apposition(doc, root, name, org_at)
            prefix = _prefix(doc, name, owners)
            if prefix:
                title = title or doc[prefix[0] : prefix[1]].text
                org = org or _org_in(doc[prefix[0] : prefix[1]], org_at)
            org = org or _from_phrase(root, name, org_at)
            person.title = person.title or title
            person.organisation = person.organisation or org
            for text in (title, prefix and doc[prefix[0] : prefix[1]].text):
                person.role_words.update(w.lower().rstrip(".,") for w in (text or "").split())
