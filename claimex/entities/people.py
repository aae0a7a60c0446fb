"""The people of one article: every name mention clustered into one person with a full name.

"Dmytro Ponomarenko" ... "Ponomarenko", "Mrs. Clinton" ... "Hillary Clinton": a surname alone
joins the person with that surname mentioned last before it (or first after it, in a
headline). Gender comes from honorifics and from a pronoun that follows the name in the same
sentence with no other person in between ("said Ponomarenko in his opening remarks").
The language model sometimes tags a person as an organisation ("Getmanchuk warned"); such
spans are taken as people when their words are a known person's, or when they act like one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span

from claimex.entities.names import (
    POSSESSIVE,
    NameSpan,
    bare,
    clean_name,
    common_words,
    honorifics,
    is_title_word,
    joining_word,
    pronoun_genders,
    split_name,
    tokens_matching,
    word_pattern,
)
from claimex.entities.orgspans import organisation_tokens
from claimex.lexicons import entries, words
from claimex.text import doc_text, sentence


@dataclass
class Mention:
    name: NameSpan
    gender: str | None  # shown by an honorific right before the name
    weak: bool  # in a headline: joins a person, never makes one


@dataclass
class Person:
    first: str | None
    surname: str
    forms: list[NameSpan] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None
    title: str | None = None
    organisation: str | None = None
    role_words: set[str] = field(default_factory=set)  # every title word seen, lower case

    @property
    def name(self) -> str:
        """The fullest form: most words, first seen on a tie."""
        best = max(self.forms, key=lambda f: len(f.words))
        return " ".join(best.words)

    @property
    def aliases(self) -> list[str]:
        seen = {self.name}
        out = []
        for form in self.forms:
            text = " ".join(form.words)
            if text not in seen:
                seen.add(text)
                out.append(text)
        return out


def header_end(text: str) -> int:
    """Character offset where the first line (a headline) ends, 0 if nothing but white
    space follows it (one paragraph is a text of its own, not a headline)."""
    newline = text.find("\n", len(text) - len(text.lstrip()))
    return newline if newline > 0 and not text[newline:].isspace() else 0


def _is_acronym(span: Span) -> bool:
    letters = [c for c in span.text if c.isalpha()]
    return len(span) == 1 and len(letters) > 1 and all(c.isupper() for c in letters)


def _org_looks_like_person(span: Span, person_words: set[str]) -> bool:
    """An ORG span that names a person: no "the", no organisation word, and either a word
    of a PERSON name in the article, or alone as the subject of a verb ("Getmanchuk warned")."""
    first, last = span[0], span[-1]
    if _is_acronym(span) or bare(last.text) in words("org_heads.txt") | words("org_suffixes.txt"):
        return False
    if span.text in entries("org_known.txt") or any(t.text in "&/" for t in span):
        return False
    if any(t.lower_ in person_words for t in span if t.is_alpha and t.text[:1].isupper()):
        return True
    if len(span) > 2 and any(len(t.text) == 2 and t.text[1] == "." for t in span[1:-1]):
        return True  # a middle initial: "Vann R. Newkirk II"
    if first.lower_ in first_name_genders() and first.text[:1].isupper():
        return True  # "Nadia Petrova", or "Chelsea" alone
    if any(c.dep_ == "appos" and is_title_word(c) for c in span.root.children):
        return True  # "Nadia Petrova, a senior fellow at ..."
    if first.i > 0 and first.nbor(-1).lower_ == "the" or first.lower_ == "the":
        return False
    root = span.root
    # "Getmanchuk warned", and inverted after a quote: "..., warned Getmanchuk" (attr).
    return (
        len(span) == 1 and root.dep_ in ("nsubj", "nsubjpass", "attr") and root.head.pos_ == "VERB"
    )


def _first_name_before(doc: Doc, start: int, end: int) -> int:
    """Extend a name left over an untagged capitalised word the parser joins to it
    ("Amelize Joseph" when only "Joseph" is tagged)."""
    while start > 0:
        token = doc[start - 1]
        if start > 1 and _inner_hyphen(token) and doc[start - 2].is_title:
            start -= 2  # "Jan-Willem van der Berg" tagged from "Willem"
            continue
        if token.ent_type_ or token.pos_ != "PROPN" or token.dep_ != "compound":
            break
        if not token.is_alpha or not token.is_title or bare(token.text) in words("titles.txt"):
            break
        if token.head.i < start or token.head.i >= end:
            break
        start -= 1
    return start


def _mention(doc: Doc, span: Span, weak_before: int, common: frozenset[str]) -> Mention | None:
    start = _first_name_before(doc, span.start, span.end)
    name = clean_name(doc, start, span.end, common)
    if name is None:
        return None
    gender = None
    if name.start > 0 and bare(doc[name.start - 1].text) in honorifics():
        gender = honorifics()[bare(doc[name.start - 1].text)]
    return Mention(name, gender, weak=name.start_char < weak_before)


def _inner_hyphen(token) -> bool:
    return token.text == "-" and not token.whitespace_ and not token.nbor(-1).whitespace_


def _title_before_name(span: Span) -> bool:
    """ "Charlotte Mayor" tagged as a person of its own right before "Jennifer Roberts"."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].ent_type_ != "PERSON" or doc[span.end].ent_iob_ != "B":
        return False
    return is_title_word(span[-1]) and span[-1].text[:1].isupper()


def _untagged_surnames(
    doc: Doc, text: str, found: list[Mention], common: frozenset[str]
) -> list[Span]:
    """Surnames the language model tagged elsewhere but not here ("Lynch said"); a word the
    model took for a name once ("Turnout") but the article also writes in lower case is none."""
    surnames = {split_name(m.name.words)[1] for m in found if not m.weak}
    if not surnames:
        return []
    covered = {i for m in found for i in range(m.name.start, m.name.end)}
    return [
        doc[t.i : t.i + 1]
        for t in tokens_matching(doc, text, word_pattern(sorted(surnames), re.IGNORECASE))
        if t.i not in covered
        and t.text[:1].isupper()
        and _alone(t)
        and (t.lower_ not in common or _acts(t))
    ]


def _acts(token) -> bool:
    """ "Price argued": a surname that is also a word ("price") counts where it is the
    subject of a verb."""
    return (token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ == "VERB") or (
        subject_taken_for_modal(token)
    )


def subject_taken_for_modal(token) -> bool:
    """ "While Will acknowledges", "Will wrote": a modal never comes right before a verb in
    the present "-s" form or the past, so what the parser took for one is the subject."""
    head = token.head
    return token.dep_ == "aux" and head.i == token.i + 1 and head.tag_ in ("VBZ", "VBD")


def _alone(token) -> bool:
    """Outside any entity, an entity of its own ("Syria, Schiff" taken for a place), or in a
    "work of art" (the model's guess for transcript lines such as "WALLACE: Let's start")."""
    if not token.ent_type_ or token.ent_type_ == "WORK_OF_ART":
        return True
    doc = token.doc
    return token.ent_iob_ == "B" and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")


def name_mentions(doc: Doc) -> list[Mention]:
    """Every person-name mention, in text order."""
    tagged = [e for e in doc.ents if e.label_ == "PERSON" and not _title_before_name(e)]
    # "Bloomberg" is the news agency, unless the article names a Michael Bloomberg.
    surnames = {e[-1].text for e in tagged if len(e) > 1 and not any(map(joining_word, e))}
    known = set(entries("org_known.txt")) - surnames
    persons = [e for e in tagged if not _names_organisation(e, known)]
    text = doc_text(doc)
    org_tokens = organisation_tokens(doc, text, surnames)
    person_words = {t.lower_ for e in persons for t in e if t.is_alpha and t.text[:1].isupper()}
    orgs = [e for e in doc.ents if e.label_ == "ORG" and _org_looks_like_person(e, person_words)]
    weak_before, common = header_end(text), common_words(text)
    found = [m for span in persons + orgs if (m := _mention(doc, span, weak_before, common))]
    found = [m for m in found if org_tokens.isdisjoint(range(m.name.start, m.name.end))]
    untagged = _untagged_surnames(doc, text, found, common)
    found += [
        m
        for span in untagged
        if span.start not in org_tokens and (m := _mention(doc, span, weak_before, common))
    ]
    return sorted(_no_families(found), key=lambda m: m.name.start_char)


def _names_organisation(span: Span, known: set[str]) -> bool:
    """A PERSON span that is a well-known organisation ("Breitbart News’") or ends in a word
    only organisations end in ("Our Principles PAC")."""
    name_words = [t.text for t in span if t.text not in POSSESSIVE]
    return bool(name_words) and (
        " ".join(name_words) in known or name_words[-1].lower() in words("org_suffixes.txt")
    )


def _plural_of(word: str, surnames: set[str]) -> bool:
    return word.endswith("s") and word[:-1] in surnames


def _no_families(found: list[Mention]) -> list[Mention]:
    """ "the Clintons" is a family, not a person: a one-word plural of a surname goes."""
    surnames = {split_name(m.name.words)[1] for m in found if len(m.name.words) > 1}
    return [
        m
        for m in found
        if not (len(m.name.words) == 1 and _plural_of(m.name.words[0].lower(), surnames))
    ]


def _choose(candidates: list[Person], mention: Mention, seen: _Seen) -> Person | None:
    """The person a short form means: the one mentioned last before it. Only a headline
    looks ahead; elsewhere a surname nobody had before ("President Obama" in an article
    that names "Michelle Obama" later) is someone of its own."""
    agreeing = [
        p for p in candidates if not (mention.gender and p.gender not in (None, mention.gender))
    ]
    if not agreeing:
        return None
    start = mention.name.start_char
    before = [p for p in agreeing if seen.salience(p, start)[0]]
    if before:
        # Two Cruzes: "Mr. Cruz" is the one the article names most (of the mention's gender,
        # when it shows one and some are known to have it), else the last named.
        same = [p for p in before if mention.gender and p.gender == mention.gender]
        if same or not mention.gender:
            return max(same or before, key=lambda p: seen.salience(p, start))
        return max(before, key=lambda p: seen.salience(p, start)[1])
    later = [p for p in agreeing if mention.gender and p.gender == mention.gender]
    if not mention.weak and len(later) == 1:
        return later[0]  # "Cheers, Ms. Yellen" above "Janet Yellen, the chairwoman"
    if not mention.weak:
        return None
    return min(agreeing, key=lambda p: p.forms[0].start_char)


class _Seen:
    """What :func:`cluster` asks of the people so far, indexed as they grow instead of
    scanned for each mention (a name said on every line has thousands of mentions): where
    each is mentioned, and the last words of their forms ("Plaats" and "Vander Plaats" of
    "Bob Vander Plaats") with whose forms end so."""

    def __init__(self) -> None:
        self.starts: dict[int, list[int]] = {}  # id(person) -> its mentions' starts, sorted
        self.places: dict[int, int] = {}  # id(person) -> its place in the people's order
        self.owners: dict[tuple[str, ...], dict[int, Person]] = {}  # tail -> place -> person
        self.of_longer: set[tuple[str, ...]] = set()  # the tails shorter than their form

    def add(self, person: Person, mention: Mention) -> None:
        insort(self.starts.setdefault(id(person), []), mention.name.start_char)
        if mention.weak:  # a headline's "Obama Says" is no form of the name
            return
        words = mention.name.words
        place = self.places.setdefault(id(person), len(self.places))
        for size in range(1, len(words) + 1):
            self.owners.setdefault(words[-size:], {})[place] = person
            if size < len(words):
                self.of_longer.add(words[-size:])

    def salience(self, person: Person, start: int) -> tuple[int, int | None]:
        """(mentions of ``person`` before ``start``, where the last of them is)."""
        starts = self.starts.get(id(person), [])
        count = bisect_left(starts, start)
        return count, starts[count - 1] if count else None

    def ending(self, words: tuple[str, ...]) -> list[Person]:
        """The people with a form ending in ``words``, in their order."""
        return [person for _, person in sorted(self.owners.get(words, {}).items())]


def _add(person: Person, mention: Mention, seen: _Seen) -> None:
    person.mentions.append(mention)
    if not mention.weak:  # a headline's "Obama Says" is no form of the name
        person.forms.append(mention.name)
    seen.add(person, mention)
    if mention.gender and person.gender is None:
        person.gender = mention.gender


def cluster(mentions: list[Mention]) -> list[Person]:
    """Full names first (each (first, surname) pair is one person), then short forms."""
    people: list[Person] = []
    by_key: dict[tuple[str, str], Person] = {}
    short: list[Mention] = []
    seen = _Seen()
    for mention in mentions:
        first, surname = split_name(mention.name.words)
        if first is None or mention.weak or _ends_a_name(seen, mention):
            short.append(mention)
            continue
        person = by_key.get((first, surname))
        if person is None:
            gender = first_name_genders().get(first)
            person = by_key[(first, surname)] = Person(first, surname, gender=gender)
            people.append(person)
        _add(person, mention, seen)
    for mention in sorted(short, key=lambda m: m.weak):  # headlines last: they only join
        _attach_short(people, mention, seen)
    for person in people:
        person.mentions.sort(key=lambda m: m.name.start_char)
    return people


def _ends_a_name(seen: _Seen, mention: Mention) -> bool:
    """ "Vander Plaats" after "Bob Vander Plaats": the last words of a longer name, the first
    of them no first name."""
    name_words = mention.name.words
    if name_words[0].lower() in first_name_genders():
        return False
    return name_words in seen.of_longer


def _attach_short(people: list[Person], mention: Mention, seen: _Seen) -> None:
    if len(mention.name.words) > 1 and _ends_a_name(seen, mention):
        person = _choose(seen.ending(mention.name.words), mention, seen)
        if person is not None:
            _add(person, mention, seen)
            return
    first, surname = split_name(mention.name.words)
    key = surname if first is None else first
    by_surname = [p for p in people if p.surname == surname and (first is None or p.first == first)]
    if mention.weak and not by_surname:  # a headline's "Obama Says": any word may be the name
        lowered = {w.lower() for w in mention.name.words}
        by_surname = [p for p in people if p.surname in lowered]
    person = _choose(by_surname, mention, seen)
    if person is None and first is None:
        person = _choose(
            [p for p in people if p.first == key and p.forms[0].words != mention.name.words],
            mention,
            seen,
        )
    if person is None:
        if mention.weak:
            return
        person = Person(first, surname)
        people.append(person)
    _add(person, mention, seen)


def _pronoun_after(
    doc: Doc, mention: Mention, person_tokens: dict[int, int], me: int, seen: dict
) -> str | None:
    """Gender of the first he/she/his/her after the name in its sentence, if no other
    person comes between. ``seen`` holds the answers from the ends of this person's later
    mentions: the search from an earlier one stops there (a sentence naming the same person
    many times is read once, not once per mention)."""
    sent_end = sentence(doc[mention.name.start]).end
    found = None
    for i in range(mention.name.end, sent_end):
        if (me, i) in seen:
            found = seen[me, i]
            break
        owner = person_tokens.get(i)
        if owner is not None and owner != me:
            break
        token = doc[i]
        # "he"/"she" and "his"/"her" before a noun; an object "her" is someone else.
        if token.tag_ == "PRP$" or token.tag_ == "PRP" and token.dep_.startswith("nsubj"):
            if token.lower_ in pronoun_genders():
                found = pronoun_genders()[token.lower_]
                break
    seen[me, mention.name.end] = found
    return found


@cache
def first_name_genders() -> dict[str, str]:
    return {n.lower(): g for n, g in (e.split() for e in entries("first_names.txt"))}


def add_gender(doc: Doc, people: list[Person]) -> None:
    """Gender from the first name, else by majority of the pronouns that follow the names
    (honorifics were read while clustering)."""
    person_tokens = token_owners(people)
    seen: dict[tuple[int, int], str | None] = {}
    for index, person in enumerate(people):
        person.gender = person.gender or first_name_genders().get(person.first or "")
        if person.gender:
            continue
        # A surname shared with another person ("Scott") may be the other one: no vote.
        shared = sum(p.surname == person.surname for p in people) > 1
        sure = [m for m in person.mentions if len(m.name.words) > 1 or not shared]
        latest_first = sorted(sure, key=lambda m: m.name.end, reverse=True)
        votes = [_pronoun_after(doc, m, person_tokens, index, seen) for m in latest_first]
        males, females = votes.count("male"), votes.count("female")
        if males != females:
            person.gender = "male" if males > females else "female"


def token_owners(people: list[Person]) -> dict[int, int]:
    """Token index -> index of the person whose name covers it."""
    owners: dict[int, int] = {}
    for index, person in enumerate(people):
        for mention in person.mentions:
            for i in range(mention.name.start, mention.name.end):
                owners[i] = index
    return owners


# The organisation component finds the people first (to drop them from organisations); the
# speaker component, later in the same pipeline, takes them from here instead of again.
_LENT: dict[tuple, list[Person]] = {}
MAX_LENT = 256  # more than a batch of nlp.pipe


def _doc_key(doc: Doc) -> tuple:
    return id(doc), len(doc), tuple((e.start, e.end, e.label) for e in doc.ents)


def release_people(doc: Doc) -> None:
    """Drop what :func:`find_people` kept for ``doc`` (its speakers need no people)."""
    _LENT.pop(_doc_key(doc), None)


def find_people(doc: Doc, keep: bool = False) -> list[Person]:
    """The people of ``doc``; ``keep`` leaves them for one later call on the same doc
    (which may then change them: each list is handed out at most twice)."""
    key = _doc_key(doc)
    people = _LENT.pop(key, None)
    if people is None:
        people = cluster(name_mentions(doc))
        add_gender(doc, people)
        if keep:
            while len(_LENT) >= MAX_LENT:
                _LENT.pop(next(iter(_LENT)))
            _LENT[key] = people
    return people
