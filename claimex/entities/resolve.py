"""Who a speaker mention means: a person, an organisation, a group, or nobody we can tell.

The mention is what the quote finder saw next to the quote: a name ("Ponomarenko"), a name
with its description ("Rep. Adam Schiff, the top Democrat on ..."), a pronoun ("she"), a
relative pronoun ("who"), a role ("the governor", "Ukrainian ambassador to Seoul"), an
organisation ("the White House", "the alliance"), or a group ("officials", "Obama and
Clinton"). A pronoun goes to the last person named before it, outside quotes, whose gender
does not contradict it; with none, it stays unresolved.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimex.entities.documents import Documents, document_kinds
from claimex.entities.names import (
    POSSESSIVE,
    bare,
    clean_name,
    common_words,
    first_names,
    pronoun_genders,
    split_name,
)
from claimex.entities.orgforms import norm
from claimex.entities.people import Person, subject_taken_for_modal
from claimex.lexicons import entries, words
from claimex.text import Covering, doc_text

RELATIVE = {"who", "whom", "whose", "that", "which"}
GROUP_PRONOUNS = {"they", "them", "their", "we", "us", "our", "it", "its", "i", "you"}
NAME_DEPS = {"compound", "flat", "appos"}
UNLISTED = {"", "WORK_OF_ART", "PRODUCT"}  # entity types a name the model missed may carry
IT_REACH = 2  # sentences back that "it" looks for the organisation that spoke


@dataclass(frozen=True)
class Referent:
    """kind: person | organisation | group | unknown; key identifies it within the article."""

    kind: str
    key: tuple
    name: str | None = None


UNKNOWN = Referent("unknown", ("unknown",))


def synonyms(word: str, lexicon: str = "title_synonyms.txt") -> set[str]:
    """The words that name the same role (or kind of organisation) as ``word``, itself included."""
    out = {word}
    for line in entries(lexicon):
        group = set(line.lower().split())
        if word in group:
            out |= group
    return out


class Resolver:
    def __init__(self, doc: Doc, people: list[Person], owners: dict[int, int], orgs: list[dict],
                 quoted: list[tuple[int, int]], reported: list[tuple[int, int]] = ()):  # fmt: skip
        self.doc, self.people, self.owners = doc, people, owners
        self.org_at = org_index(doc, orgs)
        self.orgs = orgs
        self.named_orgs: list[Referent] = []  # "the Clinton campaign": named by the mention
        self.documents = Documents(doc, self._naming)
        self.unresolved: dict[str, tuple[int, Referent]] = {}  # gender -> last unresolved pronoun
        self.quoted = Covering((start, end, None) for start, end in quoted)
        self.common = common_words(doc_text(doc))  # "Aides" opening a sentence is no name
        self.sentence_starts = [sent.start_char for sent in doc.sents]
        in_reported = Covering((start, end, None) for start, end in reported)
        # (start_char, person index, is subject) of every name outside quotes, for pronouns.
        self.named = sorted(
            (
                m.name.start_char,
                i,
                self._is_subject(m.name.start, m.name.end)
                and not in_reported.covers(m.name.start_char),
            )
            for i, p in enumerate(people)
            for m in p.mentions
            if not self._in_quote(m.name.start_char)
        )
        self.unlisted: dict[str, int] = {}  # name -> index of the person made for it
        self.last_organisation: tuple[int, Referent] | None = None

    def _is_subject(self, start: int, end: int) -> bool:
        """Subject of its clause, also inverted ("said Getmanchuk") or in apposition to the
        subject ("Trump's adviser, Kellyanne Conway, said")."""
        root = self.doc[start:end].root
        if root.dep_ == "appos":
            root = root.head
        if root.dep_ == "poss":  # "Mr. Cruz's success ... reflects how he ..."
            root = root.head
        return root.dep_ in ("nsubj", "nsubjpass", "attr") or subject_taken_for_modal(root)

    def spoke(self, referent: Referent, start: int) -> None:
        """A resolved speaker is the likeliest antecedent of the next "he" or "she"."""
        if referent.kind == "person" and referent.key[0] == "person":
            insort(self.named, (start, referent.key[1], True))
        elif referent.kind == "organisation":
            self.last_organisation = (start, referent)

    def _sentence(self, char: int) -> int:
        return bisect_right(self.sentence_starts, char)

    def _it(self, token: Token) -> Referent:
        """ "It said": the organisation (or document) that spoke last, a sentence or two
        before; else some group."""
        if self.last_organisation is not None:
            start, referent = self.last_organisation
            if 0 <= self._sentence(token.idx) - self._sentence(start) <= IT_REACH:
                return referent
        return Referent("group", ("group", token.lower_))

    def _in_quote(self, char: int) -> bool:
        return self.quoted.covers(char)

    def resolve(self, start: int, end: int) -> Referent:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return UNKNOWN
        root = span.root
        if any(c.dep_ == "conj" and span.start <= c.i < span.end for c in root.children):
            return Referent("group", ("group", norm(span.text)))  # "Obama and Clinton", "he and I"
        if root.lower_ in pronoun_genders():
            return self._pronoun(root)
        if root.lower_ in RELATIVE:
            return self._relative(root)
        if root.lower_ == "it" and len(span) == 1:
            return self._it(root)
        if root.lower_ in GROUP_PRONOUNS:
            return Referent("group", ("group", root.lower_))
        return self._noun_phrase(span, root)

    def _noun_phrase(self, span: Span, root: Token) -> Referent:
        person = self._person_in(span, root)
        if isinstance(person, Token):
            return self._unlisted_name(person)
        if person is not None:
            return self._person(person)
        # the organisation the phrase names, or names in apposition ("The operator, Great
        # Lakes Marine, said")
        named = [root] + [c for c in root.children if c.dep_ == "appos" and c.i > root.i]
        org = next((self.org_at[t.i] for t in named if t.i in self.org_at), None)
        if org is not None:
            return Referent("organisation", ("org", org["id"]), org["name"])
        return self._description(span, root)

    def _person(self, index: int) -> Referent:
        return Referent("person", ("person", index), self.people[index].name)

    def _person_in(self, span: Span, root: Token) -> int | Token | None:
        """The person the phrase is about: the name at its head or in apposition to it
        (also just after the mention: "one of the family's attorneys, Justin Bamberg"),
        never a possessor ("Scott's wife") or a name in a prepositional phrase."""
        if root.i in self.owners:
            return self.owners[root.i]
        if root.tag_ in ("NNS", "NNPS"):
            return None  # "four senators - Joe Manchin, ...": the group, not its first member
        for token in root.subtree:
            if token.dep_ == "appos" and token.head.i >= span.start:
                if token.i in self.owners:
                    return self.owners[token.i]
                if _untagged_name(token):  # "One pastor ..., Darran Whiting of ..., said"
                    return token
        return None

    def _naming(self, token: Token) -> Referent | None:
        """The person or organisation a word of a document's phrase names ("his filings")."""
        if token.i in self.owners:
            return self._person(self.owners[token.i])
        org = self.org_at.get(token.i)
        if org is not None:
            return Referent("organisation", ("org", org["id"]), org["name"])
        if token.tag_ == "PRP$" and token.lower_ in pronoun_genders():
            referent = self._pronoun(token)
            return referent if referent.kind == "person" else None
        if token.lower_ in words("org_anaphor_heads.txt") and token.dep_ in ("poss", "compound"):
            return self._nearest_organisation(token)  # "the committee's report"
        return None

    def _nearest_organisation(self, token: Token) -> Referent | None:
        """The organisation whose name holds the noun (or a synonym), mentioned nearest."""
        nouns = synonyms(token.lower_, "org_synonyms.txt")
        fitting = [o for o in self.orgs if o["mentions"] and _fits(o["name"], nouns, set())]
        if not fitting:
            return None
        distance = lambda o: min(abs(m["start"] - token.idx) for m in o["mentions"])  # noqa: E731
        org = min(fitting, key=distance)
        return Referent("organisation", ("org", org["id"]), org["name"])

    def _pronoun(self, token: Token) -> Referent:
        """The last person named before it whose gender does not contradict it; a subject
        in the same or the previous sentence as that name is preferred to it."""
        gender = pronoun_genders()[token.lower_]
        fallback, window = None, None
        for start, index, subject in reversed(self.named):
            if start >= token.idx or self.people[index].gender not in (None, gender):
                continue
            sentence = bisect_right(self.sentence_starts, start)
            if window is not None and sentence < window:
                break
            if subject:
                fallback = index
                break
            if fallback is None:
                fallback, window = index, sentence - 1
        if fallback is None:
            # One unresolved "she" after another with nobody new between: the same person.
            last = self.unresolved.get(gender)
            if last is None or any(last[0] < start < token.idx for start, _, _ in self.named):
                self.unresolved[gender] = (token.idx, Referent("unknown", ("pronoun", token.idx)))
            return self.unresolved[gender][1]
        # "Tomas Berg ... He said": now we know, and a later "she" is someone else.
        self.people[fallback].gender = self.people[fallback].gender or gender
        return self._person(fallback)

    def _relative(self, token: Token) -> Referent:
        """ "Stevie Wonder, who joked ...": the name right before it, else the noun the
        relative clause hangs on, or the person that noun describes ("Marc H. Morial, the
        chief executive of the National Urban League, who ...")."""
        before = token.nbor(-2) if token.i > 1 and token.nbor(-1).text == "," else None
        if before is not None and before.i in self.owners:
            return self._person(self.owners[before.i])
        clause = token.head
        if clause.dep_ != "relcl":
            return UNKNOWN
        noun = clause.head
        for _ in range(4):
            if noun.i in self.owners:
                return self._person(self.owners[noun.i])
            if noun.dep_ not in ("appos", "pobj", "prep"):
                break
            noun = noun.head
        org = self.org_at.get(noun.i)
        if org is not None:
            return Referent("organisation", ("org", org["id"]), org["name"])
        return UNKNOWN

    def _description(self, span: Span, root: Token) -> Referent:
        word = bare(root.text)
        if word in words("org_anaphor_heads.txt"):
            return self._organisation_noun(span, root)
        if word in document_kinds():
            issuer = self.documents.resolve(root)
            if issuer is not None:
                return issuer
        owner = self._owning_organisation(root)
        if owner is not None:
            return owner
        if root.tag_ in ("NNS", "NNPS") or word in words("group_nouns.txt"):
            return Referent("group", ("group", norm(span.text)))
        if word in words("titles.txt") or word in words("epithets.txt"):
            index = self._role(span, root)
            # "the Kentucky Republican": an epithet (not an office: "the president" may be
            # someone never named) stands for the person last named as a subject.
            if index is None and word in words("epithets.txt") and self._definite(root):
                index = self._last_subject(root)
            if index is not None:
                return self._person(index)
        if root.ent_type_ in ("ORG", "GPE"):  # a country speaks through its government
            return self._unlisted_organisation(root)
        if root.pos_ == "PROPN" and root.ent_type_ in UNLISTED and root.lower_ not in self.common:
            return self._unlisted_name(root)
        return Referent("unknown", ("mention", norm(span.text)))

    def _owning_organisation(self, root: Token) -> Referent | None:
        """ "a New York Times report", "the White House's statement": a thing (not people,
        not a role: "White House officials", "a campaign spokesman") an organisation owns
        speaks for it."""
        if root.tag_ != "NN" or bare(root.text) in words("titles.txt"):
            return None
        for child in root.lefts:
            org = self.org_at.get(child.i) if child.dep_ in ("compound", "poss", "nmod") else None
            if org is not None:
                return Referent("organisation", ("org", org["id"]), org["name"])
        return None

    def _unlisted_organisation(self, root: Token) -> Referent:
        """An organisation the model tagged that the list left out: named as written."""
        doc, start, end = self.doc, root.i, root.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        words_ = [t.text for t in doc[start:end] if t.text not in POSSESSIVE and t.lower_ != "the"]
        text = " ".join(words_)
        return Referent("organisation", ("named", norm(text)), text) if text else UNKNOWN

    def _organisation_noun(self, span: Span, root: Token) -> Referent:
        """ "the alliance", "a House panel": the organisation named last before it (in a
        headline: first after it) whose name holds the noun or a synonym and the proper
        names before it; else "The Clinton campaign" names itself."""
        named = [t for t in root.lefts if t.dep_ in ("compound", "poss") and t.pos_ == "PROPN"]
        nouns = synonyms(root.lower_, "org_synonyms.txt")
        needed = {t.lower_ for t in named}
        fitting = [o for o in self.orgs if o["mentions"] and _fits(o["name"], nouns, needed)]
        fitting += [r for r in self.named_orgs if _fits(r.name, nouns, needed)]
        org = _last_before(fitting, span.start_char) or (fitting[0] if fitting else None)
        if isinstance(org, Referent):
            return org
        if org is not None:
            return Referent("organisation", ("org", org["id"]), org["name"])
        if named:  # "O'Malley's campaign" is the "O'Malley campaign"
            text = " ".join(
                t.text for t in self.doc[named[0].i : root.i + 1] if t.text not in POSSESSIVE
            )
            referent = Referent("organisation", ("named", norm(text)), text)
            self.named_orgs.append(referent)
            return referent
        return Referent("group", ("group", norm(span.text)))

    def _role(self, span: Span, root: Token) -> int | None:
        """ "the governor": a person whose titles hold the role (or a synonym) and most of the
        mention's other words ("the Republican presidential nominee" is not the Libertarian
        one); the last named before it, in a headline the first after it."""
        roles = synonyms(bare(root.text))
        wanted = {bare(t.text) for t in span if t.is_alpha and t.pos_ != "DET"}
        scores = {
            i: len(p.role_words & wanted) for i, p in enumerate(self.people) if p.role_words & roles
        }
        if not scores:
            return None
        best = max(scores.values())
        fitting = {i for i, score in scores.items() if score == best}
        before = [(s, i) for s, i, _ in self.named if s < root.idx and i in fitting]
        if before:
            last_start, last = before[-1]
            if self._sentence(root.idx) - self._sentence(last_start) <= 1:
                return last
            # Named a while ago: the one the article names most ("the senator" is its subject).
            counts = {i: sum(1 for _, j in before if j == i) for _, i in before}
            return max(reversed(before), key=lambda b: counts[b[1]])[1]
        after = [(s, i) for s, i, _ in self.named if i in fitting]
        return after[0][1] if after else None

    @staticmethod
    def _definite(root: Token) -> bool:
        """ "the Kentucky Republican": a singular noun after "the"."""
        return root.tag_ in ("NN", "NNP") and any(
            t.dep_ == "det" and t.lower_ == "the" for t in root.lefts
        )

    def _last_subject(self, root: Token) -> int | None:
        """The person last named as a subject (or last quoted) before ``root``, of the gender
        the noun shows ("businessman", "congresswoman")."""
        word = root.lower_
        gender = "female" if word.endswith("woman") else "male" if word.endswith("man") else None
        for position, index, subject in reversed(self.named):
            if position >= root.idx or not subject:
                continue
            if gender is None or self.people[index].gender in (None, gender):
                return index
        return None

    def _unlisted_name(self, root: Token) -> Referent:
        """A proper name the language model did not tag: the name is the words as written."""
        start = min((t.i for t in root.lefts if t.dep_ in NAME_DEPS), default=root.i)
        name = clean_name(self.doc, start, root.i + 1)
        if name is None:
            return UNKNOWN
        opener = self.doc[name.start].is_sent_start and name.words[0].lower() not in first_names()
        if len(name.words) < 2 or opener:  # "Outside Carrier's plant"
            text = " ".join(name.words)
            return Referent("person", ("unlisted", text.lower()), text)
        # A full name: a person of its own from now on, a fair antecedent of the next "he".
        index = self.unlisted.get(name.text_key)
        if index is None:
            index = self.unlisted[name.text_key] = len(self.people)
            self.people.append(Person(*split_name(name.words), forms=[name]))
        return self._person(index)


def _untagged_name(token: Token) -> bool:
    """A proper name of two words or more that the language model tagged as nothing."""
    names = [t for t in token.lefts if t.dep_ in NAME_DEPS and t.pos_ == "PROPN"]
    return token.pos_ == "PROPN" and not token.ent_type_ and bool(names)


def _fits(name: str, nouns: set[str], needed: set[str]) -> bool:
    name_words = set(norm(name).split())
    return bool(name_words & nouns) and needed <= name_words


def _last_before(orgs: list, start: int):
    """The organisation (dict) mentioned last before ``start``; named referents have no
    offsets and count as mentioned before."""
    best, best_start = None, -1
    for org in orgs:
        if isinstance(org, Referent):
            return org
        starts = [m["start"] for m in org["mentions"] if m["start"] < start]
        if starts and max(starts) > best_start:
            best, best_start = org, max(starts)
    return best


def org_index(doc: Doc, orgs: list[dict]) -> dict[int, dict]:
    """Token index -> the organisation one of whose mentions covers it."""
    index: dict[int, dict] = {}
    for org in orgs:
        for mention in org["mentions"]:
            span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
            for token in span or ():
                index[token.i] = org
    return index
