"""Who a speaker mention means: a person, an organisation, a group, or nobody we can tell.

The mention is what the quote finder saw next to the quote: a name ("Ponomarenko"), a name
with its description ("Rep. Adam Schiff, the top Democrat on ..."), a pronoun ("she"), a
relative pronoun ("who"), a role ("the governor", "Ukrainian ambassador to Seoul"), an
organisation ("the White House", "the alliance"), or a group ("officials", "Obama and
Clinton"). A pronoun goes to the last person named before it, outside quotes, whose gender
does not contradict it; with none, it stays unresolved.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimex.entities.names import bare, clean_name, pronoun_genders
from claimex.entities.orgforms import norm
from claimex.entities.people import Person
from claimex.lexicons import entries, words

RELATIVE = {"who", "whom", "whose", "that", "which"}
GROUP_PRONOUNS = {"they", "them", "their", "we", "us", "our", "it", "its", "i", "you"}
NAME_DEPS = {"compound", "flat", "appos"}


@dataclass(frozen=True)
class Referent:
    """kind: person | organisation | group | unknown; key identifies it within the article."""

    kind: str
    key: tuple
    name: str | None = None


UNKNOWN = Referent("unknown", ("unknown",))


def synonyms(word: str) -> set[str]:
    """The role words that name the same role as ``word`` (title_synonyms.txt), itself included."""
    out = {word}
    for line in entries("title_synonyms.txt"):
        group = set(line.lower().split())
        if word in group:
            out |= group
    return out


class Resolver:
    def __init__(self, doc: Doc, people: list[Person], owners: dict[int, int], orgs: list[dict],
                 quoted: list[tuple[int, int]]):  # fmt: skip
        self.doc, self.people, self.owners = doc, people, owners
        self.org_at = org_index(doc, orgs)
        self.orgs = orgs
        self.quoted = quoted
        # (start_char, person index, is subject) of every name outside quotes, for pronouns.
        self.named = sorted(
            (m.name.start_char, i, self._is_subject(m.name.start, m.name.end))
            for i, p in enumerate(people)
            for m in p.mentions
            if not self._in_quote(m.name.start_char)
        )

    def _is_subject(self, start: int, end: int) -> bool:
        return self.doc[start:end].root.dep_ in ("nsubj", "nsubjpass")

    def spoke(self, referent: Referent, start: int) -> None:
        """A resolved speaker is the likeliest antecedent of the next "he" or "she"."""
        if referent.kind == "person" and referent.key[0] == "person":
            self.named.append((start, referent.key[1], True))
            self.named.sort()

    def _in_quote(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.quoted)

    def resolve(self, start: int, end: int) -> Referent:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return UNKNOWN
        root = span.root
        if root.lower_ in pronoun_genders():
            return self._pronoun(root)
        if root.lower_ in RELATIVE:
            return self._relative(root)
        if root.lower_ in GROUP_PRONOUNS:
            return Referent("group", ("group", root.lower_))
        return self._noun_phrase(span, root)

    def _noun_phrase(self, span: Span, root: Token) -> Referent:
        if any(c.dep_ == "conj" for c in root.children):
            return Referent("group", ("group", norm(span.text)))
        person = self._person_in(span, root)
        if person is not None:
            return self._person(person)
        org = self.org_at.get(root.i)
        if org is not None:
            return Referent("organisation", ("org", org["id"]), org["name"])
        return self._description(span, root)

    def _person(self, index: int) -> Referent:
        return Referent("person", ("person", index), self.people[index].name)

    def _person_in(self, span: Span, root: Token) -> int | None:
        """The person the phrase is about: the name at its head or in apposition to it,
        never a possessor ("Scott's wife") or a name in a prepositional phrase."""
        for token in span:
            if token.i not in self.owners:
                continue
            if token == root or token.dep_ == "appos" and token.head in span:
                return self.owners[token.i]
        return None

    def _pronoun(self, token: Token) -> Referent:
        """The last subject named before it whose gender does not contradict it, else the
        last such name in any position."""
        gender = pronoun_genders()[token.lower_]
        fallback = None
        for start, index, subject in reversed(self.named):
            if start >= token.idx or self.people[index].gender not in (None, gender):
                continue
            if subject:
                return self._person(index)
            fallback = index if fallback is None else fallback
        if fallback is not None:
            return self._person(fallback)
        return Referent("unknown", ("pronoun", token.idx))

    def _relative(self, token: Token) -> Referent:
        """"Stevie Wonder, who joked ...": the noun the relative clause hangs on."""
        clause = token.head
        if clause.dep_ != "relcl":
            return UNKNOWN
        noun = clause.head
        if noun.i in self.owners:
            return self._person(self.owners[noun.i])
        org = self.org_at.get(noun.i)
        if org is not None:
            return Referent("organisation", ("org", org["id"]), org["name"])
        return UNKNOWN

    def _description(self, span: Span, root: Token) -> Referent:
        word = bare(root.text)
        if root.tag_ in ("NNS", "NNPS") or word in words("group_nouns.txt"):
            return Referent("group", ("group", norm(span.text)))
        if word in words("org_anaphor_heads.txt"):
            return self._organisation_noun(span, root)
        if word in words("titles.txt"):
            index = self._role(root)
            if index is not None:
                return self._person(index)
        if root.pos_ == "PROPN" and not root.ent_type_:
            return self._unlisted_name(root)
        return Referent("unknown", ("mention", norm(span.text)))

    def _organisation_noun(self, span: Span, root: Token) -> Referent:
        """"The Clinton campaign" names itself; "the alliance" is the organisation named
        before whose name holds the word."""
        named = [t for t in root.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        if named:
            text = self.doc[named[0].i : root.i + 1].text
            return Referent("organisation", ("named", norm(text)), text)
        before = [o for o in self.orgs if o["mentions"] and o["mentions"][0]["start"] < span.start_char]
        matching = [o for o in before if root.lower_ in norm(o["name"]).split()]
        if matching:
            org = max(matching, key=lambda o: max(m["start"] for m in o["mentions"] if m["start"] < span.start_char))
            return Referent("organisation", ("org", org["id"]), org["name"])
        return Referent("group", ("group", norm(span.text)))

    def _role(self, root: Token) -> int | None:
        """"the governor": the person last named before it whose titles hold the role
        (or a synonym); in a headline, the first such person after it."""
        roles = synonyms(bare(root.text))
        fitting = [i for i, p in enumerate(self.people) if p.role_words & roles]
        if not fitting:
            return None
        before = [(s, i) for s, i, _ in self.named if s < root.idx and i in fitting]
        if before:
            return before[-1][1]
        after = [(s, i) for s, i, _ in self.named if i in fitting]
        return after[0][1] if after else None

    def _unlisted_name(self, root: Token) -> Referent:
        """A proper name the language model did not tag: the name is the words as written."""
        start = min((t.i for t in root.lefts if t.dep_ in NAME_DEPS), default=root.i)
        name = clean_name(self.doc, start, root.i + 1)
        if name is None:
            return UNKNOWN
        text = " ".join(name.words)
        return Referent("person", ("unlisted", text.lower()), text)


def org_index(doc: Doc, orgs: list[dict]) -> dict[int, dict]:
    """Token index -> the organisation one of whose mentions covers it."""
    index: dict[int, dict] = {}
    for org in orgs:
        for mention in org["mentions"]:
            span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
            for token in span or ():
                index[token.i] = org
    return index
