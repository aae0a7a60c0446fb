"""Person names as written: cleaning entity spans and splitting them into first name and surname.

The language model's PERSON spans carry titles ("Representative Charles B. Rangel"),
possessives ("Donald Trump's") and stray punctuation ("Jun."); the registry needs the bare
name with exact character offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from claimex.lexicons import entries, words
from claimex.text import without_invisible

POSSESSIVE = {"'s", "’s", "'", "’"}
QUOTE_MARKS = set("\"'“”‘’«»„`")
DASHES = {"-", "–", "—", "--"}


def bare(text: str) -> str:
    """Lower case without a trailing full stop: "Gov." -> "gov"."""
    return text.lower().rstrip(".")


@cache
def honorifics() -> dict[str, str | None]:
    """Honorific -> gender it shows (None when it shows none)."""
    table: dict[str, str | None] = {}
    for entry in entries("honorifics.txt"):
        word, gender = entry.split()
        table[word.lower()] = None if gender == "-" else gender
    return table


@cache
def pronoun_genders() -> dict[str, str]:
    return {w.lower(): g for w, g in (e.split() for e in entries("pronouns.txt"))}


def is_honorific(token: Token) -> bool:
    return bare(token.text) in honorifics()


def is_title_word(token: Token) -> bool:
    return bare(token.text) in words("titles.txt") or is_honorific(token)


def _inner_hyphen(token: Token) -> bool:
    return (
        token.text == "-"
        and not token.whitespace_
        and token.i > 0
        and not token.nbor(-1).whitespace_
    )


def is_name_word(token: Token) -> bool:
    """A word that can be part of a name: capitalised, an initial, a particle ("bin") or a
    piece of a hyphenated name ("Hea-won")."""
    text = token.text
    if text.lower() in words("name_particles.txt") or _inner_hyphen(token):
        return True
    if token.i > 0 and _inner_hyphen(token.nbor(-1)):
        return True
    return text[:1].isupper() and any(c.isalpha() for c in text)


def joining_word(token: Token) -> bool:
    """A lower-case word such as "of" inside a tagged name: "Travis Kalanick of Uber" is a
    name and an organisation."""
    if not (token.is_alpha and token.text.islower()) or token.text in words("name_particles.txt"):
        return False
    return not (token.i > 0 and _inner_hyphen(token.nbor(-1)))  # "Jun Hea-won"


@dataclass(frozen=True)
class NameSpan:
    """A cleaned name: token range [start, end), exact character range and the words."""

    start: int
    end: int
    start_char: int
    end_char: int
    words: tuple[str, ...]

    @property
    def text_key(self) -> str:
        return " ".join(w.lower() for w in self.words)


def _trim_right(doc: Doc, start: int, end: int, common: frozenset[str]) -> int:
    """Drop possessives, punctuation and a trailing common word ("Obama Speech", when the
    article writes "speech" in lower case elsewhere)."""
    for i in range(start + 1, end):  # "Dave Leip's Atlas": the name ends at the possessive
        if doc[i].text in POSSESSIVE or joining_word(doc[i]):
            end = i
            break
    while end > start and (doc[end - 1].text in POSSESSIVE or not is_name_word(doc[end - 1])):
        end -= 1
    while end - start > 1 and doc[end - 2].whitespace_ and doc[end - 1].lower_ in common:
        if end - start == 2 and doc[start].lower_ in first_names():
            break  # "Henry Price" in an article about the price of fuel
        end -= 1
    return end


@cache
def first_names() -> frozenset[str]:
    return frozenset(entry.split()[0].lower() for entry in entries("first_names.txt"))


LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")


def common_words(text: str) -> frozenset[str]:
    """Words the article writes in lower case: such a word is no name."""
    return frozenset(LOWER_WORD.findall(text))


def tokens_matching(doc: Doc, text: str, pattern: re.Pattern) -> list[Token]:
    """Single tokens whose text matches ``pattern``, found by searching ``text`` (= doc.text,
    built once by the caller): much faster than visiting every token of a long article."""
    found = []
    for match in pattern.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1:
            found.append(span[0])
    return found


def word_pattern(alternatives, flags: int = 0) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, alternatives)) + r")\b", flags)


def _trim_left(doc: Doc, start: int, end: int) -> int:
    """Drop leading titles, honorifics and non-name tokens; a title word inside the span
    ("Representative Charles B. Rangel") cuts everything before it, unless it is the last word
    ("Charlie King"); so does a describing word ("Billionaire Donald Trump")."""
    for i in range(end - 2, start - 1, -1):
        describing = is_title_word(doc[i]) or bare(doc[i].text) in words("epithets.txt")
        # "ROME - Bernie Sanders" (a spaced dash, not the hyphen of "Jan-Willem")
        dash = doc[i].text in DASHES and (bool(doc[i].whitespace_) or doc[i - 1].whitespace_ != "")
        breaking = doc[i].text in QUOTE_MARKS or dash
        if describing and doc[i].text[:1].isupper() or breaking:
            start = i + 1
            break
    particles = words("name_particles.txt")
    while start < end and (
        not is_name_word(doc[start])
        or doc[start].text[:1].islower()
        and doc[start].text not in particles
    ):
        start += 1
    # "Celebrities Julianne Moore", "Stated Stone": a plural noun or a verb opening the sentence.
    opener = doc[start].tag_ in ("NNS", "NNPS") or doc[start].tag_.startswith("VB")
    if end - start > 1 and opener and doc[start].is_sent_start:
        start += 1
    return start


def clean_name(
    doc: Doc, start: int, end: int, common: frozenset[str] = frozenset()
) -> NameSpan | None:
    """The bare name inside tokens [start, end), or None if no name word is left."""
    end = _trim_right(doc, start, end, common)
    start = _trim_left(doc, start, end)
    if start >= end:
        return None
    start_char, end_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    last = doc[end - 1].text
    # "Jun." at the end of a sentence: the full stop is punctuation, not an abbreviation.
    if last.endswith(".") and len(last) > 3 and bare(last) not in words("name_suffixes.txt"):
        end_char -= 1
    text = doc[start:end].text[: end_char - start_char]  # doc.text would rebuild the whole text
    name_words = tuple(without_invisible(text).replace("’s", "").split())
    if not any(w[:1].isupper() and len(w.rstrip(".")) > 1 for w in name_words):
        return None
    if all(is_honorific(t) for t in doc[start:end]):
        return None  # "Mr." alone is no name ("Mr. King" is: titles may be surnames)
    return NameSpan(start, end, start_char, end_char, name_words)


def split_name(name_words: tuple[str, ...]) -> tuple[str | None, str]:
    """(first name or None, surname), lower case: "John G. Roberts Jr." -> ("john", "roberts")."""
    core = [w for w in name_words if w.strip(".,").lower() not in words("name_suffixes.txt")]
    core = core or list(name_words)
    surname = core[-1].strip(".,").lower()
    if len(core) == 1 or core[0].lower() in words("name_particles.txt"):
        return None, surname
    return core[0].strip(".,").lower(), surname
